using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary><c>/admin/financement/subventions/{id}</c>: the whole chain of one grant (act → grant → movements; conventions and
/// reports where the other features link them). Administrators, the grant's funder and the beneficiary's managers read it;
/// administrators record movements and status changes.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class FicheModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public SubventionDetailDto Detail { get; private set; } = null!;
    public (int Id, string Numero, DateOnly Date, string Collectivite)? Acte { get; private set; }
    public List<JournalFinancement> Historique { get; private set; } = [];
    public bool Admin { get; private set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? MontantEur { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Numero { get; set; }
    [BindProperty] public string? Statut { get; set; }

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var p = await PerimetreFinancement.DeAsync(db, User, ct);
        Admin = p.Tout;
        var d = await RequetesFinancement.DetailAsync(db, id, p, ct);
        if (d is null) return false;
        Detail = d;
        if (d.Subvention.DeliberationId is { } did)
            Acte = (await db.Deliberations.AsNoTracking().Where(x => x.Id == did).Select(x => new { x.Id, x.Numero, x.DateSeance, x.CollectiviteNom }).ToListAsync(ct))
                .Select(x => (x.Id, x.Numero, x.DateSeance, x.CollectiviteNom)).FirstOrDefault();
        if (Admin)
            Historique = await db.Set<JournalFinancement>().AsNoTracking().Where(j => j.Objet == Journal.Subvention && j.ObjetId == id).OrderByDescending(j => j.Id).Take(200).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMouvementAsync(int id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Administrateur)) return Forbid();
        long? centimes = null;
        if (!Euros.Lire(MontantEur, out centimes)) Erreurs["montant"] = ["Le montant est un nombre d'euros, par exemple 2 500 ou 2 500,50."];
        var saisie = new SaisieMouvement(Type, centimes, Date, Numero);
        if (Erreurs.Count == 0) Erreurs = Mouvements.Verifier(saisie);
        if (Erreurs.Count == 0)
        {
            try
            {
                if (await Mouvements.EnregistrerAsync(db, id, saisie, User.Identity?.Name ?? "inconnu", horloge, ct) is null) return NotFound();
                TempData["Message"] = $"{TypesMouvement.Libelle(Type!)} enregistré.";
                return RedirectToPage(new { id });
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStatutAsync(int id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Administrateur)) return Forbid();
        try
        {
            if (!await GestionSubventions.ChangerStatutAsync(db, id, Statut, User.Identity?.Name ?? "inconnu", horloge, ct)) return NotFound();
            TempData["Message"] = "Statut mis à jour.";
            return RedirectToPage(new { id });
        }
        catch (RegleMetierException e) { Erreurs["statut"] = [e.Message]; }
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }
}
