using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Mediateurs;

/// <summary>A person who gives digital help; may be a State-funded conseiller numérique.</summary>
public sealed class Mediateur
{
    public int Id { get; set; }
    public string Prenom { get; set; } = "";
    public string Nom { get; set; } = "";
    public string? Courriel { get; set; }
    public string? Telephone { get; set; }
    public bool ConseillerNumerique { get; set; }
    public bool AidantsConnect { get; set; }
    public bool Archive { get; set; }
    public bool Demo { get; set; }
    /// <summary>The login account of this mediator, when they have one.</summary>
    public string? UtilisateurId { get; set; }
    /// <summary>Secret of the mediator's ICS feed URL (calendar apps cannot sign in).</summary>
    public string? JetonAgenda { get; set; }
    /// <summary>The mediator's choice: the calendar feed shows people's full names and the booking's purpose (else first names only).</summary>
    public bool AgendaNomsComplets { get; set; }
    public List<Emploi> Emplois { get; set; } = [];
    public List<Lieu> Lieux { get; set; } = [];

    public void Modifier(MediateurSaisie s)
    {
        Prenom = s.Prenom.Trim(); Nom = s.Nom.Trim();
        Courriel = string.IsNullOrWhiteSpace(s.Courriel) ? null : s.Courriel.Trim();
        Telephone = string.IsNullOrWhiteSpace(s.Telephone) ? null : Identifiants.TelephoneInternational(s.Telephone)
            ?? throw new RegleMetierException("Numéro de téléphone invalide.", "Telephone");
        ConseillerNumerique = s.ConseillerNumerique; AidantsConnect = s.AidantsConnect;
    }

    /// <summary>Adds an employment; two overlapping employments by the same structure are refused.</summary>
    public void Employer(int structureId, DateOnly debut, DateOnly? fin)
    {
        if (fin is not null && fin < debut) throw new RegleMetierException("La fin de l'emploi précède son début.", "Fin");
        if (Emplois.Any(e => e.StructureId == structureId && e.Debut <= (fin ?? DateOnly.MaxValue) && debut <= (e.Fin ?? DateOnly.MaxValue)))
            throw new RegleMetierException("Ce médiateur est déjà employé par cette structure sur cette période.", "StructureId");
        Emplois.Add(new Emploi { StructureId = structureId, Debut = debut, Fin = fin });
    }
}

/// <summary>Employment of a mediator by a structure, over a period.</summary>
public sealed class Emploi
{
    public int Id { get; set; }
    public int MediateurId { get; set; }
    public int StructureId { get; set; }
    public Structure? Structure { get; set; }
    public DateOnly Debut { get; set; }
    public DateOnly? Fin { get; set; }
}

public sealed record MediateurSaisie
{
    [Required(ErrorMessage = "Le prénom est obligatoire."), StringLength(100)] public string Prenom { get; init; } = "";
    [Required(ErrorMessage = "Le nom est obligatoire."), StringLength(100)] public string Nom { get; init; } = "";
    [EmailAddress(ErrorMessage = "Adresse électronique invalide."), StringLength(200)] public string? Courriel { get; init; }
    [StringLength(30)] public string? Telephone { get; init; }
    public bool ConseillerNumerique { get; init; }
    public bool AidantsConnect { get; init; }
}

public sealed class MediateurConfiguration : IEntityTypeConfiguration<Mediateur>
{
    public void Configure(EntityTypeBuilder<Mediateur> b)
    {
        b.Property(m => m.Prenom).HasMaxLength(100);
        b.Property(m => m.Nom).HasMaxLength(100);
        b.Property(m => m.Courriel).HasMaxLength(200);
        b.Property(m => m.UtilisateurId).HasMaxLength(450);
        b.Property(m => m.JetonAgenda).HasMaxLength(64);
        b.HasIndex(m => m.JetonAgenda).IsUnique();
        b.HasIndex(m => m.UtilisateurId);
        b.HasMany(m => m.Emplois).WithOne().HasForeignKey(e => e.MediateurId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Lieux).WithMany().UsingEntity("MediateurLieu");
    }
}

public sealed class EmploiConfiguration : IEntityTypeConfiguration<Emploi>
{
    public void Configure(EntityTypeBuilder<Emploi> b) =>
        b.HasOne(e => e.Structure).WithMany().HasForeignKey(e => e.StructureId).OnDelete(DeleteBehavior.Restrict);
}
