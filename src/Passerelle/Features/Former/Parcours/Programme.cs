using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Former.Parcours;

/// <summary>A training programme run by an operator structure (the school), e.g. a course labelled Grande École du Numérique.
/// Its learners' data stays inside <see cref="StructureId"/> and the support teams (decision on pathways).</summary>
public sealed class Programme
{
    public int Id { get; set; }
    public string Nom { get; set; } = "";
    public int StructureId { get; set; }
    public Structure? Structure { get; set; }
    /// <summary>GEN label: identifier and course title, given per course for 3 years.</summary>
    public string? LabelGen { get; set; }
    public DateOnly? LabelDebut { get; set; }
    public DateOnly? LabelFin { get; set; }
    /// <summary>Certification prepared (RNCP title and level), free text.</summary>
    public string? Certification { get; set; }
    /// <summary>Funding bodies, |-joined, as written on funder accounts (<c>ProfilCompte.Financeur</c>): they read the aggregates.</summary>
    public string Financeurs { get; set; } = "";
    /// <summary><c>ecole</c> (a school's course: GEN outcomes) or <c>aidants</c> (the training of first-level helpers against the competency
    /// framework, <see cref="Aidants.CompetenceAidant"/>: the same pathway model with its own outcome list).</summary>
    public string Nature { get; set; } = NatureEcole;
    public const string NatureEcole = "ecole", NatureAidants = "aidants";
    public bool Demo { get; set; }
    public List<Cohorte> Cohortes { get; set; } = [];

    public IEnumerable<string> ListeFinanceurs() => Financeurs.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A session of a programme: dates, hours planned, capacity, place, recruitment window, status (<see cref="Vocabulaire.StatutsCohorte"/>).</summary>
public sealed class Cohorte
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public string Nom { get; set; } = "";
    public DateOnly Debut { get; set; }
    public DateOnly Fin { get; set; }
    public int HeuresPrevues { get; set; }
    public int Capacite { get; set; }
    public string? Lieu { get; set; }
    public DateOnly? RecrutementDebut { get; set; }
    public DateOnly? RecrutementFin { get; set; }
    public string Statut { get; set; } = "recrutement";
}

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>, IEntityTypeConfiguration<Cohorte>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.ToTable("ProgrammesFormation", t => t.HasCheckConstraint("CK_ProgrammesFormation_Nature", "\"Nature\" IN ('ecole', 'aidants')"));
        b.Property(p => p.Nature).HasMaxLength(10).HasDefaultValue(Programme.NatureEcole);
        b.Property(p => p.Nom).HasMaxLength(200);
        b.Property(p => p.LabelGen).HasMaxLength(200);
        b.Property(p => p.Certification).HasMaxLength(300);
        b.Property(p => p.Financeurs).HasMaxLength(1000);
        b.HasOne(p => p.Structure).WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Cohortes).WithOne(c => c.Programme).HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Cohorte> b)
    {
        b.ToTable("Cohortes", t =>
        {
            t.HasCheckConstraint("CK_Cohortes_Dates", "\"Fin\" >= \"Debut\"");
            t.HasCheckConstraint("CK_Cohortes_Capacite", "\"Capacite\" >= 0 AND \"HeuresPrevues\" >= 0");
            t.HasCheckConstraint("CK_Cohortes_Statut", "\"Statut\" IN ('recrutement', 'en_cours', 'terminee')");
        });
        b.Property(c => c.Nom).HasMaxLength(200);
        b.Property(c => c.Lieu).HasMaxLength(300);
        b.Property(c => c.Statut).HasMaxLength(20);
    }
}
