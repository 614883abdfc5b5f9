using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Features.Notifications;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>Issue 16, faults: the territory's SMTP server is down (its port refuses connections) for three hours of the
/// moved clock while the outbox sender keeps running every five minutes. The outbox holds what is due, drops unsent the
/// messages of an appointment that started meanwhile (with the reason), then drains once the server is back, each message
/// sent once — through MailKit to a real SMTP server.</summary>
public class PanneSmtpTests(AppFactoryCourriel app) : IClassFixture<AppFactoryCourriel>
{
    [Fact]
    public async Task Le_courriel_en_panne_trois_heures_la_file_tient_puis_se_vide_sans_doublon()
    {
        // Monday 17 March 2025, 06:30 in Paris: the 09:00 (Paris) slot of today is still bookable (2 h ahead), next Monday's too.
        var debut = new DateTimeOffset(2025, 3, 17, 5, 30, 0, TimeSpan.Zero);
        app.Horloge.Regler(debut);
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id && c.Debut >= debut.UtcDateTime).OrderBy(c => c.Debut).Take(2).ToListAsync());
        creneaux[0].Debut.ShouldBe(new DateTime(2025, 3, 17, 8, 0, 0, DateTimeKind.Utc));

        app.Smtp.Arreter();
        async Task<int> Reserver(int creneauId, string email) =>
            (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneauId, email: email, telephone: null)))
                .Content.ReadFromJsonAsync<ReservationCreeeDto>())!.Id;
        var aujourdhui = await Reserver(creneaux[0].Id, "aujourdhui@exemple.fr");
        var lundiProchain = await Reserver(creneaux[1].Id, "lundi-prochain@exemple.fr");
        int Recus(string email) => app.Smtp.Recus.Count(x => x.To.Mailboxes.Any(b => b.Address == email));
        Task<Notification> Confirmation(int reservation) =>
            app.AvecDb(db => db.Notifications.SingleAsync(n => n.ReservationId == reservation && n.Type == Avis.Confirmation));

        // Three hours of outage, the sender running every five minutes.
        for (var t = debut; t <= debut.AddHours(3); t = t.AddMinutes(5))
        {
            app.Horloge.Regler(t);
            (await app.EnvoyerCourrielsAsync()).ShouldBe(0);
        }
        app.Smtp.Recus.Count.ShouldBe(0);
        var tenue = await Confirmation(lundiProchain);
        tenue.Etat.ShouldBe(EtatNotification.EnAttente); // held, not given up
        tenue.Tentatives.ShouldBeInRange(5, EnvoiNotifications.TentativesMax - 1); // retried with backoff, not every round
        tenue.DerniereErreur.ShouldNotBeNullOrWhiteSpace();
        var perimee = await Confirmation(aujourdhui); // its appointment began at 08:00 UTC, during the outage
        perimee.Etat.ShouldBe(EtatNotification.Abandonnee);
        perimee.DerniereErreur.ShouldBe("Rendez-vous commencé : message non envoyé.");

        // The server is back: the queue drains within the backoff, once.
        app.Smtp.Demarrer();
        var envoyes = 0;
        for (var t = debut.AddHours(3).AddMinutes(5); t <= debut.AddHours(6); t = t.AddMinutes(5))
        {
            app.Horloge.Regler(t);
            envoyes += await app.EnvoyerCourrielsAsync();
        }
        envoyes.ShouldBeGreaterThanOrEqualTo(1);
        Recus("lundi-prochain@exemple.fr").ShouldBe(1);
        app.Smtp.Dernier("lundi-prochain@exemple.fr").Subject.ShouldStartWith("Rendez-vous confirmé");
        Recus("aujourdhui@exemple.fr").ShouldBe(0); // never sent late
        (await Confirmation(lundiProchain)).Etat.ShouldBe(EtatNotification.Envoyee);
        (await app.EnvoyerCourrielsAsync()).ShouldBe(0);
        Recus("lundi-prochain@exemple.fr").ShouldBe(1);
    }
}
