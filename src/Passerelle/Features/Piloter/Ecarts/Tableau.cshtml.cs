using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary><c>/pilotage</c>: the gap table, sortable by any column with plain links (no JavaScript needed), and the map of the
/// same rows. Administrators and funders see every zone, managers the zones of their structures' places.</summary>
public sealed class TableauModel(AppDbContext db, TimeProvider horloge, Microsoft.Extensions.Options.IOptions<Web.CarteOptions> carte) : PageModel
{
    /// <summary>Sortable columns: query value → (header, value read from a row).</summary>
    public static readonly IReadOnlyList<(string Cle, string Titre, Func<LigneEcart, IComparable?> Valeur)> Colonnes =
    [
        ("nom", "Zone", l => l.Nom), ("population", "Population", l => l.Population), ("fragilite", "Indice de fragilité numérique", l => l.Fragilite),
        ("lieux", "Lieux", l => l.Lieux), ("heures", "Heures d'aide par semaine", l => l.HeuresHebdo),
        ("creneaux", "Créneaux pour 1 000 hab.", l => l.CreneauxPour1000), ("mediateurs", "Médiateurs", l => l.Mediateurs),
        ("distance", "Distance au lieu le plus proche (km)", l => l.DistanceMinKm), ("demande", "Demande observée", l => l.DemandeObservee),
        ("personnes", "Personnes", l => l.Personnes), ("nonsatisfaite", "Demande non satisfaite", l => l.DemandeNonSatisfaite),
        ("foyers", "Foyers connectés", l => l.FoyersConnectes),
        ("priorite", "Indice de priorité", l => l.IndicePriorite),
    ];

    [BindProperty(SupportsGet = true)] public string? Niveau { get; set; }
    [BindProperty(SupportsGet = true)] public string? Du { get; set; }
    [BindProperty(SupportsGet = true)] public string? Au { get; set; }
    [BindProperty(SupportsGet = true)] public string? Epci { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tri { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ordre { get; set; }

    public string UrlTuiles => carte.Value.UrlTuiles;
    public TableEcarts? Table { get; private set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public Dictionary<string, (double Lat, double Lon)> Points { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (demande, erreurs) = await PilotageApi.LireAsync(db, Niveau, Du, Au, Epci, Region, horloge, Request.Query, ct);
        Erreurs = erreurs;
        if (demande is null) return;
        (Niveau, Du, Au, Epci, Region) = (demande.Niveau, demande.Du.ToString("yyyy-MM-dd"), demande.Au.ToString("yyyy-MM-dd"), demande.Epci, demande.Region);
        var table = await PilotageApi.PourAsync(db, User, demande, ct, HttpContext.RequestServices.GetService<IFoyersConnectes>());
        var colonne = Colonnes.FirstOrDefault(c => c.Cle == Tri);
        if (colonne.Cle is null) (Tri, colonne) = ("priorite", Colonnes[^1]);
        var desc = Ordre != "asc";
        Ordre = desc ? "desc" : "asc";
        // Empty and masked cells go last whichever the order.
        var tries = table.Lignes.OrderBy(l => colonne.Valeur(l) is null ? 1 : 0);
        tries = desc ? tries.ThenByDescending(colonne.Valeur) : tries.ThenBy(colonne.Valeur);
        Table = table with { Lignes = tries.ThenBy(l => l.Code, StringComparer.Ordinal).ToList() };
        Points = await PointsDesZones.LireAsync(db, Niveau!, Table.Lignes.Select(l => l.Code).ToList(), ct);
    }

    /// <summary>A column title inside a sentence: its first letter in lower case, acronyms and the rest kept (« indice de priorité »).</summary>
    public static string EnMinuscule(string titre) => titre.Length == 0 ? titre : char.ToLowerInvariant(titre[0]) + titre[1..];

    /// <summary>A zone's page for the table's period.</summary>
    public string LienZone(string code) => $"/pilotage/zones/{code}?du={Du}&au={Au}";

    public string Lien(string cle) => $"/pilotage?niveau={Niveau}&du={Du}&au={Au}" + (Epci is null ? "" : $"&epci={Epci}") + (Region is null ? "" : $"&region={Region}")
        + $"&tri={cle}&ordre={(Tri == cle && Ordre == "desc" ? "asc" : "desc")}";
}
