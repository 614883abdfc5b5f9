using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Cofinancements;

/// <summary>A plan as typed: <c>{ "action", "porteurId", "exercice", "base": "TTC"|"HT", "cout": cents }</c>.</summary>
public sealed record SaisiePlan(string? Action, int? PorteurId, int? Exercice, string? Base, long? Cout);

/// <summary>A share as typed: an amount in cents or a rate in ten-thousandths of the cost (one of the two), the funder, its
/// status, the grant that carries it (optional, same funder).</summary>
public sealed record SaisiePart(int? FinanceurId, long? Montant, int? TauxDixMilliemes, string? Statut, int? SubventionId, string? Reference);

/// <summary>Writes co-financing plans and shares (administrators). Every change is journaled (who, when, old → new).</summary>
public static class GestionCofinancements
{
    public const string ObjetJournal = "PlanFinancement";

    public static Dictionary<string, string[]> Verifier(SaisiePlan s)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(s.Action) || s.Action.Trim().Length > 500) e["Action"] = ["Indiquez l'action financée (500 caractères au plus)."];
        if (s.PorteurId is null) e["PorteurId"] = ["Choisissez la structure qui porte l'action."];
        if (s.Exercice is not (>= 2000 and <= 2100)) e["Exercice"] = ["L'exercice est une année entre 2000 et 2100."];
        if (!BasesCout.Existe(s.Base)) e["Base"] = ["Dites si le coût est HT ou TTC."];
        if (s.Cout is not (> 0 and <= Mouvements.MontantMax)) e["Cout"] = ["Le coût total est un montant positif (10 milliards d'euros au plus)."];
        return e;
    }

    public static async Task<PlanFinancement> CreerAsync(AppDbContext db, SaisiePlan s, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        if (!await db.Structures.AnyAsync(x => x.Id == s.PorteurId, ct)) throw new RegleMetierException("Structure introuvable.", "PorteurId");
        var p = new PlanFinancement { Action = s.Action!.Trim(), PorteurId = s.PorteurId!.Value, Exercice = s.Exercice!.Value, Base = s.Base!, CoutCentimes = s.Cout!.Value };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        Journal.Ajouter(db, horloge, auteur, ObjetJournal, p.Id, "création", null, $"{p.Action}, {Montants.Euros(p.CoutCentimes)} {p.Base}");
        await db.SaveChangesAsync(ct);
        return p;
    }

    /// <summary>The share's amount: the amount typed, or the rate applied to the cost (rounded down to the cent).</summary>
    public static long? Montant(SaisiePart s, long cout) => s.TauxDixMilliemes is { } t ? cout * t / 10_000 : s.Montant;

    /// <summary>Adds one funder's share. The plan's running total moves by one conditional UPDATE in the share's transaction
    /// (<c>PartsCentimes + m &lt;= CoutCentimes</c>): two shares added at once never pass the cost.</summary>
    /// <exception cref="RegleMetierException">Bad input (field named), unknown funder or grant, a grant of another funder, the
    /// funder already has a share, or the shares would pass the cost.</exception>
    public static async Task<PartFinancement?> AjouterPartAsync(AppDbContext db, int planId, SaisiePart s, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var plan = await db.Set<PlanFinancement>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return null;
        if (s.FinanceurId is null || !await db.Set<Financeur>().AnyAsync(f => f.Id == s.FinanceurId, ct)) throw new RegleMetierException("Choisissez le financeur.", "FinanceurId");
        if (s.TauxDixMilliemes is not null && s.Montant is not null) throw new RegleMetierException("Donnez un montant ou un taux, pas les deux.", "Montant");
        if (s.TauxDixMilliemes is { } t && t is < 1 or > 10_000) throw new RegleMetierException("Le taux est entre 0,01 % et 100 %.", "Taux");
        var montant = Montant(s, plan.CoutCentimes);
        if (montant is not > 0) throw new RegleMetierException("Indiquez le montant de la part ou son taux (au-dessus de zéro).", "Montant");
        var statut = s.Statut ?? StatutsPart.ADemander;
        if (!StatutsPart.Existe(statut) || statut == StatutsPart.Refusee) throw new RegleMetierException("Statut inconnu : à demander, demandé, voté, notifié ou payé.", "Statut");
        if (s.SubventionId is { } sid && !await db.Set<Subvention>().AnyAsync(x => x.Id == sid && x.FinanceurId == s.FinanceurId, ct))
            throw new RegleMetierException("Cette subvention n'existe pas ou n'est pas de ce financeur.", "SubventionId");
        if (await db.Set<PartFinancement>().AnyAsync(x => x.PlanId == planId && x.FinanceurId == s.FinanceurId, ct))
            throw new RegleMetierException("Ce financeur a déjà une part dans ce plan : changez son statut plutôt.", "FinanceurId");
        var m = montant.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var n = await db.Set<PlanFinancement>().Where(p => p.Id == planId && p.PartsCentimes + m <= p.CoutCentimes)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.PartsCentimes, p => p.PartsCentimes + m), ct);
        if (n != 1)
        {
            var reste = await db.Set<PlanFinancement>().AsNoTracking().Where(p => p.Id == planId).Select(p => p.CoutCentimes - p.PartsCentimes).FirstAsync(ct);
            throw new RegleMetierException($"Les financeurs paieraient plus que le coût de l'action : il reste {Montants.Euros(reste)} à financer.", "Montant");
        }
        var part = new PartFinancement
        {
            PlanId = planId, FinanceurId = s.FinanceurId!.Value, MontantCentimes = m, TauxDixMilliemes = s.TauxDixMilliemes, Statut = statut,
            SubventionId = s.SubventionId, Reference = string.IsNullOrWhiteSpace(s.Reference) ? null : s.Reference.Trim()[..Math.Min(300, s.Reference.Trim().Length)],
        };
        db.Add(part);
        Journal.Ajouter(db, horloge, auteur, ObjetJournal, planId, "part", null, $"financeur {s.FinanceurId} : {Montants.Euros(m)}, {StatutsPart.Libelle(statut).ToLowerInvariant()}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Ce financeur a déjà une part dans ce plan, ou cette subvention porte déjà une part.", "FinanceurId"); }
        await tx.CommitAsync(ct);
        return part;
    }

    /// <summary>Moves a share to its next status (<see cref="StatutsPart.Suivants"/>) by a conditional UPDATE on the old status;
    /// a refusal takes the share out of the plan's total in the same transaction. Optionally links the grant.</summary>
    public static async Task<bool> ChangerStatutAsync(AppDbContext db, int partId, string? statut, int? subventionId, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var part = await db.Set<PartFinancement>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == partId, ct);
        if (part is null) return false;
        if (statut is null || !StatutsPart.Suivants(part.Statut).Contains(statut))
            throw new RegleMetierException($"Une part « {StatutsPart.Libelle(part.Statut).ToLowerInvariant()} » ne peut passer qu'à : "
                + (StatutsPart.Suivants(part.Statut) is { Length: > 0 } s ? string.Join(", ", s.Select(x => StatutsPart.Libelle(x).ToLowerInvariant())) : "rien (statut final)") + ".", "Statut");
        if (subventionId is { } sid && !await db.Set<Subvention>().AnyAsync(x => x.Id == sid && x.FinanceurId == part.FinanceurId, ct))
            throw new RegleMetierException("Cette subvention n'existe pas ou n'est pas de ce financeur.", "SubventionId");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ancien = part.Statut;
        var lien = subventionId ?? part.SubventionId;
        var n = await db.Set<PartFinancement>().Where(p => p.Id == partId && p.Statut == ancien)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Statut, statut).SetProperty(p => p.SubventionId, lien), ct);
        if (n != 1) throw new RegleMetierException("La part vient de changer : rechargez la page.", "Statut");
        if (statut == StatutsPart.Refusee)
        {
            var m = part.MontantCentimes;
            await db.Set<PlanFinancement>().Where(p => p.Id == part.PlanId).ExecuteUpdateAsync(u => u.SetProperty(p => p.PartsCentimes, p => p.PartsCentimes - m), ct);
        }
        Journal.Ajouter(db, horloge, auteur, ObjetJournal, part.PlanId, $"statut de la part {partId}", StatutsPart.Libelle(ancien), StatutsPart.Libelle(statut));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
