using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Comptes;

/// <summary>What Identity does not hold about an account: when it was invited, when it last signed in,
/// and for a funder the body it represents (its name as a label, and its id in the funding chain).</summary>
public sealed class ProfilCompte
{
    public string UtilisateurId { get; set; } = "";
    public DateTime? InviteLe { get; set; }
    public DateTime? DerniereConnexion { get; set; }
    public string? Financeur { get; set; }
    /// <summary>The funder (<c>Financeurs</c> table of the funding chain) a Financeur account belongs to; what it may see of
    /// the funding chain follows this id (decision 0026). The foreign key is declared by the funding feature.</summary>
    public int? FinanceurId { get; set; }
}

public sealed class ProfilCompteConfiguration : IEntityTypeConfiguration<ProfilCompte>
{
    public void Configure(EntityTypeBuilder<ProfilCompte> b)
    {
        b.HasKey(p => p.UtilisateurId);
        b.Property(p => p.UtilisateurId).HasMaxLength(450);
        b.Property(p => p.Financeur).HasMaxLength(200);
        b.HasOne<IdentityUser>().WithOne().HasForeignKey<ProfilCompte>(p => p.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}
