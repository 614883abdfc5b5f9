using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Reseau.Lieux;

public static class ExporterLieux
{
    public static async Task<List<LigneLieu>> LignesAsync(AppDbContext db, CancellationToken ct)
    {
        var lieux = await db.Lieux.AsNoTracking().Where(l => !l.Archive).OrderBy(l => l.Id).ToListAsync(ct);
        return lieux.Select(LigneLieu.Depuis).ToList();
    }

    public static string NomFichier(DateTime maintenant) => $"{maintenant:yyyy-MM-dd}_lieux-de-mediation-numerique.csv";
}
