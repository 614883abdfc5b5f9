using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>One SIRET names one body, but acts print its name in several ways (« Commune de X », « Ville de X »): the register
/// keeps each act's name as printed (SCDL <c>COLL_NOM</c>), warns when the same SIRET already carries another name (saving is not
/// refused: a body may be renamed), and lists the body under the name of its latest act.</summary>
public static class NomsCollectivite
{
    /// <summary>Plain-French warnings for <paramref name="d"/>: the other names its SIRET carries in the register (at most five).</summary>
    public static async Task<List<string>> AvertissementsAsync(AppDbContext db, Deliberation d, CancellationToken ct)
    {
        var autres = await db.Deliberations.AsNoTracking()
            .Where(x => x.CollectiviteSiret == d.CollectiviteSiret && x.Id != d.Id && x.CollectiviteNom != d.CollectiviteNom)
            .Select(x => x.CollectiviteNom).Distinct().Take(5).ToListAsync(ct);
        return autres.Count == 0 ? [] :
            [$"Le SIRET {d.CollectiviteSiret} est aussi au registre sous le nom {string.Join(", ", autres.Select(a => $"« {a} »"))} : vérifiez qu'il s'agit bien de la même collectivité (les deux noms sont gardés, la liste affiche celui de l'acte le plus récent)."];
    }
}
