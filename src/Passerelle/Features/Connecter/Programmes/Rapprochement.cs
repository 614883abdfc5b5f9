using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>A lot of vouchers received from the operator for an offer (standard §3: « voucher stock … reconciled with operator
/// invoices »). The stock of an offer is what was received minus the top-ups of that offer plus the vouchers cancelled.</summary>
public sealed class LotBons
{
    public int Id { get; set; }
    public int OffreId { get; set; }
    /// <summary>Vouchers received, ≥ 1.</summary>
    public int Quantite { get; set; }
    public DateOnly RecuLe { get; set; }
    /// <summary>The operator's delivery or lot reference.</summary>
    public string? Reference { get; set; }
    public string Auteur { get; set; } = "";
    public DateTime CreeLe { get; set; }
}

/// <summary>An operator's invoice for a programme, entered or imported line by line (voucher or transaction reference, amount, date).
/// One number per programme: importing the same invoice twice is refused.</summary>
public sealed class FactureOperateur
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public string Operateur { get; set; } = "";
    public string Numero { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Auteur { get; set; } = "";
    public DateTime CreeLe { get; set; }
}

/// <summary>One line of an operator's invoice: the voucher or transaction reference the ledger should carry, the face value invoiced
/// (cents, signed: a credit note line is negative) and its date.</summary>
public sealed class LigneFactureOperateur
{
    public long Id { get; set; }
    public int FactureId { get; set; }
    public string Reference { get; set; } = "";
    public long MontantCentimes { get; set; }
    public DateOnly Date { get; set; }
}

public sealed class RapprochementConfiguration : IEntityTypeConfiguration<LotBons>, IEntityTypeConfiguration<FactureOperateur>, IEntityTypeConfiguration<LigneFactureOperateur>
{
    public void Configure(EntityTypeBuilder<LotBons> b)
    {
        b.ToTable("LotsBons", t => t.HasCheckConstraint("CK_LotsBons_Quantite", "\"Quantite\" > 0"));
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.Auteur).HasMaxLength(256);
        b.HasIndex(x => x.OffreId);
        b.HasOne<OffreConnexion>().WithMany().HasForeignKey(x => x.OffreId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FactureOperateur> b)
    {
        b.ToTable("FacturesOperateurs");
        b.Property(x => x.Operateur).HasMaxLength(200);
        b.Property(x => x.Numero).HasMaxLength(100);
        b.Property(x => x.Auteur).HasMaxLength(256);
        b.HasIndex(x => new { x.ProgrammeId, x.Numero }).IsUnique();
        b.HasOne<ProgrammeConnexion>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LigneFactureOperateur> b)
    {
        b.ToTable("LignesFacturesOperateurs");
        b.Property(x => x.Reference).HasMaxLength(100);
        b.HasIndex(x => new { x.FactureId, x.Reference });
        b.HasIndex(x => x.Reference);
        b.HasOne<FactureOperateur>().WithMany().HasForeignKey(x => x.FactureId).OnDelete(DeleteBehavior.Cascade);
    }
}
