using System.Net;
using System.Net.Mail;
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

/// <summary>SMTP through the framework's client (MailKit is not available on our package feed).</summary>
public sealed class EnvoiSmtp(NotificationsOptions o) : IEnvoiEmail
{
    public async Task EnvoyerAsync(Notification n, CancellationToken ct)
    {
        using var message = new MailMessage(o.Expediteur, n.Destinataire, n.Sujet, n.Corps) { BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8 };
        if (n.Ics is not null)
            message.Attachments.Add(new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(n.Ics)), "rendez-vous.ics",
                $"text/calendar; method={(n.Ics.Contains("METHOD:CANCEL") ? "CANCEL" : "PUBLISH")}; charset=utf-8"));
        using var smtp = new SmtpClient(o.SmtpHote, o.SmtpPort) { EnableSsl = o.SmtpSsl };
        if (o.SmtpUtilisateur is not null) smtp.Credentials = new NetworkCredential(o.SmtpUtilisateur, o.SmtpMotDePasse);
        await smtp.SendMailAsync(message, ct);
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
