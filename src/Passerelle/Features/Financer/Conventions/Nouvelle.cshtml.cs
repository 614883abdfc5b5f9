using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Financer.Conventions;

[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class NouvelleModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public string Intitule { get; set; } = "";
    [BindProperty] public int CoordinateurId { get; set; }
    [BindProperty] public int PartenaireId { get; set; }
    [BindProperty] public int LieuId { get; set; }
    [BindProperty] public DateOnly? DateDebut { get; set; }
    [BindProperty] public DateOnly? DateFin { get; set; }
    [BindProperty] public int CreneauxParSemaine { get; set; } = 5;
    [BindProperty] public int AteliersParMois { get; set; } = 1;
    [BindProperty] public DateOnly? DateSignature { get; set; }
    [BindProperty] public int? DeliberationId { get; set; }
    [BindProperty] public bool Generer { get; set; } = true;
    [BindProperty] public DayOfWeek JourPermanence { get; set; } = DayOfWeek.Tuesday;
    [BindProperty] public TimeOnly HeureDebut { get; set; } = new(9, 0);
    [BindProperty] public int MotifId { get; set; } = Passerelle.Features.Accompagner.Motifs.Motif.IdDemarches;
    [BindProperty] public int[] MediateurIds { get; set; } = [];
    [BindProperty] public int? AtelierId { get; set; }
    [BindProperty] public int RangAtelier { get; set; } = 1;
    [BindProperty] public DayOfWeek JourAtelier { get; set; } = DayOfWeek.Wednesday;
    [BindProperty] public TimeOnly HeureAtelier { get; set; } = new(14, 0);
    [BindProperty] public int CapaciteAtelier { get; set; } = 8;

    public List<(int Id, string Nom)> Structures { get; private set; } = [];
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];
    public List<(int Id, string Nom)> Mediateurs { get; private set; } = [];
    public List<(int Id, string Nom)> Ateliers { get; private set; } = [];
    public List<(int Id, string Nom)> Motifs { get; private set; } = [];
    public List<(int Id, string Nom)> Deliberations { get; private set; } = [];
    /// <summary>Errors by bound property name ("" for the form as a whole), shown next to each field and in the summary.</summary>
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    /// <summary>HTML id of each field, by property name: the summary's links.</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        ["Intitule"] = "intitule", ["CoordinateurId"] = "coord", ["PartenaireId"] = "part", ["LieuId"] = "lieu", ["DeliberationId"] = "delib",
        ["DateDebut"] = "debut", ["DateFin"] = "fin", ["DateSignature"] = "signature", ["CreneauxParSemaine"] = "creneaux", ["AteliersParMois"] = "ateliers",
        ["Generer"] = "generer", ["JourPermanence"] = "jourp", ["HeureDebut"] = "heurep", ["MotifId"] = "motif", ["AtelierId"] = "atelier",
        ["RangAtelier"] = "rang", ["JourAtelier"] = "joura", ["HeureAtelier"] = "heurea", ["CapaciteAtelier"] = "capa", ["MediateurIds"] = "mediateurs",
    };

    async Task ChargerAsync(CancellationToken ct)
    {
        Structures = (await db.Structures.Where(s => !s.Archivee).OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).Take(2000).ToListAsync(ct)).Select(x => (x.Id, x.Nom)).ToList();
        Lieux = (await db.Lieux.Where(l => !l.Archive && l.StructureId != null).OrderBy(l => l.Nom).Select(l => new { l.Id, l.Nom }).Take(2000).ToListAsync(ct)).Select(x => (x.Id, x.Nom)).ToList();
        Mediateurs = (await db.Mediateurs.Where(m => !m.Archive).OrderBy(m => m.Nom).Select(m => new { m.Id, N = m.Prenom + " " + m.Nom }).Take(2000).ToListAsync(ct)).Select(x => (x.Id, x.N)).ToList();
        Ateliers = (await db.Ateliers.Where(a => !a.Archive).OrderBy(a => a.Titre).Select(a => new { a.Id, a.Titre }).ToListAsync(ct)).Select(x => (x.Id, x.Titre)).ToList();
        Deliberations = (await db.Deliberations.Where(d => d.Adoptee).OrderByDescending(d => d.DateSeance).Take(500)
            .Select(d => new { d.Id, d.Numero, d.DateSeance, d.CollectiviteNom }).ToListAsync(ct)).Select(x => (x.Id, $"{x.Numero} du {x.DateSeance:dd/MM/yyyy} ({x.CollectiviteNom})")).ToList();
        Motifs = (await db.Motifs.Where(m => !m.Collectif).Select(m => new { m.Id, m.Nom }).ToListAsync(ct)).Select(x => (x.Id, x.Nom)).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        if (DateDebut is null && !Erreurs.ContainsKey(nameof(DateDebut))) Erreurs[nameof(DateDebut)] = ["Indiquez la date de début."];
        if (DateFin is null && !Erreurs.ContainsKey(nameof(DateFin))) Erreurs[nameof(DateFin)] = ["Indiquez la date de fin."];
        if (Generer && MediateurIds.Length == 0 && CreneauxParSemaine > 0) Erreurs[nameof(MediateurIds)] = ["Choisissez au moins un médiateur pour les permanences."];
        if (Erreurs.Count > 0) return Page();
        var planning = Generer ? new PlanningSaisie(JourPermanence, HeureDebut, MotifId, MediateurIds, AtelierId, RangAtelier, JourAtelier, HeureAtelier, CapaciteAtelier) : null;
        try
        {
            var convention = await CreerConvention.ExecuterAsync(db, new ConventionSaisie(Intitule, CoordinateurId, PartenaireId, LieuId, DateDebut!.Value, DateFin!.Value,
                CreneauxParSemaine, AteliersParMois, DateSignature, null, planning, DeliberationId), horloge, ct);
            return Redirect($"/admin/conventions/{convention.Id}");
        }
        catch (System.ComponentModel.DataAnnotations.ValidationException e)
        {
            // The schedule's fields come back as "Planning.MotifId"; "Planning" alone concerns the schedule as a whole.
            Erreurs = Valider.Erreurs(e).GroupBy(x => x.Key == "Planning" ? "" : x.Key.Replace("Planning.", ""))
                .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value).ToArray());
            return Page();
        }
    }
}
