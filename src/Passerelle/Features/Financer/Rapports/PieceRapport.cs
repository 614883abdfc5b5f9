using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>A file attached to a funder report (the signed report, a supporting document): its bytes kept in the database as the
/// acts' files are (<see cref="Deliberations.FichierDeliberation"/>), with the name given at upload, the type recognised from its first
/// bytes (<see cref="TypesPieces"/>), its size and SHA-256. Deleted with its report (cascade); no retention rule applies to funder
/// reports today. The same file (same hash) is attached once per report (unique index).</summary>
public sealed class PieceRapport
{
    /// <summary>Largest attached file, in bytes (10 Mio).</summary>
    public const int TailleMax = 10 * 1024 * 1024;

    public int Id { get; set; }
    public int RapportId { get; set; }
    /// <summary>The file's name without its folders, at most 200 characters.</summary>
    public string Nom { get; set; } = "";
    /// <summary>The media type recognised from the content (never the browser's claim), e.g. <c>application/pdf</c>.</summary>
    public string Type { get; set; } = "";
    /// <summary>Size in bytes, 1 to <see cref="TailleMax"/>.</summary>
    public long Taille { get; set; }
    /// <summary>SHA-256 of <see cref="Contenu"/>, 64 lower-case hex digits.</summary>
    public string Sha256 { get; set; } = "";
    public byte[] Contenu { get; set; } = [];
    public string DeposePar { get; set; } = "";
    public DateTime DeposeLe { get; set; }
}

public sealed class PieceRapportConfiguration : IEntityTypeConfiguration<PieceRapport>
{
    public void Configure(EntityTypeBuilder<PieceRapport> b)
    {
        b.ToTable("PiecesRapports", t => t.HasCheckConstraint("CK_PiecesRapports_Taille", $"\"Taille\" > 0 AND \"Taille\" <= {PieceRapport.TailleMax}"));
        b.Property(p => p.Nom).HasMaxLength(200);
        b.Property(p => p.Type).HasMaxLength(100);
        b.Property(p => p.Sha256).HasMaxLength(64);
        b.Property(p => p.DeposePar).HasMaxLength(256);
        b.HasOne<RapportFinancier>().WithMany().HasForeignKey(p => p.RapportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.RapportId, p.Sha256 }).IsUnique();
    }
}
