namespace Passerelle.Features.Former.Aidants;

/// <summary>What <c>_Evaluation.cshtml</c> draws: the helper's competencies, the errors of the last post, what was typed (level per
/// competency id, day as yyyy-MM-dd) and whether it is the helper's own assessment.</summary>
public sealed record FormulaireEvaluation(List<NiveauCompetence> Fiche, IReadOnlyDictionary<string, string[]> Erreurs, Dictionary<int, int?> Saisis, string? Le, bool Auto)
{
    /// <summary>HTML ids of the fields, for the error summary's links.</summary>
    public IReadOnlyDictionary<string, string> Ids => Fiche.ToDictionary(c => $"Niveaux[{c.CompetenceId}]", c => $"niveau-{c.CompetenceId}")
        .Append(new("Le", "evaluation-le")).Append(new("Niveaux", "evaluation-le")).ToDictionary();
}
