using Passerelle.Features.Reseau.Horaires;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>Directory search criteria, shared by the public page and the API (query-string names are the contract).</summary>
public sealed record CriteresRecherche
{
    public string? Q { get; init; }
    public string? Commune { get; init; }
    public string? CodePostal { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public double? RayonKm { get; init; }
    public string[] Services { get; init; } = [];
    public string[] Modalites { get; init; } = [];
    public string[] Publics { get; init; } = [];
    public string[] PrisesEnCharge { get; init; } = [];
    public string[] Frais { get; init; } = [];
    public bool Ouvert { get; init; }
    public bool Itinerant { get; init; }
    public int Page { get; init; } = 1;
    public int Taille { get; init; } = 20;
}

public sealed record LieuResume(int Id, string Nom, string Adresse, string CodePostal, string Commune, double? Latitude,
    double? Longitude, string? Telephone, string[] Services, double? DistanceKm, bool? OuvertMaintenant, bool Itinerant, bool FranceServices);

public sealed record PageLieux(int Total, IReadOnlyList<LieuResume> Items);

public static class RechercheLieux
{
    public const int TailleMax = 100;

    /// <summary>Returns French messages for criteria that cannot be searched (checked by the page and the API).</summary>
    public static Dictionary<string, string[]> Verifier(CriteresRecherche c)
    {
        var erreurs = new Dictionary<string, string[]>();
        if (c.Lat is < -90 or > 90 || c.Lat is double.NaN) erreurs["lat"] = ["La latitude doit être comprise entre -90 et 90."];
        if (c.Lon is < -180 or > 180 || c.Lon is double.NaN) erreurs["lon"] = ["La longitude doit être comprise entre -180 et 180."];
        if ((c.Lat is null) != (c.Lon is null)) erreurs["lat"] = ["Indiquez la latitude et la longitude ensemble."];
        if (c.RayonKm is <= 0 or > 200 || c.RayonKm is double.NaN) erreurs["rayon_km"] = ["Le rayon doit être compris entre 1 et 200 km."];
        if (c.Page < 1 || c.Page > 10000) erreurs["page"] = ["La page doit être un nombre positif."];
        if (c.Taille < 1 || c.Taille > TailleMax) erreurs["taille"] = [$"La taille de page doit être comprise entre 1 et {TailleMax}."];
        void Liste(string nom, string[] valeurs, string[] permises)
        {
            var inconnues = valeurs.Where(v => !permises.Contains(v)).ToArray();
            if (inconnues.Length > 0) erreurs[nom] = [$"Valeur inconnue : {string.Join(", ", inconnues)}."];
        }
        Liste("service", c.Services, StandardLieux.Services);
        Liste("modalite", c.Modalites, StandardLieux.ModalitesAccompagnement);
        Liste("public", c.Publics, StandardLieux.Publics);
        Liste("prise_en_charge", c.PrisesEnCharge, StandardLieux.PrisesEnCharge);
        Liste("frais", c.Frais, StandardLieux.Frais);
        if ((c.Q?.Length ?? 0) > 200 || (c.Commune?.Length ?? 0) > 200 || (c.CodePostal?.Length ?? 0) > 5)
            erreurs["q"] = ["Texte de recherche trop long."];
        return erreurs;
    }

    public static async Task<PageLieux> ExecuterAsync(AnnuaireEnMemoire annuaire, CriteresRecherche c, TimeProvider horloge, CancellationToken ct)
    {
        var entrees = await annuaire.EntreesAsync(ct);
        var q = string.IsNullOrWhiteSpace(c.Q) ? null : Texte.Normaliser(c.Q);
        var commune = c.Commune?.Trim();
        var codePostal = c.CodePostal?.Trim();
        // Forgiving commune: accents, hyphens, « St »/« Saint », a postcode, « Marseille 3e » (Referentiels.Territoires.RechercheCommunes).
        var saisie = Referentiels.Territoires.RechercheCommunes.Interpreter(commune);
        if (saisie.CodePostal is not null) codePostal = saisie.CodePostal;
        var communeN = saisie.Cle;
        int services = AnnuaireEnMemoire.Masque(c.Services, StandardLieux.Services), modalites = AnnuaireEnMemoire.Masque(c.Modalites, StandardLieux.ModalitesAccompagnement),
            publics = AnnuaireEnMemoire.Masque(c.Publics, StandardLieux.Publics), prises = AnnuaireEnMemoire.Masque(c.PrisesEnCharge, StandardLieux.PrisesEnCharge),
            frais = AnnuaireEnMemoire.Masque(c.Frais, StandardLieux.Frais);
        var geo = c.Lat is not null && c.Lon is not null;
        var rayon = c.RayonKm ?? 10;
        var maintenant = horloge.GetUtcNow();
        // "Open now" is read in each place's own time zone: one conversion per zone, not per place.
        var heuresLocales = new Dictionary<string, DateTime>();
        DateTime Locale(string fuseau)
        {
            if (!heuresLocales.TryGetValue(fuseau, out var h)) heuresLocales[fuseau] = h = TimeZoneInfo.ConvertTime(maintenant, Territoire.Zone(fuseau)).DateTime;
            return h;
        }

        var resultats = new List<(AnnuaireEnMemoire.Entree Entree, double? Distance)>();
        foreach (var e in entrees)
        {
            if (communeN is not null && !Referentiels.Territoires.RechercheCommunes.Correspond(e.CommuneRecherche, saisie)) continue;
            if (!string.IsNullOrEmpty(codePostal) && !e.CodePostal.StartsWith(codePostal, StringComparison.Ordinal)) continue;
            if ((e.MasqueServices & services) != services || (e.MasqueModalites & modalites) != modalites || (e.MasquePublics & publics) != publics
                || (e.MasquePrises & prises) != prises || (e.MasqueFrais & frais) != frais) continue;
            if (c.Itinerant && !e.Itinerant) continue;
            if (q is not null && !e.NomRecherche.Contains(q, StringComparison.Ordinal) && !e.CommuneRecherche.Contains(q, StringComparison.Ordinal)) continue;
            double? distance = null;
            if (geo)
            {
                if (e.Latitude is null || e.Longitude is null) continue;
                distance = Distance(c.Lat!.Value, c.Lon!.Value, e.Latitude.Value, e.Longitude.Value);
                if (distance > rayon) continue;
            }
            if (c.Ouvert && e.Horaires?.EstOuvertLocal(Locale(e.Fuseau), e.Departement) != true) continue;
            resultats.Add((e, distance));
        }
        // Entries are sorted by name already; distance first when searching around a point.
        if (geo) resultats = [.. resultats.OrderBy(r => r.Distance)];
        var page = resultats.Skip((c.Page - 1) * c.Taille).Take(c.Taille).Select(r => new LieuResume(r.Entree.Id, r.Entree.Nom, r.Entree.Adresse,
            r.Entree.CodePostal, r.Entree.Commune, r.Entree.Latitude, r.Entree.Longitude, r.Entree.Telephone, r.Entree.Services,
            r.Distance is null ? null : Math.Round(r.Distance.Value, 1), r.Entree.Horaires?.EstOuvertLocal(Locale(r.Entree.Fuseau), r.Entree.Departement),
            r.Entree.Itinerant, r.Entree.FranceServices)).ToList();
        return new PageLieux(resultats.Count, page);
    }

    /// <summary>Great-circle distance in km (haversine).</summary>
    public static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
