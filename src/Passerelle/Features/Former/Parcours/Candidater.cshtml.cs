using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>/parcours/candidater/{id}</c>: the public application form (no account, rate-limited like the other public forms);
/// after sending, the candidate lands on their own page.</summary>
[AllowAnonymous]
public sealed class CandidaterModel(AppDbContext db, TimeProvider horloge, LimiteFormulairesPublics limite) : PageModel
{
    [BindProperty] public CandidatureSaisie Saisie { get; set; } = new();
    public string Cohorte { get; private set; } = "";
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        Cohorte = await db.Set<Cohorte>().Where(c => c.Id == id).Select(c => c.Nom).FirstOrDefaultAsync(ct) ?? "";
        return Cohorte.Length > 0;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        Erreurs = Formulaire.Erreurs(ModelState, "Saisie.").ToDictionary();
        if (Erreurs.Count == 0 && !limite.Accepter(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Erreurs[""] = [LimiteFormulairesPublics.Message];
        }
        else if (Erreurs.Count == 0)
        {
            try
            {
                var i = await Candidater.ExecuterAsync(db, id, Saisie with { Origine = null }, parEquipe: false, horloge, ct);
                return Redirect($"/parcours/moi/{i.Jeton}");
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
            catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        }
        return Page();
    }
}
