using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Conventions;

/// <summary><c>/admin/conventions/{id}</c>: a convention, its monthly delivery (service conventions), its objectives with the actual
/// values computed from the records, and its amendments (old → new). The team reads it; administrators add objectives and amendments.</summary>
public sealed class FicheModel(AppDbContext db, TimeProvider horloge, CatalogueIndicateurs catalogue) : PageModel
{
    public Convention Convention { get; private set; } = null!;
    public List<MoisLivraison> Mois { get; private set; } = [];
    /// <summary>What the activity records say was delivered under this convention (accompaniments, people, QPV share, age bands).</summary>
    public Accompagner.Statistiques.Tableau Realise { get; private set; } = null!;
    public List<ObjectifRealise> Objectifs { get; private set; } = [];
    public List<Avenant> ListeAvenants { get; private set; } = [];
    public IReadOnlyList<IndicateurMesure> Catalogue => catalogue.Tous;
    public bool Admin => User.IsInRole(Roles.Administrateur);
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    [BindProperty] public string? Intitule { get; set; }
    [BindProperty] public string? Indicateur { get; set; }
    [BindProperty] public string? Unite { get; set; }
    [BindProperty] public int? Cible { get; set; }
    [BindProperty] public DateOnly? DateAvenant { get; set; }
    [BindProperty] public string? ObjetAvenant { get; set; }
    [BindProperty] public string? MontantAvenant { get; set; }
    [BindProperty] public DateOnly? DebutAvenant { get; set; }
    [BindProperty] public DateOnly? FinAvenant { get; set; }
    /// <summary>The adopted act that authorised the amendment (optional).</summary>
    [BindProperty] public int? DeliberationAvenant { get; set; }
    /// <summary>Adopted acts of the register, newest first (at most 500), for the amendment form; each amendment's act by id.</summary>
    public List<(int Id, string Nom)> Deliberations { get; private set; } = [];
    [BindProperty] public Dictionary<int, int?> Cibles { get; set; } = [];
    [BindProperty] public int[] Retires { get; set; } = [];

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var c = await db.Conventions.AsNoTracking().Include(x => x.Coordinateur).Include(x => x.Partenaire).Include(x => x.Lieu).Include(x => x.Deliberation).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Convention = c;
        var masquer = Accompagner.Statistiques.StatistiquesApi.Masquer(User);
        Mois = await Planning.LivraisonAsync(db, c, horloge, ct);
        Realise = await Accompagner.Statistiques.CalculStatistiques.CalculerAsync(db, new Accompagner.Statistiques.FiltresStatistiques(c.DateDebut, c.DateFin, null, null, null, null, null, c.Id), masquer, horloge, ct);
        Objectifs = await GestionObjectifs.RealisesAsync(db, c.Id, await GestionObjectifs.PerimetreAsync(db, c, masquer, ct), catalogue, horloge, ct);
        ListeAvenants = await db.Set<Avenant>().AsNoTracking().Where(a => a.ConventionId == id).OrderBy(a => a.Numero).ToListAsync(ct);
        var liees = ListeAvenants.Where(a => a.DeliberationId != null).Select(a => a.DeliberationId!.Value).ToList();
        Deliberations = (await db.Deliberations.AsNoTracking().Where(d => (Admin && d.Adoptee) || liees.Contains(d.Id)).OrderByDescending(d => d.DateSeance).Take(500)
            .Select(d => new { d.Id, d.Numero, d.DateSeance, d.CollectiviteNom }).ToListAsync(ct))
            .Select(x => (x.Id, $"n° {x.Numero} du {DatesEnLettres.Format(x.DateSeance, "d MMMM yyyy")} ({x.CollectiviteNom})")).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostObjectifAsync(int id, CancellationToken ct)
    {
        if (!Admin) return Forbid();
        if (!await db.Conventions.AnyAsync(c => c.Id == id, ct)) return NotFound();
        var s = new SaisieObjectif(Intitule, Indicateur, Unite, Cible);
        Erreurs = GestionObjectifs.Verifier(s, catalogue);
        if (Erreurs.Count == 0)
        {
            await GestionObjectifs.AjouterAsync(db, id, s, ct);
            Subventions.Journal.Ajouter(db, horloge, User.Identity?.Name ?? "inconnu", JournalConventions.Convention, id, "objectif", null, $"{s.Intitule!.Trim()} : cible {s.Cible}");
            try
            {
                await db.SaveChangesAsync(ct);
                TempData["Message"] = "Objectif ajouté.";
                return RedirectToPage(new { id });
            }
            catch (DbUpdateException) { Erreurs["intitule"] = ["Un autre objectif vient d'être ajouté : rechargez la page."]; }
        }
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAvenantAsync(int id, CancellationToken ct)
    {
        if (!Admin) return Forbid();
        if (!Euros.Lire(MontantAvenant, out var montant) || montant < 0) Erreurs["montant"] = ["Le montant par an est un nombre d'euros, par exemple 40 000."];
        var cibles = Cibles.Where(x => x.Value is not null).ToDictionary(x => x.Key, x => x.Value!.Value);
        var s = new SaisieAvenant(DateAvenant, ObjetAvenant, DeliberationAvenant, montant, DebutAvenant, FinAvenant, cibles, Retires);
        if (Erreurs.Count == 0) Erreurs = Conventions.Avenants.Verifier(s);
        if (Erreurs.Count == 0)
        {
            try
            {
                var a = await Conventions.Avenants.EnregistrerAsync(db, id, s, User.Identity?.Name ?? "inconnu", horloge, ct);
                if (a is null) return NotFound();
                TempData["Message"] = $"Avenant n° {a.Numero} enregistré.";
                return RedirectToPage(new { id });
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        db.ChangeTracker.Clear();
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }
}
