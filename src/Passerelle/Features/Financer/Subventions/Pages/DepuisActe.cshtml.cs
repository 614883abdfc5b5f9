using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary>One line of the act to confirm: create it or not, the directory structure, the amount, the envelope.</summary>
public sealed class LigneActe
{
    public int Rang { get; set; }
    public bool Creer { get; set; }
    public int? StructureId { get; set; }
    public string? MontantEur { get; set; }
    public int? EnveloppeId { get; set; }
}

/// <summary><c>/admin/financement/deliberations/{id}</c> (administrators): the grants an act decided, created in one step
/// from its award lines — the administrator confirms each line (structure matched by name, amount, envelope matched by the
/// act's imputation); all are created in one transaction, and a line gives one grant only (unique index).</summary>
[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class DepuisActeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Deliberation Deliberation { get; private set; } = null!;
    public List<(int Id, string Nom)> Structures { get; private set; } = [];
    public List<(int Id, string Nom, string? Siret)> Financeurs { get; private set; } = [];
    public List<(int Id, int FinanceurId, string Libelle)> Enveloppes { get; private set; } = [];
    /// <summary>Rank → grant already created from that line.</summary>
    public Dictionary<int, int> Deja { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    [BindProperty] public int? FinanceurId { get; set; }
    [BindProperty] public List<LigneActe> Lignes { get; set; } = [];

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var d = await db.Deliberations.AsNoTracking().Include(x => x.Montants).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return false;
        Deliberation = d;
        Structures = (await db.Structures.AsNoTracking().Where(s => !s.Archivee).OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).Take(5000).ToListAsync(ct)).Select(x => (x.Id, x.Nom)).ToList();
        Financeurs = (await db.Set<Financeur>().AsNoTracking().OrderBy(f => f.Nom).Select(f => new { f.Id, f.Nom, f.Siret }).ToListAsync(ct)).Select(x => (x.Id, x.Nom, x.Siret)).ToList();
        var annee = Annee;
        Enveloppes = (await db.Set<Enveloppe>().AsNoTracking().Where(e => e.Exercice == annee).OrderBy(e => e.Libelle)
            .Select(e => new { e.Id, e.FinanceurId, e.Libelle, e.SousPolitique, e.Nature, e.Fonction }).ToListAsync(ct))
            .Select(e => (e.Id, e.FinanceurId, e.Libelle + (RequetesFinancement.Code(e.SousPolitique, e.Nature, e.Fonction) is { } c ? $" ({c})" : ""))).ToList();
        Deja = await db.Set<Subvention>().AsNoTracking().Where(s => s.DeliberationId == id && s.RangActe != null).ToDictionaryAsync(s => s.RangActe!.Value, s => s.Id, ct);
        return true;
    }

    public int Annee => Deliberation.ImputationAnnee ?? Deliberation.DateSeance.Year;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        var d = Deliberation;
        FinanceurId = Financeurs.Where(f => f.Siret == d.CollectiviteSiret).Select(f => (int?)f.Id).FirstOrDefault();
        var env = await db.Set<Enveloppe>().AsNoTracking().Where(e => e.FinanceurId == FinanceurId && e.Exercice == Annee && e.SousPolitique == d.ImputationSousPolitique)
            .OrderBy(e => e.ParentId != null).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        Lignes = d.Montants.OrderBy(m => m.Rang).Select(m => new LigneActe
        {
            Rang = m.Rang, Creer = !Deja.ContainsKey(m.Rang), StructureId = GestionSubventions.Rapprocher(Structures, m.Beneficiaire),
            MontantEur = (m.MontantCentimes / 100m).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), EnveloppeId = env,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        var d = Deliberation;
        if (FinanceurId is null || Financeurs.All(f => f.Id != FinanceurId)) Erreurs["FinanceurId"] = ["Choisissez le financeur qui a pris l'acte."];
        if (!d.Adoptee) Erreurs[""] = ["Un acte rejeté n'attribue aucune subvention."];
        var saisies = new List<SaisieSubvention>();
        for (var i = 0; i < Lignes.Count; i++)
        {
            var l = Lignes[i];
            var m = d.Montants.FirstOrDefault(x => x.Rang == l.Rang);
            if (!l.Creer || m is null || Deja.ContainsKey(l.Rang)) continue;
            if (l.StructureId is null || Structures.All(s => s.Id != l.StructureId)) Erreurs[$"Lignes[{i}].StructureId"] = [$"Ligne « {m.Beneficiaire} » : choisissez la structure de l'annuaire."];
            if (!Euros.Lire(l.MontantEur, out var c) || c is null or <= 0) { Erreurs[$"Lignes[{i}].MontantEur"] = [$"Ligne « {m.Beneficiaire} » : le montant est un nombre d'euros positif."]; continue; }
            if (l.EnveloppeId is { } e && Enveloppes.All(x => x.Id != e || x.FinanceurId != FinanceurId)) Erreurs[$"Lignes[{i}].EnveloppeId"] = [$"Ligne « {m.Beneficiaire} » : cette enveloppe n'est pas au financeur choisi pour {Annee}."];
            var objet = d.Objet.Length > 900 ? d.Objet[..900] + "…" : d.Objet;
            saisies.Add(new SaisieSubvention(FinanceurId ?? 0, l.StructureId ?? 0, Annee, objet, c.Value, l.EnveloppeId, d.Id, m.Rang,
                StatutsSubvention.Votee, m.Nature));
        }
        if (Erreurs.Count == 0 && saisies.Count == 0)
        {
            // A second click (or the form posted again) on lines created meanwhile: say so, and show the page as it now is.
            if (Lignes.Any(l => l.Creer && Deja.ContainsKey(l.Rang)))
            {
                TempData["Message"] = "Ces subventions sont déjà créées : rien de plus n'a été créé.";
                return RedirectToPage(new { id });
            }
            Erreurs[""] = ["Cochez au moins une ligne à créer."];
        }
        if (Erreurs.Count == 0)
        {
            try
            {
                var crees = await GestionSubventions.CreerPlusieursAsync(db, saisies, User.Identity?.Name ?? "inconnu", horloge, ct);
                TempData["Message"] = $"{crees.Count} subvention(s) créée(s).";
                return RedirectToPage(new { id });
            }
            catch (RegleMetierException)
            {
                // Two clicks at once: the unique (act, rank) index let one through; the other finds the lines created.
                TempData["Message"] = "Ces subventions sont déjà créées : rien de plus n'a été créé.";
                return RedirectToPage(new { id });
            }
        }
        return Page();
    }
}
