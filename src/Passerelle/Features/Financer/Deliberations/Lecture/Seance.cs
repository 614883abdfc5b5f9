using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The session keys: organ, act number, session date, subject and ACTES matter.</summary>
public static partial class Seance
{
    public sealed record Valeur<T>(T Contenu, int Debut, int Longueur);

    /// <summary>The organ that met, read in the header first (the title « EXTRAIT DU REGISTRE … DU CONSEIL MUNICIPAL »),
    /// then in « Le Conseil …, après en avoir délibéré ». A bureau or a commission permanente wins over the council it
    /// belongs to (« La Commission permanente du Conseil départemental », « délégation du Conseil au Bureau »).</summary>
    public static Valeur<string>? Organe(Document doc)
    {
        var zones = new List<(int, int)> { (0, Math.Min(doc.Pli.Length, doc.FinEnTete + 400)) };
        if (doc.DebutDecision >= 0) zones.Add((Math.Max(0, doc.DebutDecision - 200), Math.Min(doc.Pli.Length, doc.DebutDecision + 100)));
        zones.Add((0, doc.Pli.Length));
        foreach (var (debut, fin) in zones)
        {
            var zone = doc.Pli[debut..fin];
            Valeur<string>? meilleur = null;
            var rangMeilleur = int.MaxValue;
            foreach (Match m in RegexOrgane().Matches(zone))
            {
                if (doc.EstBruit(debut + m.Index) || doc.DansCitation(debut + m.Index)) continue;
                var (code, rang) = m.Groups["c"].Success ? ("commission_permanente", 0)
                    : m.Groups["b"].Success ? ("bureau", 1)
                    : m.Groups["cm"].Success ? ("conseil_municipal", 2)
                    : m.Groups["cc"].Success ? ("conseil_communautaire", 2)
                    : m.Groups["cme"].Success ? ("conseil_metropolitain", 2)
                    : m.Groups["cd"].Success ? ("conseil_departemental", 3)
                    : ("conseil_regional", 3);
                if (rang < rangMeilleur) { meilleur = new(code, debut + m.Index, m.Length); rangMeilleur = rang; }
            }
            if (meilleur is not null) return meilleur;
        }
        return null;
    }

    /// <summary>The act's own number (« Délibération n° 25/0087/BM », « N° 2024-05-102 » alone or in a column, « Numéro de
    /// l'acte : »), never a number cited after « Vu », « par délibération », « rapport », « loi » or « avenant ». When the
    /// ACTES identifier is printed, the candidate it names (with <c>/</c> and <c>-</c> as <c>_</c>) is preferred.</summary>
    public static Valeur<string>? Numero(Document doc, string? numeroActes)
    {
        var candidats = new List<Valeur<string>>();
        foreach (Match m in RegexNumero().Matches(doc.Texte))
        {
            if (doc.DansCitation(m.Index)) continue;
            var avant = doc.Pli[Math.Max(0, m.Index - 40)..m.Index];
            if (RegexCiteAvant().IsMatch(avant)) continue;
            var etiquette = doc.Pli.Substring(m.Index, m.Groups["v"].Index - m.Index);
            // A bare « N° » counts only at a line start or as a column of its own.
            if (!etiquette.Contains("delib") && !etiquette.Contains("acte") && !RegexDebutColonne().IsMatch(avant)) continue;
            if (etiquette.Contains("delib") && !char.IsUpper(doc.Texte[m.Index]) && !RegexDebutColonne().IsMatch(avant)) continue;
            var v = m.Groups["v"].Value.TrimEnd('.', ',', ';', ':', ')');
            if (!v.Any(char.IsAsciiDigit)) continue;
            candidats.Add(new(v, m.Groups["v"].Index, v.Length));
        }
        if (numeroActes is not null)
            foreach (var c in candidats)
                if (RegexSeparateurs().Replace(c.Contenu, "_").Equals(numeroActes, StringComparison.OrdinalIgnoreCase)) return c;
        return candidats.FirstOrDefault(c => c.Debut < doc.FinEnTete + 300) ?? candidats.FirstOrDefault();
    }

    /// <summary>The session date: « Séance du … », « Conseil municipal du … », « Réunion du … », « s'est réuni le … »,
    /// « L'an deux mille vingt-trois, le quinze mars », then « Date de la décision », then the date part of the ACTES
    /// identifier. Never the notice, signature, publication or transmission date.</summary>
    public static Valeur<DateOnly>? DateSeance(Document doc, DateOnly? dateActes)
    {
        foreach (var regex in new[] { RegexSeance(), RegexReuni(), RegexAn(), RegexDateDecision() })
            foreach (Match m in regex.Matches(doc.Pli))
            {
                if (doc.DansCitation(m.Index) || doc.EstBruit(m.Index) || doc.Pli[doc.LigneDe(m.Index).Debut..m.Index].TrimStart().StartsWith("vu ")) continue;
                var debut = regex == RegexAn() ? m.Index : m.Index + m.Length;
                var d = Dates.Apres(doc.Pli, debut, regex == RegexAn() ? 160 : 90);
                if (d is not null && (regex == RegexAn() || d.Debut - debut < 25)) return new(d.Date, d.Debut, d.Longueur);
            }
        return dateActes is { } a ? new(a, -1, 0) : null;
    }

    /// <summary>The subject after « OBJET : », lines joined until a blank line, a rule or the next label; when no line is
    /// labelled so, the title that follows the act's number and a dash on its line (« N° 2025-014 — FINANCES — Attribution
    /// … », the theme kept as printed, as in « Inclusion numérique – Programme … »).</summary>
    public static Valeur<string>? Objet(Document doc)
    {
        var m = RegexObjet().Match(doc.Pli);
        // Without the label, the title printed after the act's number: « N° 2025-014 — FINANCES — Attribution … ».
        if (!m.Success) m = Document.RegexTitreNumero().Match(doc.Pli);
        if (!m.Success || doc.DansCitation(m.Index)) return null;
        var debut = m.Index + m.Length;
        var k = doc.IndexLigne(debut);
        var fin = doc.Lignes[k].Fin;
        for (var i = k + 1; i < doc.Lignes.Count; i++)
        {
            var l = doc.Lignes[i];
            var pli = doc.Pli[l.Debut..l.Fin].Trim();
            if (pli.Length == 0 || l.Bruit || RegexEtiquette().IsMatch(pli) || i - k > 6) break;
            fin = l.Fin;
        }
        var valeur = doc.Joindre(debut, fin).Trim('*', ' ');
        while (debut < fin && (char.IsWhiteSpace(doc.Texte[debut]) || doc.Texte[debut] == '*')) debut++;
        return valeur.Length == 0 ? null : new(valeur, debut, fin - debut);
    }

    /// <summary>ACTES matter code printed after « Code matière », « Matière », « Nomenclature (ACTES) » or « Classification
    /// matières/sous-matières » (same line or the next): level 2 only, within the nomenclature's ranges.</summary>
    public static Valeur<string>? Matiere(Document doc)
    {
        foreach (Match m in RegexMatiere().Matches(doc.Pli))
        {
            var code = $"{m.Groups["a"].Value}.{m.Groups["b"].Value}";
            if (CodeValide(code)) return new(code, m.Groups["a"].Index, m.Groups["b"].Index + m.Groups["b"].Length - m.Groups["a"].Index);
        }
        return null;
    }

    /// <summary>Level-2 ACTES codes allowed by SCDL Délibérations 2.1.5: 1.1–1.7, 2.1–2.3, 3.1–3.6, 4.1–4.5, 5.1–5.8,
    /// 6.1–6.5, 7.1–7.10, 8.1–8.9, 9.1–9.4.</summary>
    public static bool CodeValide(string code)
    {
        int[] max = [0, 7, 3, 6, 5, 8, 5, 10, 9, 4];
        var p = code.Split('.');
        return p.Length == 2 && int.TryParse(p[0], out var a) && int.TryParse(p[1], out var b) && a is >= 1 and <= 9 && b >= 1 && b <= max[a];
    }

    [GeneratedRegex(@"(?<c>commission permanente)|(?<b>\bbureau(?: de la metropole| metropolitain| communautaire| syndical)?\b(?! de vote| d'etudes| des| de l'))|(?<cm>conseil municipal)|(?<cc>conseil communautaire|conseil de (?:la )?communaute)|(?<cme>conseil metropolitain|conseil de (?:la )?metropole)|(?<cd>conseil departemental|conseil general)|(?<cr>conseil regional)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexOrgane();
    [GeneratedRegex(@"(?:(?:D[ée]lib[ée]ration|DÉLIBÉRATION|DELIBERATION|Num[ée]ro de l'acte|NUM[ÉE]RO DE L'ACTE|Acte)\s*(?:n\s?°|N\s?°|no\.?|n°|N°|num[ée]ro)?\s*:?|(?<![\p{L}\d])(?:N|n)\s?°\s*:?)[ \t]*(?<v>(?:[A-Z]{2,6} (?=\d))?[A-Za-z0-9][A-Za-z0-9._/\-]*)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNumero();
    [GeneratedRegex(@"(?:\bvu\b|\bpar\b|\bla\b|\bune?\b|\bsa\b|\bcette\b|rapport|\bloi\b|avenant|tiers|decret|arrete|ordonnance|circulaire|\bdu\b|\bde\b)\s*(?:deliberation\s*)?$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexCiteAvant();
    [GeneratedRegex(@"(?:^|\n|\s{3,})\s*$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexDebutColonne();
    [GeneratedRegex(@"[/\-.\s]", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSeparateurs();
    [GeneratedRegex(@"(?:seance|reunion|session)(?: (?:publique|ordinaire|extraordinaire|pleniere))?\s+du\s+|(?:conseil municipal|conseil communautaire|conseil metropolitain|conseil departemental|conseil regional|commission permanente|bureau(?: de la metropole| communautaire| metropolitain)?)\s+du\s+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSeance();
    [GeneratedRegex(@"s'est (?:reunie?|assemblee?)\s+(?:en seance [a-z]+\s+)?le\s+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexReuni();
    [GeneratedRegex(@"\bl'an\s+(?:deux mille|mil)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAn();
    [GeneratedRegex(@"date de (?:la )?(?:decision|deliberation|seance)\s*:\s*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexDateDecision();
    [GeneratedRegex(@"(?m)^\W{0,4}objet(?: de la deliberation)?\s*:\s*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexObjet();
    [GeneratedRegex(@"^(?:rapporteure?|vu|considerant|expose|mesdames|monsieur|madame|le conseil|la commission|le bureau|nomenclature|matiere|code matiere|rapport)\b", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEtiquette();
    [GeneratedRegex(@"(?:code mati[e]re|matiere|nomenclature(?: actes)?|classification(?: actes)?(?: matieres?(?:/sous-matieres?)?)?)(?: actes)?\s*:?\s*\n?\s*(?<a>[1-9])\.(?<b>\d{1,2})(?![\d])", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexMatiere();
}
