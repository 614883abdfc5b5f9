using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>/parcours/inscriptions/{id}/actions/{ligne}</c>: an action's status, start and due dates (<see cref="ModifierPlan.ActionAsync"/>),
/// for the school's staff and the support team; others 403, an action of another plan 404. Linked from the plan on the enrolment page.</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class ModifierActionModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public int Id { get; private set; }
    public string Intitule { get; private set; } = "";
    public string Objectif { get; private set; } = "";
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public string? Statut { get; set; }
    [BindProperty] public DateOnly? Debut { get; set; }
    [BindProperty] public DateOnly? Echeance { get; set; }

    async Task<ActionPlan> ChargerAsync(int id, int ligne, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, User, id, horloge, ct);
        var x = await (from a in db.Set<ActionPlan>().AsNoTracking()
                       join o in db.Set<ObjectifPlan>() on a.ObjectifPlanId equals o.Id
                       where a.Id == ligne && o.InscriptionId == id
                       select new { Action = a, Objectif = o.Intitule }).FirstOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException("Cette action n'appartient pas à ce plan.");
        (Id, Intitule, Objectif) = (id, x.Action.Intitule, x.Objectif);
        return x.Action;
    }

    public async Task<IActionResult> OnGetAsync(int id, int ligne, CancellationToken ct)
    {
        var a = await ChargerAsync(id, ligne, ct);
        (Statut, Debut, Echeance) = (a.Statut, a.Debut, a.Echeance);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int ligne, CancellationToken ct)
    {
        await ChargerAsync(id, ligne, ct);
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        if (Erreurs.Count > 0) return Page();
        try
        {
            await ModifierPlan.ActionAsync(db, id, ligne, new ActionModification(Statut, Debut, Echeance), ct);
            return Redirect($"/parcours/inscriptions/{id}#plan");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        return Page();
    }
}
