using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>Transmission to the prefecture: the ACTES identifier <c>DDD-SIREN-AAAAMMJJ-NUM-NATURE</c> (département on
/// 3 characters, <c>02A</c>/<c>02B</c> for Corsica; natures DE, AR, AI, CC, BF, AU — @ctes naming rules, see
/// docs/standards/scdl-deliberations.md) and the date of receipt (« Reçu en préfecture le », « Réception par le préfet : »,
/// « Acquittement reçu », « Accusé de réception »), else the transmission date (« Transmis en préfecture le »,
/// « transmis au contrôle de légalité le », « Dépôt en préfecture le »).</summary>
public static partial class Transmission
{
    /// <summary>An ACTES identifier decomposed.</summary>
    public sealed record IdentifiantActes(string Valeur, string Departement, string Siren, DateOnly? Date, string Numero, string Nature, int Debut);

    public static IdentifiantActes? Identifiant(Document doc)
    {
        var m = RegexIdentifiant().Match(doc.Texte);
        if (!m.Success) return null;
        DateOnly? date = DateOnly.TryParseExact(m.Groups["date"].Value, "yyyyMMdd", out var d) ? d : null;
        return new(m.Value, m.Groups["dep"].Value, m.Groups["siren"].Value, date, m.Groups["num"].Value, m.Groups["nat"].Value, m.Index);
    }

    /// <summary>The receipt date if printed, else the sending date; with its passage.</summary>
    public static Dates.DateLue? Date(Document doc)
    {
        foreach (var regex in new[] { RegexRecu(), RegexTransmis() })
            foreach (Match m in regex.Matches(doc.Pli))
            {
                if (doc.DansCitation(m.Index)) continue;
                var fin = m.Index + m.Length;
                // The date is on the same line or the next one, close to the words.
                var d = Dates.Apres(doc.Pli, fin, 70);
                if (d is not null && !doc.Pli[fin..d.Debut].Contains("\n\n") && !RegexAutreDate().IsMatch(doc.Pli[fin..d.Debut])) return d;
            }
        return null;
    }

    /// <summary>SIREN (9 digits) of a SIRET or SIREN printed with a label (« SIRET : 213 009 178 00012 »), or null.</summary>
    public static string? Siren(Document doc)
    {
        var m = RegexSiret().Match(doc.Pli);
        if (!m.Success) return null;
        var chiffres = new string(m.Groups["n"].Value.Where(char.IsAsciiDigit).ToArray());
        return chiffres.Length is 9 or 14 ? chiffres[..9] : null;
    }

    [GeneratedRegex(@"(?<![\w-])(?<dep>\d{3}|02[AB])-(?<siren>\d{9})-(?<date>\d{8})-(?<num>[A-Za-z0-9_]{1,15})-(?<nat>DE|AR|AI|CC|BF|AU)(?![\w-])", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexIdentifiant();
    [GeneratedRegex(@"recue? (?:en|a la|par la) (?:sous-)?prefecture(?: le)?\s*:?\s*|reception (?:par le prefet|en (?:sous-)?prefecture|au controle de legalite)(?: le)?\s*:?\s*|recue? au controle de legalite(?: le)?\s*:?\s*|acquittement recu\s*:?\s*|date de reception(?: en prefecture| de l'ar)?\s*:?\s*|accuse de reception[^\n]{0,60}?(?:du|le|:)\s*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexRecu();
    [GeneratedRegex(@"(?:transmise?s?|envoyee?s?|transmission|teletransmise?s?|depot|deposee?s?)\s+(?:en|a la|au|a)\s+(?:sous-)?(?:prefecture|prefet|controle de legalite|representant de l'etat)(?:[^\n]{0,25}?\ble)?\s*:?\s*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexTransmis();
    [GeneratedRegex(@"publi|affich|signe|notifi", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAutreDate();
    [GeneratedRegex(@"\bsir[ee]n?t?\s*(?:n°)?\s*:?\s*(?<n>\d{3}\s?\d{3}\s?\d{3}(?:\s?\d{5})?)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSiret();
}
