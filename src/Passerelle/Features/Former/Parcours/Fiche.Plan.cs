using Microsoft.AspNetCore.Mvc;

namespace Passerelle.Features.Former.Parcours;

/// <summary>The plan's and immersions' forms of <c>/parcours/inscriptions/{id}</c> (<see cref="GererPlan"/>): the school's staff and the
/// support team, like the journal.</summary>
public sealed partial class FicheModel
{
    public PlanDto Plan { get; private set; } = new([], []);
    [BindProperty] public string? Axe { get; set; } = "projet";
    [BindProperty] public string? Intitule { get; set; }
    [BindProperty] public bool Accord { get; set; }
    [BindProperty] public int? ObjectifId { get; set; }
    [BindProperty] public string? IntituleAction { get; set; }
    [BindProperty] public string? StatutAction { get; set; } = "planifiee";
    [BindProperty] public DateOnly? Echeance { get; set; }
    [BindProperty] public string? StructureAction { get; set; }
    [BindProperty] public string? Entreprise { get; set; }
    [BindProperty] public DateOnly? DebutImmersion { get; set; }
    [BindProperty] public DateOnly? FinImmersion { get; set; }
    [BindProperty] public string? Tuteur { get; set; }
    [BindProperty] public string? Bilan { get; set; }

    public Task<IActionResult> OnPostObjectifAsync(int id, CancellationToken ct) => AgirAsync(id, "objectif", async () =>
    {
        await AccesParcours.VerifierInscriptionAsync(db, User, id, horloge, ct);
        await GererPlan.AjouterObjectifAsync(db, id, new ObjectifSaisie(Axe, Intitule, Accord), horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostActionAsync(int id, CancellationToken ct) => AgirAsync(id, "action", async () =>
    {
        await AccesParcours.VerifierInscriptionAsync(db, User, id, horloge, ct);
        await GererPlan.AjouterActionAsync(db, id, new ActionSaisie(ObjectifId ?? 0, IntituleAction, StatutAction, Debut, Echeance, StructureAction), ct);
    }, ct);

    public Task<IActionResult> OnPostImmersionAsync(int id, CancellationToken ct) => AgirAsync(id, "immersion", async () =>
    {
        await AccesParcours.VerifierInscriptionAsync(db, User, id, horloge, ct);
        await GererPlan.AjouterImmersionAsync(db, id, new ImmersionSaisie(Entreprise, DebutImmersion, FinImmersion, Tuteur, Bilan), ct);
    }, ct);
}
