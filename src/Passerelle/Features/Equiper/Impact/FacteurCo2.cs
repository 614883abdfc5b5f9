using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Equiper.Appareils;

namespace Passerelle.Features.Equiper.Impact;

/// <summary>One row of a versioned set of CO2e factors for a kind of device (<see cref="Dons.Materiel"/> code), valid from
/// <see cref="ValableDu"/> until the next version of the same type. A row is never changed nor deleted (<see cref="ImpactEnAjoutSeul"/>):
/// a new publication is a new <see cref="Version"/>, so the figures already computed keep the factor they were computed with
/// (<see cref="BilanAppareil.FacteurCo2Id"/>). Masses in grams of CO2e (kg × 1000), to stay in integers.</summary>
public sealed class FacteurCo2
{
    public int Id { get; set; }
    /// <summary>Version label of the factor set, e.g. « ADEME-2022 ».</summary>
    public string Version { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary>Embodied footprint of a new device (manufacturing + assembly and distribution), g CO2e.</summary>
    public long EmpreinteNeufGrammes { get; set; }
    /// <summary>Impact avoided per extra year of use of a reused device instead of a new one, g CO2e per year.</summary>
    public long EviteParAnGrammes { get; set; }
    /// <summary>Expected years of second life assumed for a reused device of this type.</summary>
    public int AnneesSecondeVie { get; set; }
    /// <summary>Calendar day (Paris) from which this version applies to new outcomes.</summary>
    public DateOnly ValableDu { get; set; }
    /// <summary>Publication, year and, when derived, how (« dérivé : … »).</summary>
    public string Source { get; set; } = "";
}

/// <summary>A device's outcome with its weight and, for reuse, the CO2e avoided, written once in the transaction that moves the
/// device to <c>vendu</c>, <c>donne</c>, <c>pieces</c> or <c>deee</c> (<see cref="ValeurEcologique"/>). Never recomputed: a later
/// factor version changes later outcomes only.</summary>
public sealed class BilanAppareil
{
    public const string Reemploi = "reemploi", Recyclage = "recyclage";

    public int Id { get; set; }
    public int AppareilId { get; set; }
    /// <summary><see cref="Reemploi"/> (sold or given) or <see cref="Recyclage"/> (spare parts, WEEE).</summary>
    public string Issue { get; set; } = "";
    /// <summary>The factor row used; null when no factor exists for the type (no CO2e claimed) or for recycling.</summary>
    public int? FacteurCo2Id { get; set; }
    public int AnneesSupposees { get; set; }
    /// <summary>g CO2e avoided (0 for recycling: no manufacturing avoidance is claimed).</summary>
    public long Co2eEviteGrammes { get; set; }
    /// <summary>The device's weight in grams: its lot's weighed mass shared equally among the lot's recorded devices.</summary>
    public long MasseGrammes { get; set; }
    public DateTime Le { get; set; }
}

public sealed class ImpactConfiguration : IEntityTypeConfiguration<FacteurCo2>, IEntityTypeConfiguration<BilanAppareil>
{
    public void Configure(EntityTypeBuilder<FacteurCo2> b)
    {
        b.ToTable("FacteursCo2", t => t.HasCheckConstraint("CK_FacteursCo2_Positifs", "\"EmpreinteNeufGrammes\" >= 0 AND \"EviteParAnGrammes\" >= 0 AND \"AnneesSecondeVie\" BETWEEN 0 AND 20"));
        b.HasIndex(f => new { f.Version, f.Type }).IsUnique();
        b.HasIndex(f => new { f.Type, f.ValableDu });
        b.Property(f => f.Version).HasMaxLength(40);
        b.Property(f => f.Type).HasMaxLength(20);
        b.Property(f => f.Source).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<BilanAppareil> b)
    {
        b.ToTable("BilansAppareils", t => t.HasCheckConstraint("CK_BilansAppareils_Issue", "\"Issue\" IN ('reemploi','recyclage')"));
        b.HasIndex(x => x.AppareilId).IsUnique();
        b.HasIndex(x => x.Le);
        b.Property(x => x.Issue).HasMaxLength(20);
        b.HasOne<Appareil>().WithMany().HasForeignKey(x => x.AppareilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FacteurCo2>().WithMany().HasForeignKey(x => x.FacteurCo2Id).OnDelete(DeleteBehavior.Restrict);
    }
}
