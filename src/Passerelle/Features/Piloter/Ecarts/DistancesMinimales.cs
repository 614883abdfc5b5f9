using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary><c>distance_min(zone) = min over places offering a service of haversine(reference point of the zone, place)</c>, in km
/// (standards file « pilotage territorial », § 2). The places are read in SQL inside the zones' bounding box widened by
/// <see cref="MargeKm"/>; a zone whose nearest place found is farther than that margin (a closer one could lie outside the box), or
/// that found none, is computed again against every geocoded place offering a service.</summary>
public static class DistancesMinimales
{
    public const double MargeKm = 50;

    /// <summary>Distance per zone code; zones without a reference point are absent, and so are all zones when no place is geocoded.</summary>
    public static async Task<Dictionary<string, double>> CalculerAsync(AppDbContext db, IReadOnlyList<(string Code, double? Lat, double? Lon)> zones,
        CancellationToken ct)
    {
        var points = zones.Where(z => z.Lat is not null && z.Lon is not null).Select(z => (z.Code, Lat: z.Lat!.Value, Lon: z.Lon!.Value)).ToList();
        var resultat = new Dictionary<string, double>();
        if (points.Count == 0) return resultat;
        var proches = await LireAsync(PerimetreEcarts.LieuxAutourDe(db, points.Select(p => (p.Lat, p.Lon)).ToList(), MargeKm), ct);
        List<(double Lat, double Lon)>? tous = null;
        foreach (var (code, lat, lon) in points)
        {
            double? min = proches.Count > 0 ? proches.Min(l => ZonesDeReference.Distance(lat, lon, l.Lat, l.Lon)) : null;
            if (min is null or > MargeKm)
            {
                tous ??= await LireAsync(db.Lieux.AsNoTracking().Where(l => !l.Archive && l.Latitude != null && l.Longitude != null), ct);
                min = tous.Count > 0 ? tous.Min(l => ZonesDeReference.Distance(lat, lon, l.Lat, l.Lon)) : null;
            }
            if (min is { } km) resultat[code] = km;
        }
        return resultat;
    }

    static async Task<List<(double Lat, double Lon)>> LireAsync(IQueryable<Reseau.Lieux.Lieu> lieux, CancellationToken ct) =>
        (await lieux.Where(l => l.Services != null && l.Services != "").Select(l => new { l.Latitude, l.Longitude }).ToListAsync(ct))
            .Select(l => (l.Latitude!.Value, l.Longitude!.Value)).ToList();
}
