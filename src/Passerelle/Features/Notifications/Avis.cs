using Passerelle.Data;

namespace Passerelle.Features.Notifications;

/// <summary>Puts messages in the outbox, in the caller's transaction. The outbox knows no feature: each feature builds its
/// message (<see cref="Messages.Rdv"/>, texts, calendar file) and hands it here with the recipient's contact;
/// <c>reservationId</c>/<c>inscriptionId</c> are plain correlation numbers.</summary>
public static class Avis
{
    public const string Confirmation = "confirmation", Rappel = "rappel", Annulation = "annulation", Promotion = "promotion";

    public sealed record Contact(string? Email, string? Telephone);

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

    /// <summary>A message that is not about an appointment (a reminder of a feature's deadline): subject and body given as they are, the SMS
    /// being the subject; dropped unsent after <paramref name="perime"/>.</summary>
    public static void PlanifierTexte(AppDbContext db, string type, Contact contact, string sujet, string corps, DateTime quand, DateTime? perime)
    {
        if (contact.Email is not null)
            db.Notifications.Add(new Notification { Type = type, Canal = CanalNotification.Email, Destinataire = contact.Email, Sujet = sujet, Corps = corps,
                PrevueLe = quand, PerimeLe = perime, CreeLe = quand });
        if (contact.Telephone is not null)
            db.Notifications.Add(new Notification { Type = type, Canal = CanalNotification.Sms, Destinataire = contact.Telephone, Sujet = sujet, Corps = sujet,
                PrevueLe = quand, PerimeLe = perime, CreeLe = quand });
    }
}
