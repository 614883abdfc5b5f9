using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Referentiels.Territoires;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>The asked zones as SQL filters, so that every aggregate of the gap table reads only their rows: the communes of an EPCI
/// (SIREN) and/or of a région (INSEE code), with Marseille's, Lyon's and Paris' arrondissements counted for their commune; the places
/// located in them (by INSEE code, or by postcode when a place has no code); the people living in them (by postcode for communes, by
/// QPV code for QPV). With neither EPCI nor région, the whole reference.</summary>
public sealed class PerimetreEcarts
{
    public string? Epci { get; }
    public string? Region { get; }
    public bool Tout => Epci is null && Region is null;

    PerimetreEcarts(string? epci, string? region) => (Epci, Region) = (epci, region);

    public static PerimetreEcarts Pour(string? epci, string? region) => new(epci, region);

    /// <summary>The communes (never arrondissements) of the zone.</summary>
    public IQueryable<Commune> Communes(AppDbContext db)
    {
        var (epci, region) = (Epci, Region);
        return db.Set<Commune>().AsNoTracking().Where(c => c.Type == Commune.TypeCommune
            && (epci == null || c.EpciSiren == epci) && (region == null || c.CodeRegion == region));
    }

    /// <summary>INSEE codes of the zone's communes and of their arrondissements (a subquery, never loaded).</summary>
    public IQueryable<string> CodesInsee(AppDbContext db)
    {
        var communes = Communes(db);
        return db.Set<Commune>().Where(c => communes.Any(z => z.CodeInsee == c.CodeInsee || z.CodeInsee == c.CommuneParente)).Select(c => c.CodeInsee);
    }

    /// <summary>Places (not archived) located in the zone's communes: by INSEE code, or by one of their postcodes when the place has
    /// no code (<paramref name="codesPostaux"/>; the commune is then told apart in memory by <see cref="ZonesDeReference"/>).</summary>
    public IQueryable<Lieu> LieuxDesCommunes(AppDbContext db, IReadOnlyCollection<string> codesPostaux)
    {
        var lieux = db.Lieux.AsNoTracking().Where(l => !l.Archive);
        if (Tout) return lieux;
        var codes = CodesInsee(db);
        return lieux.Where(l => (l.CodeInsee != null && codes.Contains(l.CodeInsee)) || (l.CodeInsee == null && codesPostaux.Contains(l.CodePostal)));
    }

    /// <summary>Places (not archived) inside the bounding box of the points, widened by <paramref name="margeKm"/>.</summary>
    public static IQueryable<Lieu> LieuxAutourDe(AppDbContext db, IReadOnlyCollection<(double Lat, double Lon)> points, double margeKm)
    {
        var lieux = db.Lieux.AsNoTracking().Where(l => !l.Archive && l.Latitude != null && l.Longitude != null);
        if (points.Count == 0) return lieux.Where(l => false);
        var (s, n, o, e) = Boite(points, margeKm);
        return lieux.Where(l => l.Latitude >= s && l.Latitude <= n && l.Longitude >= o && l.Longitude <= e);
    }

    /// <summary>South, north, west, east bounds (degrees) of the points widened by a distance in km (1° of latitude = 111.2 km; a
    /// degree of longitude shrinks with the cosine of the highest latitude).</summary>
    public static (double S, double N, double O, double E) Boite(IReadOnlyCollection<(double Lat, double Lon)> points, double margeKm)
    {
        var (s, n) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
        var dLat = margeKm / 111.2;
        var cos = Math.Cos(Math.Min(89.0, Math.Max(Math.Abs(s), Math.Abs(n)) + dLat) * Math.PI / 180);
        var dLon = Math.Min(180, margeKm / (111.2 * Math.Max(cos, 0.01)));
        return (s - dLat, n + dLat, points.Min(p => p.Lon) - dLon, points.Max(p => p.Lon) + dLon);
    }

    /// <summary>People whose residence may be in the zone: postcode among the zone communes' postcodes, or no postcode but a commune
    /// name (commune level); QPV code among the zone's QPV (QPV level); everyone when the whole reference is asked.</summary>
    public IQueryable<Beneficiaire> Residents(AppDbContext db, string niveau, IReadOnlyCollection<string> codesPostaux, IReadOnlyCollection<string> codesQpv)
    {
        var personnes = db.Beneficiaires.AsNoTracking();
        if (niveau == CalculEcarts.Qpv) return personnes.Where(b => b.CodeQpv != null && codesQpv.Contains(b.CodeQpv));
        // A file with a commune name but no postcode is kept too: its name places it, in memory (ZonesDeReference.CodeCommune).
        return Tout ? personnes : personnes.Where(b => (b.CodePostal != null && codesPostaux.Contains(b.CodePostal))
            || ((b.CodePostal == null || b.CodePostal == "") && b.Commune != null && b.Commune != ""));
    }

    /// <summary>The reference used to place residences and uncoded places: the communes of the départements (first two characters of the
    /// INSEE code) the zone touches — a postcode shared across a département border is the known limit — or all of them; with the names
    /// several communes of the whole reference bear, which never place a person by name alone.</summary>
    public async Task<ZonesDeReference> ReferenceAsync(AppDbContext db, IEnumerable<string> codesZone, CancellationToken ct)
    {
        var communes = db.Set<Commune>().AsNoTracking();
        if (Tout) return new ZonesDeReference(await communes.ToListAsync(ct));
        var departements = codesZone.Select(c => c[..2]).Distinct().ToList();
        // A name borne by two communes, one outside these départements, places nobody (as in the whole-country view).
        var homonymes = await communes.Where(c => c.Type == Commune.TypeCommune).GroupBy(c => c.NomRecherche)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
        return new ZonesDeReference(await communes.Where(c => departements.Contains(c.CodeInsee.Substring(0, 2))).ToListAsync(ct), homonymes);
    }
}
