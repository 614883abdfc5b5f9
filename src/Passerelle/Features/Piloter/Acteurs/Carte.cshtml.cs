using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Features.Referentiels;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Features.Piloter.Acteurs;

/// <summary>One place of an actor: where (commune, point), what (national services, in plain words), how (weekly permanences,
/// itinerant or not) and with how many mediators (a count, never a name).</summary>
public sealed record LieuActeur(int Id, string Nom, string Commune, string CodePostal, double? Lat, double? Lon, IReadOnlyList<string> Services,
    int Permanences, int Mediateurs, bool Itinerant);

/// <summary>An actor of the network (a structure of the directory, or « structure non renseignée ») and its places.</summary>
public sealed record Acteur(string Nom, string? Typologie, IReadOnlyList<LieuActeur> Lieux);

/// <summary><c>/pilotage/acteurs</c>: the map of actors of the strategy study — who helps, with what, where — read from the directory
/// (places not archived, their structure, services in the national standard, active permanences and the mediators named on them,
/// counted). Optional <c>epci</c> (SIREN) and <c>region</c> filters as on <c>/pilotage</c>; at most <see cref="Max"/> places shown.
/// No personal data: structures and places are public directory entries, mediators are counted.</summary>
public sealed class CarteModel(AppDbContext db, TimeProvider horloge, Microsoft.Extensions.Options.IOptions<Web.CarteOptions> carte) : PageModel
{
    public const int Max = 1000;
    [BindProperty(SupportsGet = true)] public string? Epci { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    public string UrlTuiles => carte.Value.UrlTuiles;
    public List<Acteur> Acteurs { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (demande, erreurs) = await PilotageApi.LireAsync(db, null, null, null, Epci, Region, horloge, Request.Query, ct);
        Erreurs = erreurs;
        if (demande is null) return;
        (Epci, Region) = (demande.Epci, demande.Region);
        var perimetre = PerimetreEcarts.Pour(Epci, Region);
        var codesInsee = perimetre.CodesInsee(db);
        var codesPostaux = perimetre.Tout ? [] : (await db.Set<Referentiels.Territoires.Commune>().AsNoTracking().Where(c => codesInsee.Contains(c.CodeInsee))
            .Select(c => c.CodesPostaux).ToListAsync(ct)).SelectMany(l => l.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var lieuxQ = perimetre.LieuxDesCommunes(db, codesPostaux);
        Total = await lieuxQ.CountAsync(ct);
        var aujourdhui = Territoire.AujourdHui(horloge);
        var lieux = await lieuxQ.OrderBy(l => l.Commune).ThenBy(l => l.Nom).Take(Max)
            .Select(l => new
            {
                l.Id, l.Nom, l.Commune, l.CodePostal, l.Latitude, l.Longitude, l.Services, l.Itinerance,
                Structure = l.Structure == null ? null : l.Structure.Nom, Typologie = l.Structure == null ? null : l.Structure.Typologie,
                Permanences = db.Permanences.Count(p => p.LieuId == l.Id && !p.Archivee && (p.DateFin == null || p.DateFin >= aujourdhui)),
                Mediateurs = db.Permanences.Where(p => p.LieuId == l.Id && !p.Archivee && (p.DateFin == null || p.DateFin >= aujourdhui))
                    .SelectMany(p => p.Mediateurs).Select(m => m.Id).Distinct().Count(),
            }).ToListAsync(ct);
        Acteurs = lieux.GroupBy(l => (l.Structure, l.Typologie))
            .Select(g => new Acteur(g.Key.Structure ?? "Structure non renseignée", g.Key.Typologie, g.Select(l => new LieuActeur(l.Id, l.Nom, l.Commune, l.CodePostal,
                l.Latitude, l.Longitude, StandardLieux.Valeurs(l.Services).Select(LibellesPublics.Dire).ToList(), l.Permanences, l.Mediateurs,
                StandardLieux.Valeurs(l.Itinerance).Contains("Itinérant"))).ToList()))
            .OrderBy(a => a.Nom == "Structure non renseignée" ? 1 : 0).ThenBy(a => a.Nom, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
    }
}
