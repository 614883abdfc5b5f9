using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Insertion.Admin;

/// <summary><c>/admin/equipement/heures</c> (managers and administrators): records the insertion hours of a work site for a month,
/// by category of workers and activity (totals, no names), and lists the last twelve months.</summary>
[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class HeuresModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public List<HeuresInsertion> Lignes { get; private set; } = [];
    [BindProperty] public string? Site { get; set; } = "Fabrique";
    [BindProperty] public DateOnly? Mois { get; set; }
    [BindProperty] public string? Categorie { get; set; } = "insertion";
    [BindProperty] public string? Activite { get; set; }
    [BindProperty] public string? Heures { get; set; }
    [BindProperty] public int? Personnes { get; set; }
    [TempData] public string? Message { get; set; }

    async Task ChargerAsync(CancellationToken ct)
    {
        var depuis = Territoire.AujourdHui(horloge).AddMonths(-12);
        Lignes = await db.Set<HeuresInsertion>().AsNoTracking().Where(h => h.Mois >= depuis)
            .OrderByDescending(h => h.Mois).ThenBy(h => h.Site).ThenBy(h => h.Categorie).ThenBy(h => h.Activite).Take(500).ToListAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mois = Territoire.AujourdHui(horloge);
        await ChargerAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary(e => e.Key.ToLowerInvariant(), e => e.Value);
        decimal? heures = null;
        if (!string.IsNullOrWhiteSpace(Heures))
        {
            if (decimal.TryParse(Heures.Replace(',', '.').Replace(" ", ""), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var h)) heures = h;
            else Erreurs["heures"] = ["Indiquez les heures en chiffres, par exemple 151,5."];
        }
        if (Erreurs.Count == 0)
        {
            try
            {
                await SaisirHeures.ExecuterAsync(db, new HeuresSaisie(Site, Mois, Categorie, Activite, heures, Personnes), Appareils.ChangerEtat.Auteur(User), horloge, ct);
                Message = "Heures enregistrées.";
                return RedirectToPage();
            }
            catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        await ChargerAsync(ct);
        return Page();
    }
}
