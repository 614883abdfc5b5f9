using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The budget the act charges (SCDL Délibérations <c>BUDGET_NOM</c> and <c>BUDGET_ANNEE</c>): a named budget followed
/// by its year — « Budget Primitif 2025 », « budget principal 2024 », « budget principal de l'exercice 2024 », « budget annexe
/// de l'eau 2025 ». The name is kept as printed (first letter in capital), the year as four digits. Read in the operative
/// part first, then anywhere outside quoted drafts; a bare « budget 2024 » names no budget and gives nothing.</summary>
public static partial class Budget
{
    public sealed record Lu(string Nom, string Annee, int Debut, int Longueur);

    public static Lu? Lire(Document doc)
    {
        var debutDecision = Decision.Debut(doc);
        var trouves = RegexBudget().Matches(doc.Pli).Where(m => !doc.DansCitation(m.Index)).ToList();
        var m = trouves.FirstOrDefault(x => x.Index >= debutDecision) ?? trouves.FirstOrDefault();
        if (m is null) return null;
        var nom = Regex.Replace(doc.Texte.Substring(m.Groups["nom"].Index, m.Groups["nom"].Length), @"\s+", " ").Trim();
        nom = char.ToUpperInvariant(nom[0]) + nom[1..];
        return new Lu(nom, m.Groups["a"].Value, m.Index, m.Length);
    }

    [GeneratedRegex(@"(?<nom>\bbudget[ \t\n]+(?:primitif|principal|supplementaire|annexe(?:[ \t]+(?:de l'|de la |du |des |d')?[a-z'-]{2,30}(?:[ \t]+[a-z'-]{2,30}){0,2}?)?))[ \t\n]+(?:de l'exercice[ \t\n]+|de l'annee[ \t\n]+|pour[ \t\n]+)?(?<a>20\d{2})(?!\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexBudget();
}
