using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>A service convention: a coordinating body commits N individual slots a week and M workshops
/// a month at a partner's place over a period, authorised by a council deliberation.</summary>
public sealed class Convention
{
    public int Id { get; set; }
    public string Intitule { get; set; } = "";
    public int CoordinateurId { get; set; }
    public Structure? Coordinateur { get; set; }
    public int PartenaireId { get; set; }
    public Structure? Partenaire { get; set; }
    public int LieuId { get; set; }
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
    }
}
