using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The budget line the decided expense (or expected revenue) is charged to: year (« budget primitif 2025 »,
/// « exercice 2024 », possibly in the sentence before the line), sub-policy or programme code (« Sous-politique D320 »,
/// « programme SOL-04 »), chapter, nature (called « nature », « compte » or « article » followed by an account number, not
/// an article of the act) and function. The operative part is read first, then the report; a passage with no chapter,
/// nature, function or sub-policy is not a budget line.</summary>
public static partial class Imputation
{
    public static (ImputationProposee Imputation, int Debut, int Longueur)? Lire(Document doc)
    {
        var debutDecision = Decision.Debut(doc);
        // Budget codes close to each other (same paragraph, at most 80 characters apart) form one line.
        var codes = RegexCode().Matches(doc.Pli).Where(m => !doc.DansCitation(m.Index)).ToList();
        var groupes = new List<List<Match>>();
        foreach (var m in codes)
        {
            var dernier = groupes.LastOrDefault()?.Last();
            if (dernier is not null && m.Index - (dernier.Index + dernier.Length) <= 80 && !doc.Pli[(dernier.Index + dernier.Length)..m.Index].Contains("\n\n"))
                groupes[^1].Add(m);
            else groupes.Add([m]);
        }
        var candidats = new List<(ImputationProposee I, int Debut, int Fin, int Parties, bool Decision)>();
        foreach (var g in groupes)
        {
            int debut = g[0].Index, fin = g[^1].Index + g[^1].Length;
            var pli = doc.Pli[debut..fin];
            string? Code(Regex r) => r.Match(pli) is { Success: true } x ? x.Groups["v"].Value.ToUpperInvariant() : null;
            var chapitre = Code(RegexChapitre());
            var nature = Code(RegexNature());
            var fonction = Code(RegexFonction());
            var sousPolitique = Code(RegexSousPolitique());
            var parties = new[] { chapitre, nature, fonction, sousPolitique }.Count(p => p is not null);
            if (parties == 0) continue;
            // The year is in the same sentence, or in the one that introduces the line (« … au Budget Primitif 2025 : »).
            var contexte = doc.Pli[Math.Max(0, debut - 220)..fin];
            var annee = RegexAnnee().Matches(contexte).LastOrDefault();
            int? an = annee is not null ? int.Parse(annee.Groups["a"].Value) : null;
            candidats.Add((new ImputationProposee(an, sousPolitique, chapitre, nature, fonction), debut, fin, parties, debut >= debutDecision));
        }
        if (candidats.Count == 0) return null;
        var choix = candidats.OrderByDescending(c => c.Decision).ThenByDescending(c => c.Parties).ThenByDescending(c => c.I.Annee is not null).First();
        return (choix.I, choix.Debut, choix.Fin - choix.Debut);
    }

    [GeneratedRegex(@"(?:sous[- ]politique|sous-programme|programme|chapitre|chap\.|nature|compte|article|fonction|rubrique)\s*:?\s*(?:n°\s*)?(?:\d{2,8}(?![\d\s]*:)|[a-z]{1,5}[-_]?\d{1,5}[a-z]?)(?![\w])", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexCode();
    [GeneratedRegex(@"(?:chapitre|chap\.)\s*:?\s*(?:n°\s*)?(?<v>\d{2,3}|0\d{2})(?!\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexChapitre();
    [GeneratedRegex(@"(?:nature|compte|article|imputation)\s*:?\s*(?:n°\s*)?(?<v>\d{3,8})(?![\d\s]*:)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNature();
    [GeneratedRegex(@"(?:fonction|rubrique)\s*:?\s*(?:n°\s*)?(?<v>\d{1,4})(?!\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexFonction();
    [GeneratedRegex(@"(?:sous[- ]politique|programme|sous-programme|politique)\s*:?\s*(?:n°\s*)?(?<v>[a-z]{1,5}[-_]?\d{1,5}[a-z]?)(?![\w])", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSousPolitique();
    [GeneratedRegex(@"(?:budget|exercice|credits)(?:\s+(?:primitif|principal|annexe|supplementaire|communal|communautaire|departemental|metropolitain|de l'exercice|de l'annee|inscrits au budget(?: primitif| principal)?))*\s+(?<a>20\d{2})(?!\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAnnee();
}
