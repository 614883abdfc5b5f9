using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>The booking confirmation leaves through MailKit to a real SMTP server, with its calendar file.</summary>
public class CourrielSmtpTests(AppFactoryCourriel app) : IClassFixture<AppFactoryCourriel>
{
    [Fact]
    public async Task La_confirmation_arrive_en_utf8_avec_le_fichier_agenda()
    {
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var creneau = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id).OrderBy(c => c.Debut).FirstAsync());
        (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneau.Id, prenom: "Éloïse", email: "eloise@exemple.fr", telephone: null)))
            .EnsureSuccessStatusCode();
        (await app.EnvoyerCourrielsAsync()).ShouldBe(1);
        var message = app.Smtp.Dernier("eloise@exemple.fr");
        message.Subject.ShouldStartWith("Rendez-vous confirmé");
        (message.TextBody ?? "").ShouldContain("Votre rendez-vous est confirmé.", Case.Sensitive);
        var ics = message.Attachments.OfType<MimeKit.MimePart>().Single();
        ics.FileName.ShouldBe("rendez-vous.ics");
        ics.ContentType.MimeType.ShouldBe("text/calendar");
        using var flux = new MemoryStream();
        await ics.Content!.DecodeToAsync(flux);
        System.Text.Encoding.UTF8.GetString(flux.ToArray()).ShouldContain("BEGIN:VEVENT");
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.Destinataire == "eloise@exemple.fr" && n.Etat == Passerelle.Features.Notifications.EtatNotification.Envoyee))).ShouldBe(1);
    }
}
