using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>A monthly fact of the dashboard (decision 0032): for the records of one month (<see cref="Mois"/>, first day) at one
/// place of the directory (<see cref="LieuId"/>) or typed commune (<see cref="Commune"/>) — the <em>local</em> rows — or of the
/// whole territory (<see cref="Territoire"/>, place and commune null), the accompaniments, records and anonymous workshop
/// participants of one value of one dimension (<see cref="Dimensions"/>). Territory rows are the sums of the local rows.</summary>
public sealed class FaitActivites
{
    public long Id { get; set; }
    public DateOnly Mois { get; set; }
    public bool Territoire { get; set; }
    public int? LieuId { get; set; }
    public string? Commune { get; set; }
    /// <summary>One of <see cref="Dimensions"/>.</summary>
    public string Dimension { get; set; } = "";
    /// <summary>The value as stored on the record, one row per value of a multi-valued field (layout 2; layout 1 kept them |-joined,
    /// which reads alike since the reader splits them too); parts joined by <see cref="Dimensions.Separateur"/>.</summary>
    public string? Valeur { get; set; }
    public int Accompagnements { get; set; }
    public int Activites { get; set; }
    public int Anonymes { get; set; }
}

/// <summary>A (month, place, commune) whose records changed since its facts were computed: written in the same transaction as
/// the change (<see cref="MarquageFaits"/>), folded into the facts by <see cref="CalculFaits.RafraichirAsync"/>; until then the
/// dashboard computes that cell from the raw records.</summary>
public sealed class MarqueFaits
{
    public long Id { get; set; }
    public DateOnly Mois { get; set; }
    public int? LieuId { get; set; }
    public string? Commune { get; set; }
}

/// <summary>The dimensions of <see cref="FaitActivites"/>.</summary>
public static class Dimensions
{
    public const char Separateur = '\u001f';
    /// <summary>Valeur = record type; Anonymes = anonymous workshop participants.</summary>
    public const string Type = "type";
    /// <summary>Individual records without a file (Valeur null).</summary>
    public const string SansFiche = "sans-fiche";
    public const string Themes = "themes", Demarches = "demarches", Materiel = "materiel", Canal = "canal", Duree = "duree", Autonomie = "autonomie",
        Etiquettes = "etiquettes", Orientation = "orientation";
    /// <summary>Valeur = criterion, separator, value; Accompagnements = anonymous participants counted.</summary>
    public const string Decompte = "decompte";
    /// <summary>Individual records by the person's residence (0 unknown, 1 in a QPV, 2 outside); named participants likewise.</summary>
    public const string QpvIndividuels = "qpv-ind", QpvParticipants = "qpv-part";
    /// <summary>Records of the cell (local rows only): the place and commune blocks.</summary>
    public const string Lieu = "lieu";
    /// <summary>The one row saying the facts were built (Territoire, month 0001-01-01, Valeur = <see cref="Version"/>).</summary>
    public const string Construit = "construit";
    /// <summary>The layout of the facts: « 2 » since multi-valued fields give one row per value. Facts built by another layout are
    /// rebuilt by the job (<see cref="TacheFaits"/>), the dashboard reading the records meanwhile. Both layouts read alike, so an
    /// instance of either layout folding during a rolling upgrade writes rows the other reads right.</summary>
    public const string Version = "2";
}

sealed class FaitActivitesConfiguration : IEntityTypeConfiguration<FaitActivites>
{
    public void Configure(EntityTypeBuilder<FaitActivites> b)
    {
        b.ToTable("FaitsActivites");
        b.Property(x => x.Commune).HasMaxLength(200);
        b.Property(x => x.Dimension).HasMaxLength(20);
        b.Property(x => x.Valeur).HasMaxLength(1100);
        // Territory views read (Territoire, Mois); commune and place views read the local rows of their places and typed commune.
        b.HasIndex(x => new { x.Territoire, x.Mois });
        b.HasIndex(x => new { x.LieuId, x.Mois });
        b.HasIndex(x => new { x.Commune, x.Mois });
        // The territory view also reads every cell's « lieu » row (place and commune blocks): a small partial index, so that the
        // OR with the territory rows is two index scans instead of a scan of the whole table.
        b.HasIndex(x => x.Mois, "IX_FaitsActivites_Mois_Lieu").HasFilter("\"Dimension\" = 'lieu'");
    }
}

sealed class MarqueFaitsConfiguration : IEntityTypeConfiguration<MarqueFaits>
{
    public void Configure(EntityTypeBuilder<MarqueFaits> b)
    {
        b.ToTable("MarquesFaits");
        b.Property(x => x.Commune).HasMaxLength(200);
        b.HasIndex(x => x.Mois);
    }
}
