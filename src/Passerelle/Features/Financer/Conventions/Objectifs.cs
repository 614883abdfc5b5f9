using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>One objective of a convention (issue 11 §3; circulaire du 29 septembre 2015, annexe: objectives and their indicators):
/// a label, an indicator and a target. When <see cref="Indicateur"/> is the code of an indicator Passerelle measures
/// (<see cref="Indicateurs.CatalogueIndicateurs"/>), the actual value is computed from the records for the convention's period and
/// beneficiary; otherwise <see cref="Unite"/> names what is counted and the association states the value in its report.
/// An amendment may change the target or close the objective (<see cref="Actif"/> false); the amendment keeps old → new.</summary>
public sealed class ObjectifConvention
{
    public int Id { get; set; }
    public int ConventionId { get; set; }
    /// <summary>Order on the convention, from 1.</summary>
    public int Rang { get; set; }
    public string Intitule { get; set; } = "";
    /// <summary>Code of a measured indicator, or null for one the association reports itself.</summary>
    public string? Indicateur { get; set; }
    /// <summary>What a non-measured indicator counts (« permanences », « partenaires »); the measured ones carry their own unit.</summary>
    public string? Unite { get; set; }
    /// <summary>Target over the convention's period (a count, or a percentage 0–100 for a share).</summary>
    public int Cible { get; set; }
    public bool Actif { get; set; } = true;
}

/// <summary>An amendment (<i>avenant</i>, docs/standards/financement-local.md §2): numbered from 1 per convention (unique index:
/// two amendments written at once cannot take the same number), dated, optionally linked to the act that decided it, changing
/// the amount per year, the period or the objectives. It keeps the values before and after, so the history stays readable; the
/// convention's own fields hold the result of all amendments in order. Written once.</summary>
public sealed class Avenant
{
    public int Id { get; set; }
    public int ConventionId { get; set; }
    public int Numero { get; set; }
    public DateOnly Date { get; set; }
    public int? DeliberationId { get; set; }
    public string Objet { get; set; } = "";
    public long? AncienMontantAnnuelCentimes { get; set; }
    public long? NouveauMontantAnnuelCentimes { get; set; }
    public DateOnly? AncienDebut { get; set; }
    public DateOnly? NouveauDebut { get; set; }
    public DateOnly? AncienneFin { get; set; }
    public DateOnly? NouvelleFin { get; set; }
    /// <summary>The objectives' changes, one per line, « Objectif n : cible 500 → 600 ».</summary>
    public string? Objectifs { get; set; }
    public string EnregistrePar { get; set; } = "";
    public DateTime EnregistreLe { get; set; }
}

public sealed class ObjectifConventionConfiguration : IEntityTypeConfiguration<ObjectifConvention>
{
    public void Configure(EntityTypeBuilder<ObjectifConvention> b)
    {
        b.ToTable("ObjectifsConventions", t => t.HasCheckConstraint("CK_ObjectifsConventions_Cible", "\"Cible\" >= 0"));
        b.Property(o => o.Intitule).HasMaxLength(300);
        b.Property(o => o.Indicateur).HasMaxLength(40);
        b.Property(o => o.Unite).HasMaxLength(60);
        b.HasOne<Convention>().WithMany().HasForeignKey(o => o.ConventionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.ConventionId, o.Rang }).IsUnique();
    }
}

public sealed class AvenantConfiguration : IEntityTypeConfiguration<Avenant>
{
    public void Configure(EntityTypeBuilder<Avenant> b)
    {
        b.ToTable("Avenants", t =>
        {
            t.HasCheckConstraint("CK_Avenants_Numero", "\"Numero\" >= 1");
            t.HasCheckConstraint("CK_Avenants_Montant", "\"NouveauMontantAnnuelCentimes\" IS NULL OR \"NouveauMontantAnnuelCentimes\" >= 0");
        });
        b.Property(a => a.Objet).HasMaxLength(1000);
        b.Property(a => a.Objectifs).HasMaxLength(4000);
        b.Property(a => a.EnregistrePar).HasMaxLength(256);
        b.HasOne<Convention>().WithMany().HasForeignKey(a => a.ConventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Deliberations.Deliberation>().WithMany().HasForeignKey(a => a.DeliberationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ConventionId, a.Numero }).IsUnique();
    }
}

/// <summary>Amendments are written once, like the grants' ledger.</summary>
public sealed class AvenantsEnAjoutSeul() : EnAjoutSeul(e => e is Avenant, "Un avenant enregistré ne se modifie pas : un changement est un nouvel avenant.");
