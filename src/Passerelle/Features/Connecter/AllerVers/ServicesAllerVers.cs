using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Connecter.Fabrique;

namespace Passerelle.Features.Connecter.AllerVers;

/// <summary>The outreach events as the three-field diagnostic sees them (<see cref="IActionsAllerVers"/>).</summary>
public sealed class ActionsAllerVersDiagnostic(AppDbContext db, TimeProvider horloge) : IActionsAllerVers
{
    const string Page = "/admin/connexion/aller-vers";

    public async Task<IReadOnlyList<ActionAllerVers>> RecentesAsync(int structureId, DateOnly depuis, CancellationToken ct)
    {
        var aujourdhui = Territoire.AujourdHui(horloge);
        return (await db.Set<EvenementAllerVers>().AsNoTracking().Where(e => e.StructureId == structureId && e.Date >= depuis && e.Date <= aujourdhui)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Take(20).Select(e => new { e.Id, e.Date, e.Lieu, e.Commune }).ToListAsync(ct))
            .Select(e => new ActionAllerVers(e.Id, e.Date, e.Lieu, e.Commune, $"{Page}#action-{e.Id}")).ToList();
    }

    public async Task<ActionAllerVers?> DuDiagnosticAsync(int diagnosticId, CancellationToken ct)
    {
        var e = await db.Set<LienAllerVers>().AsNoTracking().Where(l => l.Type == TypesLiensAllerVers.Diagnostic && l.CibleId == diagnosticId)
            .Join(db.Set<EvenementAllerVers>(), l => l.EvenementId, e => e.Id, (l, e) => new { e.Id, e.Date, e.Lieu, e.Commune }).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        return e is null ? null : new ActionAllerVers(e.Id, e.Date, e.Lieu, e.Commune, $"{Page}#action-{e.Id}");
    }

    public Task LierAsync(int evenementId, int diagnosticId, ClaimsPrincipal qui, CancellationToken ct) =>
        EvenementsAllerVers.LierAsync(db, evenementId, new LienSaisie(TypesLiensAllerVers.Diagnostic, diagnosticId), qui, horloge, ct);
}

public static class ServicesAllerVers
{
    public static void AddAllerVers(this WebApplicationBuilder builder) => builder.Services.AddScoped<IActionsAllerVers, ActionsAllerVersDiagnostic>();
}
