using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes.Admin;

/// <summary><c>/admin/connexion/programmes/{id}/rapprochement</c>: voucher lots received, an operator's invoice entered or imported
/// (<c>référence;montant;date</c> lines), and the reconciliation report (<see cref="RapportRapprochement"/>). Staff of the managing structure
/// and administrators.</summary>
[Authorize(Policy = Roles.PolitiqueTerrain)]
public sealed class RapprochementModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public ProgrammeConnexion Programme { get; private set; } = null!;
    public RapprochementDto Rapport { get; private set; } = null!;
    public List<OffreConnexion> Offres { get; private set; } = [];
    public List<FactureOperateur> Factures { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public string? Message { get; private set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    [BindProperty] public string? Operateur { get; set; }
    [BindProperty] public string? Numero { get; set; }
    [BindProperty] public DateOnly? DateFacture { get; set; }
    /// <summary>The invoice's lines, pasted: <c>référence;montant en euros;date</c>, one per line.</summary>
    [BindProperty] public string? Lignes { get; set; }
    [BindProperty] public IFormFile? Fichier { get; set; }
    [BindProperty] public int? Offre { get; set; }
    [BindProperty] public int? Quantite { get; set; }
    [BindProperty] public DateOnly? RecuLe { get; set; }
    [BindProperty] public string? ReferenceLot { get; set; }

    async Task<IActionResult> AfficherAsync(int id, CancellationToken ct)
    {
        try { Programme = await ImporterFacture.ProgrammeGereAsync(db, id, User, horloge, ct); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (AccesRefuseException) { return Forbid(); }
        try { Rapport = await RapportRapprochement.ExecuterAsync(db, Programme, Du, Au, horloge, ct); }
        catch (ValidationException e)
        {
            foreach (var (k, v) in Valider.Erreurs(e)) Erreurs[k] = v;
            Du = Au = null;
            Rapport = await RapportRapprochement.ExecuterAsync(db, Programme, null, null, horloge, ct);
        }
        Offres = await db.Set<OffreConnexion>().AsNoTracking().Where(o => o.ProgrammeId == id && o.Type != TypesOffres.Box).OrderBy(o => o.Id).ToListAsync(ct);
        Factures = await db.Set<FactureOperateur>().AsNoTracking().Where(f => f.ProgrammeId == id).OrderByDescending(f => f.Date).Take(50).ToListAsync(ct);
        Message ??= TempData["Message"] as string;
        return Page();
    }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => AfficherAsync(id, ct);

    public async Task<IActionResult> OnPostFactureAsync(int id, CancellationToken ct)
    {
        var texte = Lignes ?? "";
        if (Fichier is { Length: > 0 })
        {
            if (Fichier.Length > 2 * 1024 * 1024) { Erreurs["fichier"] = ["Fichier de 2 Mo au plus."]; return await AfficherAsync(id, ct); }
            using var lecteur = new StreamReader(Fichier.OpenReadStream());
            texte = await lecteur.ReadToEndAsync(ct);
        }
        var (lignes, erreurs) = ImporterFacture.Lire(texte);
        if (erreurs.Count > 0) { Erreurs["lignes"] = [.. erreurs.Take(20)]; return await AfficherAsync(id, ct); }
        try
        {
            await ImporterFacture.ExecuterAsync(db, id, new FactureSaisie(Operateur, Numero, DateFacture, [.. lignes]), User, horloge, ct);
            TempData["Message"] = $"Facture {Numero?.Trim()} enregistrée : {lignes.Count} ligne(s).";
            return Redirect($"/admin/connexion/programmes/{id}/rapprochement");
        }
        catch (ValidationException e) { foreach (var (k, v) in Valider.Erreurs(e)) Erreurs[k.StartsWith("lignes") ? "lignes" : k] = Erreurs.GetValueOrDefault(k.StartsWith("lignes") ? "lignes" : k, []).Concat(v).ToArray(); }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        catch (AccesRefuseException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        return await AfficherAsync(id, ct);
    }

    public async Task<IActionResult> OnPostBonsAsync(int id, CancellationToken ct)
    {
        try
        {
            await ImporterFacture.RecevoirBonsAsync(db, id, new LotSaisie(Offre, Quantite, RecuLe, ReferenceLot), User, horloge, ct);
            TempData["Message"] = $"{Quantite} bon(s) ajouté(s) au stock.";
            return Redirect($"/admin/connexion/programmes/{id}/rapprochement");
        }
        catch (ValidationException e) { foreach (var (k, v) in Valider.Erreurs(e)) Erreurs["lot." + k] = v; }
        catch (RegleMetierException e) { Erreurs["lot." + (e.Champ ?? "")] = [e.Message]; }
        catch (AccesRefuseException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        return await AfficherAsync(id, ct);
    }
}
