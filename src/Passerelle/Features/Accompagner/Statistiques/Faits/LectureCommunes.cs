using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>Whether a commune view can read its people blocks from its class rows (decision 0035, layout 4) rather than from the
/// presences.</summary>
static class LectureCommunes
{
    /// <summary>The class <paramref name="n"/> (the view's commune normalized) when its rows count exactly the view's people: the view
    /// unites the places whose commune is <paramref name="n"/> (<paramref name="lieux"/>) and the records whose typed commune is
    /// <paramref name="brut"/> as spelled. So every place recorded under the class is still one of <paramref name="lieux"/> and every one of
    /// <paramref name="lieux"/> recorded is recorded under it (a place moved since: no), and no other spelling of the commune was typed
    /// (« LYON » for « Lyon »: no). Null otherwise — and for a name empty or too long to be a class
    /// (<see cref="MaintenanceCommunes.EstClasse"/>): the view reads the presences. Two indexed reads of small tables.</summary>
    public static async Task<string?> ClasseAsync(AppDbContext db, string n, string brut, List<int> lieux, CancellationToken ct)
    {
        if (!MaintenanceCommunes.EstClasse(n)) return null;
        var entrees = await db.Set<ClasseLieu>().AsNoTracking().Where(c => c.Classe == n || lieux.Contains(c.LieuId)).ToListAsync(ct);
        if (entrees.Any(c => c.Classe != n || !lieux.Contains(c.LieuId))) return null;
        return await db.Set<GraphieCommune>().AnyAsync(g => g.Classe == n && g.Commune != brut, ct) ? null : n;
    }
}
