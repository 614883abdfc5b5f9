using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Mediateurs;

namespace Passerelle.Features.Former.Parcours;

/// <summary>A learner (or candidate): minimal identity and contact. Anonymised by retention (<see cref="AnonymiserParcours"/>):
/// names, contact and birth date are cleared, the entry snapshot's booleans stay for the aggregates.</summary>
public sealed class Apprenant
{
    public int Id { get; set; }
    /// <summary>The school's structure: learner data never leaves it (and the support teams).</summary>
    public int StructureId { get; set; }
    public string? Prenom { get; set; }
    public string? Nom { get; set; }
    public string? Courriel { get; set; }
    public string? Telephone { get; set; }
    public DateOnly? DateNaissance { get; set; }
    /// <summary><see cref="Vocabulaire.Genres"/> code.</summary>
    public string Genre { get; set; } = "autre";
    public string? Commune { get; set; }
    /// <summary>QPV of the address (national list), when the address lies in one.</summary>
    public string? CodeQpv { get; set; }
    public DateTime ConsentementLe { get; set; }
    /// <summary>For a first-level helper in training (programme of nature <c>aidants</c>): the association they help in; progress is
    /// also shown per association. Null for a school's learner.</summary>
    public int? AssociationId { get; set; }
    public DateTime? AnonymiseLe { get; set; }
    public string NomAffiche => AnonymiseLe is null ? $"{Prenom} {Nom}".Trim() : "Personne anonymisée";
}

/// <summary>The pathway of one learner in one cohort: application → decision → admission (with a referent) → exit.
/// Database guarantees: an enrolment past <c>candidat</c>/<c>refuse</c> has a <see cref="ReferentId"/> (check constraint), and the
/// support team holds at most one active referent membership per enrolment (filtered unique index), both changed in one transaction
/// (<see cref="ChangerReferent"/>).</summary>
public sealed class Inscription
{
    public int Id { get; set; }
    public int ApprenantId { get; set; }
    public Apprenant? Apprenant { get; set; }
    public int CohorteId { get; set; }
    public Cohorte? Cohorte { get; set; }
    public string Origine { get; set; } = "formulaire";
    public string? Prescripteur { get; set; }
    public string? Motivation { get; set; }
    public string Statut { get; set; } = Vocabulaire.Candidat;
    public DateTime CandidatureLe { get; set; }
    public DateTime? DecisionLe { get; set; }
    public string? MotifDecision { get; set; }
    public DateOnly? AdmissionLe { get; set; }
    /// <summary>Last day of the course for this learner (completion or drop-out): the +3/+6-month measures count from it.</summary>
    public DateOnly? SortieLe { get; set; }
    public string? MotifSortie { get; set; }
    /// <summary>The active referent (a mediator of the school), mirrored from the team's active referent membership.</summary>
    public int? ReferentId { get; set; }
    public Mediateur? Referent { get; set; }
    /// <summary>Key of the learner's own page <c>/parcours/moi/{jeton}</c>.</summary>
    public string Jeton { get; set; } = "";
    public List<MembreEquipe> Equipe { get; set; } = [];
    public List<SituationEntree> Situations { get; set; } = [];
    public List<Resultat> Resultats { get; set; } = [];
}

/// <summary>A member of the support team, with a dated role (<see cref="Vocabulaire.RolesEquipe"/>); closing sets <see cref="Fin"/> and a reason.</summary>
public sealed class MembreEquipe
{
    public int Id { get; set; }
    public int InscriptionId { get; set; }
    public int MediateurId { get; set; }
    public Mediateur? Mediateur { get; set; }
    public string Role { get; set; } = Vocabulaire.Referent;
    public DateTime Debut { get; set; }
    public DateTime? Fin { get; set; }
    public string? MotifFin { get; set; }
}

/// <summary>The learner's situation at entry, a dated snapshot frozen at admission: a later change is a new snapshot,
/// funder indicators read the first one (standards, <c>SituationEntree</c>).</summary>
public sealed class SituationEntree
{
    public int Id { get; set; }
    public int InscriptionId { get; set; }
    public DateOnly Le { get; set; }
    public bool DemandeurEmploi { get; set; }
    public DateOnly? DemandeurEmploiDepuis { get; set; }
    /// <summary>Derived from the learner's QPV code at the snapshot's date.</summary>
    public bool ResidentQpv { get; set; }
    public string NiveauQualification { get; set; } = "infra_bac";
    /// <summary>Derived from the birth date at the snapshot's date.</summary>
    public bool MoinsDe26 { get; set; }
    /// <summary>Derived from the gender.</summary>
    public bool Femme { get; set; }
    public bool Neet { get; set; }
    public bool Rqth { get; set; }
    /// <summary><see cref="Vocabulaire.Allocations"/> codes, |-joined.</summary>
    public string Allocations { get; set; } = "";
    /// <summary><see cref="Vocabulaire.Freins"/> codes, |-joined.</summary>
    public string Freins { get; set; } = "";
}

public sealed class InscriptionConfiguration : IEntityTypeConfiguration<Apprenant>, IEntityTypeConfiguration<Inscription>,
    IEntityTypeConfiguration<MembreEquipe>, IEntityTypeConfiguration<SituationEntree>
{
    public void Configure(EntityTypeBuilder<Apprenant> b)
    {
        b.ToTable("Apprenants");
        b.HasIndex(a => a.StructureId);
        b.Property(a => a.Prenom).HasMaxLength(100);
        b.Property(a => a.Nom).HasMaxLength(100);
        b.Property(a => a.Courriel).HasMaxLength(200);
        b.Property(a => a.Telephone).HasMaxLength(30);
        b.Property(a => a.Genre).HasMaxLength(20);
        b.Property(a => a.Commune).HasMaxLength(200);
        b.Property(a => a.CodeQpv).HasMaxLength(12);
        b.Ignore(a => a.NomAffiche);
        b.HasOne<Reseau.Structures.Structure>().WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Qpv>().WithMany().HasForeignKey(a => a.CodeQpv).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Reseau.Structures.Structure>().WithMany().HasForeignKey(a => a.AssociationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Inscription> b)
    {
        b.ToTable("InscriptionsParcours", t =>
        {
            t.HasCheckConstraint("CK_InscriptionsParcours_Statut", "\"Statut\" IN ('candidat', 'refuse', 'admis', 'en_formation', 'termine', 'abandon')");
            // No admission without a referent (standards, section 2).
            t.HasCheckConstraint("CK_InscriptionsParcours_Referent", "\"Statut\" IN ('candidat', 'refuse') OR \"ReferentId\" IS NOT NULL");
        });
        b.HasIndex(i => i.Jeton).IsUnique();
        b.HasIndex(i => new { i.CohorteId, i.Statut });
        b.HasIndex(i => i.ReferentId);
        b.HasIndex(i => new { i.ApprenantId, i.CohorteId }).IsUnique();
        b.Property(i => i.Origine).HasMaxLength(20);
        b.Property(i => i.Prescripteur).HasMaxLength(200);
        b.Property(i => i.Motivation).HasMaxLength(2000);
        b.Property(i => i.Statut).HasMaxLength(20);
        b.Property(i => i.MotifDecision).HasMaxLength(500);
        b.Property(i => i.MotifSortie).HasMaxLength(500);
        b.Property(i => i.Jeton).HasMaxLength(40);
        b.HasOne(i => i.Apprenant).WithMany().HasForeignKey(i => i.ApprenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Cohorte).WithMany().HasForeignKey(i => i.CohorteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Referent).WithMany().HasForeignKey(i => i.ReferentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Equipe).WithOne().HasForeignKey(m => m.InscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Situations).WithOne().HasForeignKey(s => s.InscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Resultats).WithOne().HasForeignKey(r => r.InscriptionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MembreEquipe> b)
    {
        b.ToTable("MembresEquipeParcours", t => t.HasCheckConstraint("CK_MembresEquipeParcours_Fin", "\"Fin\" IS NULL OR \"Fin\" >= \"Debut\""));
        // Exactly one active referent per enrolment, whatever the number of concurrent reassignments.
        b.HasIndex(m => m.InscriptionId).IsUnique().HasFilter("\"Role\" = 'referent' AND \"Fin\" IS NULL").HasDatabaseName("IX_MembresEquipeParcours_ReferentActif");
        b.HasIndex(m => new { m.MediateurId, m.Fin });
        b.Property(m => m.Role).HasMaxLength(20);
        b.Property(m => m.MotifFin).HasMaxLength(500);
        b.HasOne(m => m.Mediateur).WithMany().HasForeignKey(m => m.MediateurId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SituationEntree> b)
    {
        b.ToTable("SituationsEntree");
        b.HasIndex(s => new { s.InscriptionId, s.Le });
        b.Property(s => s.NiveauQualification).HasMaxLength(20);
        b.Property(s => s.Allocations).HasMaxLength(100);
        b.Property(s => s.Freins).HasMaxLength(200);
    }
}
