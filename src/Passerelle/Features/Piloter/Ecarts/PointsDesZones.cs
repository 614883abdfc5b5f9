using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>The reference points of zones (for the map), when the reference holds them.</summary>
public static class PointsDesZones
{
    public static async Task<Dictionary<string, (double Lat, double Lon)>> LireAsync(AppDbContext db, string niveau, List<string> codes, CancellationToken ct) =>
        niveau == CalculEcarts.Qpv
            ? (await db.Qpv.AsNoTracking().Where(q => codes.Contains(q.Code) && q.Latitude != null && q.Longitude != null)
                .Select(q => new { q.Code, q.Latitude, q.Longitude }).ToListAsync(ct)).ToDictionary(q => q.Code, q => (q.Latitude!.Value, q.Longitude!.Value))
            : (await db.Set<Commune>().AsNoTracking().Where(c => codes.Contains(c.CodeInsee) && c.Latitude != null && c.Longitude != null)
                .Select(c => new { c.CodeInsee, c.Latitude, c.Longitude }).ToListAsync(ct)).ToDictionary(c => c.CodeInsee, c => (c.Latitude!.Value, c.Longitude!.Value));
}
