using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>A commune (or a municipal arrondissement of Paris, Lyon, Marseille) of the official geographic code (COG), as
/// published by Etalab in the npm package <c>@etalab/decoupage-administratif</c> (MIT; data/communes.json and data/epci.json).
/// Every figure keeps its vintage: <see cref="AnneeCog"/> for the code and name (communes merge), <see cref="AnneePopulation"/>
/// for the municipal population (INSEE census year).</summary>
public sealed class Commune
{
    public const string TypeCommune = "commune", TypeArrondissement = "arrondissement";

    /// <summary>INSEE code, 5 characters (« 13055 », « 2A004 », « 13203 » for Marseille 3e).</summary>
    public string CodeInsee { get; set; } = "";
    public string Nom { get; set; } = "";
    /// <summary><see cref="TypeCommune"/> or <see cref="TypeArrondissement"/>.</summary>
    public string Type { get; set; } = TypeCommune;
    /// <summary>For an arrondissement, the INSEE code of its commune (« 13055 »).</summary>
    public string? CommuneParente { get; set; }
    /// <summary>Postcodes, |-joined (« 13080|13090|13100 »).</summary>
    public string CodesPostaux { get; set; } = "";
    /// <summary>SIREN of the commune (9 digits); none for an arrondissement.</summary>
    public string? Siren { get; set; }
    /// <summary>Municipal population (inhabitants) and its census year.</summary>
    public int? Population { get; set; }
    public int? AnneePopulation { get; set; }
    /// <summary>The EPCI with own taxation it belongs to: SIREN (« 200054807 ») and name.</summary>
    public string? EpciSiren { get; set; }
    public string? EpciNom { get; set; }
    /// <summary>INSEE code of the région (« 93 » for Provence-Alpes-Côte d'Azur), arrondissements included; null when the file had none.</summary>
    public string? CodeRegion { get; set; }
    /// <summary>Year of the geographic code this row follows.</summary>
    public int AnneeCog { get; set; }
    /// <summary>The zone's reference point for distances (WGS 84 degrees), ideally the population-weighted centroid; null when unknown.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Name normalised for search (<see cref="RechercheCommunes.Cle"/>).</summary>
    public string NomRecherche { get; set; } = "";
    public DateTime ImporteLe { get; set; }

    /// <summary>The commune whose figures this row adds to: itself, or its parent for an arrondissement.</summary>
    public string CodeCommune => CommuneParente ?? CodeInsee;
}

public sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.ToTable("Communes");
        b.HasKey(c => c.CodeInsee);
        b.Ignore(c => c.CodeCommune);
        b.Property(c => c.CodeInsee).HasMaxLength(5);
        b.Property(c => c.Nom).HasMaxLength(200);
        b.Property(c => c.Type).HasMaxLength(20);
        b.Property(c => c.CommuneParente).HasMaxLength(5);
        b.Property(c => c.CodesPostaux).HasMaxLength(400);
        b.Property(c => c.Siren).HasMaxLength(9);
        b.Property(c => c.EpciSiren).HasMaxLength(9);
        b.Property(c => c.EpciNom).HasMaxLength(200);
        b.Property(c => c.NomRecherche).HasMaxLength(200);
        b.Property(c => c.CodeRegion).HasMaxLength(3);
        b.HasIndex(c => c.EpciSiren);
        b.HasIndex(c => c.CodeRegion);
        b.HasIndex(c => c.NomRecherche);
        b.ToTable(t => t.HasCheckConstraint("CK_Communes_Population", "\"Population\" IS NULL OR \"Population\" >= 0"));
    }
}
