using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>A place offering help in the zone: who runs it, its permanences (day and hours).</summary>
public sealed record OffreLieu(int Id, string Nom, string? Structure, IReadOnlyList<string> Permanences);

/// <summary>One month of the zone's trend: accompaniments of residents (masked under 5 people) and weekly help hours.</summary>
public sealed record MoisZone(DateOnly Mois, int? Accompagnements, double HeuresHebdo);

/// <summary><c>/pilotage/zones/{code}?du=&amp;au=</c>: a commune's or QPV's row of the gap table for the period (the table's links pass
/// theirs; by default the last 12 months), what is offered there (places, by whom, when), and the trend over the 12 months ending with
/// the period. A bad period is named in French and the last 12 months are shown instead; another parameter given twice is named as such. Same roles and scope as <c>/pilotage</c>;
/// 404 for an unknown or out-of-scope zone.</summary>
public sealed class ZoneModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public LigneEcart? Ligne { get; private set; }
    public string Niveau { get; private set; } = CalculEcarts.Commune;
    public List<OffreLieu> Offre { get; private set; } = [];
    public List<MoisZone> Tendance { get; private set; } = [];
    public IndiceFragilite? Fragilite { get; private set; }
    public DemandeEcarts Periode { get; private set; } = null!;
    /// <summary>French messages on the period asked for, when it was refused.</summary>
    public List<string> ErreursPeriode { get; private set; } = [];
    /// <summary>French messages on the other parameters of the address (one given twice), which change nothing on this page.</summary>
    public List<string> ErreursAdresse { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Du { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Au { get; set; }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        code = code.Trim().ToUpperInvariant();
        if (code.Length is < 5 or > 12) return NotFound();
        Niveau = code.StartsWith("QN", StringComparison.Ordinal) ? CalculEcarts.Qpv : CalculEcarts.Commune;
        // Every figure of a zone depends only on the zones of its own EPCI (or région): the 13 computations below read those (ADR 0037).
        var (epci, region) = await PerimetreDeLaZoneAsync(db, Niveau, code, ct);
        var (demande, erreurs) = PilotageApi.Lire(Niveau, Du, Au, null, horloge, requete: Request.Query);
        if (demande is null)
        {
            // A fault of the period (« du », « au ») puts the last 12 months in its place; any other (« epci » given twice) is named
            // as it is, and the period asked for is kept.
            ErreursPeriode = erreurs.Where(e => e.Key is "du" or "au").SelectMany(e => e.Value).ToList();
            ErreursAdresse = erreurs.Where(e => e.Key is not ("du" or "au")).SelectMany(e => e.Value).ToList();
            demande = ErreursPeriode.Count > 0 ? PilotageApi.Lire(Niveau, null, null, null, horloge).Demande : PilotageApi.Lire(Niveau, Du, Au, null, horloge).Demande;
        }
        demande = Periode = demande! with { Epci = epci, Region = region };
        var table = await PilotageApi.PourAsync(db, User, demande!, ct, HttpContext.RequestServices.GetService<IFoyersConnectes>());
        Ligne = table.Lignes.FirstOrDefault(l => l.Code == code);
        if (Ligne is null) return NotFound();
        var ids = table.LieuxParZone.GetValueOrDefault(code) ?? [];
        var lieux = await db.Lieux.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Nom, Structure = l.Structure == null ? null : l.Structure.Nom }).ToListAsync(ct);
        var permanences = await db.Permanences.AsNoTracking().Where(p => ids.Contains(p.LieuId) && !p.Archivee && (p.DateFin == null || p.DateFin >= demande!.Du)).ToListAsync(ct);
        Offre = lieux.OrderBy(l => l.Nom).Select(l => new OffreLieu(l.Id, l.Nom, l.Structure, permanences.Where(p => p.LieuId == l.Id)
            .Select(p => $"{p.Recurrence.Description()}, {p.HeureDebut:HH\\:mm}–{p.HeureFin:HH\\:mm}").ToList())).ToList();
        Fragilite = await db.Set<IndiceFragilite>().AsNoTracking().Where(i => i.Niveau == Niveau && i.Code == code)
            .OrderByDescending(i => i.VersionModele).FirstOrDefaultAsync(ct);
        var fin = demande!.Au;
        for (var m = 11; m >= 0; m--)
        {
            var debut = new DateOnly(fin.Year, fin.Month, 1).AddMonths(-m);
            var finMois = debut.AddMonths(1).AddDays(-1);
            var mois = (await CalculEcarts.ExecuterAsync(db, Niveau, debut, finMois, epci, ct, region: region)).Lignes.FirstOrDefault(l => l.Code == code);
            Tendance.Add(new MoisZone(debut, mois?.DemandeObservee, mois?.HeuresHebdo ?? 0));
        }
        return Page();
    }

    /// <summary>The EPCI (SIREN) of the commune, or of the first commune a QPV spans; its région (INSEE code) when it has no EPCI;
    /// (null, null) — the whole reference — when the commune is unknown or has neither.</summary>
    public static async Task<(string? Epci, string? Region)> PerimetreDeLaZoneAsync(AppDbContext db, string niveau, string code, CancellationToken ct)
    {
        var insee = code;
        if (niveau == CalculEcarts.Qpv)
            insee = (await db.Qpv.AsNoTracking().Where(q => q.Code == code).Select(q => q.CodesInsee).FirstOrDefaultAsync(ct))?.Split('|')[0] ?? "";
        var c = await db.Set<Commune>().AsNoTracking().Where(x => x.CodeInsee == insee).Select(x => new { x.EpciSiren, x.CodeRegion }).FirstOrDefaultAsync(ct);
        return c?.EpciSiren is { Length: 9 } e ? (e, null) : (null, c?.CodeRegion is { Length: 2 } r ? r : null);
    }
}
