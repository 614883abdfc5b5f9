using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Cofinancements;

/// <summary>One share as shown. Amounts in cents, rate in ten-thousandths.</summary>
public sealed record PartDto(int Id, int FinanceurId, string Financeur, long Montant, int? Taux, string Statut, int? SubventionId, string? Reference);

/// <summary>A plan as shown: cost, the shares the account may see, the total of all shares not refused, what the carrier pays
/// itself. <c>Manque</c> &gt; 0 when shares are still to request or vote: the part of the funders' total not yet voted.</summary>
public sealed record PlanDto(int Id, string Action, int PorteurId, string Porteur, int Exercice, string Base, long Cout, long Parts,
    long Autofinancement, long Acquis, IReadOnlyList<PartDto> PartsVisibles)
{
    /// <summary>The shares not refused plus what the carrier pays equal the cost (always true by construction; the CHECK keeps
    /// the shares within the cost), and every share is voted or beyond.</summary>
    public bool Equilibre => Acquis == Parts;
    /// <summary>Funders' money not yet voted (asked or to ask), in cents.</summary>
    public long Manque => Parts - Acquis;
}

/// <summary>Read side of co-financing, inside the account's perimeter (<see cref="PerimetreFinancement"/>): administrators see
/// everything; a funder the plans where it has a share, with its own shares and the plan's totals only; a manager the plans of
/// its structures.</summary>
public static class RequetesCofinancements
{
    static readonly string[] Acquis = [StatutsPart.Votee, StatutsPart.Notifiee, StatutsPart.Payee];

    public static IQueryable<PlanFinancement> Filtrer(IQueryable<PlanFinancement> q, PerimetreFinancement p)
    {
        if (p.Tout) return q;
        var f = p.FinanceurId ?? -1;
        var s = p.Structures.ToList();
        return q.Where(x => x.Parts.Any(y => y.FinanceurId == f) || s.Contains(x.PorteurId));
    }

    /// <summary>The plans the account sees, newest exercise first (at most 500), optionally of one carrier.</summary>
    public static async Task<List<PlanDto>> ListerAsync(AppDbContext db, PerimetreFinancement p, CancellationToken ct, int? porteurId = null)
    {
        var q = Filtrer(db.Set<PlanFinancement>().AsNoTracking(), p);
        if (porteurId is { } pid) q = q.Where(x => x.PorteurId == pid);
        var ids = await q.OrderByDescending(x => x.Exercice).ThenBy(x => x.Action).Select(x => x.Id).Take(500).ToListAsync(ct);
        var plans = new List<PlanDto>();
        foreach (var id in ids) if (await LireAsync(db, id, p, ct) is { } d) plans.Add(d);
        return plans;
    }

    /// <summary>One plan, or null when it does not exist or is outside the perimeter.</summary>
    public static async Task<PlanDto?> LireAsync(AppDbContext db, int id, PerimetreFinancement p, CancellationToken ct)
    {
        var plan = await Filtrer(db.Set<PlanFinancement>().AsNoTracking(), p).Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Action, x.PorteurId, Porteur = x.Porteur!.Nom, x.Exercice, x.Base, x.CoutCentimes, x.PartsCentimes }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var acquis = Acquis;
        var total = await db.Set<PartFinancement>().Where(x => x.PlanId == id && acquis.Contains(x.Statut)).SumAsync(x => (long?)x.MontantCentimes, ct) ?? 0;
        var parts = db.Set<PartFinancement>().AsNoTracking().Where(x => x.PlanId == id);
        // A funder sees its own share only (the others' amounts and statuses are theirs).
        if (p.EstFinanceur && !p.Structures.Contains(plan.PorteurId)) { var f = p.FinanceurId; parts = parts.Where(x => x.FinanceurId == f); }
        var visibles = await parts.OrderBy(x => x.Financeur!.Nom)
            .Select(x => new PartDto(x.Id, x.FinanceurId, x.Financeur!.Nom, x.MontantCentimes, x.TauxDixMilliemes, x.Statut, x.SubventionId, x.Reference)).ToListAsync(ct);
        return new PlanDto(plan.Id, plan.Action, plan.PorteurId, plan.Porteur, plan.Exercice, plan.Base, plan.CoutCentimes, plan.PartsCentimes,
            plan.CoutCentimes - plan.PartsCentimes, total, visibles);
    }
}
