using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Financer.Cofinancements;

/// <summary>The co-financing plan of one action (docs/standards/financement-local.md §4): its cost on the basis it states (HT or
/// TTC), one <see cref="PartFinancement"/> per funder, and what the action's carrier pays itself. Amounts in cents.
/// <see cref="PartsCentimes"/> is the running total of the shares not refused, moved only by conditional UPDATEs in the same
/// transaction as the share (<see cref="GestionCofinancements"/>); a CHECK keeps it within the cost, so public money never
/// passes 100 % of the action.</summary>
public sealed class PlanFinancement
{
    public int Id { get; set; }
    /// <summary>The funded action, e.g. « Étude de stratégie territoriale d'inclusion numérique ».</summary>
    public string Action { get; set; } = "";
    /// <summary>The structure that carries the action (directory).</summary>
    public int PorteurId { get; set; }
    public Structure? Porteur { get; set; }
    public int Exercice { get; set; }
    /// <summary>« TTC » or « HT »: the basis of <see cref="CoutCentimes"/> and of every share.</summary>
    public string Base { get; set; } = BasesCout.Ttc;
    /// <summary>Total cost of the action on <see cref="Base"/>, in cents (&gt; 0).</summary>
    public long CoutCentimes { get; set; }
    /// <summary>Sum of the shares not refused, in cents; 0 ≤ value ≤ <see cref="CoutCentimes"/> (CHECK).</summary>
    public long PartsCentimes { get; set; }
    public bool Demo { get; set; }
    public List<PartFinancement> Parts { get; set; } = [];

    /// <summary>What the carrier pays itself: the cost minus the funders' shares.</summary>
    public long AutofinancementCentimes => CoutCentimes - PartsCentimes;
}

/// <summary>One funder's share of a plan: an amount, or a rate of the cost (in ten-thousandths, 5 000 = 50 %) from which the
/// amount is computed (rounded down to the cent); its status; the grant that carries it once there is one.</summary>
public sealed class PartFinancement
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public PlanFinancement? Plan { get; set; }
    public int FinanceurId { get; set; }
    public Financeur? Financeur { get; set; }
    /// <summary>The share in cents (&gt; 0).</summary>
    public long MontantCentimes { get; set; }
    /// <summary>The rate it was asked as, in ten-thousandths of the cost (1–10 000), or null when asked as an amount.</summary>
    public int? TauxDixMilliemes { get; set; }
    /// <summary><see cref="StatutsPart"/> code.</summary>
    public string Statut { get; set; } = StatutsPart.ADemander;
    /// <summary>The grant that carries the share, when it exists (same funder).</summary>
    public int? SubventionId { get; set; }
    public Subvention? Subvention { get; set; }
    /// <summary>Decision reference when no grant is recorded (a CAF board's decision number…).</summary>
    public string? Reference { get; set; }
}

/// <summary>Cost bases.</summary>
public static class BasesCout
{
    public const string Ttc = "TTC", Ht = "HT";
    public static bool Existe(string? b) => b is Ttc or Ht;
}

/// <summary>A share's statuses: à demander → demandé → voté → notifié → payé; refused from any but payé.</summary>
public static class StatutsPart
{
    public const string ADemander = "a_demander", Demandee = "demandee", Votee = "votee", Notifiee = "notifiee", Payee = "payee", Refusee = "refusee";

    public static readonly (string Code, string Libelle)[] Tous =
    [
        (ADemander, "À demander"), (Demandee, "Demandé"), (Votee, "Voté"), (Notifiee, "Notifié"), (Payee, "Payé"), (Refusee, "Refusé"),
    ];

    public static bool Existe(string? code) => Tous.Any(t => t.Code == code);
    public static string Libelle(string code) => Tous.FirstOrDefault(t => t.Code == code).Libelle ?? code;

    /// <summary>The statuses a share may move to from <paramref name="actuel"/> (forward only; refused is final).</summary>
    public static string[] Suivants(string actuel) => actuel switch
    {
        ADemander => [Demandee, Votee, Refusee],
        Demandee => [Votee, Notifiee, Refusee],
        Votee => [Notifiee, Payee, Refusee],
        Notifiee => [Payee, Refusee],
        _ => [],
    };
}

public sealed class PlanFinancementConfiguration : IEntityTypeConfiguration<PlanFinancement>
{
    public void Configure(EntityTypeBuilder<PlanFinancement> b)
    {
        b.ToTable("PlansFinancement", t =>
        {
            t.HasCheckConstraint("CK_PlansFinancement_Cout", "\"CoutCentimes\" > 0");
            t.HasCheckConstraint("CK_PlansFinancement_Parts", "\"PartsCentimes\" >= 0 AND \"PartsCentimes\" <= \"CoutCentimes\"");
            t.HasCheckConstraint("CK_PlansFinancement_Base", "\"Base\" IN ('TTC', 'HT')");
        });
        b.Ignore(p => p.AutofinancementCentimes);
        b.Property(p => p.Action).HasMaxLength(500);
        b.Property(p => p.Base).HasMaxLength(3);
        b.HasOne(p => p.Porteur).WithMany().HasForeignKey(p => p.PorteurId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Parts).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PorteurId, p.Exercice });
    }
}

public sealed class PartFinancementConfiguration : IEntityTypeConfiguration<PartFinancement>
{
    public void Configure(EntityTypeBuilder<PartFinancement> b)
    {
        b.ToTable("PartsFinancement", t =>
        {
            t.HasCheckConstraint("CK_PartsFinancement_Montant", "\"MontantCentimes\" > 0");
            t.HasCheckConstraint("CK_PartsFinancement_Taux", "\"TauxDixMilliemes\" IS NULL OR (\"TauxDixMilliemes\" >= 1 AND \"TauxDixMilliemes\" <= 10000)");
        });
        b.Property(p => p.Statut).HasMaxLength(20);
        b.Property(p => p.Reference).HasMaxLength(300);
        b.HasOne(p => p.Financeur).WithMany().HasForeignKey(p => p.FinanceurId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Subvention).WithMany().HasForeignKey(p => p.SubventionId).OnDelete(DeleteBehavior.Restrict);
        // One share per funder in a plan; one grant carries one share.
        b.HasIndex(p => new { p.PlanId, p.FinanceurId }).IsUnique();
        b.HasIndex(p => p.SubventionId).IsUnique();
        b.HasIndex(p => p.FinanceurId);
    }
}
