using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Piloter.Actions;

/// <summary>One action of the territory's plan (issue 15 § 5): what kind, in which zones (commune INSEE codes or QPV codes),
/// who carries it, when, what it costs (cents) and how it is co-financed, where it stands. Its effect is read in its zones'
/// indicators before and after its start.</summary>
public sealed class ActionTerritoriale
{
    public static readonly IReadOnlyList<(string Code, string Libelle)> Types =
    [
        ("permanence", "Nouvelle permanence"), ("itinerance", "Arrêt itinérant"), ("partenariat", "Partenariat"),
        ("ateliers", "Cycle d'ateliers"), ("connectivite", "Accès à la connexion"),
    ];
    public static readonly IReadOnlyList<(string Code, string Libelle)> Statuts =
        [("prevue", "Prévue"), ("en-cours", "En cours"), ("terminee", "Terminée"), ("abandonnee", "Abandonnée")];

    public int Id { get; set; }
    public string Titre { get; set; } = "";
    public string Type { get; set; } = "permanence";
    /// <summary>Zone codes, |-joined (« 13055|QN01312M »).</summary>
    public string Zones { get; set; } = "";
    public string Porteur { get; set; } = "";
    public DateOnly Debut { get; set; }
    public DateOnly? Fin { get; set; }
    /// <summary>Total cost in euro cents.</summary>
    public long CoutCentimes { get; set; }
    /// <summary>Co-financing plan in words (« CAF 50 %, Ville 50 % »).</summary>
    public string? Cofinancement { get; set; }
    public string Statut { get; set; } = "prevue";
    public DateTime CreeLe { get; set; }
    public string CreePar { get; set; } = "";

    public IReadOnlyList<string> CodesZones => Zones.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Who an action is recorded as created by: the account's e-mail (its name when the claim is missing).</summary>
    public static string Auteur(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";

    /// <summary>Administrators edit and delete any action; a structure manager only the actions they created (the tester, a
    /// manager, deleted the Aix study action someone else had planned).</summary>
    public bool ModifiablePar(ClaimsPrincipal user) => user.IsInRole(Comptes.Roles.Administrateur)
        || (user.IsInRole(Comptes.Roles.Gestionnaire) && CreePar.Length > 0 && CreePar == Auteur(user));
}

public sealed class ActionTerritorialeConfiguration : IEntityTypeConfiguration<ActionTerritoriale>
{
    public void Configure(EntityTypeBuilder<ActionTerritoriale> b)
    {
        b.ToTable("ActionsTerritoriales", t =>
        {
            t.HasCheckConstraint("CK_ActionsTerritoriales_Cout", "\"CoutCentimes\" >= 0");
            t.HasCheckConstraint("CK_ActionsTerritoriales_Dates", "\"Fin\" IS NULL OR \"Fin\" >= \"Debut\"");
        });
        b.Ignore(a => a.CodesZones);
        b.Property(a => a.Titre).HasMaxLength(200);
        b.Property(a => a.Type).HasMaxLength(20);
        b.Property(a => a.Zones).HasMaxLength(400);
        b.Property(a => a.Porteur).HasMaxLength(200);
        b.Property(a => a.Cofinancement).HasMaxLength(500);
        b.Property(a => a.Statut).HasMaxLength(20);
        b.Property(a => a.CreePar).HasMaxLength(200);
        b.HasIndex(a => a.Debut);
    }
}

/// <summary>The action form (page and tests): French messages per field.</summary>
public sealed record ActionSaisie
{
    [Required(ErrorMessage = "Le titre est obligatoire."), StringLength(200, ErrorMessage = "Le titre ne dépasse pas 200 caractères.")]
    public string? Titre { get; init; }
    [Required(ErrorMessage = "Choisissez le type d'action.")] public string? Type { get; init; }
    [Required(ErrorMessage = "Indiquez au moins une zone (code INSEE ou QPV)."), StringLength(400)] public string? Zones { get; init; }
    [Required(ErrorMessage = "Indiquez qui porte l'action."), StringLength(200)] public string? Porteur { get; init; }
    [Required(ErrorMessage = "La date de début est obligatoire.")] public DateOnly? Debut { get; init; }
    public DateOnly? Fin { get; init; }
    [Range(0, 100_000_000, ErrorMessage = "Le coût est un montant en euros entre 0 et 100 000 000.")] public decimal? CoutEuros { get; init; }
    [StringLength(500)] public string? Cofinancement { get; init; }
    public string? Statut { get; init; }
}
