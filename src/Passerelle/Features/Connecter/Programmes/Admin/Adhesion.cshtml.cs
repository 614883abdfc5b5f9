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
    [BindProperty] public DateOnly? DateJustificatif { get; set; }
    [BindProperty] public long? Mouvement { get; set; }
    [BindProperty] public string? TypeRemboursement { get; set; }
    [BindProperty] public string? MontantRembourse { get; set; }
    [BindProperty] public string? ReferenceRemboursement { get; set; }
    [BindProperty] public int? Ligne { get; set; }
    [BindProperty] public DateOnly? DesactiveeLe { get; set; }

    async Task<IActionResult> AfficherAsync(int id, CancellationToken ct)
    {
        var structures = await AccesConnexion.StructuresAsync(db, User, horloge, ct);
        try { (Adhesion, Programme, Gere) = await AccesConnexion.AdhesionAsync(db, structures, id, ct); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (AccesRefuseException) { return Forbid(); }
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
        catch (KeyNotFoundException e) when (e.Message.StartsWith("Ligne")) { Erreurs["ligne"] = [e.Message]; }
        catch (KeyNotFoundException) { return NotFound(); }
        return await AfficherAsync(id, ct);
    }

    public Task<IActionResult> OnPostRechargerAsync(int id, CancellationToken ct)
    {
        // Same bounds as the API: 0,01 € to 10 000 €.
        if (!Euros.Lire(MontantEuros, out var centimes) || centimes is not (> 0 and <= 1_000_000))
        {
            Erreurs["montant"] = ["Indiquez le montant en euros, par exemple 5 ou 5,50."];
            return AfficherAsync(id, ct);
        }
        return Agir(id, () => Recharger.ExecuterAsync(db, id, new RechargeSaisie(Offre, centimes, Reference), User, horloge, ct), "Recharge enregistrée.", ct);
    }

    public Task<IActionResult> OnPostRenouvelerAsync(int id, CancellationToken ct) =>
        Agir(id, () => Renouveler.ExecuterAsync(db, id, DateJustificatif, User, horloge, ct), "Adhésion renouvelée.", ct);

    /// <summary>A refund or a cancelled voucher: a new negative movement (the ledger is never edited); empty amount = what is left of the top-up.</summary>
    public Task<IActionResult> OnPostRembourserAsync(int id, CancellationToken ct)
    {
        if (!Euros.Lire(MontantRembourse, out var centimes) || centimes is <= 0 or > 1_000_000)
        {
            Erreurs["montantRembourse"] = ["Indiquez le montant en euros, par exemple 5 ou 2,50 (vide : tout ce qui reste de la recharge)."];
            return AfficherAsync(id, ct);
        }
        return Agir(id, () => Rembourser.ExecuterAsync(db, id, new RemboursementSaisie(Mouvement, centimes, TypeRemboursement, ReferenceRemboursement), User, horloge, ct),
            TypeRemboursement == TypesMouvements.BonAnnule ? "Bon annulé : mouvement négatif enregistré." : "Remboursement enregistré : mouvement négatif.", ct);
    }

    public Task<IActionResult> OnPostDesactiverAsync(int id, CancellationToken ct) =>
        Agir(id, () => DesactiverLigne.ExecuterAsync(db, id, Ligne ?? 0, new DesactivationSaisie(DesactiveeLe), User, horloge, ct), "Ligne désactivée.", ct);

    public Task<IActionResult> OnPostStatutAsync(int id, CancellationToken ct) =>
        Agir(id, () => ChangerStatut.ExecuterAsync(db, id, new StatutSaisie(Statut, MotifSortie, OffreSortie), User, horloge, ct), "Statut changé.", ct);
}
