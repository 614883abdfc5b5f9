using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Piloter.Actions;

/// <summary><c>/pilotage/actions/{id}</c>: edit or delete one action of the plan. Administrators any action, structure managers the
/// actions they created (<see cref="ActionTerritoriale.ModifiablePar"/>); funders, and managers at another's action, are refused (403). Unknown id → 404. Post-Redirect-Get back to the plan, French errors
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
        if (!action.ModifiablePar(User)) return Forbid();
        (Saisie, Titre) = (SaisieAction.De(action), action.Titre);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!PeutModifier) return Forbid();
        Id = id;
        var action = await db.Set<ActionTerritoriale>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return NotFound();
        if (!action.ModifiablePar(User)) return Forbid();
        var (erreurs, zones) = await SaisieAction.ValiderAsync(db, Saisie, ModelState, ct);
        if (erreurs.Count > 0) { (Erreurs, Titre) = (erreurs, action.Titre); return Page(); }
        SaisieAction.Appliquer(action, Saisie, zones);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Action modifiée.";
        return Redirect("/pilotage/actions");
    }

    /// <summary>Deletes the action by one conditional delete (a manager's only when they created it): nothing deleted is a 404 for an
    /// action already gone, a 403 for another's.</summary>
    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken ct)
    {
        if (!PeutModifier) return Forbid();
        var (admin, auteur) = (User.IsInRole(Roles.Administrateur), ActionTerritoriale.Auteur(User));
        var actions = db.Set<ActionTerritoriale>().Where(a => a.Id == id);
        if (await actions.Where(a => admin || (auteur != "" && a.CreePar == auteur)).ExecuteDeleteAsync(ct) == 0)
            return await actions.AnyAsync(ct) ? Forbid() : NotFound();
        TempData["Message"] = "Action supprimée du plan.";
        return Redirect("/pilotage/actions");
    }
}
