using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>Standard §4 and issue 13 §8: once an enrolment has ended and its programme's retention delay
/// (<see cref="ProgrammeConnexion.RetentionMois"/>) has passed, lines' ICCID and numbers, boxes' dwellings and unpaid follow-up,
/// the proof seen, the referrer and the link to the person's file are erased. The ledger's amounts, the dates, the rule, the commune
/// and QPV stay: the aggregates are unchanged.</summary>
public static class RetentionConnexion
{
    /// <returns>Enrolments erased.</returns>
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdhui = Territoire.AujourdHui(horloge);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var total = 0;
        foreach (var p in await db.Set<ProgrammeConnexion>().AsNoTracking().Select(p => new { p.Id, p.RetentionMois }).ToListAsync(ct))
        {
            var limite = aujourdhui.AddMonths(-p.RetentionMois);
            var ids = await db.Set<Adhesion>().Where(a => a.ProgrammeId == p.Id && a.EffaceeLe == null && a.TermineeLe != null && a.TermineeLe < limite)
                .Select(a => a.Id).ToListAsync(ct);
            if (ids.Count == 0) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<LigneMobile>().Where(l => ids.Contains(l.AdhesionId))
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Iccid, (string?)null).SetProperty(l => l.Numero, (string?)null), ct);
            await db.Set<ActivationBox>().Where(b => ids.Contains(b.AdhesionId))
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Residence, (string?)null).SetProperty(b => b.ReferenceLogement, (string?)null).SetProperty(b => b.SuiviImpayes, (string?)null), ct);
            total += await db.Set<Adhesion>().Where(a => ids.Contains(a.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Justificatif, (string?)null).SetProperty(a => a.DateJustificatif, (DateOnly?)null)
                    .SetProperty(a => a.Prescripteur, (string?)null).SetProperty(a => a.BeneficiaireId, (int?)null).SetProperty(a => a.EffaceeLe, maintenant), ct);
            await tx.CommitAsync(ct);
        }
        return total;
    }
}

/// <summary>Runs <see cref="RetentionConnexion"/> and the renewal reminders (<see cref="RappelsRevue"/>) every six hours (registered unless <c>Taches:Actives=false</c>).</summary>
public sealed class RetentionConnexionJob(IServiceScopeFactory scopes, TimeProvider horloge, Web.Instance instance, ILogger<RetentionConnexionJob> log)
    : Web.TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "retention-connexion";
    protected override TimeSpan Periode => TimeSpan.FromHours(6);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await RetentionConnexion.ExecuterAsync(services.GetRequiredService<AppDbContext>(), Horloge, ct);
        if (n > 0) Journal.LogInformation("{Nombre} adhésions de connexion effacées (lignes, numéros, justificatifs)", n);
        var r = await RappelsRevue.ExecuterAsync(services.GetRequiredService<AppDbContext>(), Horloge, ct);
        if (r > 0) Journal.LogInformation("{Nombre} rappels de revue d'adhésion mis dans la boîte d'envoi", r);
    }
}
