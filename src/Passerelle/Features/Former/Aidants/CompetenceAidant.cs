using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Former.Parcours;

namespace Passerelle.Features.Former.Aidants;

/// <summary>One gesture of the first-level helpers' competency framework (issue 14 §7), grouped by <see cref="Domaine"/>. The territory's
/// administrators edit it (<c>/parcours/aidants/referentiel</c>); a competency is never deleted once assessed, it is withdrawn
/// (<see cref="Active"/> false) so that past assessments keep their meaning. First version: <see cref="ReferentielAidants"/>.</summary>
public sealed class CompetenceAidant
{
    public int Id { get; set; }
    /// <summary>Short stable code (« A1 », « G2 »…), unique.</summary>
    public string Code { get; set; } = "";
    public string Domaine { get; set; } = "";
    public string Libelle { get; set; } = "";
    /// <summary>What the gesture looks like when mastered (shown to helpers and trainers).</summary>
    public string? Description { get; set; }
    public int Ordre { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A dated assessment of one competency for one helper's pathway (<see cref="Inscription"/> of a programme of nature
/// <c>aidants</c>): by the helper themself (<c>auto</c>, through their link) or by the trainer (<c>formateur</c>). Assessments are kept,
/// never overwritten: progress is the latest level per competency and assessor compared with the first one.</summary>
public sealed class EvaluationAidant
{
    public long Id { get; set; }
    public int InscriptionId { get; set; }
    public int CompetenceId { get; set; }
    /// <summary>Day of the assessment (not in the future).</summary>
    public DateOnly Le { get; set; }
    /// <summary><see cref="ReferentielAidants.Niveaux"/>: 1 to 4.</summary>
    public int Niveau { get; set; }
    /// <summary><c>auto</c> or <c>formateur</c>.</summary>
    public string Par { get; set; } = ReferentielAidants.Auto;
    /// <summary>Trainer's account and name; null for a self-assessment.</summary>
    public string? AuteurId { get; set; }
    public string? Auteur { get; set; }
    public DateTime SaisieLe { get; set; }
}

public sealed class CompetenceAidantConfiguration : IEntityTypeConfiguration<CompetenceAidant>, IEntityTypeConfiguration<EvaluationAidant>
{
    public void Configure(EntityTypeBuilder<CompetenceAidant> b)
    {
        b.ToTable("CompetencesAidant");
        // Ids are given by the application (max + 1, ReferentielAidantsEdition): the seed's fixed ids would collide with an identity
        // sequence on PostgreSQL, which HasData does not move.
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Code).HasMaxLength(10);
        b.Property(c => c.Domaine).HasMaxLength(120);
        b.Property(c => c.Libelle).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(1000);
        b.HasData(ReferentielAidants.PremiereVersion());
    }

    public void Configure(EntityTypeBuilder<EvaluationAidant> b)
    {
        b.ToTable("EvaluationsAidant", t =>
        {
            t.HasCheckConstraint("CK_EvaluationsAidant_Niveau", "\"Niveau\" BETWEEN 1 AND 4");
            t.HasCheckConstraint("CK_EvaluationsAidant_Par", "\"Par\" IN ('auto', 'formateur')");
        });
        b.HasIndex(e => new { e.InscriptionId, e.CompetenceId, e.Par, e.Le });
        b.Property(e => e.Par).HasMaxLength(10);
        b.Property(e => e.AuteurId).HasMaxLength(450);
        b.Property(e => e.Auteur).HasMaxLength(256);
        b.HasOne<Inscription>().WithMany().HasForeignKey(e => e.InscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CompetenceAidant>().WithMany().HasForeignKey(e => e.CompetenceId).OnDelete(DeleteBehavior.Restrict);
    }
}
