namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>Bounds of the reader against hostile or huge texts: every regular expression of the reader stops after
/// <see cref="DelaiRegexMs"/> (the rule that fails leaves its field empty), and only the first
/// <see cref="LongueurMax"/> characters of a text are read.</summary>
public static class Garde
{
    /// <summary>A backstop only: the rules are linear (work counted by <see cref="Document"/>), so the time limit is set
    /// far above a normal reading to stay silent on a loaded machine, where 200 ms could empty a field.</summary>
    public const int DelaiRegexMs = 2_000;
    public const int LongueurMax = 200_000;
    public const string AvertissementTronque = "Seuls les 200 000 premiers caractères ont été lus.";
    public static readonly TimeSpan Delai = TimeSpan.FromMilliseconds(DelaiRegexMs);
}
