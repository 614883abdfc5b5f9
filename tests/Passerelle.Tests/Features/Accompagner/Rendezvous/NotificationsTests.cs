using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Passerelle.Features.Notifications;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

public class NotificationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    sealed class FauxEnvoi : IEnvoiEmail, IEnvoiSms
    {
        public bool EnPanne { get; set; }
        public List<Notification> Envoyees { get; } = [];
        public Task EnvoyerAsync(Notification n, CancellationToken ct)
        {
            if (EnPanne) throw new InvalidOperationException("Serveur de courriel injoignable");
            lock (Envoyees) Envoyees.Add(n);
            return Task.CompletedTask;
        }
    }

    Task<int> Traiter(FauxEnvoi envoi) =>
        app.AvecDb(db => EnvoiNotifications.TraiterAsync(db, envoi, envoi, app.Horloge, NullLogger.Instance, CancellationToken.None));

    [Fact]
    public async Task Panne_puis_reprise_rappel_a_48h_jamais_apres_le_debut_et_un_seul_envoi()
    {
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id).OrderBy(c => c.Debut).Take(2).ToListAsync());
        var r1 = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneaux[0].Id, email: "un@exemple.fr", telephone: null))).Content.ReadFromJsonAsync<ReservationCreeeDto>())!;

        var envoi = new FauxEnvoi { EnPanne = true };
        int Envoyes(string type) => envoi.Envoyees.Count(n => n.ReservationId == r1.Id && n.Type == type);
        await Traiter(envoi);
        Envoyes(Avis.Confirmation).ShouldBe(0);
        var confirmation = await app.AvecDb(db => db.Notifications.SingleAsync(n => n.ReservationId == r1.Id && n.Type == Avis.Confirmation));
        confirmation.Etat.ShouldBe(EtatNotification.EnAttente);
        confirmation.Tentatives.ShouldBe(1);
        confirmation.DerniereErreur!.ShouldContain("injoignable");
        // Backoff: not retried at once.
        envoi.EnPanne = false;
        await Traiter(envoi);
        Envoyes(Avis.Confirmation).ShouldBe(0);
        app.Horloge.Regler(app.Horloge.GetUtcNow().AddMinutes(3));
        await Traiter(envoi);
        Envoyes(Avis.Confirmation).ShouldBe(1);
        envoi.Envoyees.Single(n => n.ReservationId == r1.Id).Sujet.ShouldStartWith("Rendez-vous confirmé");
        await Traiter(envoi);
        Envoyes(Avis.Confirmation).ShouldBe(1); // sent once

        // Reminder: due 48 h before Monday 17 March 08:00 UTC.
        var rappel = await app.AvecDb(db => db.Notifications.SingleAsync(n => n.ReservationId == r1.Id && n.Type == Avis.Rappel));
        rappel.PrevueLe.ShouldBe(creneaux[0].Debut.AddHours(-48));
        app.Horloge.Regler(new DateTimeOffset(rappel.PrevueLe.AddMinutes(-1), TimeSpan.Zero));
        await Traiter(envoi);
        Envoyes(Avis.Rappel).ShouldBe(0);
        app.Horloge.Regler(new DateTimeOffset(rappel.PrevueLe.AddMinutes(1), TimeSpan.Zero));
        await Traiter(envoi);
        Envoyes(Avis.Rappel).ShouldBe(1);

        // A reminder held back by an outage until after the appointment started is dropped, never sent late.
        var r2 = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneaux[1].Id, email: "deux@exemple.fr", telephone: null))).Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        envoi.EnPanne = true;
        var rappel2 = await app.AvecDb(db => db.Notifications.SingleAsync(n => n.ReservationId == r2.Id && n.Type == Avis.Rappel));
        app.Horloge.Regler(new DateTimeOffset(rappel2.PrevueLe, TimeSpan.Zero));
        await Traiter(envoi);
        envoi.EnPanne = false;
        app.Horloge.Regler(new DateTimeOffset(creneaux[1].Debut.AddMinutes(5), TimeSpan.Zero));
        await Traiter(envoi);
        envoi.Envoyees.Count(n => n.ReservationId == r2.Id && n.Type == Avis.Rappel).ShouldBe(0);
        (await app.AvecDb(db => db.Notifications.SingleAsync(n => n.Id == rappel2.Id))).Etat.ShouldBe(EtatNotification.Abandonnee);
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Deux_envoyeurs_en_parallele_n_envoient_chaque_message_qu_une_fois()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 3);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Tuesday], new TimeOnly(9, 0), new TimeOnly(12, 0));
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id).OrderBy(c => c.Debut).Take(4).ToListAsync());
        foreach (var c in creneaux)
            (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(c.Id, email: $"{c.Id}@exemple.fr"))).EnsureSuccessStatusCode();
        var envoi = new FauxEnvoi();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Traiter(envoi)));
        envoi.Envoyees.GroupBy(n => n.Id).ShouldAllBe(g => g.Count() == 1);
        envoi.Envoyees.Count(n => n.Type == Avis.Confirmation && n.Destinataire.EndsWith("@exemple.fr")).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Anonymisation_des_reservations_apres_douze_mois()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var c = await app.AvecDb(db => db.Creneaux.Where(x => x.LieuId == lieu.Id).OrderBy(x => x.Debut).FirstAsync());
        var cree = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(c.Id, prenom: "Gisèle"))).Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        var maintenant = app.Horloge.GetUtcNow();
        await app.AvecDb(db => Retention.ExecuterAsync(db, new HorlogeTest(new DateTimeOffset(c.Debut, TimeSpan.Zero).AddMonths(11)), 12, CancellationToken.None));
        (await app.AvecDb(db => db.Reservations.SingleAsync(r => r.Id == cree.Id))).Prenom.ShouldBe("Gisèle");
        await app.AvecDb(db => Retention.ExecuterAsync(db, new HorlogeTest(new DateTimeOffset(c.Debut, TimeSpan.Zero).AddMonths(12).AddDays(1)), 12, CancellationToken.None));
        var r = await app.AvecDb(db => db.Reservations.SingleAsync(x => x.Id == cree.Id));
        (r.Prenom, r.Nom, r.Telephone, r.Email, r.Objet).ShouldBe(("Anonyme", "Anonyme", (string?)null, (string?)null, (string?)null));
        r.Statut.ShouldBe(StatutReservation.Confirmee); // counts stay
        (await app.AvecDb(db => db.Notifications.Where(n => n.ReservationId == cree.Id).Select(n => n.Destinataire).ToListAsync())).ShouldAllBe(d => d == "");
        app.Horloge.Regler(maintenant);
    }
}
