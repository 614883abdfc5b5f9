using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Notifications;

public enum CanalNotification { Email, Sms }
public enum EtatNotification { EnAttente, Envoyee, Abandonnee }

/// <summary>A message in the durable outbox: written in the same transaction as what it announces,
/// sent later by <see cref="EnvoiNotificationsJob"/>; a mail-server outage only delays it.</summary>
public sealed class Notification
{
    public int Id { get; set; }
    public string Type { get; set; } = "";
    public CanalNotification Canal { get; set; }
    public string Destinataire { get; set; } = "";
    public string Sujet { get; set; } = "";
    public string Corps { get; set; } = "";
    public string? Ics { get; set; }
    public DateTime PrevueLe { get; set; }
    /// <summary>For reminders: never sent once the appointment has started.</summary>
    public DateTime? PerimeLe { get; set; }
    public EtatNotification Etat { get; set; }
    public DateTime? EnvoyeeLe { get; set; }
    public int Tentatives { get; set; }
    public DateTime? ProchaineTentative { get; set; }
    /// <summary>Claim taken by a sender (with its time) so that two senders never send the same message.</summary>
    public Guid? Jeton { get; set; }
    public DateTime? PriseLe { get; set; }
    public string? DerniereErreur { get; set; }
    public int? ReservationId { get; set; }
    public int? InscriptionId { get; set; }
    public DateTime CreeLe { get; set; }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasIndex(n => new { n.Etat, n.PrevueLe });
        b.HasIndex(n => n.ReservationId);
        b.HasIndex(n => n.InscriptionId);
        b.Property(n => n.Type).HasMaxLength(40);
        b.Property(n => n.Destinataire).HasMaxLength(200);
        b.Property(n => n.Sujet).HasMaxLength(300);
        b.Property(n => n.Canal).HasConversion<string>().HasMaxLength(10);
        b.Property(n => n.Etat).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.DerniereErreur).HasMaxLength(1000);
    }
}
