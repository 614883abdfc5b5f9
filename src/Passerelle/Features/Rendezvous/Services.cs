using Passerelle.Features.Notifications;
using Passerelle.Features.Permanences;

namespace Passerelle.Features.Rendezvous;

public static class Services
{
    /// <summary>Booking, workshops, notifications and their background jobs (<c>Taches:Actives=false</c> turns the jobs off, e.g. in tests).</summary>
    public static void AddRendezvous(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Notifications").Get<NotificationsOptions>() ?? new();
        if (options.RappelHeuresAvant is < 1 or > 24 * 14) throw new InvalidOperationException("Notifications:RappelHeuresAvant doit être compris entre 1 et 336.");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<EnvoiJournal>();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration("Retention").ValidateDataAnnotations().ValidateOnStart();
        if (string.IsNullOrWhiteSpace(options.SmtpHote)) builder.Services.AddSingleton<IEnvoiEmail>(sp => sp.GetRequiredService<EnvoiJournal>());
        else builder.Services.AddSingleton<IEnvoiEmail, EnvoiSmtp>();
        if (string.IsNullOrWhiteSpace(options.SmsUrl)) builder.Services.AddSingleton<IEnvoiSms>(sp => sp.GetRequiredService<EnvoiJournal>());
        else builder.Services.AddHttpClient<IEnvoiSms, EnvoiSmsHttp>();
        if (builder.Configuration.GetValue("Taches:Actives", true))
        {
            builder.Services.AddHostedService<EnvoiNotificationsJob>();
            builder.Services.AddHostedService<GenerationCreneauxJob>();
            builder.Services.AddHostedService<RetentionJob>();
        }
    }
}
