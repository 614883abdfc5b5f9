namespace Passerelle.Features.Notifications;

public static class ServicesNotifications
{
    /// <summary>The outbox's settings, its e-mail and SMS senders, and its sending job (<c>Taches:Actives=false</c> turns the jobs off, e.g. in tests).</summary>
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        var options = Web.Reglages.Lire<NotificationsOptions>(builder.Configuration, "Notifications");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<EnvoiJournal>();
        if (string.IsNullOrWhiteSpace(options.SmtpHote)) builder.Services.AddSingleton<IEnvoiEmail>(sp => sp.GetRequiredService<EnvoiJournal>());
        else builder.Services.AddSingleton<IEnvoiEmail, EnvoiSmtp>();
        if (string.IsNullOrWhiteSpace(options.SmsUrl)) builder.Services.AddSingleton<IEnvoiSms>(sp => sp.GetRequiredService<EnvoiJournal>());
        else builder.Services.AddHttpClient<IEnvoiSms, EnvoiSmsHttp>();
        if (Web.Reglages.TachesActives(builder.Configuration)) builder.Services.AddHostedService<EnvoiNotificationsJob>();
    }
}
