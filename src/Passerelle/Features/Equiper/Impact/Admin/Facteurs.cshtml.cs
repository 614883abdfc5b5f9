using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Equiper.Impact.Admin;

/// <summary><c>/admin/equipement/facteurs</c> (managers and administrators): every version of the CO2e factors with its validity
/// and source, and how many outcomes each row was used for — the trace behind the dashboard's CO2e.</summary>
[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class FacteursModel(AppDbContext db) : PageModel
{
    public sealed record Ligne(FacteurCo2 Facteur, DateOnly? ValableAu, int Bilans);
    public List<Ligne> Lignes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var facteurs = await db.Set<FacteurCo2>().AsNoTracking().OrderBy(f => f.Type).ThenBy(f => f.ValableDu).ToListAsync(ct);
        var usages = await db.Set<BilanAppareil>().Where(b => b.FacteurCo2Id != null).GroupBy(b => b.FacteurCo2Id)
            .Select(g => new { Id = g.Key!.Value, N = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.N, ct);
        Lignes = facteurs.Select(f => new Ligne(f, facteurs.Where(x => x.Type == f.Type && x.ValableDu > f.ValableDu).Select(x => (DateOnly?)x.ValableDu.AddDays(-1)).FirstOrDefault(),
            usages.GetValueOrDefault(f.Id))).ToList();
    }
}
