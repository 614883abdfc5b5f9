using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Permanences;

/// <summary>Permanences of the places one manages: list, create, stop.</summary>
public sealed class ListeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public sealed record Ligne(int Id, string Lieu, string Motif, string Quand, string Heures, string Periode, string Mediateurs, int AVenir);
    [BindProperty] public int LieuId { get; set; }
    [BindProperty] public int MotifId { get; set; } = Motifs.Motif.IdDemarches;
    [BindProperty] public TypeRecurrence Type { get; set; }
    [BindProperty] public DayOfWeek[] Jours { get; set; } = [];
    [BindProperty] public int IntervalleSemaines { get; set; } = 1;
    [BindProperty] public int Rang { get; set; } = 1;
    [BindProperty] public DayOfWeek JourDuMois { get; set; } = DayOfWeek.Wednesday;
    [BindProperty] public TimeOnly HeureDebut { get; set; } = new(9, 0);
    [BindProperty] public TimeOnly HeureFin { get; set; } = new(12, 0);
    [BindProperty] public DateOnly? DateDebut { get; set; }
    [BindProperty] public DateOnly? DateFin { get; set; }
    [BindProperty] public int[] MediateurIds { get; set; } = [];
    public List<Ligne> Permanences { get; private set; } = [];
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];
    public List<(int Id, string Nom)> MotifsPossibles { get; private set; } = [];
    public List<(int Id, string Nom)> Mediateurs { get; private set; } = [];
    /// <summary>Errors by bound property name ("" for the form as a whole), shown next to each field and in the summary.</summary>
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    /// <summary>HTML id of each field of the creation form, by property name: the summary's links.</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        ["LieuId"] = "lieu", ["MotifId"] = "motif", ["Type"] = "type", ["Jours"] = "jours", ["IntervalleSemaines"] = "intervalle", ["Rang"] = "rang",
        ["JourDuMois"] = "jourmois", ["HeureDebut"] = "hdebut", ["HeureFin"] = "hfin", ["DateDebut"] = "ddebut", ["DateFin"] = "dfin", ["MediateurIds"] = "mediateurs",
    };
    public string? Message { get; private set; }

    async Task ChargerAsync(CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        var lieux = db.Lieux.Where(l => !l.Archive && l.StructureId != null);
        if (perimetre is not null) lieux = lieux.Where(l => perimetre.Contains(l.StructureId!.Value));
        Lieux = (await lieux.OrderBy(l => l.Nom).Select(l => new { l.Id, l.Nom }).Take(1000).ToListAsync(ct)).Select(l => (l.Id, l.Nom)).ToList();
        var ids = Lieux.Select(l => l.Id).ToList();
        MotifsPossibles = (await db.Motifs.Where(m => !m.Collectif).OrderBy(m => m.Id).Select(m => new { m.Id, m.Nom }).ToListAsync(ct)).Select(m => (m.Id, m.Nom)).ToList();
        var mediateurs = db.Mediateurs.Where(m => !m.Archive);
        if (perimetre is not null) mediateurs = mediateurs.Where(m => m.Emplois.Any(e => perimetre.Contains(e.StructureId)));
        Mediateurs = (await mediateurs.OrderBy(m => m.Nom).Select(m => new { m.Id, N = m.Prenom + " " + m.Nom }).Take(1000).ToListAsync(ct)).Select(m => (m.Id, m.N)).ToList();
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var liste = await db.Permanences.AsNoTracking().Include(p => p.Lieu).Include(p => p.Motif).Include(p => p.Mediateurs)
            .Where(p => !p.Archivee && ids.Contains(p.LieuId)).OrderBy(p => p.Lieu!.Nom).Take(500).ToListAsync(ct);
        var avenir = await db.Creneaux.Where(c => liste.Select(p => p.Id).Contains(c.PermanenceId) && c.Debut > maintenant)
            .GroupBy(c => c.PermanenceId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Permanences = liste.Select(p => new Ligne(p.Id, p.Lieu!.Nom, p.Motif!.Nom, p.Recurrence.Description(), $"{p.HeureDebut:HH\\:mm}–{p.HeureFin:HH\\:mm}",
            $"du {p.DateDebut:dd/MM/yyyy}" + (p.DateFin is { } f ? $" au {f:dd/MM/yyyy}" : ""), string.Join(", ", p.Mediateurs.Select(m => m.Prenom + " " + m.Nom)),
            avenir.GetValueOrDefault(p.Id))).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        await ChargerAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        else
        {
            var debut = DateDebut ?? Territoire.AujourdHui(horloge);
            try
            {
                var (p, n) = await CreerPermanence.ExecuterAsync(db, new PermanenceSaisie(LieuId, MotifId, Type, Jours, IntervalleSemaines, Rang, JourDuMois,
                    HeureDebut, HeureFin, debut, DateFin, MediateurIds), User, horloge, ct);
                TempData["Message"] = $"Permanence créée : {p.Recurrence.Description()}, {n} créneaux ouverts à la réservation.";
                return RedirectToPage();
            }
            catch (AccesRefuseException) { return Forbid(); }
            // The entity names the week days "JoursSemaine"; the form's boxes are "Jours".
            catch (System.ComponentModel.DataAnnotations.ValidationException e) { Erreurs = Valider.Erreurs(e).ToDictionary(x => x.Key == "JoursSemaine" ? "Jours" : x.Key, x => x.Value); }
        }
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostArreterAsync(int id, CancellationToken ct)
    {
        await ChargerAsync(ct);
        if (!Permanences.Any(p => p.Id == id)) return NotFound();
        var p = await db.Permanences.FirstAsync(x => x.Id == id, ct);
        p.Archivee = true;
        await db.SaveChangesAsync(ct);
        await GenererCreneaux.ExecuterAsync(db, horloge, id, ct);
        TempData["Message"] = "Permanence arrêtée : ses créneaux libres sont retirés, les rendez-vous déjà pris sont gardés.";
        return RedirectToPage();
    }
}
