using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>French dates as printed in acts: <c>13/02/2025</c>, <c>13.02.2025</c>, <c>2024-04-16</c>, <c>13 février 2025</c>,
/// <c>jeudi 1er mars 2025</c>, <c>13 fevrier 2025</c> (OCR without accents), and in words (« le quinze mars deux mille
/// vingt-trois », « L'an deux mille vingt-quatre, le onze avril »). Searches run on the folded text
/// (<see cref="Document.Pli"/>), so offsets are those of <see cref="Document.Texte"/>.</summary>
public static partial class Dates
{
    public sealed record DateLue(DateOnly Date, int Debut, int Longueur);

    static readonly string[] Mois = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

    public static int? NumeroMois(string mot)
    {
        var m = Document.Plier(mot).Trim('.');
        for (var i = 0; i < Mois.Length; i++)
            if (Mois[i] == m || (m.Length >= 3 && Mois[i].StartsWith(m, StringComparison.Ordinal) && m is "janv" or "fevr" or "sept" or "oct" or "nov" or "dec" or "avr" or "juil")) return i + 1;
        return null;
    }

    /// <summary>Every date in digits or with the month in letters, in order (year-less dates are skipped).</summary>
    public static List<DateLue> Toutes(string pli)
    {
        var r = new List<DateLue>();
        foreach (Match m in RegexNumerique().Matches(pli))
            if (Creer(m.Groups["a"].Value, m.Groups["m"].Value, m.Groups["j"].Value) is { } d) r.Add(new(d, m.Index, m.Length));
        foreach (Match m in RegexIso().Matches(pli))
            if (Creer(m.Groups["a"].Value, m.Groups["m"].Value, m.Groups["j"].Value) is { } d) r.Add(new(d, m.Index, m.Length));
        foreach (Match m in RegexLitterale().Matches(pli))
            if (NumeroMois(m.Groups["m"].Value) is { } mois && Creer(m.Groups["a"].Value, mois.ToString(), m.Groups["j"].Value == "1er" ? "1" : m.Groups["j"].Value) is { } d)
                r.Add(new(d, m.Index, m.Length));
        foreach (Match m in RegexEnLettres().Matches(pli))
            if (EnLettres(m) is { } d) r.Add(new(d, m.Index, m.Length));
        foreach (Match m in RegexAnPuisJour().Matches(pli))
            if (AnPuisJour(m) is { } d) r.Add(new(d, m.Index, m.Length));
        return r.OrderBy(d => d.Debut).ToList();
    }

    /// <summary>The first date starting within <paramref name="fenetre"/> characters after <paramref name="debut"/>.</summary>
    public static DateLue? Apres(string pli, int debut, int fenetre)
    {
        var fin = Math.Min(pli.Length, debut + fenetre);
        return Toutes(pli[debut..fin]).FirstOrDefault() is { } d ? d with { Debut = d.Debut + debut } : null;
    }

    /// <summary>« du 1er janvier au 31 décembre 2025 », « du 15 septembre 2025 au 30 juin 2026 », « du 01/03/2025 au
    /// 28/02/2026 »: the first such period in <paramref name="pli"/>, the first date taking the year of the second when it
    /// has none (the year before if it would otherwise end before it starts).</summary>
    public static (DateOnly Debut, DateOnly Fin, int Index, int Longueur)? Periode(string pli)
    {
        foreach (Match m in RegexPeriode().Matches(pli))
        {
            var fin = Toutes(m.Groups["f"].Value).FirstOrDefault();
            if (fin is null) continue;
            var texteDebut = m.Groups["d"].Value;
            var debut = Toutes(texteDebut).FirstOrDefault()?.Date;
            if (debut is null)
            {
                var sansAn = RegexSansAn().Match(texteDebut);
                if (!sansAn.Success || NumeroMois(sansAn.Groups["m"].Value) is not { } mois) continue;
                var jour = sansAn.Groups["j"].Value == "1er" ? 1 : int.Parse(sansAn.Groups["j"].Value);
                if (Creer(fin.Date.Year.ToString(), mois.ToString(), jour.ToString()) is not { } d) continue;
                debut = d > fin.Date ? d.AddYears(-1) : d;
            }
            if (debut > fin.Date) continue;
            return (debut.Value, fin.Date, m.Index, m.Length);
        }
        return null;
    }

    static DateOnly? EnLettres(Match m)
    {
        var jour = Nombres.LireEnLettres(m.Groups["j"].Value);
        var an = Nombres.LireEnLettres(m.Groups["a"].Value);
        var mois = NumeroMois(m.Groups["m"].Value);
        return jour is null || an is null || mois is null ? null : Creer(an.Value.ToString(), mois.Value.ToString(), jour.Value.ToString());
    }

    static DateOnly? AnPuisJour(Match m)
    {
        var an = Nombres.LireEnLettres(m.Groups["a"].Value);
        var jour = m.Groups["j"].Value is var j && char.IsAsciiDigit(j[0]) ? int.Parse(j.Replace("er", "")) : Nombres.LireEnLettres(j);
        var mois = NumeroMois(m.Groups["m"].Value);
        return jour is null || an is null || mois is null ? null : Creer(an.Value.ToString(), mois.Value.ToString(), jour.Value.ToString());
    }

    static DateOnly? Creer(string a, string m, string j)
    {
        if (!int.TryParse(a, out var an) || !int.TryParse(m, out var mois) || !int.TryParse(j, out var jour)) return null;
        if (an < 100) an += 2000;
        if (an is < 1950 or > 2100 || mois is < 1 or > 12 || jour < 1 || jour > DateTime.DaysInMonth(an, mois)) return null;
        return new DateOnly(an, mois, jour);
    }

    const string NomMois = @"(?<m>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv\.|fevr\.|sept\.|oct\.|nov\.|dec\.)";
    const string LettresNombre = @"(?:" + Nombres.MotNombre + @"(?:[ -]+" + Nombres.MotNombre + @")*)";

    [GeneratedRegex(@"(?<!\d)(?<j>\d{1,2})[/.](?<m>\d{1,2})[/.](?<a>\d{4}|\d{2})(?!\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNumerique();
    [GeneratedRegex(@"(?<!\d)(?<a>\d{4})-(?<m>\d{2})-(?<j>\d{2})(?!\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexIso();
    [GeneratedRegex(@"(?<!\d)(?<j>1er|\d{1,2})\s+" + NomMois + @"\s+(?<a>\d{4})(?!\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexLitterale();
    [GeneratedRegex(@"\b(?<j>" + LettresNombre + @")\s+" + NomMois + @"\s+(?:de l'an\s+|de l'annee\s+|de l'an de grace\s+)?(?<a>deux mille" + @"(?:[ -]+" + Nombres.MotNombre + @")*)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEnLettres();
    [GeneratedRegex(@"\bl'an\s+(?<a>deux mille(?:[ -]+" + Nombres.MotNombre + @")*)\s*,?\s*(?:et\s+)?(?:le\s+)?(?<j>1er|\d{1,2}|" + LettresNombre + @")\s+(?:du mois d[e']\s*)?" + NomMois, RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAnPuisJour();
    [GeneratedRegex(@"\bdu\s+(?<d>(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:1er|\d{1,2})(?:\s+" + NomMois + @"(?:\s+\d{4})?|[/.]\d{1,2}[/.]\d{2,4}))\s+(?:au|jusqu'au)\s+(?<f>(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:1er|\d{1,2})(?:\s+" + NomMois + @"\s+\d{4}|[/.]\d{1,2}[/.]\d{2,4}))", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexPeriode();
    [GeneratedRegex(@"(?<j>1er|\d{1,2})\s+" + NomMois, RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSansAn();
}
