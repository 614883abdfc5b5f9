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

    /// <summary>False when the cohort no longer (or not yet) recruits: the page says so instead of showing the form (same rule as <see cref="Candidater.Ouverte"/>).</summary>
    public bool Ouverte { get; private set; }

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var c = await db.Set<Cohorte>().Where(c => c.Id == id).Select(c => new { c.Nom, c.Statut, c.RecrutementDebut, c.RecrutementFin }).FirstOrDefaultAsync(ct);
        if (c is null) return false;
        Cohorte = c.Nom;
        Ouverte = Candidater.Ouverte(c.Statut, c.RecrutementDebut, c.RecrutementFin, Territoire.AujourdHui(horloge));
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        if (!Ouverte) return Page();
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
