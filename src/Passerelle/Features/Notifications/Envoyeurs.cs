using System.Net.Mime;
using System.Text;

namespace Passerelle.Features.Notifications;

public sealed class NotificationsOptions
{
    public string Expediteur { get; set; } = "ne-pas-repondre@passerelle.local";
    public string? SmtpHote { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool SmtpSsl { get; set; }
    public string? SmtpUtilisateur { get; set; }
    public string? SmtpMotDePasse { get; set; }
    /// <summary>HTTP SMS provider: POST JSON { to, text } with a bearer key. Empty = SMS only logged.</summary>
    public string? SmsUrl { get; set; }
    public string? SmsCle { get; set; }
    public int RappelHeuresAvant { get; set; } = 48;
    public string UrlPublique { get; set; } = "http://localhost:5080";
}

public interface IEnvoiEmail { Task EnvoyerAsync(Notification n, CancellationToken ct); }
public interface IEnvoiSms { Task EnvoyerAsync(Notification n, CancellationToken ct); }

/// <summary>SMTP through MailKit (the client Microsoft recommends over System.Net.Mail): UTF-8 text body,
/// the calendar file as an attachment, STARTTLS when the server offers it unless SSL is asked from the start.</summary>
public sealed class EnvoiSmtp(NotificationsOptions o) : IEnvoiEmail
{
    public async Task EnvoyerAsync(Notification n, CancellationToken ct)
    {
        var message = new MimeKit.MimeMessage();
        message.From.Add(MimeKit.MailboxAddress.Parse(o.Expediteur));
        message.To.Add(MimeKit.MailboxAddress.Parse(n.Destinataire));
        message.Subject = n.Sujet;
        var corps = new MimeKit.BodyBuilder { TextBody = n.Corps };
        if (n.Ics is not null)
            corps.Attachments.Add("rendez-vous.ics", Encoding.UTF8.GetBytes(n.Ics), MimeKit.ContentType.Parse($"text/calendar; method={(n.Ics.Contains("METHOD:CANCEL") ? "CANCEL" : "PUBLISH")}; charset=utf-8"));
        message.Body = corps.ToMessageBody();
        using var smtp = new MailKit.Net.Smtp.SmtpClient();
        await smtp.ConnectAsync(o.SmtpHote ?? "localhost", o.SmtpPort,
            o.SmtpSsl ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (o.SmtpUtilisateur is not null) await smtp.AuthenticateAsync(o.SmtpUtilisateur, o.SmtpMotDePasse ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}

/// <summary>Without a configured server (demo, development), messages are only logged and kept in the outbox page.</summary>
public sealed class EnvoiJournal(ILogger<EnvoiJournal> log) : IEnvoiEmail, IEnvoiSms
{
    public Task EnvoyerAsync(Notification n, CancellationToken ct)
    {
        log.LogInformation("Notification {Type} ({Canal}) non envoyée (aucun serveur configuré) à {Destinataire} : {Sujet}", n.Type, n.Canal, Masquer(n.Destinataire), n.Sujet);
        return Task.CompletedTask;
    }

    static string Masquer(string d) => d.Length <= 4 ? "****" : d[..2] + new string('*', d.Length - 4) + d[^2..];
}

public sealed class EnvoiSmsHttp(HttpClient http, NotificationsOptions o) : IEnvoiSms
{
    public async Task EnvoyerAsync(Notification n, CancellationToken ct)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Post, o.SmsUrl)
        {
            Content = JsonContent(new { to = n.Destinataire, text = n.Corps }),
        };
        requete.Headers.Authorization = new("Bearer", o.SmsCle);
        using var reponse = await http.SendAsync(requete, ct);
        reponse.EnsureSuccessStatusCode();
    }

    static StringContent JsonContent(object o) => new(System.Text.Json.JsonSerializer.Serialize(o), Encoding.UTF8, MediaTypeNames.Application.Json);
}
