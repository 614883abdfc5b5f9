using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Equiper.Dons;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary>One donated device, from its lot to its outcome. Its state moves only along <see cref="Etats"/> (use case
/// <see cref="ChangerEtat"/>, one conditional UPDATE on <see cref="Etat"/> and <see cref="Version"/>), each move leaving an
/// <see cref="EvenementAppareil"/>.</summary>
public sealed class Appareil
{
    public int Id { get; set; }
    public int LotId { get; set; }
    public Lot? Lot { get; set; }
    /// <summary>Provenance copied from the donor's offer at intake (<see cref="Origines"/>): the price cap and the receipt depend on it.</summary>
    public string Origine { get; set; } = Origines.Entreprise;
    /// <summary><see cref="Materiel"/> code.</summary>
    public string Type { get; set; } = "";
    public string Marque { get; set; } = "";
    public string Modele { get; set; } = "";
    /// <summary>Manufacturer's serial number, unique when given.</summary>
    public string? NumeroSerie { get; set; }
    public string? Processeur { get; set; }
    public int? MemoireGo { get; set; }
    /// <summary>Condition seen at intake (free text: scratches, missing charger…).</summary>
    public string? EtatGeneral { get; set; }
    /// <summary><see cref="Etats"/> code.</summary>
    public string Etat { get; set; } = Etats.Recu;
    /// <summary>Incremented by every change of state: two people acting on the same device, only the first one wins.</summary>
    public int Version { get; set; }
    /// <summary>Appearance grade A (like new) to D (marked), set at grading.</summary>
    public string? Grade { get; set; }
    /// <summary>Battery health in percent of the design capacity, when the device has one.</summary>
    public int? SanteBatterie { get; set; }
    public DateTime CreeLe { get; set; }
    public int? SortieDeeeId { get; set; }
    /// <summary>While <see cref="Etat"/> is <c>reserve</c>: until when (UTC) and for whom the device is held; past that instant the
    /// reservation has expired and the device goes back to stock (<c>Ventes.Reserver</c>).</summary>
    public DateTime? ReserveJusquAu { get; set; }
    public string? ReservePour { get; set; }
    public List<SupportStockage> Supports { get; set; } = [];
    public List<TestFonctionnel> Tests { get; set; } = [];

    /// <summary>The asset tag printed on the label and read back by the scan: "EQ-" and the id on 6 digits.</summary>
    public string Etiquette => EtiquetteDe(Id);
    public static string EtiquetteDe(int id) => $"EQ-{id:D6}";

    public static int? IdDeEtiquette(string? code) =>
        code?.Trim().ToUpperInvariant() is { } c && c.StartsWith("EQ-") && int.TryParse(c[3..], System.Globalization.NumberStyles.None, null, out var id) ? id : null;

    /// <summary>Every storage medium has a successful erasure or a destruction record (the device may leave the workshop).</summary>
    public bool SupportsTraites => Supports.All(s => s.Effacements.Any(e => e.Resultat == Effacement.Reussi));
}

/// <summary>A storage medium inside a device (a laptop with two SSDs has two): erasure proof is per medium (NIST SP 800-88).</summary>
public sealed class SupportStockage
{
    public static readonly (string Code, string Libelle)[] Types = [("hdd", "Disque dur"), ("ssd", "SSD SATA"), ("nvme", "SSD NVMe"), ("emmc", "Mémoire eMMC"), ("autre", "Autre")];

    public int Id { get; set; }
    public int AppareilId { get; set; }
    public string Type { get; set; } = "";
    public string? NumeroSerie { get; set; }
    public int CapaciteGo { get; set; }
    public List<Effacement> Effacements { get; set; } = [];
}

/// <summary>One full functional test of a device (décret 2022-190: « reconditionné » requires tests of all its functions).</summary>
public sealed class TestFonctionnel
{
    public int Id { get; set; }
    public int AppareilId { get; set; }
    public DateTime Le { get; set; }
    public string Operateur { get; set; } = "";
    /// <summary>Checklist points that failed, comma-separated codes (empty: every function works).</summary>
    public string Echecs { get; set; } = "";
    public bool Reussi { get; set; }
    public string? Note { get; set; }
}

/// <summary>One line of the history, never changed nor deleted (<see cref="HistoriqueEnAjoutSeul"/>).</summary>
public sealed class EvenementAppareil
{
    public long Id { get; set; }
    public int AppareilId { get; set; }
    public string? De { get; set; }
    public string Vers { get; set; } = "";
    public DateTime Le { get; set; }
    public string Auteur { get; set; } = "";
    /// <summary>Where it happened: the work site of the device's lot at that moment (<see cref="Lot.Site"/>); null when the lot has none.</summary>
    public string? Site { get; set; }
    public string? Note { get; set; }
}

public sealed class AppareilConfiguration : IEntityTypeConfiguration<Appareil>, IEntityTypeConfiguration<SupportStockage>,
    IEntityTypeConfiguration<TestFonctionnel>, IEntityTypeConfiguration<EvenementAppareil>
{
    public void Configure(EntityTypeBuilder<Appareil> b)
    {
        b.ToTable("Appareils", t => t.HasCheckConstraint("CK_Appareils_Grade", "\"Grade\" IS NULL OR \"Grade\" IN ('A','B','C','D')"));
        b.HasIndex(a => a.NumeroSerie).IsUnique();
        b.HasIndex(a => new { a.Etat, a.Type });
        b.HasIndex(a => a.LotId);
        foreach (var p in new[] { "Origine", "Type", "Etat" }) b.Property(p).HasMaxLength(20);
        b.Property(a => a.Marque).HasMaxLength(100);
        b.Property(a => a.Modele).HasMaxLength(200);
        b.Property(a => a.NumeroSerie).HasMaxLength(100);
        b.Property(a => a.Processeur).HasMaxLength(200);
        b.Property(a => a.EtatGeneral).HasMaxLength(1000);
        b.Property(a => a.Grade).HasMaxLength(1);
        b.Property(a => a.ReservePour).HasMaxLength(200);
        b.HasOne(a => a.Lot).WithMany().HasForeignKey(a => a.LotId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Supports).WithOne().HasForeignKey(s => s.AppareilId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Tests).WithOne().HasForeignKey(s => s.AppareilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SortieDeee>().WithMany().HasForeignKey(a => a.SortieDeeeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.Etiquette);
        b.Ignore(a => a.SupportsTraites);
    }

    public void Configure(EntityTypeBuilder<SupportStockage> b)
    {
        b.ToTable("SupportsStockage");
        b.Property(s => s.Type).HasMaxLength(20);
        b.Property(s => s.NumeroSerie).HasMaxLength(100);
        b.HasMany(s => s.Effacements).WithOne().HasForeignKey(e => e.SupportId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TestFonctionnel> b)
    {
        b.ToTable("TestsFonctionnels");
        b.Property(t => t.Operateur).HasMaxLength(200);
        b.Property(t => t.Echecs).HasMaxLength(500);
        b.Property(t => t.Note).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<EvenementAppareil> b)
    {
        b.ToTable("EvenementsAppareils");
        b.HasIndex(e => new { e.AppareilId, e.Id });
        // The dashboard counts the devices entering each counted state in a period: led by the state, one short range per state, covering
        // (bench `equipement`, docs/performance.md: led by the date, it read the whole period's history, ten times the rows counted).
        b.HasIndex(e => new { e.Vers, e.Le, e.AppareilId });
        b.Property(e => e.De).HasMaxLength(20);
        b.Property(e => e.Vers).HasMaxLength(20);
        b.Property(e => e.Auteur).HasMaxLength(200);
        b.Property(e => e.Site).HasMaxLength(200);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.HasOne<Appareil>().WithMany().HasForeignKey(e => e.AppareilId).OnDelete(DeleteBehavior.Restrict);
    }
}
