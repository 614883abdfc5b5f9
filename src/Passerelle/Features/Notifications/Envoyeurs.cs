using System.ComponentModel.DataAnnotations;
using System.Net.Mime;
using System.Text;

namespace Passerelle.Features.Notifications;

/// <summary>Section <c>Notifications</c>, read before the container exists (the SMTP and SMS settings decide which senders are
/// registered) through <see cref="Web.Reglages.Lire{T}"/>: a wrong value stops the start with a French message naming the key.</summary>
public sealed class NotificationsOptions : IValidatableObject
{
    [EmailAddress(ErrorMessage = "Notifications:Expediteur : adresse de courriel invalide.")]
    public string Expediteur { get; set; } = "ne-pas-repondre@passerelle.local";
    public string? SmtpHote { get; set; }
    [Range(1, 65535, ErrorMessage = "Notifications:SmtpPort doit être compris entre 1 et 65535.")]
    public int SmtpPort { get; set; } = 25;
    public bool SmtpSsl { get; set; }
    public string? SmtpUtilisateur { get; set; }
    public string? SmtpMotDePasse { get; set; }
    /// <summary>HTTP SMS provider: POST JSON { to, text } with a bearer key. Empty = SMS only logged.</summary>
    public string? SmsUrl { get; set; }
    public string? SmsCle { get; set; }
    /// <summary>Hours before an appointment when the reminder is sent: 1 to 336 (two weeks); default 48.</summary>
    [Range(1, 24 * 14, ErrorMessage = "Notifications:RappelHeuresAvant doit être compris entre 1 et 336.")]
    public int RappelHeuresAvant { get; set; } = 48;
    /// <summary>Absolute http(s) base of the links sent to people.</summary>
    public string UrlPublique { get; set; } = "http://localhost:5080";
    /// <summary>Seconds between two passes of the sending job: 1 to 3600; default 30.</summary>
    [Range(1, 3600, ErrorMessage = "Notifications:PeriodeSecondes doit être compris entre 1 et 3600.")]
    public int PeriodeSecondes { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext _)
    {
        if (!AdresseWeb(UrlPublique))
            yield return new($"Notifications:UrlPublique : « {UrlPublique} » n'est pas une adresse http(s) complète.", [nameof(UrlPublique)]);
        if (!string.IsNullOrWhiteSpace(SmsUrl) && !AdresseWeb(SmsUrl))
            yield return new($"Notifications:SmsUrl : « {SmsUrl} » n'est pas une adresse http(s) complète.", [nameof(SmsUrl)]);
    }

    static bool AdresseWeb(string? texte) => Uri.TryCreate(texte, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";
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
