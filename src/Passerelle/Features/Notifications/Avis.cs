using Passerelle.Data;
using Passerelle.Features.Rendezvous;

namespace Passerelle.Features.Notifications;

/// <summary>Puts messages in the outbox, in the caller's transaction.</summary>
public static class Avis
{
    public const string Confirmation = "confirmation", Rappel = "rappel", Annulation = "annulation", Promotion = "promotion";

    public sealed record Contact(string? Email, string? Telephone);

    public static Messages.Rdv Rdv(Creneau c, string jeton, NotificationsOptions o) => new(
        c.Motif!.Nom, c.Debut, c.Fin, c.Lieu!.Nom, $"{c.Lieu.Adresse}, {c.Lieu.CodePostal} {c.Lieu.Commune}", c.Lieu.FuseauHoraire,
        c.Motif.DocumentsAApporter, $"{o.UrlPublique.TrimEnd('/')}/mon-rendez-vous/{jeton}");

    public static void PlanifierReservation(AppDbContext db, Reservation r, Creneau c, NotificationsOptions o, DateTime maintenant)
    {
        var rdv = Rdv(c, r.Jeton, o);
        var contact = new Contact(r.Email, r.Telephone);
        var ics = Calendriers.Rendezvous(new(Uid(r), rdv, r.Sequence), maintenant);
        Planifier(db, Confirmation, contact, rdv, Messages.Confirmation, maintenant, null, reservationId: r.Id, ics: ics);
        var rappel = c.Debut.AddHours(-o.RappelHeuresAvant);
        if (rappel > maintenant) Planifier(db, Rappel, contact, rdv, Messages.Rappel, rappel, c.Debut, reservationId: r.Id);
    }

    /// <summary>One UID per booking for its whole life: the calendar app updates or removes the event it already holds.</summary>
    public static string Uid(Reservation r) => $"reservation-{r.Id}@passerelle";

    /// <summary>Tells the person their booking is cancelled, with the calendar file that removes it (METHOD:CANCEL, higher SEQUENCE).</summary>
    public static void PlanifierAnnulation(AppDbContext db, Reservation r, Creneau c, NotificationsOptions o, DateTime maintenant, string? motif = null)
    {
        var rdv = Rdv(c, r.Jeton, o);
        var ics = Calendriers.Rendezvous(new(Uid(r), rdv, r.Sequence, Annule: true), maintenant);
        Planifier(db, Annulation, new Contact(r.Email, r.Telephone), rdv, motif is null ? Messages.Annulation : Messages.AnnulationParEquipe(motif), maintenant, null,
            reservationId: r.Id, ics: ics);
    }

    public static void Planifier(AppDbContext db, string type, Reservation r, Messages.Rdv rdv, Func<Messages.Rdv, (string, string)> texte,
        DateTime quand, DateTime? perime, int? reservationId = null) =>
        Planifier(db, type, new Contact(r.Email, r.Telephone), rdv, texte, quand, perime, reservationId);

    public static void Planifier(AppDbContext db, string type, Contact contact, Messages.Rdv rdv, Func<Messages.Rdv, (string, string)> texte,
        DateTime quand, DateTime? perime, int? reservationId = null, int? inscriptionId = null, string? ics = null)
    {
        var (sujet, corps) = texte(rdv);
        // Every message about an appointment is worthless once it has started: the sender drops it rather than send it late.
        perime ??= rdv.DebutUtc;
        if (contact.Email is not null)
            db.Notifications.Add(new Notification { Type = type, Canal = CanalNotification.Email, Destinataire = contact.Email, Sujet = sujet, Corps = corps, Ics = ics,
                PrevueLe = quand, PerimeLe = perime, ReservationId = reservationId, InscriptionId = inscriptionId, CreeLe = quand });
        if (contact.Telephone is not null)
            db.Notifications.Add(new Notification { Type = type, Canal = CanalNotification.Sms, Destinataire = contact.Telephone, Sujet = sujet, Corps = Messages.Sms(sujet, rdv),
                PrevueLe = quand, PerimeLe = perime, ReservationId = reservationId, InscriptionId = inscriptionId, CreeLe = quand });
    }
}
