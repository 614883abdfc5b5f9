using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Dons;

/// <summary>An offer of equipment made through the single window (guichet unique), followed by its donor with a secret link.
/// Status: <c>proposee</c> → <c>acceptee</c> | <c>refusee</c>; <c>acceptee</c> → <c>planifiee</c> (pickup date) → <c>recue</c> (its <see cref="Lot"/>).</summary>
public sealed class OffreDon
{
    public const string Proposee = "proposee", Acceptee = "acceptee", Refusee = "refusee", Planifiee = "planifiee", Recue = "recue";

    public int Id { get; set; }
    /// <summary>The donor's follow-up link key (<see cref="Jetons.Nouveau"/>).</summary>
    public string Jeton { get; set; } = "";
    /// <summary><see cref="Origines"/> code.</summary>
    public string Origine { get; set; } = Origines.Entreprise;
    public string Organisation { get; set; } = "";
    /// <summary>14 digits, checked with <c>Identifiants.SiretValide</c>; required unless the donor is a private person.</summary>
    public string? Siret { get; set; }
    public string ContactNom { get; set; } = "";
    public string Courriel { get; set; } = "";
    public string? Telephone { get; set; }
    public string AdresseEnlevement { get; set; } = "";
    public string Disponibilites { get; set; } = "";
    /// <summary>Average age of the equipment, in years.</summary>
    public int AgeAnnees { get; set; }
    /// <summary>Whether the hard disks are still inside (then the erasure proof concerns the donor).</summary>
    public bool DisquesPresents { get; set; }
    /// <summary>A public body's decision to give (deliberation, decision number): required by CG3P L.3212-2 gifts.</summary>
    public string? ReferenceDecision { get; set; }
    public string Statut { get; set; } = Proposee;
    public string? MotifRefus { get; set; }
    public DateTime? EnlevementLe { get; set; }
    public DateTime CreeLe { get; set; }
    public List<LigneOffre> Lignes { get; set; } = [];
    public Lot? Lot { get; set; }

    public int Quantite => Lignes.Sum(l => l.Quantite);

    public static string LibelleStatut(string s) => s switch
    {
        Proposee => "En attente d'examen", Acceptee => "Acceptée", Refusee => "Refusée", Planifiee => "Enlèvement prévu", Recue => "Matériel reçu", _ => s,
    };

    public void Qualifier(bool accepter, string? motif)
    {
        if (Statut != Proposee) throw new RegleMetierException("Cette offre a déjà été examinée.", "Statut");
        if (!accepter && string.IsNullOrWhiteSpace(motif)) throw new RegleMetierException("Indiquez le motif du refus : il est communiqué au donateur.", "MotifRefus");
        Statut = accepter ? Acceptee : Refusee;
        MotifRefus = accepter ? null : motif!.Trim();
    }

    public void PlanifierEnlevement(DateTime le)
    {
        if (Statut is not (Acceptee or Planifiee)) throw new RegleMetierException("Seule une offre acceptée peut recevoir une date d'enlèvement.", "EnlevementLe");
        Statut = Planifiee;
        EnlevementLe = le;
    }
}

/// <summary>One line of an offer: a kind of equipment (<see cref="Materiel"/> code) and how many.</summary>
public sealed class LigneOffre
{
    public int Id { get; set; }
    public int OffreDonId { get; set; }
    public string Type { get; set; } = "";
    public int Quantite { get; set; }
}

/// <summary>What actually arrived at the workshop for an offer: counted and weighed (the reuse fund pays per tonne).</summary>
public sealed class Lot
{
    public int Id { get; set; }
    public int OffreDonId { get; set; }
    public OffreDon? Offre { get; set; }
    public DateTime RecuLe { get; set; }
    public int NombreAppareils { get; set; }
    public int PoidsKg { get; set; }
    public string RecuPar { get; set; } = "";
    /// <summary>The work site (atelier) that received the lot, free text as in the insertion hours and the erasure records (up to
    /// 200 characters); the lot's devices are handled there, and each history line records it. Null: received before sites were recorded.</summary>
    public string? Site { get; set; }
}

public sealed class OffreDonConfiguration : IEntityTypeConfiguration<OffreDon>, IEntityTypeConfiguration<LigneOffre>, IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<OffreDon> b)
    {
        b.ToTable("OffresDons");
        b.HasIndex(o => o.Jeton).IsUnique();
        b.HasIndex(o => o.Statut);
        b.Property(o => o.Jeton).HasMaxLength(40);
        b.Property(o => o.Origine).HasMaxLength(20);
        b.Property(o => o.Organisation).HasMaxLength(200);
        b.Property(o => o.Siret).HasMaxLength(14);
        b.Property(o => o.ContactNom).HasMaxLength(200);
        b.Property(o => o.Courriel).HasMaxLength(200);
        b.Property(o => o.Telephone).HasMaxLength(30);
        b.Property(o => o.AdresseEnlevement).HasMaxLength(500);
        b.Property(o => o.Disponibilites).HasMaxLength(500);
        b.Property(o => o.ReferenceDecision).HasMaxLength(200);
        b.Property(o => o.Statut).HasMaxLength(20);
        b.Property(o => o.MotifRefus).HasMaxLength(500);
        b.HasMany(o => o.Lignes).WithOne().HasForeignKey(l => l.OffreDonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(o => o.Lot).WithOne(l => l.Offre).HasForeignKey<Lot>(l => l.OffreDonId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LigneOffre> b)
    {
        b.ToTable("LignesOffres");
        b.Property(l => l.Type).HasMaxLength(20);
        b.ToTable(t => t.HasCheckConstraint("CK_LignesOffres_Quantite", "\"Quantite\" > 0"));
    }

    public void Configure(EntityTypeBuilder<Lot> b)
    {
        b.ToTable("Lots");
        b.HasIndex(l => l.OffreDonId).IsUnique();
        b.Property(l => l.RecuPar).HasMaxLength(200);
        b.Property(l => l.Site).HasMaxLength(200);
    }
}
