using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Equiper.Insertion;

/// <summary>Hours worked on a work site in one month by one category of workers on one activity — a total, no person named
/// (docs/standards/equipement-reemploi.md §8: hours per month by activity are what the State's aid is regularised on; the
/// per-person file belongs to the IAE tools). One row per site, month, category and activity (unique index); a new entry for the
/// same key replaces the figures.</summary>
public sealed class HeuresInsertion
{
    public static readonly (string Code, string Libelle)[] Categories =
        [("insertion", "Salariés en insertion (CDDI)"), ("encadrement", "Encadrement technique"), ("benevole", "Bénévoles")];
    public static readonly (string Code, string Libelle)[] Activites =
        [("collecte", "Collecte"), ("tri", "Tri"), ("effacement", "Effacement"), ("test", "Test"), ("reconditionnement", "Reconditionnement"), ("vente", "Vente")];

    public int Id { get; set; }
    public string Site { get; set; } = "";
    /// <summary>First day of the month.</summary>
    public DateOnly Mois { get; set; }
    public string Categorie { get; set; } = "";
    public string Activite { get; set; } = "";
    /// <summary>Worked time, in minutes.</summary>
    public int Minutes { get; set; }
    /// <summary>How many people the hours are spread over (a count, no names).</summary>
    public int Personnes { get; set; }
    public string SaisiPar { get; set; } = "";
    public DateTime SaisiLe { get; set; }
}

public sealed class HeuresInsertionConfiguration : IEntityTypeConfiguration<HeuresInsertion>
{
    public void Configure(EntityTypeBuilder<HeuresInsertion> b)
    {
        b.ToTable("HeuresInsertion", t => t.HasCheckConstraint("CK_HeuresInsertion_Valeurs", "\"Minutes\" BETWEEN 0 AND 10000000 AND \"Personnes\" BETWEEN 0 AND 10000"));
        b.HasIndex(h => new { h.Site, h.Mois, h.Categorie, h.Activite }).IsUnique();
        b.Property(h => h.Site).HasMaxLength(200);
        b.Property(h => h.Categorie).HasMaxLength(20);
        b.Property(h => h.Activite).HasMaxLength(20);
        b.Property(h => h.SaisiPar).HasMaxLength(200);
    }
}
