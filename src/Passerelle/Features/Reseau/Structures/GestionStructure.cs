using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Reseau.Structures;

/// <summary>A Gestionnaire account manages these structures (and their places): structure management lives with the structures
/// (decision 0016); the account is known by its id only.</summary>
public sealed class GestionStructure
{
    public string UtilisateurId { get; set; } = "";
    public int StructureId { get; set; }
    public Structure? Structure { get; set; }
}

public sealed class GestionStructureConfiguration : IEntityTypeConfiguration<GestionStructure>
{
    public void Configure(EntityTypeBuilder<GestionStructure> b)
    {
        b.HasKey(g => new { g.UtilisateurId, g.StructureId });
        b.Property(g => g.UtilisateurId).HasMaxLength(450);
        b.HasOne(g => g.Structure).WithMany().HasForeignKey(g => g.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}
