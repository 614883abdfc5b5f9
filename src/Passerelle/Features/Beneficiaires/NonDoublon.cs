using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Beneficiaires;

/// <summary>Two files someone checked and declared to be two different people: the pair is no longer proposed as a duplicate.
/// Stored once, the smaller id first.</summary>
public sealed class NonDoublon
{
    public int BeneficiaireA { get; set; }
    public int BeneficiaireB { get; set; }
    public DateTime Le { get; set; }
    public string? Par { get; set; }

    public static NonDoublon Creer(int un, int autre, DateTime le, string? par) =>
        new() { BeneficiaireA = Math.Min(un, autre), BeneficiaireB = Math.Max(un, autre), Le = le, Par = par };
}

public sealed class NonDoublonConfiguration : IEntityTypeConfiguration<NonDoublon>
{
    public void Configure(EntityTypeBuilder<NonDoublon> b)
    {
        b.ToTable("NonDoublons", t => t.HasCheckConstraint("CK_NonDoublons_Ordre", "\"BeneficiaireA\" < \"BeneficiaireB\""));
        b.HasKey(x => new { x.BeneficiaireA, x.BeneficiaireB });
        b.HasIndex(x => x.BeneficiaireB);
        b.Property(x => x.Par).HasMaxLength(256);
        // A merged or erased file takes its "not a duplicate" marks with it.
        b.HasOne<Beneficiaire>().WithMany().HasForeignKey(x => x.BeneficiaireA).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Beneficiaire>().WithMany().HasForeignKey(x => x.BeneficiaireB).OnDelete(DeleteBehavior.Cascade);
    }
}
