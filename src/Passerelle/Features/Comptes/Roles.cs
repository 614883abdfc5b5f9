using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Comptes;

public static class Roles
{
    public const string Administrateur = "Administrateur";
    public const string Gestionnaire = "Gestionnaire";
    public const string Mediateur = "Mediateur";
    public const string Financeur = "Financeur";
    /// <summary>An operator's or landlord's account: sees the aggregates of the connectivity programmes its structure is a partner of (decision 0020).</summary>
    public const string Operateur = "Operateur";
    /// <summary>Work-site staff of the reuse workshop (Équiper): intake, erasure, tests, stock — not the sales nor the receipts.</summary>
    public const string Atelier = "Atelier";
    public static readonly string[] Tous = [Administrateur, Gestionnaire, Mediateur, Financeur, Operateur, Atelier];

    /// <summary>Policy names, set once on each route group and page folder.</summary>
    public const string PolitiqueAdmin = "admin";
    public const string PolitiqueGestion = "gestion";
    public const string PolitiqueEquipe = "equipe";
    /// <summary>People who record activity: mediators, and managers or administrators who also mediate.</summary>
    public const string PolitiqueTerrain = "terrain";
    /// <summary>The reuse workshop: its staff (Atelier), managers and administrators.</summary>
    public const string PolitiqueAtelier = "atelier";

    public static string Libelle(string role) => role switch
    {
        Administrateur => "Administrateur", Gestionnaire => "Gestionnaire", Mediateur => "Médiateur",
        Financeur => "Financeur", Operateur => "Opérateur ou bailleur partenaire", Atelier => "Atelier (réemploi)", _ => role,
    };
}

/// <summary>Roles are data the code relies on: they ship with the migrations (ids are the lower-case names).</summary>
public sealed class RolesConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> b) => b.HasData(Roles.Tous.Select(r =>
        new IdentityRole { Id = r.ToLowerInvariant(), Name = r, NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = r }));
}
