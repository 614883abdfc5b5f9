using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Former.Parcours;

/// <summary>Where a learner is at one moment (<see cref="Vocabulaire.Moments"/>): the raw type (<see cref="Vocabulaire.TypesResultat"/> for a
/// school, <see cref="Vocabulaire.TypesResultatAidants"/> for helpers; the check constraint allows both lists, the use case the programme's)
/// and its source. One per (enrolment, moment), guaranteed by a unique index.</summary>
public sealed class Resultat
{
    public int Id { get; set; }
    public int InscriptionId { get; set; }
    public string Moment { get; set; } = "sortie";
    public string Type { get; set; } = "";
    /// <summary>Date the situation was measured.</summary>
    public DateOnly Le { get; set; }
    public string Source { get; set; } = "declaratif";
    /// <summary>Employer or training body (cleared by retention).</summary>
    public string? Organisme { get; set; }
    public string? Commentaire { get; set; }
    public string? SaisiPar { get; set; }
    public DateTime SaisiLe { get; set; }
}

/// <summary>One entry of the follow-up journal. <see cref="NotePrivee"/> is readable by its author only: every read goes through
/// <see cref="LireInscription"/>, which projects it to null for anyone else (page, API, export).</summary>
public sealed class EntreeJournal
{
    public long Id { get; set; }
    public int InscriptionId { get; set; }
    public DateOnly Le { get; set; }
    /// <summary>Author's account id (the private note's only reader) and display name.</summary>
    public string AuteurId { get; set; } = "";
    public string Auteur { get; set; } = "";
    /// <summary><see cref="Vocabulaire.Supports"/> code.</summary>
    public string Support { get; set; } = "entretien";
    /// <summary>What the team shares (the learner sees it on their page).</summary>
    public string? Synthese { get; set; }
    public string? NotePrivee { get; set; }
    public string? ProchaineEtape { get; set; }
    public DateOnly? ProchaineEtapeLe { get; set; }
    public DateTime CreeLe { get; set; }
}

public sealed class ResultatConfiguration : IEntityTypeConfiguration<Resultat>, IEntityTypeConfiguration<EntreeJournal>
{
    public void Configure(EntityTypeBuilder<Resultat> b)
    {
        b.ToTable("ResultatsParcours", t =>
        {
            t.HasCheckConstraint("CK_ResultatsParcours_Moment", "\"Moment\" IN ('sortie', '3mois', '6mois')");
            t.HasCheckConstraint("CK_ResultatsParcours_Type", "\"Type\" IN ('CDI', 'CDD_6_PLUS', 'CDD_MOINS_6', 'ALTERNANCE', 'CREATION', 'FORMATION', 'SANS_SOLUTION', 'INCONNU', "
                + "'AIDE_ASSOCIATION', 'HABILITE_AC', 'ORIENTE', 'AIDE_AILLEURS', 'NE_PRATIQUE_PAS', 'A_QUITTE')");
            t.HasCheckConstraint("CK_ResultatsParcours_Source", "\"Source\" IN ('declaratif', 'justificatif', 'tiers')");
        });
        b.HasIndex(r => new { r.InscriptionId, r.Moment }).IsUnique();
        b.Property(r => r.Moment).HasMaxLength(10);
        b.Property(r => r.Type).HasMaxLength(20);
        b.Property(r => r.Source).HasMaxLength(20);
        b.Property(r => r.Organisme).HasMaxLength(200);
        b.Property(r => r.Commentaire).HasMaxLength(1000);
        b.Property(r => r.SaisiPar).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<EntreeJournal> b)
    {
        b.ToTable("JournalParcours");
        b.HasIndex(e => new { e.InscriptionId, e.Le });
        b.Property(e => e.AuteurId).HasMaxLength(450);
        b.Property(e => e.Auteur).HasMaxLength(256);
        b.Property(e => e.Support).HasMaxLength(20);
        b.Property(e => e.Synthese).HasMaxLength(4000);
        b.Property(e => e.NotePrivee).HasMaxLength(4000);
        b.Property(e => e.ProchaineEtape).HasMaxLength(500);
        b.HasOne<Inscription>().WithMany().HasForeignKey(e => e.InscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
