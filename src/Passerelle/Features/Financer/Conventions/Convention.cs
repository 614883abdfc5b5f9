using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>A convention, one model for both kinds (issue 11, ADR 0022): a <b>service convention</b> — a coordinating body commits N
/// individual slots a week and M workshops a month at a partner's place over a period, free (<see cref="MontantAnnuelCentimes"/> 0) —
/// and an <b>objective convention</b> attached to a grant (<see cref="SubventionId"/>; loi n° 2000-321 art. 10, mandatory above
/// 23 000 € a year), whose <see cref="DateSignature"/> is SCDL Subventions' <c>dateConvention</c>. A convention made only to carry
/// an imported grant's signature date has no coordinator nor place.</summary>
public sealed class Convention
{
    public int Id { get; set; }
    public string Intitule { get; set; } = "";
    /// <summary>The coordinating body (service conventions); null for a convention imported with its grant.</summary>
    public int? CoordinateurId { get; set; }
    public Structure? Coordinateur { get; set; }
    public int PartenaireId { get; set; }
    public Structure? Partenaire { get; set; }
    /// <summary>Where the committed slots and workshops happen (service conventions); null for an objective convention.</summary>
    public int? LieuId { get; set; }
    public Lieu? Lieu { get; set; }
    public DateOnly DateDebut { get; set; }
    public DateOnly DateFin { get; set; }
    public int CreneauxParSemaine { get; set; }
    public int AteliersParMois { get; set; }
    public DateOnly? DateSignature { get; set; }
    /// <summary>The act in the register that authorises it (<see cref="Deliberation"/>).</summary>
    public int? DeliberationId { get; set; }
    public Deliberation? Deliberation { get; set; }
    /// <summary>Free-text reference of an act that is not in the register (kept from before the register existed).</summary>
    public string? ReferenceDeliberation { get; set; }
    public bool Gratuite { get; set; } = true;
    /// <summary>The grant this convention fixes (objective conventions); null for a free service convention.</summary>
    public int? SubventionId { get; set; }
    /// <summary>Amount per year in cents, after amendments; 0 for a free partnership convention.</summary>
    public long MontantAnnuelCentimes { get; set; }

    public void Verifier()
    {
        if (string.IsNullOrWhiteSpace(Intitule)) throw new RegleMetierException("L'intitulé est obligatoire.", nameof(Intitule));
        if (DateFin <= DateDebut) throw new RegleMetierException("La fin de la convention doit suivre son début.", nameof(DateFin));
        if (CreneauxParSemaine is < 0 or > 200 || AteliersParMois is < 0 or > 60) throw new RegleMetierException("Engagements hors limites.", nameof(CreneauxParSemaine));
        if (CoordinateurId == PartenaireId) throw new RegleMetierException("Les deux parties doivent être différentes.", nameof(PartenaireId));
    }
}

public sealed class ConventionConfiguration : IEntityTypeConfiguration<Convention>
{
    public void Configure(EntityTypeBuilder<Convention> b)
    {
        b.Property(c => c.Intitule).HasMaxLength(300);
        b.Property(c => c.ReferenceDeliberation).HasMaxLength(200);
        b.HasOne(c => c.Coordinateur).WithMany().HasForeignKey(c => c.CoordinateurId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Partenaire).WithMany().HasForeignKey(c => c.PartenaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Deliberation).WithMany().HasForeignKey(c => c.DeliberationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Lieu).WithMany().HasForeignKey(c => c.LieuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subvention>().WithMany().HasForeignKey(c => c.SubventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.SubventionId).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_Conventions_MontantAnnuel", "\"MontantAnnuelCentimes\" >= 0"));
    }
}
