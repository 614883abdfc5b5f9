using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>An organisation that funds the programme: a collectivité, the State (ANCT), a CAF, a département, a région,
/// the EU, a foundation (docs/standards/financement-local.md §2). Its SIRET (14 digits, checked as elsewhere) is the
/// <c>idAttribuant</c> of SCDL Subventions 2.1.1; a funder known only by its SIREN (9 digits) cannot be exported until
/// its SIRET is given.</summary>
public sealed class Financeur
{
    public int Id { get; set; }
    public string Nom { get; set; } = "";
    /// <summary>14 digits, no separators; null when unknown.</summary>
    public string? Siret { get; set; }
    /// <summary>9 digits, no separators; the first 9 of <see cref="Siret"/> when both are known.</summary>
    public string? Siren { get; set; }
    /// <summary><see cref="GenresFinanceur"/> code.</summary>
    public string Genre { get; set; } = GenresFinanceur.Collectivite;
    /// <summary>The same organisation in the directory, when it is there (a commune that also runs places).</summary>
    public int? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public bool Demo { get; set; }
}

/// <summary>Kinds of funder.</summary>
public static class GenresFinanceur
{
    public const string Collectivite = "collectivite", Etat = "etat", Caf = "caf", Departement = "departement",
        Region = "region", Ue = "ue", Fondation = "fondation", Autre = "autre";

    public static readonly (string Code, string Libelle)[] Tous =
    [
        (Collectivite, "Commune ou intercommunalité"), (Etat, "État (ANCT, préfecture…)"), (Caf, "Caisse d'allocations familiales"),
        (Departement, "Département"), (Region, "Région"), (Ue, "Union européenne"), (Fondation, "Fondation ou mécène"), (Autre, "Autre"),
    ];

    public static bool Existe(string? code) => Tous.Any(g => g.Code == code);
    public static string Libelle(string code) => Tous.FirstOrDefault(g => g.Code == code).Libelle ?? code;
}

/// <summary>A funder's budget line for one exercise (M57 imputation, docs/standards/financement-local.md §3): the
/// authority's own sub-policy code (<c>E111</c>, <c>B370</c>), chapter (<c>65</c>), nature (<c>65748</c>), function
/// (<c>52</c>). An envelope can be split into sub-envelopes (<see cref="ParentId"/>); amounts in cents.</summary>
public sealed class Enveloppe
{
    public int Id { get; set; }
    public int FinanceurId { get; set; }
    public Financeur? Financeur { get; set; }
    public int? ParentId { get; set; }
    public Enveloppe? Parent { get; set; }
    /// <summary>Budget year (exercice), e.g. 2023.</summary>
    public int Exercice { get; set; }
    public string Libelle { get; set; } = "";
    public string? SousPolitique { get; set; }
    public string? Chapitre { get; set; }
    public string? Nature { get; set; }
    public string? Fonction { get; set; }
    /// <summary>Amount planned on the line, in cents.</summary>
    public long MontantPrevuCentimes { get; set; }
}

public sealed class FinanceurConfiguration : IEntityTypeConfiguration<Financeur>
{
    public void Configure(EntityTypeBuilder<Financeur> b)
    {
        b.ToTable("Financeurs");
        b.Property(f => f.Nom).HasMaxLength(300);
        b.Property(f => f.Siret).HasMaxLength(14);
        b.Property(f => f.Siren).HasMaxLength(9);
        b.Property(f => f.Genre).HasMaxLength(20);
        b.HasIndex(f => f.Siret).IsUnique();
        b.HasOne(f => f.Structure).WithMany().HasForeignKey(f => f.StructureId).OnDelete(DeleteBehavior.Restrict);
        // A funder account belongs to one funder (decision 0026); declared here so that accounts do not depend on funding.
        b.HasMany<Passerelle.Features.Comptes.ProfilCompte>().WithOne().HasForeignKey(p => p.FinanceurId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class EnveloppeConfiguration : IEntityTypeConfiguration<Enveloppe>
{
    public void Configure(EntityTypeBuilder<Enveloppe> b)
    {
        b.ToTable("Enveloppes", t => t.HasCheckConstraint("CK_Enveloppes_Montant", "\"MontantPrevuCentimes\" >= 0"));
        b.Property(e => e.Libelle).HasMaxLength(300);
        b.Property(e => e.SousPolitique).HasMaxLength(20);
        b.Property(e => e.Chapitre).HasMaxLength(10);
        b.Property(e => e.Nature).HasMaxLength(10);
        b.Property(e => e.Fonction).HasMaxLength(10);
        b.HasOne(e => e.Financeur).WithMany().HasForeignKey(e => e.FinanceurId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Parent).WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.FinanceurId, e.Exercice });
    }
}
