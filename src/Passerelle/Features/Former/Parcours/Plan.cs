using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Former.Parcours;

/// <summary>An objective of the learner's plan (issue 14 §3, standards « Plan », after Carnet de bord's notebook focus/target): its
/// axis (<see cref="Vocabulaire.Axes"/>), its wording, its status and the day the learner agreed to it (null: not agreed yet).</summary>
public sealed class ObjectifPlan
{
    public int Id { get; set; }
    public int InscriptionId { get; set; }
    public string Axe { get; set; } = "projet";
    public string Intitule { get; set; } = "";
    /// <summary><see cref="Vocabulaire.StatutsObjectif"/> code.</summary>
    public string Statut { get; set; } = "en_cours";
    public DateOnly? AccordLe { get; set; }
    public DateTime CreeLe { get; set; }
    public List<ActionPlan> Actions { get; set; } = [];
}

/// <summary>An action serving an objective: wording, status (<see cref="Vocabulaire.StatutsAction"/>), start and due dates, the
/// structure mobilised.</summary>
public sealed class ActionPlan
{
    public int Id { get; set; }
    public int ObjectifPlanId { get; set; }
    public string Intitule { get; set; } = "";
    public string Statut { get; set; } = "planifiee";
    public DateOnly? Debut { get; set; }
    public DateOnly? Echeance { get; set; }
    public string? Structure { get; set; }
}

/// <summary>An immersion period in a company (PMSMP or course placement): host, dates, tutor, what came out of it.</summary>
public sealed class Immersion
{
    public int Id { get; set; }
    public int InscriptionId { get; set; }
    public string Entreprise { get; set; } = "";
    public DateOnly Debut { get; set; }
    public DateOnly Fin { get; set; }
    public string? Tuteur { get; set; }
    public string? Bilan { get; set; }
}

public sealed class PlanConfiguration : IEntityTypeConfiguration<ObjectifPlan>, IEntityTypeConfiguration<ActionPlan>, IEntityTypeConfiguration<Immersion>
{
    public void Configure(EntityTypeBuilder<ObjectifPlan> b)
    {
        b.ToTable("ObjectifsPlan", t =>
        {
            t.HasCheckConstraint("CK_ObjectifsPlan_Axe", "\"Axe\" IN ('projet', 'competences', 'mobilite', 'logement', 'sante', 'numerique', 'autre')");
            t.HasCheckConstraint("CK_ObjectifsPlan_Statut", "\"Statut\" IN ('en_cours', 'atteint', 'abandonne')");
        });
        b.HasIndex(o => o.InscriptionId);
        b.Property(o => o.Axe).HasMaxLength(20);
        b.Property(o => o.Intitule).HasMaxLength(300);
        b.Property(o => o.Statut).HasMaxLength(20);
        b.HasOne<Inscription>().WithMany().HasForeignKey(o => o.InscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Actions).WithOne().HasForeignKey(a => a.ObjectifPlanId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ActionPlan> b)
    {
        b.ToTable("ActionsPlan", t =>
        {
            t.HasCheckConstraint("CK_ActionsPlan_Statut", "\"Statut\" IN ('planifiee', 'en_cours', 'realisee', 'abandonnee', 'en_attente')");
            t.HasCheckConstraint("CK_ActionsPlan_Dates", "\"Echeance\" IS NULL OR \"Debut\" IS NULL OR \"Echeance\" >= \"Debut\"");
        });
        b.Property(a => a.Intitule).HasMaxLength(300);
        b.Property(a => a.Statut).HasMaxLength(20);
        b.Property(a => a.Structure).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<Immersion> b)
    {
        b.ToTable("ImmersionsParcours", t => t.HasCheckConstraint("CK_ImmersionsParcours_Dates", "\"Fin\" >= \"Debut\""));
        b.HasIndex(i => i.InscriptionId);
        b.Property(i => i.Entreprise).HasMaxLength(200);
        b.Property(i => i.Tuteur).HasMaxLength(200);
        b.Property(i => i.Bilan).HasMaxLength(2000);
        b.HasOne<Inscription>().WithMany().HasForeignKey(i => i.InscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
