using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>/parcours/inscriptions/{id}/objectifs/{ligne}</c>: an objective's status and the date of the learner's agreement
/// (<see cref="ModifierPlan.ObjectifAsync"/>), for the school's staff and the support team; others 403, an objective of another plan 404.
/// Linked from the plan on the enrolment page.</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class ModifierObjectifModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public int Id { get; private set; }
    public string Axe { get; private set; } = "";
    public string Intitule { get; private set; } = "";
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public string? Statut { get; set; }
    [BindProperty] public DateOnly? AccordLe { get; set; }

    async Task<ObjectifPlan> ChargerAsync(int id, int ligne, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, User, id, horloge, ct);
        var o = await db.Set<ObjectifPlan>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == ligne && x.InscriptionId == id, ct)
            ?? throw new KeyNotFoundException("Cet objectif n'appartient pas à ce plan.");
        (Id, Axe, Intitule) = (id, o.Axe, o.Intitule);
        return o;
    }

    public async Task<IActionResult> OnGetAsync(int id, int ligne, CancellationToken ct)
    {
        var o = await ChargerAsync(id, ligne, ct);
        (Statut, AccordLe) = (o.Statut, o.AccordLe);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int ligne, CancellationToken ct)
    {
        await ChargerAsync(id, ligne, ct);
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        if (Erreurs.Count > 0) return Page();
        try
        {
            await ModifierPlan.ObjectifAsync(db, id, ligne, new ObjectifModification(Statut, AccordLe), horloge, ct);
            return Redirect($"/parcours/inscriptions/{id}#plan");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        return Page();
    }
}
