using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Former.Parcours;

/// <summary>Reminders of a pathway through the durable outbox (<see cref="Notification"/>, sent by the notifications job like the
/// appointments' reminders; issue 14 §3: « next step with a due date and a reminder »). A journal entry's next step with a due date queues
/// one e-mail to its author, in the same unit of work as the entry: the day before the due date at 8:00 (Europe/Paris), or at once when
/// that moment has passed; void (never sent) after the due day. The message names no learner: it gives the step and the link to the
/// pathway, which the recipient opens with their own account.</summary>
public static class RappelsParcours
{
    public const string TypeEtape = "parcours-etape";

    /// <summary>Adds the reminder to <paramref name="db"/> (saved by the caller). Nothing when the due day is past or the author has no e-mail.</summary>
    public static void ProgrammerEtape(AppDbContext db, int inscriptionId, string? destinataire, string etape, DateOnly echeance, TimeProvider horloge)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(destinataire) || !destinataire.Contains('@') || echeance < Territoire.AujourdHui(horloge)) return;
        var zone = Territoire.Zone(null);
        var veille = TimeZoneInfo.ConvertTimeToUtc(echeance.AddDays(-1).ToDateTime(new TimeOnly(8, 0)), zone);
        var fin = TimeZoneInfo.ConvertTimeToUtc(echeance.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var jour = Web.DatesEnLettres.Jour(echeance);
        db.Notifications.Add(new Notification
        {
            Type = TypeEtape, Canal = CanalNotification.Email, Destinataire = destinataire, Sujet = $"Rappel : prochaine étape d'un parcours le {jour}",
            Corps = $"Bonjour,\n\nVous avez prévu cette étape pour le {jour} dans le parcours d'un·e apprenant·e que vous suivez :\n« {etape} »\n\n"
                + $"Pour ouvrir le parcours : /parcours/inscriptions/{inscriptionId}\n",
            PrevueLe = veille > maintenant ? veille : maintenant, PerimeLe = fin, CreeLe = maintenant,
        });
    }
}
