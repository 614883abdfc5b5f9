using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Piloter.Actions;

/// <summary><c>/pilotage/actions/{id}</c>: edit or delete one action of the plan. Administrators and structure managers (those who may
/// add one); funders read the plan but are refused here (403). Unknown id → 404. Post-Redirect-Get back to the plan, French errors
/// per field as on the add form.</summary>
public sealed class ModifierModel(AppDbContext db) : PageModel
{
    [BindProperty] public ActionSaisie Saisie { get; set; } = new();
    public IReadOnlyDictionary<string, string[]> Erreurs { get; private set; } = Web.Formulaire.Aucune;
    public string Titre { get; private set; } = "";
    public int Id { get; private set; }

    bool PeutModifier => User.IsInRole(Roles.Administrateur) || User.IsInRole(Roles.Gestionnaire);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!PeutModifier) return Forbid();
        Id = id;
        var action = await db.Set<ActionTerritoriale>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return NotFound();
        (Saisie, Titre) = (SaisieAction.De(action), action.Titre);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!PeutModifier) return Forbid();
        Id = id;
        var action = await db.Set<ActionTerritoriale>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return NotFound();
        var (erreurs, zones) = await SaisieAction.ValiderAsync(db, Saisie, ModelState, ct);
        if (erreurs.Count > 0) { (Erreurs, Titre) = (erreurs, action.Titre); return Page(); }
        SaisieAction.Appliquer(action, Saisie, zones);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Action modifiée.";
        return Redirect("/pilotage/actions");
    }

    /// <summary>Deletes the action (a conditional delete: an action already gone is a 404, not an error page).</summary>
    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken ct)
    {
        if (!PeutModifier) return Forbid();
        if (await db.Set<ActionTerritoriale>().Where(a => a.Id == id).ExecuteDeleteAsync(ct) == 0) return NotFound();
        TempData["Message"] = "Action supprimée du plan.";
        return Redirect("/pilotage/actions");
    }
}
