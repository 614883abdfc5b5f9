using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>The bytes of an act's attached file (its name, type, SHA-256 and size stay on <see cref="Deliberation"/>), apart so
/// that lists, pages and the API read an act without loading up to 20 MiB.</summary>
public sealed class FichierDeliberation
{
    public int DeliberationId { get; set; }
    public byte[] Contenu { get; set; } = [];
}

public sealed class FichierDeliberationConfiguration : IEntityTypeConfiguration<FichierDeliberation>
{
    public void Configure(EntityTypeBuilder<FichierDeliberation> b)
    {
        b.ToTable("FichiersDeliberations");
        b.HasKey(f => f.DeliberationId);
    }
}
