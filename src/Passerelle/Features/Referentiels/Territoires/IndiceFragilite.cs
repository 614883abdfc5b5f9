using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>One criterion of the fragility index: its value (a rate or share in %, 0–100), where it comes from and its year.</summary>
public sealed record CritereFragilite(string Libelle, double? Valeur, string? Source, int? Annee);

/// <summary>The Indice de Fragilité Numérique of one territory (La MedNum and ANSA 2019, supervised by the CREDOC; portal
/// fragilite-numerique.fr) for one model version and variant: score 1–10, 10 = highest risk of digital exclusion, and the
/// five Axe-1 criteria of the 2023 model (CREDOC/ANCT, April 2023) with their source and vintage. Scores are never compared
/// across model versions (see the standards file « pilotage territorial », § 1). It describes places, never people.</summary>
public sealed class IndiceFragilite
{
    public const string NiveauCommune = "commune", NiveauQpv = "qpv", NiveauIris = "iris", NiveauEpci = "epci", NiveauDepartement = "departement";
    public static readonly string[] Niveaux = [NiveauCommune, NiveauQpv, NiveauIris, NiveauEpci, NiveauDepartement];
    public static readonly string[] Variantes = ["tout-age", "senior", "jeune"];

    public int Id { get; set; }
    public string Niveau { get; set; } = NiveauCommune;
    /// <summary>INSEE code (commune, département), 9-character IRIS code, QPV code « QN… » or EPCI SIREN.</summary>
    public string Code { get; set; } = "";
    /// <summary>Model version as published (« 2023 »).</summary>
    public string VersionModele { get; set; } = "";
    public string Variante { get; set; } = "tout-age";
    /// <summary>1 to 10.</summary>
    public double Score { get; set; }
    public double? NonCouvertureThd { get; set; }
    public string? SourceNonCouvertureThd { get; set; }
    public int? AnneeNonCouvertureThd { get; set; }
    public double? NonCouverture4g { get; set; }
    public string? SourceNonCouverture4g { get; set; }
    public int? AnneeNonCouverture4g { get; set; }
    public double? Part65Plus { get; set; }
    public string? SourcePart65Plus { get; set; }
    public int? AnneePart65Plus { get; set; }
    public double? PartPeuDiplomes { get; set; }
    public string? SourcePartPeuDiplomes { get; set; }
    public int? AnneePartPeuDiplomes { get; set; }
    public double? TauxPauvrete { get; set; }
    public string? SourceTauxPauvrete { get; set; }
    public int? AnneeTauxPauvrete { get; set; }
    public DateTime ImporteLe { get; set; }

    public IReadOnlyList<CritereFragilite> Criteres =>
    [
        new("Non-couverture très haut débit", NonCouvertureThd, SourceNonCouvertureThd, AnneeNonCouvertureThd),
        new("Non-couverture 4G", NonCouverture4g, SourceNonCouverture4g, AnneeNonCouverture4g),
        new("Part des 65 ans et plus", Part65Plus, SourcePart65Plus, AnneePart65Plus),
        new("Part des pas ou peu diplômés", PartPeuDiplomes, SourcePartPeuDiplomes, AnneePartPeuDiplomes),
        new("Taux de pauvreté", TauxPauvrete, SourceTauxPauvrete, AnneeTauxPauvrete),
    ];

    /// <summary>How a score is shown: always with its model and variant (« 7,2 / 10 (modèle 2023, tout âge) »).</summary>
    public string Libelle() => $"{Score.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} / 10 (modèle {VersionModele}, {Variante})";
}

public sealed class IndiceFragiliteConfiguration : IEntityTypeConfiguration<IndiceFragilite>
{
    public void Configure(EntityTypeBuilder<IndiceFragilite> b)
    {
        b.ToTable("IndicesFragilite", t =>
        {
            t.HasCheckConstraint("CK_IndicesFragilite_Score", "\"Score\" >= 1 AND \"Score\" <= 10");
            t.HasCheckConstraint("CK_IndicesFragilite_Niveau", "\"Niveau\" IN ('commune', 'qpv', 'iris', 'epci', 'departement')");
        });
        b.Ignore(i => i.Criteres);
        b.Property(i => i.Niveau).HasMaxLength(12);
        b.Property(i => i.Code).HasMaxLength(12);
        b.Property(i => i.VersionModele).HasMaxLength(20);
        b.Property(i => i.Variante).HasMaxLength(20);
        foreach (var p in new[] { "SourceNonCouvertureThd", "SourceNonCouverture4g", "SourcePart65Plus", "SourcePartPeuDiplomes", "SourceTauxPauvrete" })
            b.Property(p).HasMaxLength(200);
        b.HasIndex(i => new { i.Niveau, i.Code, i.VersionModele, i.Variante }).IsUnique();
    }
}
