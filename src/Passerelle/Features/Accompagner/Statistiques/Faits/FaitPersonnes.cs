using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>A person (file) met in one cell (decision 0035): one row per distinct (month, place or typed commune, person) of the
/// individual records' people and of every record's named participants. Kept with the cell's monthly facts (same marks, same
/// fold); the commune and place views count their distinct people here. No foreign key: a merged file's rows go when its cells
/// are folded. Each row also carries what the person counts under (their first month anywhere and their file's attributes, as in
/// <see cref="ApportPersonne"/>), rewritten on all their rows when one of them changes: a commune's people blocks are then one
/// grouped count of distinct people over its presences.</summary>
public sealed class PresencePersonne
{
    public long Id { get; set; }
    public DateOnly Mois { get; set; }
    public int? LieuId { get; set; }
    public string? Commune { get; set; }
    public int BeneficiaireId { get; set; }
    public DateOnly Premier { get; set; }
    public bool Suivi { get; set; }
    public string Genre { get; set; } = "";
    public int? AnneeNaissance { get; set; }
    public string Statut { get; set; } = "";
    public int Situation { get; set; }
}

/// <summary>What one person adds to <see cref="FaitPersonnes"/> (decision 0035), kept so that a change can be taken back exactly:
/// the months they were met anywhere (first days, comma-joined, ascending), the first of them, and their file's attributes at the
/// time of the fold (<see cref="Situation"/>: 1 in a QPV, 2 outside, 0 unknown).</summary>
public sealed class ApportPersonne
{
    public int BeneficiaireId { get; set; }
    public string Mois { get; set; } = "";
    public DateOnly Premier { get; set; }
    public bool Suivi { get; set; }
    public string Genre { get; set; } = "";
    public int? AnneeNaissance { get; set; }
    public string Statut { get; set; } = "";
    public int Situation { get; set; }
}

/// <summary>A person's skills progression (decision 0035, issue 16): for each skill of the reference assessed in more than one of their
/// diagnostics, the level of the first and of the last (diagnostics ordered by date, then id; levels 0 to 3). Whatever the date of
/// the diagnostics, as the dashboard's skills block reads them; kept by the fold from the person's marks (a diagnostic written or
/// moved marks its person). The commune and place views sum those of their people met; the territory's gap rows count each person's
/// (skill, first, last) as a value of <see cref="DimensionsPersonnes.Competence"/>.</summary>
public sealed class ProgressionPersonne
{
    public int BeneficiaireId { get; set; }
    public string Competence { get; set; } = "";
    public int Premier { get; set; }
    public int Dernier { get; set; }
}

/// <summary>A referral as the territory's referral outcomes count it (decision 0035, issue 16): its month and outcome, and the months its
/// person was met nearest to it — <see cref="Avant"/> the last up to the referral's month, <see cref="Apres"/> the first from it on
/// (null: none). The territory view [du, au] counts a referral of a month in it exactly when Avant ≥ du or Apres ≤ au: its person was
/// met in the range. One row per referral of a person met at least once, rewritten by the fold with the person's contribution.</summary>
public sealed class OrientationPersonne
{
    public int OrientationId { get; set; }
    public int BeneficiaireId { get; set; }
    public DateOnly Mois { get; set; }
    public string Resultat { get; set; } = "";
    public DateOnly? Avant { get; set; }
    public DateOnly? Apres { get; set; }
}

/// <summary>Territory-wide people (decision 0035), as gaps: for each person, each pair of consecutive months they were met
/// (<see cref="Avant"/> null: before the first; <see cref="Apres"/> null: after the last) counts one in <see cref="Personnes"/> for
/// each of their attribute values (<see cref="DimensionsPersonnes"/>). A person is not met in [du, au] exactly when one of their
/// gaps has Avant &lt; du and Apres &gt; au, so the people met in any run of months are the first gaps minus the covering ones.</summary>
public sealed class FaitPersonnes
{
    public long Id { get; set; }
    /// <summary>Null: the whole territory's rows. Otherwise the commune class whose people the row counts (layout 4,
    /// <see cref="ApportCommune"/>): the same gaps over the months each person was met in the class.</summary>
    public string? Classe { get; set; }
    public DateOnly? Avant { get; set; }
    public DateOnly? Apres { get; set; }
    public string Dimension { get; set; } = "";
    public string? Valeur { get; set; }
    public int Personnes { get; set; }
}

/// <summary>A person whose attributes (gender, birth year, status, followed, QPV or commune) changed or whose file was deleted: written
/// in the same transaction (<see cref="MarquageFaits"/>), folded by <see cref="MaintenancePersonnes"/>.</summary>
public sealed class MarquePersonne
{
    public long Id { get; set; }
    public int BeneficiaireId { get; set; }
}

/// <summary>The dimensions of <see cref="FaitPersonnes"/>.</summary>
public static class DimensionsPersonnes
{
    public const string Suivi = "suivi", Genre = "genre", Naissance = "naissance", Statut = "statut", Situation = "situation";
    /// <summary>Valeur = the person's first month anywhere (yyyy-MM-dd): new people.</summary>
    public const string Premier = "premier";
    /// <summary>Valeur = « skill|first level|last level » of a person's <see cref="ProgressionPersonne"/>: the skills block.</summary>
    public const string Competence = "competence";
    /// <summary>The one row saying the people facts were built; its Valeur is <see cref="Version"/>.</summary>
    public const string Construit = "construit";
    /// <summary>The layout of the people facts the code reads: rows built by an older one are rebuilt (2: attributes on the presences;
    /// 3: skills progressions and referrals; 4: the same per commune class, <see cref="ApportCommune"/>).</summary>
    public const string Version = "4";
}

sealed class PresencePersonneConfiguration : IEntityTypeConfiguration<PresencePersonne>
{
    public void Configure(EntityTypeBuilder<PresencePersonne> b)
    {
        b.ToTable("PresencesPersonnes");
        b.Property(x => x.Commune).HasMaxLength(200);
        b.HasIndex(x => new { x.LieuId, x.Mois });
        b.HasIndex(x => new { x.Commune, x.Mois });
        b.HasIndex(x => new { x.Mois, x.BeneficiaireId });
        b.HasIndex(x => new { x.BeneficiaireId, x.Mois });
        // Empty but for presences written by a layout-1 instance (MaintenancePersonnes.SansAttributs): its column defaults, 0001-01-01 on
        // SQLite and -infinity on PostgreSQL (the driver's DateOnly.MinValue), are both before year 1000; a real first month never is.
        b.HasIndex(x => x.BeneficiaireId, "IX_PresencesPersonnes_SansPremier").HasFilter("\"Premier\" < '1000-01-01'");
    }
}

sealed class ApportPersonneConfiguration : IEntityTypeConfiguration<ApportPersonne>
{
    public void Configure(EntityTypeBuilder<ApportPersonne> b)
    {
        b.ToTable("ApportsPersonnes");
        b.HasKey(x => x.BeneficiaireId);
        b.Property(x => x.BeneficiaireId).ValueGeneratedNever();
    }
}

sealed class ProgressionPersonneConfiguration : IEntityTypeConfiguration<ProgressionPersonne>
{
    public void Configure(EntityTypeBuilder<ProgressionPersonne> b)
    {
        b.ToTable("ProgressionsPersonnes");
        b.HasKey(x => new { x.BeneficiaireId, x.Competence });
        b.Property(x => x.Competence).HasMaxLength(4);
    }
}

sealed class OrientationPersonneConfiguration : IEntityTypeConfiguration<OrientationPersonne>
{
    public void Configure(EntityTypeBuilder<OrientationPersonne> b)
    {
        b.ToTable("OrientationsPersonnes");
        b.HasKey(x => x.OrientationId);
        b.Property(x => x.OrientationId).ValueGeneratedNever();
        b.Property(x => x.Resultat).HasMaxLength(20);
        b.HasIndex(x => x.BeneficiaireId);
        b.HasIndex(x => x.Mois);
    }
}

sealed class FaitPersonnesConfiguration : IEntityTypeConfiguration<FaitPersonnes>
{
    public void Configure(EntityTypeBuilder<FaitPersonnes> b)
    {
        b.ToTable("FaitsPersonnes");
        b.Property(x => x.Dimension).HasMaxLength(20);
        b.Property(x => x.Classe).HasMaxLength(200);
        b.HasIndex(x => new { x.Classe, x.Dimension, x.Valeur, x.Avant, x.Apres });
    }
}

sealed class MarquePersonneConfiguration : IEntityTypeConfiguration<MarquePersonne>
{
    public void Configure(EntityTypeBuilder<MarquePersonne> b) => b.ToTable("MarquesPersonnes");
}
