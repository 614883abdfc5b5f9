using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary>A solidarity sale: one per device (unique index), with the eligibility rule satisfied and the proof seen — never
/// the document itself (docs/standards/equipement-reemploi.md §6).</summary>
public sealed class Vente
{
    public int Id { get; set; }
    public int AppareilId { get; set; }
    /// <summary>Price paid, TTC, in cents.</summary>
    public long PrixCentimes { get; set; }
    /// <summary>The cap that applied (public provenance), in cents, or null when the device is not capped.</summary>
    public long? PlafondCentimes { get; set; }
    /// <summary><see cref="Eligibilite"/> rule code.</summary>
    public string Motif { get; set; } = "";
    /// <summary>Kind of proof seen (e.g. "attestation CAF du 3 mars"), not the document.</summary>
    public string Justificatif { get; set; } = "";
    public DateOnly DateJustificatif { get; set; }
    public DateOnly EligibleJusquAu { get; set; }
    public string AcheteurNom { get; set; } = "";
    public string? AcheteurCommune { get; set; }
    /// <summary>Where the buyer lives for the city policy: « QPV », « Hors QPV » or « Non renseigné » (<c>Referentiels.Quartiers.Situations</c>).</summary>
    public string SituationQpv { get; set; } = "Non renseigné";
    /// <summary>The priority neighbourhood's code when <see cref="SituationQpv"/> is « QPV » (chosen among the buyer's commune's QPV).</summary>
    public string? CodeQpv { get; set; }
    /// <summary>The buyer's file in the accompaniment pillar, when the structure follows them (optional).</summary>
    public int? BeneficiaireId { get; set; }
    public int GarantieMois { get; set; }
    public DateTime VenduLe { get; set; }
    public string Vendeur { get; set; } = "";
    /// <summary>The household the sale counts against (<see cref="Foyers.Cle"/>): one purchase per household per period.</summary>
    public string FoyerCle { get; set; } = "";
    /// <summary>The buyer's receipt link key.</summary>
    public string Jeton { get; set; } = "";
}

/// <summary>A cap on the solidarity price of a kind of device coming from a public body, from a date: the territory adds a row
/// when the rule changes, the row in force at the sale's date applies.</summary>
public sealed class PlafondPrix
{
    public int Id { get; set; }
    public string Type { get; set; } = "";
    public long MontantCentimes { get; set; }
    public DateOnly Depuis { get; set; }
    public string Source { get; set; } = "";

    /// <summary>Décret du 7 novembre 2022 (JORF 9 November 2022), prices TTC for working equipment with charger, disk, system and
    /// battery — the grid of docs/standards/equipement-reemploi.md §5 (CG3P L.3212-2 3°, L.3212-3).</summary>
    public const string SourceDecret = "Décret du 7 novembre 2022 (JORF du 9 novembre 2022), CG3P L.3212-2 et L.3212-3";
    public static readonly DateOnly DepuisDecret = new(2022, 11, 10);
    public static readonly (string Type, long Centimes)[] GrilleDecret =
        [("portable", 18000), ("fixe", 15000), ("tablette", 10000), ("smartphone", 10000), ("ecran", 3000), ("imprimante", 3000), ("multifonction", 17000)];
}

public sealed class VenteConfiguration : IEntityTypeConfiguration<Vente>, IEntityTypeConfiguration<PlafondPrix>
{
    public void Configure(EntityTypeBuilder<Vente> b)
    {
        b.ToTable("Ventes", t => t.HasCheckConstraint("CK_Ventes_Prix", "\"PrixCentimes\" >= 0 AND (\"PlafondCentimes\" IS NULL OR \"PrixCentimes\" <= \"PlafondCentimes\")"));
        b.HasIndex(v => v.AppareilId).IsUnique();
        b.HasIndex(v => v.Jeton).IsUnique();
        b.HasIndex(v => new { v.FoyerCle, v.VenduLe });
        b.Property(v => v.FoyerCle).HasMaxLength(300);
        b.Property(v => v.Motif).HasMaxLength(30);
        b.Property(v => v.Justificatif).HasMaxLength(200);
        b.Property(v => v.AcheteurNom).HasMaxLength(200);
        b.Property(v => v.AcheteurCommune).HasMaxLength(200);
        b.Property(v => v.SituationQpv).HasMaxLength(20);
        b.Property(v => v.CodeQpv).HasMaxLength(12);
        b.Property(v => v.Vendeur).HasMaxLength(200);
        b.Property(v => v.Jeton).HasMaxLength(40);
        b.HasOne<Appareil>().WithMany().HasForeignKey(v => v.AppareilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Accompagner.Beneficiaires.Beneficiaire>().WithMany().HasForeignKey(v => v.BeneficiaireId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PlafondPrix> b)
    {
        b.ToTable("PlafondsPrix");
        b.HasIndex(p => new { p.Type, p.Depuis }).IsUnique();
        b.Property(p => p.Type).HasMaxLength(20);
        b.Property(p => p.Source).HasMaxLength(300);
    }
}

/// <summary>Loads the decree's grid when the table is empty (a territory's later rows are kept).</summary>
public sealed class ChargementPlafonds : IPreparationDonnees
{
    public async Task PreparerAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<PlafondPrix>().AnyAsync(ct)) return;
        db.AddRange(PlafondPrix.GrilleDecret.Select(g => new PlafondPrix { Type = g.Type, MontantCentimes = g.Centimes, Depuis = PlafondPrix.DepuisDecret, Source = PlafondPrix.SourceDecret }));
        await db.SaveChangesAsync(ct);
    }
}
