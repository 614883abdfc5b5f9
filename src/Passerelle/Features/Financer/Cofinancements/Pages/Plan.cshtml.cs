using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Cofinancements.Pages;

/// <summary><c>/admin/financement/cofinancements/{id}</c>: one plan — cost, shares (a funder sees its own only), self-financing,
/// balanced or what is missing; administrators add a share (amount or rate) and move a share's status.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class PlanModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public PlanDto Plan { get; private set; } = null!;
    public List<(int Id, string Nom)> Financeurs { get; private set; } = [];
    public List<(int Id, int FinanceurId, string Libelle)> Subventions { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public bool Administrateur => User.IsInRole(Roles.Administrateur);
    [BindProperty] public int? FinanceurId { get; set; }
    [BindProperty] public string? MontantEur { get; set; }
    [BindProperty] public string? TauxPourcent { get; set; }
    [BindProperty] public string? Statut { get; set; }
    [BindProperty] public int? SubventionId { get; set; }
    [BindProperty] public int? PartId { get; set; }

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        if (await RequetesCofinancements.LireAsync(db, id, await PerimetreFinancement.DeAsync(db, User, ct), ct) is not { } p) return false;
        Plan = p;
        if (Administrateur)
        {
            Financeurs = (await db.Set<Financeur>().AsNoTracking().OrderBy(f => f.Nom).Select(f => new { f.Id, f.Nom }).ToListAsync(ct)).Select(f => (f.Id, f.Nom)).ToList();
            Subventions = (await db.Set<Subvention>().AsNoTracking().Where(s => s.BeneficiaireId == p.PorteurId).OrderByDescending(s => s.Exercice)
                .Select(s => new { s.Id, s.FinanceurId, s.Exercice, F = s.Financeur!.Nom, s.MontantCentimes }).Take(200).ToListAsync(ct))
                .Select(s => (s.Id, s.FinanceurId, $"{s.F}, {s.Exercice}, {Montants.Euros(s.MontantCentimes)}")).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPartAsync(int id, CancellationToken ct)
    {
        if (!Administrateur) return Forbid();
        if (!await ChargerAsync(id, ct)) return NotFound();
        long? montant = null; int? taux = null;
        if (!string.IsNullOrWhiteSpace(MontantEur)) { if (Euros.Lire(MontantEur, out var m) && m > 0) montant = m; else Erreurs["Montant"] = ["Le montant est un nombre d'euros positif."]; }
        if (!string.IsNullOrWhiteSpace(TauxPourcent))
        {
            if (decimal.TryParse(TauxPourcent.Replace(',', '.').Replace("%", "").Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var t) && t is > 0 and <= 100)
                taux = (int)Math.Round(t * 100);
            else Erreurs["Taux"] = ["Le taux est un pourcentage entre 0 et 100, par exemple 50."];
        }
        if (Erreurs.Count == 0)
        {
            try
            {
                await GestionCofinancements.AjouterPartAsync(db, id, new SaisiePart(FinanceurId, montant, taux, Statut, SubventionId, null), User.Identity?.Name ?? "inconnu", horloge, ct);
                return RedirectToPage(new { id });
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostStatutAsync(int id, CancellationToken ct)
    {
        if (!Administrateur) return Forbid();
        if (!await ChargerAsync(id, ct)) return NotFound();
        if (PartId is not { } pid || Plan.PartsVisibles.All(p => p.Id != pid)) return NotFound();
        try
        {
            await GestionCofinancements.ChangerStatutAsync(db, pid, Statut, SubventionId, User.Identity?.Name ?? "inconnu", horloge, ct);
            return RedirectToPage(new { id });
        }
        catch (RegleMetierException e) { Erreurs[e.Champ == "Statut" ? $"Statut-{pid}" : e.Champ ?? ""] = [e.Message]; }
        return Page();
    }
}
