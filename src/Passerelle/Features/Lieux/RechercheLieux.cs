using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Horaires;
using Passerelle.Web;

namespace Passerelle.Features.Lieux;

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

    public static async Task<PageLieux> ExecuterAsync(AppDbContext db, CriteresRecherche c, TimeProvider horloge, CancellationToken ct)
    {
        var requete = db.Lieux.AsNoTracking().Where(l => !l.Archive);
        if (!string.IsNullOrWhiteSpace(c.Q))
        {
            var q = c.Q.Trim().ToLower();
            var qn = Texte.Normaliser(q);
            requete = requete.Where(l => l.Nom.ToLower().Contains(q) || l.CommuneRecherche.Contains(qn));
        }
        var commune = c.Commune?.Trim();
        var codePostal = c.CodePostal?.Trim();
        if (commune is { Length: 5 } && commune.All(char.IsAsciiDigit)) { codePostal = commune; commune = null; }
        if (!string.IsNullOrEmpty(commune))
        {
            var n = Texte.Normaliser(commune);
            requete = requete.Where(l => l.CommuneRecherche == n || l.CommuneRecherche.StartsWith(n + " "));
        }
        if (!string.IsNullOrEmpty(codePostal)) requete = requete.Where(l => l.CodePostal.StartsWith(codePostal));
        foreach (var s in c.Services) requete = requete.Where(l => ("|" + l.Services + "|").Contains("|" + s + "|"));
        foreach (var m in c.Modalites) requete = requete.Where(l => ("|" + l.ModalitesAccompagnement + "|").Contains("|" + m + "|"));
        foreach (var p in c.Publics) requete = requete.Where(l => ("|" + l.PublicsSpecifiquementAdresses + "|").Contains("|" + p + "|"));
        foreach (var p in c.PrisesEnCharge) requete = requete.Where(l => ("|" + l.PriseEnChargeSpecifique + "|").Contains("|" + p + "|"));
        foreach (var f in c.Frais) requete = requete.Where(l => ("|" + l.FraisACharge + "|").Contains("|" + f + "|"));
        if (c.Itinerant) requete = requete.Where(l => l.Itinerance != null && l.Itinerance.Contains("Itinérant"));

        var geo = c.Lat is not null && c.Lon is not null;
        var rayon = c.RayonKm ?? 10;
        if (geo)
        {
            var dLat = rayon / 111.0;
            var dLon = rayon / (111.0 * Math.Max(0.01, Math.Cos(c.Lat!.Value * Math.PI / 180)));
            double latMin = c.Lat!.Value - dLat, latMax = c.Lat.Value + dLat, lonMin = c.Lon!.Value - dLon, lonMax = c.Lon.Value + dLon;
            requete = requete.Where(l => l.Latitude >= latMin && l.Latitude <= latMax && l.Longitude >= lonMin && l.Longitude <= lonMax);
        }

        IQueryable<Ligne> Projeter(IQueryable<Lieu> q) => q.Select(l => new Ligne(l.Id, l.Nom, l.Adresse, l.CodePostal, l.Commune, l.Latitude, l.Longitude,
            l.Telephone, l.Services, l.Horaires, l.FuseauHoraire, l.Itinerance, l.DispositifProgrammesNationaux));
        var maintenant = horloge.GetUtcNow();

        if (!geo && !c.Ouvert)
        {
            var total = await requete.CountAsync(ct);
            var lignes = await Projeter(requete.OrderBy(l => l.Nom).ThenBy(l => l.Id).Skip((c.Page - 1) * c.Taille).Take(c.Taille)).ToListAsync(ct);
            return new PageLieux(total, lignes.Select(l => l.Resume(null, maintenant)).ToList());
        }

        // Distance and "open now" need C#: the candidates are already narrowed by the SQL filters above.
        var candidats = await Projeter(requete).ToListAsync(ct);
        var resultats = candidats
            .Select(l => (Ligne: l, Distance: geo ? Distance(c.Lat!.Value, c.Lon!.Value, l.Latitude!.Value, l.Longitude!.Value) : (double?)null))
            .Where(x => x.Distance is null || x.Distance <= rayon)
            .Where(x => !c.Ouvert || x.Ligne.EstOuvert(maintenant) == true)
            .OrderBy(x => x.Distance ?? 0).ThenBy(x => x.Ligne.Nom)
            .ToList();
        return new PageLieux(resultats.Count, resultats.Skip((c.Page - 1) * c.Taille).Take(c.Taille)
            .Select(x => x.Ligne.Resume(x.Distance, maintenant)).ToList());
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

    sealed record Ligne(int Id, string Nom, string Adresse, string CodePostal, string Commune, double? Latitude, double? Longitude,
        string? Telephone, string? Services, string? Horaires, string Fuseau, string? Itinerance, string? Dispositifs)
    {
        public bool? EstOuvert(DateTimeOffset maintenant) =>
            CacheHoraires.Lire(Horaires) is { } h ? h.EstOuvert(maintenant, Territoire.Zone(Fuseau), Territoire.Departement(CodePostal)) : null;

        public LieuResume Resume(double? distance, DateTimeOffset maintenant) => new(Id, Nom, Adresse, CodePostal, Commune, Latitude, Longitude,
            Telephone, StandardLieux.Valeurs(Services).ToArray(), distance is null ? null : Math.Round(distance.Value, 1), EstOuvert(maintenant),
            Itinerance?.Contains("Itinérant") == true, Dispositifs?.Contains("France Services") == true);
    }
}
