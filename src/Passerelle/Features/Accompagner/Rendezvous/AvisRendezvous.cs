using Passerelle.Data;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>The messages about a booking, built here from the slot and the booking and handed to the outbox
/// (<see cref="Avis.Planifier"/>) as neutral texts: the outbox knows no booking.</summary>
public static class AvisRendezvous
{
    /// <summary>What a message says of the appointment: title, UTC times, place and its time zone, papers to bring, the link page.</summary>
    public static Messages.Rdv Rdv(Creneau c, string jeton, NotificationsOptions o) => new(
        c.Motif!.Nom, c.Debut, c.Fin, c.Lieu!.Nom, $"{c.Lieu.Adresse}, {c.Lieu.CodePostal} {c.Lieu.Commune}", c.Lieu.FuseauHoraire,
        c.Motif.DocumentsAApporter, $"{o.UrlPublique.TrimEnd('/')}/mon-rendez-vous/{jeton}");

    /// <summary>Confirmation now (with the calendar file) and a reminder <see cref="NotificationsOptions.RappelHeuresAvant"/> hours before, if still ahead.</summary>
    public static void PlanifierReservation(AppDbContext db, Reservation r, Creneau c, NotificationsOptions o, DateTime maintenant)
    {
        var rdv = Rdv(c, r.Jeton, o);
        var contact = new Avis.Contact(r.Email, r.Telephone);
        var ics = Calendriers.Rendezvous(new(Uid(r), rdv, r.Sequence), maintenant);
        Avis.Planifier(db, Avis.Confirmation, contact, rdv, Messages.Confirmation, maintenant, null, reservationId: r.Id, ics: ics);
        var rappel = c.Debut.AddHours(-o.RappelHeuresAvant);
        if (rappel > maintenant) Avis.Planifier(db, Avis.Rappel, contact, rdv, Messages.Rappel, rappel, c.Debut, reservationId: r.Id);
    }

    /// <summary>One UID per booking for its whole life: the calendar app updates or removes the event it already holds.</summary>
    public static string Uid(Reservation r) => $"reservation-{r.Id}@passerelle";

    /// <summary>Tells the person their booking is cancelled, with the calendar file that removes it (METHOD:CANCEL, higher SEQUENCE).</summary>
    public static void PlanifierAnnulation(AppDbContext db, Reservation r, Creneau c, NotificationsOptions o, DateTime maintenant, string? motif = null)
    {
        var rdv = Rdv(c, r.Jeton, o);
        var ics = Calendriers.Rendezvous(new(Uid(r), rdv, r.Sequence, Annule: true), maintenant);
        Avis.Planifier(db, Avis.Annulation, new Avis.Contact(r.Email, r.Telephone), rdv, motif is null ? Messages.Annulation : Messages.AnnulationParEquipe(motif), maintenant, null,
            reservationId: r.Id, ics: ics);
    }
}
