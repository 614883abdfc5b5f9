using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Aidants;

/// <summary><c>/parcours/aidants/referentiel/{id?}</c>: the territory's administrators list and edit the helpers' framework
/// (<see cref="EditerReferentiel"/>); Post-Redirect-Get, French errors next to the fields.</summary>
[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class ReferentielModel(AppDbContext db) : PageModel
{
    public int? Id { get; private set; }
    public List<CompetenceAidant> Competences { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public CompetenceSaisie Saisie { get; set; } = new();

    async Task ChargerAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Competences = await db.Set<CompetenceAidant>().AsNoTracking().OrderBy(c => c.Ordre).ThenBy(c => c.Code).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await ChargerAsync(id, ct);
        if (id is { } x)
        {
            var c = Competences.FirstOrDefault(c => c.Id == x);
            if (c is null) return NotFound();
            Saisie = new CompetenceSaisie { Code = c.Code, Domaine = c.Domaine, Libelle = c.Libelle, Description = c.Description, Ordre = c.Ordre, Active = c.Active };
        }
        else Saisie = new CompetenceSaisie { Ordre = (Competences.Count + 1) * 10 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await ChargerAsync(id, ct);
        Erreurs = Formulaire.Erreurs(ModelState, "Saisie.").ToDictionary();
        if (Erreurs.Count > 0) return Page();
        try
        {
            await EditerReferentiel.ExecuterAsync(db, id, Saisie, ct);
            return Redirect("/parcours/aidants/referentiel");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        return Page();
    }
}
