using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Web;

/// <summary>Dates written in words, the French way: the first day of a month is an ordinal, « 1er avril 2026 », every other day a
/// cardinal, « 2 avril 2026 » (Imprimerie nationale, <i>Lexique des règles typographiques</i>; Académie française, « Dire, ne pas
/// dire »). .NET's « d MMMM » writes « 1 avril »: every date in words goes through here.</summary>
public static partial class DatesEnLettres
{
    public static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 1er avril 2026 », « 12 mars 2026 ».</summary>
    public static string Jour(DateOnly d) => Format(d.ToDateTime(TimeOnly.MinValue), "d MMMM yyyy");

    /// <summary>Formats with a .NET pattern holding a lone « d » (« dddd d MMMM 'à' HH'h'mm »), writing « 1er » on the first of the month.</summary>
    public static string Format(DateTime d, string format) =>
        d.ToString(d.Day == 1 ? JourSeul().Replace(format, "d'er'") : format, Fr);

    /// <summary>Same, for a calendar date.</summary>
    public static string Format(DateOnly d, string format) => Format(d.ToDateTime(TimeOnly.MinValue), format);

    /// <summary>A « d » alone (not « dd », « dddd »), outside quoted literals (which hold no « d » in the patterns used here).</summary>
    [GeneratedRegex("(?<![d'])d(?![d'])")]
    private static partial Regex JourSeul();
}
