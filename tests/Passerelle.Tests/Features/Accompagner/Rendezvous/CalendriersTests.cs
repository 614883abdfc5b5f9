using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Passerelle.Features.Notifications;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>Calendar files of an appointment that is moved then cancelled, and messages that come too late.</summary>
public partial class CalendriersTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    [GeneratedRegex(@"SEQUENCE:(\d+)")] private static partial Regex Sequence();

    static int SequenceDe(string ics) => Sequence().Match(ics) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

    async Task<(int LieuId, List<Creneau> Creneaux)> PermanenceAsync()
    {
        app.Horloge.Regler(Depart);
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(10, 30));
        return (lieu.Id, await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id).OrderBy(c => c.Debut).ToListAsync()));
    }

    [Fact]
    public async Task Deplacer_eleve_la_sequence_annuler_envoie_cancel_avec_le_meme_uid()
    {
        var (_, creneaux) = await PermanenceAsync();
        var client = app.ClientAnonyme();
        var r = (await (await client.PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneaux[2].Id, "Irène", "irene@exemple.fr", null)))
            .Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        var uid = $"UID:reservation-{r.Id}@passerelle";

        // Confirmation: PUBLISH, local time of the place with its time zone (Thursday 20 March 2025, 09:00 in Paris).
        var confirmation = await app.AvecDb(db => db.Notifications.SingleAsync(n => n.ReservationId == r.Id && n.Type == Avis.Confirmation));
        confirmation.Ics!.ShouldContain("METHOD:PUBLISH");
        confirmation.Ics!.ShouldContain(uid);
        confirmation.Ics!.ShouldContain("DTSTART;TZID=Europe/Paris:20250320T090000");
        confirmation.Ics!.ShouldContain("BEGIN:VTIMEZONE");
        SequenceDe(confirmation.Ics!).ShouldBe(0);
        var fichier = await client.GetAsync($"/mon-rendez-vous/{r.Jeton}.ics");
        fichier.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        (await fichier.Content.ReadAsStringAsync()).ShouldContain(uid);

        // Moved from the link page: same UID, higher SEQUENCE.
        var page = await Formulaires.PageAsync(client, $"/mon-rendez-vous/{r.Jeton}");
        var proposition = await Formulaires.PageAsync(client, page.QuerySelector("a[href*='deplacer=']")!.GetAttribute("href")!);
        var deplacer = proposition.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.TextContent.Contains("Oui, déplacer"));
        (await Formulaires.SoumettreAsync(client, deplacer, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var nouvelle = await app.AvecDb(db => db.Notifications.Where(n => n.ReservationId == r.Id && n.Type == Avis.Confirmation).OrderByDescending(n => n.Id).FirstAsync());
        nouvelle.Ics!.ShouldContain(uid);
        SequenceDe(nouvelle.Ics!).ShouldBe(1);
        SequenceDe(await client.GetStringAsync($"/mon-rendez-vous/{r.Jeton}.ics")).ShouldBe(1);

        // Cancelled: METHOD:CANCEL, same UID, higher SEQUENCE again, in the message and from the link page.
        (await client.DeleteAsync($"/api/v1/reservations/{r.Jeton}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var annulation = await app.AvecDb(db => db.Notifications.SingleAsync(n => n.ReservationId == r.Id && n.Type == Avis.Annulation));
        annulation.Ics!.ShouldContain("METHOD:CANCEL");
        annulation.Ics!.ShouldContain("STATUS:CANCELLED");
        annulation.Ics!.ShouldContain(uid);
        SequenceDe(annulation.Ics!).ShouldBe(2);
        var telecharge = await client.GetStringAsync($"/mon-rendez-vous/{r.Jeton}.ics");
        telecharge.ShouldContain("METHOD:CANCEL");
        SequenceDe(telecharge).ShouldBe(2);
    }

    [Fact]
    public async Task Flux_agenda_du_mediateur_au_fuseau_du_lieu()
    {
        app.Horloge.Regler(Depart);
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(10, 30));
        var creneau = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id).OrderBy(c => c.Debut).FirstAsync());
        var r = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneau.Id, "Yves", "yves@exemple.fr", null)))
            .Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        var jeton = "agenda-" + Guid.NewGuid().ToString("N");
        await app.AvecDb(db => db.Mediateurs.Where(x => x.Id == m[0].Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.JetonAgenda, jeton)));
        var flux = await app.ClientAnonyme().GetStringAsync($"/agenda/{jeton}.ics");
        flux.ShouldStartWith("BEGIN:VCALENDAR");
        flux.ShouldContain($"UID:rdv-{r.Id}@passerelle");
        flux.ShouldContain("DTSTART;TZID=Europe/Paris:20250313T090000");
        flux.ShouldContain("TZID:Europe/Paris");
    }

    sealed class Envoi : IEnvoiEmail, IEnvoiSms
    {
        public List<Notification> Envoyees { get; } = [];
        public Task EnvoyerAsync(Notification n, CancellationToken ct) { lock (Envoyees) Envoyees.Add(n); return Task.CompletedTask; }
    }

    [Fact]
    public async Task Ni_confirmation_ni_annulation_envoyee_apres_le_debut_du_rendez_vous()
    {
        var (_, creneaux) = await PermanenceAsync();
        var client = app.ClientAnonyme();
        var confirme = (await (await client.PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneaux[0].Id, "Léa", "lea@exemple.fr", null)))
            .Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        var annule = (await (await client.PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneaux[1].Id, "Noé", "noe@exemple.fr", null)))
            .Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        (await client.DeleteAsync($"/api/v1/reservations/{annule.Jeton}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The sender was down until both appointments had started.
        app.Horloge.Regler(new DateTimeOffset(creneaux[1].Debut.AddMinutes(1), TimeSpan.Zero));
        var envoi = new Envoi();
        await app.AvecDb(db => EnvoiNotifications.TraiterAsync(db, envoi, envoi, app.Horloge, NullLogger.Instance, CancellationToken.None));
        envoi.Envoyees.ShouldNotContain(n => n.ReservationId == confirme.Id || n.ReservationId == annule.Id);
        var messages = await app.AvecDb(db => db.Notifications.Where(n => n.ReservationId == confirme.Id || n.ReservationId == annule.Id).ToListAsync());
        messages.ShouldContain(n => n.Type == Avis.Confirmation);
        messages.ShouldContain(n => n.Type == Avis.Annulation);
        messages.ShouldAllBe(n => n.Etat == EtatNotification.Abandonnee);

        // Sent while the appointment is still ahead.
        app.Horloge.Regler(Depart);
        var autre = (await (await client.PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneaux[3].Id, "Inès", "ines@exemple.fr", null)))
            .Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        await app.AvecDb(db => EnvoiNotifications.TraiterAsync(db, envoi, envoi, app.Horloge, NullLogger.Instance, CancellationToken.None));
        envoi.Envoyees.ShouldContain(n => n.ReservationId == autre.Id && n.Type == Avis.Confirmation);
    }
}
