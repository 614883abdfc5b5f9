using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>A funder report (<i>compte rendu financier</i>, CERFA 15059, loi n° 2000-321 art. 10): one per grant and exercise
/// (unique index), due six months after the exercise ends (<see cref="Echeance"/>, 30 June for a calendar year). The
/// association's manager fills the qualitative part, the budget table (<see cref="LigneRapport"/>) and the indicators
/// (<see cref="IndicateurRapport"/>, pre-filled from the records) and submits it; the territory accepts it or sends it back with a
/// comment, and the loop repeats. Statuses move only by conditional updates on the current one (<see cref="GestionRapports"/>);
/// every change is journaled in <see cref="JournalFinancement"/> (object « Rapport »).</summary>
public sealed class RapportFinancier
{
    public int Id { get; set; }
    public int SubventionId { get; set; }
    /// <summary>The objective convention the report answers, when there is one (its objectives give the indicators).</summary>
    public int? ConventionId { get; set; }
    public int Exercice { get; set; }
    public DateOnly Echeance { get; set; }
    /// <summary><see cref="StatutsRapport"/> code.</summary>
    public string Statut { get; set; } = StatutsRapport.ARemplir;
    /// <summary>Part 1: what was done against the objectives, people reached, places and dates, why targets were missed.</summary>
    public string? BilanQualitatif { get; set; }
    /// <summary>Part 3: the rule used to allocate indirect costs and the in-kind contributions.</summary>
    public string? Annexe { get; set; }
    /// <summary>The territory's last request for a fix.</summary>
    public string? Commentaire { get; set; }
    public DateTime? SoumisLe { get; set; }
    public string? SoumisPar { get; set; }
    public DateTime? DecideLe { get; set; }
    public string? DecidePar { get; set; }
    /// <summary>When the reminder before the due date, and the one after it, were put in the outbox (each once).</summary>
    public DateTime? RappelAvantLe { get; set; }
    public DateTime? RappelApresLe { get; set; }
    public DateTime CreeLe { get; set; }
    public bool Demo { get; set; }
    public List<LigneRapport> Lignes { get; set; } = [];
    public List<IndicateurRapport> Indicateurs { get; set; } = [];

    /// <summary>Six months after the end of the exercise (calendar year): 30 June of the next year.</summary>
    public static DateOnly EcheancePour(int exercice) => new(exercice + 1, 6, 30);
}

/// <summary>The report's statuses: à remplir → soumis → accepté, or soumis → à corriger → soumis…</summary>
public static class StatutsRapport
{
    public const string ARemplir = "a_remplir", Soumis = "soumis", Accepte = "accepte", ACorriger = "a_corriger";
    public static readonly (string Code, string Libelle)[] Tous = [(ARemplir, "À remplir"), (Soumis, "Soumis"), (Accepte, "Accepté"), (ACorriger, "À corriger")];
    public static string Libelle(string code) => Tous.FirstOrDefault(s => s.Code == code).Libelle ?? code;
    /// <summary>Statuses in which the association may still write.</summary>
    public static readonly string[] Modifiables = [ARemplir, ACorriger];
}

/// <summary>One line of the budget table: an account of the associative chart (<see cref="PlanComptable"/>), planned and actual in cents,
/// and the explanation of the gap (required on submission when it exceeds <see cref="PlanComptable.SeuilEcartPourcent"/>).</summary>
public sealed class LigneRapport
{
    public int Id { get; set; }
    public int RapportId { get; set; }
    public string Compte { get; set; } = "";
    public long PrevuCentimes { get; set; }
    public long RealiseCentimes { get; set; }
    public string? Explication { get; set; }
}

/// <summary>One indicator of the report: copied from the convention's objective (label, target) with the value measured from the
/// records when the report was last saved, or stated by the association for an indicator Passerelle does not measure.</summary>
public sealed class IndicateurRapport
{
    public int Id { get; set; }
    public int RapportId { get; set; }
    public int Rang { get; set; }
    public string Intitule { get; set; } = "";
    public string? Indicateur { get; set; }
    public string Unite { get; set; } = "";
    public int Cible { get; set; }
    /// <summary>Computed from the records (null: masked, or not measured by Passerelle).</summary>
    public decimal? Mesure { get; set; }
    /// <summary>Stated by the association (non-measured indicators).</summary>
    public decimal? Declare { get; set; }
    public string? Commentaire { get; set; }
}

public sealed class RapportFinancierConfiguration : IEntityTypeConfiguration<RapportFinancier>, IEntityTypeConfiguration<LigneRapport>, IEntityTypeConfiguration<IndicateurRapport>
{
    public void Configure(EntityTypeBuilder<RapportFinancier> b)
    {
        b.ToTable("RapportsFinanciers", t => t.HasCheckConstraint("CK_RapportsFinanciers_Statut", "\"Statut\" IN ('a_remplir', 'soumis', 'accepte', 'a_corriger')"));
        b.Property(r => r.Statut).HasMaxLength(20);
        b.Property(r => r.BilanQualitatif).HasMaxLength(8000);
        b.Property(r => r.Annexe).HasMaxLength(4000);
        b.Property(r => r.Commentaire).HasMaxLength(2000);
        b.Property(r => r.SoumisPar).HasMaxLength(256);
        b.Property(r => r.DecidePar).HasMaxLength(256);
        b.HasOne<Subvention>().WithMany().HasForeignKey(r => r.SubventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Conventions.Convention>().WithMany().HasForeignKey(r => r.ConventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.SubventionId, r.Exercice }).IsUnique();
        b.HasIndex(r => new { r.Statut, r.Echeance });
        b.HasMany(r => r.Lignes).WithOne().HasForeignKey(l => l.RapportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Indicateurs).WithOne().HasForeignKey(l => l.RapportId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LigneRapport> b)
    {
        b.ToTable("LignesRapports", t => t.HasCheckConstraint("CK_LignesRapports_Montants", "\"PrevuCentimes\" >= 0 AND \"RealiseCentimes\" >= 0"));
        b.Property(l => l.Compte).HasMaxLength(10);
        b.Property(l => l.Explication).HasMaxLength(1000);
        b.HasIndex(l => new { l.RapportId, l.Compte }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<IndicateurRapport> b)
    {
        b.ToTable("IndicateursRapports");
        b.Property(i => i.Intitule).HasMaxLength(300);
        b.Property(i => i.Indicateur).HasMaxLength(40);
        b.Property(i => i.Unite).HasMaxLength(60);
        b.Property(i => i.Mesure).HasPrecision(14, 1);
        b.Property(i => i.Declare).HasPrecision(14, 1);
        b.Property(i => i.Commentaire).HasMaxLength(1000);
        b.HasIndex(i => new { i.RapportId, i.Rang }).IsUnique();
    }
}
