using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Piloter.Ecarts;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>Territorial steering's view of the programmes (<see cref="IFoyersConnectes"/>): enrolments that were active at some point
/// of the period (started by its end, not waiting, not ended before its start — the rule of the programme indicators), counted per
/// commune and QPV copied at enrolment. Counts only.</summary>
public sealed class FoyersConnectesPilotage(AppDbContext db) : IFoyersConnectes
{
    public async Task<IReadOnlyList<FoyersConnectesResidence>> ParResidenceAsync(DateOnly du, DateOnly au, CancellationToken ct) =>
        await db.Set<Adhesion>().AsNoTracking()
            .Where(a => a.Debut <= au && a.Statut != StatutsAdhesion.EnAttente && (a.TermineeLe == null || a.TermineeLe >= du))
            .GroupBy(a => new { a.Commune, a.CodeQpv })
            .Select(g => new FoyersConnectesResidence(g.Key.Commune, g.Key.CodeQpv, g.Count())).ToListAsync(ct);
}
