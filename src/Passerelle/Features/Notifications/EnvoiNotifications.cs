using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Notifications;

/// <summary>Sends what is due in the outbox. A sender first claims messages with a conditional UPDATE, so two
/// instances never send the same one; a failure reschedules with exponential backoff; a message (confirmation,
/// reminder, cancellation) whose appointment has started is dropped, never sent late.</summary>
public static class EnvoiNotifications
{
    public const int TentativesMax = 10;

    public static async Task<int> TraiterAsync(AppDbContext db, IEnvoiEmail email, IEnvoiSms sms, TimeProvider horloge, ILogger log, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var perimees = maintenant;
        await db.Notifications.Where(n => n.Etat == EtatNotification.EnAttente && n.PerimeLe != null && n.PerimeLe <= perimees)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Etat, EtatNotification.Abandonnee).SetProperty(n => n.DerniereErreur, "Rendez-vous commencé : message non envoyé."), ct);

        var jeton = Guid.NewGuid();
        var abandon = maintenant.AddMinutes(-5);
        var dues = await db.Notifications
            .Where(n => n.Etat == EtatNotification.EnAttente && n.PrevueLe <= maintenant && (n.ProchaineTentative == null || n.ProchaineTentative <= maintenant)
                && (n.Jeton == null || n.PriseLe < abandon))
            .OrderBy(n => n.PrevueLe).Select(n => n.Id).Take(50).ToListAsync(ct);
        if (dues.Count == 0) return 0;
        await db.Notifications.Where(n => dues.Contains(n.Id) && n.Etat == EtatNotification.EnAttente && (n.Jeton == null || n.PriseLe < abandon))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Jeton, jeton).SetProperty(n => n.PriseLe, maintenant), ct);
        var prises = await db.Notifications.Where(n => n.Jeton == jeton).ToListAsync(ct);
        var envoyees = 0;
        foreach (var n in prises)
        {
            try
            {
                if (n.Canal == CanalNotification.Email) await email.EnvoyerAsync(n, ct);
                else await sms.EnvoyerAsync(n, ct);
                n.Etat = EtatNotification.Envoyee;
                n.EnvoyeeLe = horloge.GetUtcNow().UtcDateTime;
                envoyees++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                n.Tentatives++;
                n.DerniereErreur = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                n.ProchaineTentative = maintenant.AddMinutes(Math.Min(360, Math.Pow(2, n.Tentatives)));
                if (n.Tentatives >= TentativesMax) n.Etat = EtatNotification.Abandonnee;
                log.LogWarning("Envoi de la notification {Id} échoué (tentative {Tentatives}) : {Erreur}", n.Id, n.Tentatives, n.DerniereErreur);
            }
            n.Jeton = null;
            n.PriseLe = null;
            await db.SaveChangesAsync(ct);
        }
        return envoyees;
    }
}

public sealed class EnvoiNotificationsJob(IServiceScopeFactory scopes, TimeProvider horloge, Web.Instance instance, ILogger<EnvoiNotificationsJob> log,
    NotificationsOptions options) : Web.TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "envoi-notifications";
    protected override TimeSpan Periode => TimeSpan.FromSeconds(options.PeriodeSecondes);

    protected override Task ExecuterAsync(IServiceProvider sp, CancellationToken ct) =>
        EnvoiNotifications.TraiterAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<IEnvoiEmail>(), sp.GetRequiredService<IEnvoiSms>(), Horloge, Journal, ct);
}
