using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes.Admin;

/// <summary><c>/admin/connexion/adhesions/{id}</c>: an enrolment, its ledger and the top-up form (staff of the managing or enrolling
/// structure); lines, boxes and status changes for the managing structure.</summary>
[Authorize(Policy = Roles.PolitiqueTerrain)]
public sealed class AdhesionModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Adhesion Adhesion { get; private set; } = null!;
    public ProgrammeConnexion Programme { get; private set; } = null!;
    public bool Gere { get; private set; }
    public string? Nom { get; private set; }
    public long ConsommeMois { get; private set; }
    public List<OffreConnexion> Offres { get; private set; } = [];
    public List<MouvementRecharge> Mouvements { get; private set; } = [];
    public List<LigneMobile> Lignes { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public string? Message { get; private set; }
    [BindProperty] public int? Offre { get; set; }
    /// <summary>Amount as typed in euros (« 5 », « 5,50 »).</summary>
    [BindProperty] public string? MontantEuros { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Statut { get; set; }
    [BindProperty] public string? MotifSortie { get; set; }
    [BindProperty] public string? OffreSortie { get; set; }

    async Task<IActionResult> AfficherAsync(int id, CancellationToken ct)
    {
        var structures = await AccesConnexion.StructuresAsync(db, User, horloge, ct);
        try { (Adhesion, Programme, Gere) = await AccesConnexion.AdhesionAsync(db, structures, id, ct); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (AccesRefuseException) { return StatusCode(403); }
        if (Adhesion.BeneficiaireId is { } b && structures.Contains(Adhesion.StructureId))
            Nom = (await db.Beneficiaires.AsNoTracking().FirstOrDefaultAsync(x => x.Id == b, ct))?.NomAffiche;
        var mois = Recharger.Mois(Territoire.AujourdHui(horloge));
        ConsommeMois = await db.Set<ConsommationMensuelle>().Where(c => c.AdhesionId == id && c.Mois == mois).Select(c => c.ConsommeCentimes).FirstOrDefaultAsync(ct);
        Offres = await db.Set<OffreConnexion>().AsNoTracking().Where(o => o.ProgrammeId == Programme.Id && o.Active && o.Type != TypesOffres.Box).OrderBy(o => o.Id).ToListAsync(ct);
        Mouvements = await db.Set<MouvementRecharge>().AsNoTracking().Where(m => m.AdhesionId == id).OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        if (Gere) Lignes = await db.Set<LigneMobile>().AsNoTracking().Where(l => l.AdhesionId == id).OrderBy(l => l.Id).ToListAsync(ct);
        Message ??= TempData["Message"] as string;
        return Page();
    }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => AfficherAsync(id, ct);

    async Task<IActionResult> Agir(int id, Func<Task> action, string message, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = message;
            return Redirect($"/admin/connexion/adhesions/{id}");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        catch (AccesRefuseException e) { Erreurs[""] = [e.Message]; }
        catch (KeyNotFoundException) { return NotFound(); }
        return await AfficherAsync(id, ct);
    }

    public Task<IActionResult> OnPostRechargerAsync(int id, CancellationToken ct)
    {
        if (!Web.Euros.Lire(MontantEuros, out var centimes) || centimes is null or < 0 or > 1_000_000)
        {
            Erreurs["montant"] = ["Indiquez le montant en euros, par exemple 5 ou 5,50."];
            return AfficherAsync(id, ct);
        }
        return Agir(id, () => Recharger.ExecuterAsync(db, id, new RechargeSaisie(Offre, centimes, Reference), User, horloge, ct), "Recharge enregistrée.", ct);
    }

    public Task<IActionResult> OnPostStatutAsync(int id, CancellationToken ct) =>
        Agir(id, () => ChangerStatut.ExecuterAsync(db, id, new StatutSaisie(Statut, MotifSortie, OffreSortie), User, horloge, ct), "Statut changé.", ct);
}
