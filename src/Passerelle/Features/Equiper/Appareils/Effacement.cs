using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary>The erasure (or destruction) record of one storage medium: the minimum record of
/// docs/standards/equipement-reemploi.md §2 (NIST SP 800-88 r1 Appendix G certificate; level Destroy = destruction record).</summary>
public sealed class Effacement
{
    public const string Reussi = "reussi", Echec = "echec";
    /// <summary>NIST SP 800-88 levels.</summary>
    public static readonly (string Code, string Libelle)[] Niveaux = [("clear", "Clear (réécriture logique)"), ("purge", "Purge (effacement sécurisé du micrologiciel, cryptographique)"), ("destroy", "Destroy (destruction physique)")];
    public static readonly (string Code, string Libelle)[] Verifications = [("aucune", "Aucune"), ("echantillon", "Par échantillon"), ("complete", "Complète")];
    /// <summary>Hidden areas (HPA/DCO) as nwipe reports them.</summary>
    public static readonly (string Code, string Libelle)[] ZonesCachees = [("absentes", "Aucune zone cachée"), ("retirees", "Zones cachées retirées"), ("presentes", "Zones cachées présentes"), ("inconnu", "Non vérifié"),
        ("sans_objet", "Sans objet (NVMe, SAS, disque virtuel)")];

    public int Id { get; set; }
    public int SupportId { get; set; }
    public string Niveau { get; set; } = "clear";
    /// <summary>Method and standard, e.g. "Zero fill", "DoD 5220.22-M short", "shredding".</summary>
    public string Methode { get; set; } = "";
    public string Outil { get; set; } = "";
    public string? VersionOutil { get; set; }
    public int Passes { get; set; }
    public string Verification { get; set; } = "aucune";
    public string ZonesCacheesStatut { get; set; } = "inconnu";
    public DateTime Debut { get; set; }
    public DateTime Fin { get; set; }
    public string Operateur { get; set; } = "";
    public string? Site { get; set; }
    public string Resultat { get; set; } = Reussi;
    /// <summary>What limits the proof although the tool says erased (hidden-area status unknown, I/O retries, the tool's warning), or null.</summary>
    public string? Reserve { get; set; }
    /// <summary>The imported certificate file (nwipe log or PDF, a commercial tool's signed report), kept as received, and its SHA-256 (hex).</summary>
    public string? CertificatNom { get; set; }
    public byte[]? Certificat { get; set; }
    public string? CertificatSha256 { get; set; }
    public DateTime EnregistreLe { get; set; }
}

/// <summary>One entry of the chronological waste register (décret n° 2021-321, arrêté du 31 mai 2021): an outgoing WEEE lot
/// handed to an authorised collector. Its devices point to it (<see cref="Appareil.SortieDeeeId"/>).</summary>
public sealed class SortieDeee
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>European waste list code, e.g. "16 02 14" (professional equipment) or "20 01 36" (household-type).</summary>
    public string CodeDechet { get; set; } = "";
    public string Description { get; set; } = "";
    public int PoidsKg { get; set; }
    public string Transporteur { get; set; } = "";
    /// <summary>The authorised treatment operator receiving the lot.</summary>
    public string Destinataire { get; set; } = "";
    /// <summary>Treatment code (R/D code of the waste framework directive, e.g. "R4").</summary>
    public string CodeTraitement { get; set; } = "";
    public string? NumeroBordereau { get; set; }
    public string? IdentifiantTrackdechets { get; set; }
    public string EnregistrePar { get; set; } = "";
}

public sealed class EffacementConfiguration : IEntityTypeConfiguration<Effacement>, IEntityTypeConfiguration<SortieDeee>
{
    public void Configure(EntityTypeBuilder<Effacement> b)
    {
        b.ToTable("Effacements", t => t.HasCheckConstraint("CK_Effacements_Periode", "\"Fin\" >= \"Debut\""));
        foreach (var p in new[] { "Niveau", "Verification", "ZonesCacheesStatut", "Resultat" }) b.Property(p).HasMaxLength(20);
        b.Property(e => e.Methode).HasMaxLength(200);
        b.Property(e => e.Outil).HasMaxLength(100);
        b.Property(e => e.VersionOutil).HasMaxLength(50);
        b.Property(e => e.Operateur).HasMaxLength(200);
        b.Property(e => e.Site).HasMaxLength(200);
        b.Property(e => e.CertificatNom).HasMaxLength(255);
        b.Property(e => e.CertificatSha256).HasMaxLength(64);
        b.Property(e => e.Reserve).HasMaxLength(300);
        // The same certificate file is imported once per medium (a log covering several drives serves each of them once).
        b.HasIndex(e => new { e.SupportId, e.CertificatSha256 }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SortieDeee> b)
    {
        b.ToTable("SortiesDeee");
        b.Property(s => s.CodeDechet).HasMaxLength(20);
        b.Property(s => s.Description).HasMaxLength(500);
        b.Property(s => s.Transporteur).HasMaxLength(200);
        b.Property(s => s.Destinataire).HasMaxLength(200);
        b.Property(s => s.CodeTraitement).HasMaxLength(10);
        b.Property(s => s.NumeroBordereau).HasMaxLength(100);
        b.Property(s => s.IdentifiantTrackdechets).HasMaxLength(100);
        b.Property(s => s.EnregistrePar).HasMaxLength(200);
    }
}
