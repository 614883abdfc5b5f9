using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>French number grammar as printed in acts: amounts <c>12.500,00 €</c>, <c>12 500 euros</c>, <c>150 000 €</c>,
/// <c>9 850 € TTC</c>, <c>1 234,5 €</c>; percentages <c>3,5 %</c>; numbers in words (« vingt-quatre », « deux mille
/// vingt-trois », « quatre-vingt-dix-neuf », « soixante et onze »).</summary>
public static partial class Nombres
{
    /// <summary>An amount in euros found in a text: value, span, and the tax mention that follows (HT/TTC) if any.</summary>
    public sealed record Montant(decimal Valeur, int Debut, int Longueur, string? Taxe);

    /// <summary>Every amount followed by <c>€</c>, <c>EUR</c> or <c>euros</c> in <paramref name="texte"/>, in order.
    /// Groups of thousands may be separated by a space, a dot or nothing; decimals by a comma (or a dot followed by
    /// exactly two digits when no comma follows).</summary>
    public static IEnumerable<Montant> Montants(string texte)
    {
        foreach (Match m in RegexMontant().Matches(texte))
            if (LireNombre(m.Groups["n"].Value) is { } v)
                yield return new Montant(v, m.Index, m.Length, m.Groups["t"].Success ? m.Groups["t"].Value.ToUpperInvariant() : null);
    }

    /// <summary>A French-written number (<c>12.500,00</c>, <c>12 500</c>, <c>3,5</c>, <c>1,234.50</c> is not French and is
    /// read as 1.2345 → refused); null when it is not one.</summary>
    public static decimal? LireNombre(string s)
    {
        s = s.Trim().Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        if (s.Length == 0) return null;
        var virgule = s.LastIndexOf(',');
        string entier, decimales = "";
        if (virgule >= 0) { entier = s[..virgule]; decimales = s[(virgule + 1)..]; }
        else if (RegexDecimalesPoint().IsMatch(s)) { var p = s.LastIndexOf('.'); entier = s[..p]; decimales = s[(p + 1)..]; }
        else entier = s;
        if (entier.Contains('.'))
        {
            // Dots are thousands separators: every group after the first has three digits.
            var groupes = entier.Split('.');
            if (groupes.Skip(1).Any(g => g.Length != 3)) return null;
            entier = string.Concat(groupes);
        }
        if (entier.Length == 0 || !entier.All(char.IsAsciiDigit) || !decimales.All(char.IsAsciiDigit)) return null;
        return decimal.Parse(decimales.Length > 0 ? entier + "." + decimales : entier, CultureInfo.InvariantCulture);
    }

    /// <summary>Percentages (<c>40 %</c>, <c>3,5 %</c>, <c>50 pour cent</c>) with their span.</summary>
    public static IEnumerable<(decimal Valeur, int Debut, int Longueur)> Pourcentages(string texte)
    {
        foreach (Match m in RegexPourcentage().Matches(texte))
            if (LireNombre(m.Groups["n"].Value) is { } v) yield return (v, m.Index, m.Length);
    }

    static readonly Dictionary<string, int> Unites = new()
    {
        ["zero"] = 0, ["un"] = 1, ["une"] = 1, ["premier"] = 1, ["premiere"] = 1, ["1er"] = 1, ["deux"] = 2, ["trois"] = 3,
        ["quatre"] = 4, ["cinq"] = 5, ["six"] = 6, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10, ["onze"] = 11,
        ["douze"] = 12, ["treize"] = 13, ["quatorze"] = 14, ["quinze"] = 15, ["seize"] = 16, ["vingt"] = 20, ["vingts"] = 20,
        ["trente"] = 30, ["quarante"] = 40, ["cinquante"] = 50, ["soixante"] = 60,
    };

    /// <summary>The value of a number written in French words, accents and case ignored (« Deux mille vingt-trois » → 2023,
    /// « quatre-vingt-dix » → 90, « soixante et onze » → 71, « trente et un » → 31); null when a word is not a number word.</summary>
    public static int? LireEnLettres(string mots)
    {
        var jetons = Document.Plier(mots).Split([' ', '-', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(j => j != "et").ToList();
        if (jetons.Count == 0) return null;
        long total = 0, courant = 0;
        for (var i = 0; i < jetons.Count; i++)
        {
            var j = jetons[i];
            if (Unites.TryGetValue(j, out var u))
            {
                // « quatre-vingt(s) » is 80: a four right before « vingt » multiplies it.
                if ((j is "vingt" or "vingts") && courant % 100 == 4 && i > 0 && jetons[i - 1] == "quatre") courant += 80 - 4;
                else courant += u;
            }
            else if (j is "cent" or "cents") courant = (courant == 0 ? 1 : courant) * 100;
            else if (j is "mille" or "mil") { total += (courant == 0 ? 1 : courant) * 1000; courant = 0; }
            else if (j is "million" or "millions") { total += (courant == 0 ? 1 : courant) * 1_000_000; courant = 0; }
            else return null;
        }
        var v = total + courant;
        return v > int.MaxValue ? null : (int)v;
    }

    /// <summary>Words that may belong to a number written in letters (for scanning a sentence).</summary>
    public const string MotNombre = @"(?:zero|une?|premiere?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|mil|et)";

    [GeneratedRegex(@"(?<![\d,.])(?<n>\d{1,3}(?:[ .\u00A0\u202F]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?|\d+\.\d{2}(?!\d))\s*(?:€|eur\b|euros?\b|EUR\b|EUROS?\b|Euros?\b)(?:\s*(?<t>HT|TTC|H\.T\.|T\.T\.C\.)(?![\p{L}]))?", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexMontant();
    [GeneratedRegex(@"^\d+\.\d{2}$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexDecimalesPoint();
    [GeneratedRegex(@"(?<![\d,.])(?<n>\d{1,3}(?:,\d{1,2})?)\s*(?:%|pour\s*cent\b)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexPourcentage();
}
