using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Piloter.Ecarts;

namespace Passerelle.Features.Piloter.Actions;

/// <summary><c>/pilotage/etude?epci=&amp;du=&amp;au=</c>: the territorial strategy study as a living, printable page (standards file
/// « pilotage territorial », § 2, « outputs a study usually delivers »): coverage and gaps per priority neighbourhood (QPV), the
/// priority zones (highest priority index; QPV with no place within <see cref="SeuilKm"/> km), and the action plan with its costs
/// and co-financing. Same roles and scope as <c>/pilotage</c> (managers: their zones; the plan is the territory's). Aggregates only.</summary>
public sealed class EtudeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    /// <summary>Distance beyond which a neighbourhood is said to have no place within reach (km, straight line).</summary>
    public const double SeuilKm = 5;

    [BindProperty(SupportsGet = true)] public string? Du { get; set; }
    [BindProperty(SupportsGet = true)] public string? Au { get; set; }
    [BindProperty(SupportsGet = true)] public string? Epci { get; set; }

    public TableEcarts? Quartiers { get; private set; }
    public IReadOnlyList<LigneEcart> CommunesPrioritaires { get; private set; } = [];
    public IReadOnlyList<LigneEcart> QuartiersEloignes { get; private set; } = [];
    public List<ActionTerritoriale> Plan { get; private set; } = [];
    public Dictionary<string, string> NomsZones { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public DateOnly Edition { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        return Page();
    }

    /// <summary><c>?handler=pdf</c>: the same study as an A4 PDF download (<see cref="EtudePdf"/>); a bad address shows the page's errors.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct)) return Page();
        return File(EtudePdf.Ecrire(this), "application/pdf", $"etude-territoriale-{Edition:yyyy-MM-dd}.pdf");
    }

    /// <summary>Reads the address and computes the study; false when the address is refused (<see cref="Erreurs"/>).</summary>
    async Task<bool> ChargerAsync(CancellationToken ct)
    {
        Edition = Referentiels.Territoire.AujourdHui(horloge);
        var (demande, erreurs) = await PilotageApi.LireAsync(db, CalculEcarts.Qpv, Du, Au, Epci, null, horloge, Request.Query, ct);
        Erreurs = erreurs;
        if (demande is null) return false;
        var foyers = HttpContext.RequestServices.GetService<IFoyersConnectes>();
        var qpv = await PilotageApi.PourAsync(db, User, demande, ct, foyers);
        Quartiers = qpv with { Lignes = qpv.Lignes.OrderBy(l => l.Nom, StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), true)).ToList() };
        QuartiersEloignes = qpv.Lignes.Where(l => l.Lieux == 0 && l.DistanceMinKm is > SeuilKm).OrderByDescending(l => l.DistanceMinKm).ToList();
        var communes = await PilotageApi.PourAsync(db, User, demande with { Niveau = CalculEcarts.Commune }, ct, foyers);
        CommunesPrioritaires = communes.Lignes.Where(l => l.IndicePriorite is not null).OrderByDescending(l => l.IndicePriorite).Take(10).ToList();
        Plan = await db.Set<ActionTerritoriale>().AsNoTracking().OrderBy(a => a.Debut).ThenBy(a => a.Id).Take(200).ToListAsync(ct);
        NomsZones = communes.Lignes.Concat(qpv.Lignes).GroupBy(l => l.Code).ToDictionary(g => g.Key, g => g.First().Nom);
        (Du, Au, Epci) = (demande.Du.ToString("yyyy-MM-dd"), demande.Au.ToString("yyyy-MM-dd"), demande.Epci);
        return true;
    }
}
