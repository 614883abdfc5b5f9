using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Features.Accompagner.Ateliers;

/// <summary>A workshop of the catalogue; themes from the national activity vocabulary.</summary>
public sealed class Atelier
{
    public int Id { get; set; }
    public string Titre { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Themes of La Coop's list, joined with |.</summary>
    public string? Themes { get; set; }
    public string Niveau { get; set; } = "Débutant";
    public string? Public { get; set; }
    public string? MaterielNecessaire { get; set; }
    public int DureeMinutes { get; set; } = 120;
    public bool Archive { get; set; }

}

/// <summary>A dated session. <see cref="Inscrits"/> never exceeds <see cref="Capacite"/> (check constraint +
/// conditional UPDATE); people beyond it go to the waiting list.</summary>
public sealed class SessionAtelier
{
    public int Id { get; set; }
    public int AtelierId { get; set; }
    public Atelier? Atelier { get; set; }
    public int LieuId { get; set; }
    public Lieu? Lieu { get; set; }
    public int? ConventionId { get; set; }
    public DateTime Debut { get; set; }
    public DateTime Fin { get; set; }
    public int Capacite { get; set; }
    public int Inscrits { get; set; }
    public bool Annulee { get; set; }
    /// <summary>Why it was cancelled (the place closed…), shown on the registrations' link pages.</summary>
    public string? MotifAnnulation { get; set; }
    /// <summary>Sessions of one cycle share this key and are booked together.</summary>
    public string? Cycle { get; set; }
}

public enum StatutInscription { Inscrit, ListeAttente, Annulee, Honoree, Excusee, Absente }

public sealed class Inscription
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public SessionAtelier? Session { get; set; }
    public string Jeton { get; set; } = "";
    /// <summary>For a cycle: the token of the registration's first row, shared by the rows of every session.</summary>
    public string? Groupe { get; set; }
    public string Prenom { get; set; } = "";
    public string Nom { get; set; } = "";
    public string? Telephone { get; set; }
    public string? Email { get => _email; set { _email = value; EmailNormalise = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant(); } }
    string? _email;
    /// <summary>The e-mail in lower case: with the (already normalised) phone, what tells that one person holds one active seat (unique index).</summary>
    public string? EmailNormalise { get; private set; }
    public bool Consentement { get; set; }
    public StatutInscription Statut { get; set; }
    public DateTime CreeLe { get; set; }
    public DateTime? PromueLe { get; set; }
    public DateTime? AnnuleeLe { get; set; }
    public DateTime? AnonymiseeLe { get; set; }
}

public sealed class AtelierConfiguration : IEntityTypeConfiguration<Atelier>
{
    public void Configure(EntityTypeBuilder<Atelier> b)
    {
        b.Property(a => a.Titre).HasMaxLength(200);
        b.Property(a => a.Niveau).HasMaxLength(20);
        b.Property(a => a.Public).HasMaxLength(200);
        b.Property(a => a.MaterielNecessaire).HasMaxLength(500);
    }
}

public sealed class SessionAtelierConfiguration : IEntityTypeConfiguration<SessionAtelier>
{
    public void Configure(EntityTypeBuilder<SessionAtelier> b)
    {
        b.HasIndex(s => s.Debut);
        b.HasIndex(s => s.ConventionId);
        b.HasIndex(s => s.Cycle);
        b.Property(s => s.Cycle).HasMaxLength(40);
        b.Property(s => s.MotifAnnulation).HasMaxLength(300);
        b.HasOne(s => s.Atelier).WithMany().HasForeignKey(s => s.AtelierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Lieu).WithMany().HasForeignKey(s => s.LieuId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_SessionsAteliers_Places", "\"Inscrits\" >= 0 AND \"Inscrits\" <= \"Capacite\""));
    }
}

public sealed class InscriptionConfiguration : IEntityTypeConfiguration<Inscription>
{
    public void Configure(EntityTypeBuilder<Inscription> b)
    {
        b.HasIndex(i => i.Jeton).IsUnique();
        b.HasIndex(i => new { i.SessionId, i.Statut, i.CreeLe });
        b.Property(i => i.Jeton).HasMaxLength(64);
        b.Property(i => i.Groupe).HasMaxLength(64);
        b.HasIndex(i => i.Groupe);
        b.Property(i => i.Prenom).HasMaxLength(100);
        b.Property(i => i.Nom).HasMaxLength(100);
        b.Property(i => i.Telephone).HasMaxLength(20);
        b.Property(i => i.Email).HasMaxLength(200);
        b.Property(i => i.EmailNormalise).HasMaxLength(200);
        b.Property(i => i.Statut).HasConversion<string>().HasMaxLength(20);
        // One person, one active registration per session, whatever the number of requests at once.
        b.HasIndex(i => new { i.SessionId, i.EmailNormalise }).IsUnique().HasDatabaseName("IX_Inscriptions_Personne_Email")
            .HasFilter("\"EmailNormalise\" IS NOT NULL AND \"Statut\" IN ('Inscrit', 'ListeAttente')");
        b.HasIndex(i => new { i.SessionId, i.Telephone }).IsUnique().HasDatabaseName("IX_Inscriptions_Personne_Telephone")
            .HasFilter("\"Telephone\" IS NOT NULL AND \"Statut\" IN ('Inscrit', 'ListeAttente')");
        b.HasOne(i => i.Session).WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}
