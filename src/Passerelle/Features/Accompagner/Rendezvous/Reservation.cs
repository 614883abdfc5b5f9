using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Accompagner.Permanences;

namespace Passerelle.Features.Accompagner.Rendezvous;

public enum StatutReservation { Confirmee, Annulee, Honoree, Excusee, Absente }

public sealed class Reservation
{
    public int Id { get; set; }
    public int CreneauId { get; set; }
    public Creneau? Creneau { get; set; }
    /// <summary>The secret of the link sent to the person: view, cancel, move. Never shown elsewhere.</summary>
    public string Jeton { get; set; } = "";
    public string Prenom { get; set; } = "";
    public string Nom { get; set; } = "";
    public string? Telephone { get; set; }
    public string? Email { get => _email; set { _email = value; EmailNormalise = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant(); } }
    string? _email;
    /// <summary>The e-mail in lower case: with the (already normalised) phone, what tells that one person holds one active seat (unique index).</summary>
    public string? EmailNormalise { get; private set; }
    public string? Objet { get; set; }
    public bool Consentement { get; set; }
    public string? TiersNom { get; set; }
    public string? TiersContact { get; set; }
    public string? ReserveParUtilisateurId { get; set; }
    public StatutReservation Statut { get; set; }
    public DateTime CreeLe { get; set; }
    public DateTime? AnnuleeLe { get; set; }
    public DateTime? AnonymiseeLe { get; set; }
    /// <summary>Why the team cancelled it (closure, absence), shown on the person's link page.</summary>
    public string? MotifAnnulation { get; set; }
    /// <summary>RFC 5545 SEQUENCE of its calendar file: raised by each move and by the cancellation.</summary>
    public int Sequence { get; set; }
}

public sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> b)
    {
        b.HasIndex(r => r.Jeton).IsUnique();
        b.HasIndex(r => new { r.CreneauId, r.Statut });
        b.Property(r => r.Jeton).HasMaxLength(64);
        b.Property(r => r.Prenom).HasMaxLength(100);
        b.Property(r => r.Nom).HasMaxLength(100);
        b.Property(r => r.Telephone).HasMaxLength(20);
        b.Property(r => r.Email).HasMaxLength(200);
        b.Property(r => r.EmailNormalise).HasMaxLength(200);
        b.Property(r => r.Objet).HasMaxLength(500);
        // One person, one active booking per slot, whatever the number of requests at once.
        b.HasIndex(r => new { r.CreneauId, r.EmailNormalise }).IsUnique().HasDatabaseName("IX_Reservations_Personne_Email")
            .HasFilter("\"EmailNormalise\" IS NOT NULL AND \"Statut\" = 'Confirmee'");
        b.HasIndex(r => new { r.CreneauId, r.Telephone }).IsUnique().HasDatabaseName("IX_Reservations_Personne_Telephone")
            .HasFilter("\"Telephone\" IS NOT NULL AND \"Statut\" = 'Confirmee'");
        b.Property(r => r.TiersNom).HasMaxLength(200);
        b.Property(r => r.TiersContact).HasMaxLength(200);
        b.Property(r => r.MotifAnnulation).HasMaxLength(300);
        b.Property(r => r.Statut).HasConversion<string>().HasMaxLength(20);
        b.HasOne(r => r.Creneau).WithMany().HasForeignKey(r => r.CreneauId).OnDelete(DeleteBehavior.Restrict);
    }
}
