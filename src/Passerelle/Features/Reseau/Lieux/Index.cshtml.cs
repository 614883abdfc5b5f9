using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

public sealed class IndexModel(AnnuaireEnMemoire annuaire, TimeProvider horloge, Microsoft.Extensions.Options.IOptions<Web.CarteOptions> carte) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true, Name = "code_postal")] public string? CodePostal { get; set; }
    /// <summary>Read as text: people type "43,29" as often as "43.29".</summary>
    [BindProperty(SupportsGet = true, Name = "lat")] public string? LatSaisie { get; set; }
    [BindProperty(SupportsGet = true, Name = "lon")] public string? LonSaisie { get; set; }
    public double? Lat { get; private set; }
    public double? Lon { get; private set; }
    [BindProperty(SupportsGet = true, Name = "rayon_km")] public double? RayonKm { get; set; }
    [BindProperty(SupportsGet = true, Name = "service")] public string[] Services { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "modalite")] public string[] Modalites { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "public")] public string[] Publics { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "prise_en_charge")] public string[] PrisesEnCharge { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "frais")] public string[] Frais { get; set; } = [];
    [BindProperty(SupportsGet = true)] public bool Ouvert { get; set; }
    [BindProperty(SupportsGet = true)] public bool Itinerant { get; set; }
    /// <summary>Read by hand: "page" is also the route value Razor Pages uses for the page's own path.</summary>
    public int NumeroPage => int.TryParse(Request.Query["page"], out var p) ? Math.Clamp(p, 1, 100_000) : 1;

    public PageLieux? Resultats { get; private set; }
    public Suggestion? Suggestion { get; private set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public string UrlTuiles => carte.Value.UrlTuiles;
    public bool ARecherche => Request.Query.Count > 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        bool latLue = Nombres.Lire(LatSaisie, out var lat), lonLue = Nombres.Lire(LonSaisie, out var lon);
        (Lat, Lon) = (lat, lon);
        if (!latLue || !lonLue) Erreurs["formulaire"] = ["Certains critères sont mal écrits :"];
        if (!latLue) Erreurs["lat"] = ["La latitude doit être un nombre, par exemple 43,29."];
        if (!lonLue) Erreurs["lon"] = ["La longitude doit être un nombre, par exemple 5,37."];
        var criteres = new CriteresRecherche
        {
            Q = Q, Commune = Commune, CodePostal = CodePostal, Lat = Lat, Lon = Lon, RayonKm = RayonKm ?? (Lat is null ? null : 10),
            Services = Services, Modalites = Modalites, Publics = Publics, PrisesEnCharge = PrisesEnCharge, Frais = Frais,
            Ouvert = Ouvert, Itinerant = Itinerant, Page = NumeroPage, Taille = 20,
        };
        if (!ModelState.IsValid) Erreurs.TryAdd("formulaire", ["Certains critères sont mal écrits (nombres attendus pour la position et le rayon)."]);
        foreach (var (k, v) in RechercheLieux.Verifier(criteres)) Erreurs.TryAdd(k, v);
        if (Erreurs.Count > 0) return;
        Resultats = await RechercheLieux.ExecuterAsync(annuaire, criteres, horloge, ct);
        if (Resultats.Total == 0 && !string.IsNullOrWhiteSpace(Commune ?? CodePostal))
            Suggestion = SuggestionCommune.Proposer(await annuaire.EntreesAsync(ct), Commune ?? CodePostal);
    }

    public string UrlPage(int page)
    {
        var q = Request.Query.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/lieux?" + string.Join("&", q.Append($"page={page}"));
    }
}
