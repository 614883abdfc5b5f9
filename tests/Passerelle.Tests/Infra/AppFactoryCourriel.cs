using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Passerelle.Features.Notifications;

namespace Passerelle.Tests.Infra;

/// <summary>The app with its e-mail going through MailKit to a real SMTP server hosted by the test.</summary>
public sealed class AppFactoryCourriel : AppFactory
{
    public ServeurSmtp Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:SmtpHote", "127.0.0.1");
        builder.UseSetting("Notifications:SmtpPort", Smtp.Port.ToString());
        builder.UseSetting("Notifications:UrlPublique", "http://localhost");
    }

    /// <summary>Runs the outbox sender once, as its background job would.</summary>
    public Task<int> EnvoyerCourrielsAsync() => AvecDb(db => EnvoiNotifications.TraiterAsync(db, Services.GetRequiredService<IEnvoiEmail>(),
        Services.GetRequiredService<IEnvoiSms>(), Horloge, NullLogger.Instance, CancellationToken.None));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}
