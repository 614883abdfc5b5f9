using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Notifications;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

public class ReservationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    record Creneaux(int Total, List<CreneauDto> Items);

    [Fact]
    public async Task Creneaux_generes_dans_le_fuseau_du_lieu_sans_jours_feries_ni_fermetures()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 2);
        await app.AvecDb(async db => { db.Fermetures.Add(new Fermeture { LieuId = lieu.Id, DateDebut = new DateOnly(2025, 3, 18), DateFin = new DateOnly(2025, 3, 18) }); await db.SaveChangesAsync(); });
        var pid = await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Tuesday, DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(12, 0));
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == pid).OrderBy(c => c.Debut).ToListAsync());
        // Thursday 13 March 2025, 09:00 in Paris (UTC+1) = 08:00 UTC; four 45-minute slots a morning; two seats (two mediators).
        creneaux.First().Debut.ShouldBe(new DateTime(2025, 3, 13, 8, 0, 0));
        creneaux.Take(4).Select(c => c.Debut.ToString("HH:mm")).ShouldBe(["08:00", "08:45", "09:30", "10:15"]);
        creneaux.ShouldAllBe(c => c.Capacite == 2);
        // Closed on 18 March; Easter Monday is not a Tuesday/Thursday, but Ascension (Thursday 29 May) is a holiday.
        creneaux.ShouldNotContain(c => c.Debut.Date == new DateTime(2025, 3, 18));
        creneaux.ShouldNotContain(c => c.Debut.Date == new DateTime(2025, 5, 29));
        // After the DST change (30 March), 09:00 in Paris is 07:00 UTC.
        creneaux.First(c => c.Debut > new DateTime(2025, 4, 1)).Debut.ShouldBe(new DateTime(2025, 4, 1, 7, 0, 0));
        // 13-week horizon.
        creneaux.Max(c => c.Debut).ShouldBeLessThan(new DateTime(2025, 6, 12));
        // Idempotent.
        await app.AvecDb(db => GenererCreneaux.ExecuterAsync(db, app.Horloge, pid, CancellationToken.None));
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.PermanenceId == pid))).ShouldBe(creneaux.Count);
        // A mediator's absence on 20 March removes their seat that day.
        await app.AvecDb(async db => { db.Absences.Add(new Absence { MediateurId = m[0].Id, DateDebut = new DateOnly(2025, 3, 20), DateFin = new DateOnly(2025, 3, 20) }); await db.SaveChangesAsync(); });
        await app.AvecDb(db => GenererCreneaux.ExecuterAsync(db, app.Horloge, pid, CancellationToken.None));
        (await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == pid && c.Debut.Date == new DateTime(2025, 3, 20)).Select(c => c.Capacite).ToListAsync()))
            .ShouldAllBe(c => c == 1);
    }

    [Fact]
    public async Task Reserver_consulter_annuler_avec_le_lien_sans_compte()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(10, 30));
        var client = app.ClientAnonyme();
        var libres = (await client.GetFromJsonAsync<Creneaux>($"/api/v1/creneaux?lieu={lieu.Id}"))!;
        libres.Items.Count.ShouldBeGreaterThan(10);
        libres.Items.Select(i => i.Debut).ShouldBeInOrder();
        var premier = libres.Items[0];
        premier.PlacesRestantes.ShouldBe(1);
        premier.Motif.ShouldBe("Aide aux démarches administratives");

        var r = await client.PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(premier.Id));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var cree = (await r.Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        cree.Jeton.Length.ShouldBeGreaterThanOrEqualTo(32);
        cree.LienGestion.ShouldEndWith("/mon-rendez-vous/" + cree.Jeton);
        (await client.GetFromJsonAsync<Creneaux>($"/api/v1/creneaux?lieu={lieu.Id}"))!.Items.ShouldNotContain(c => c.Id == premier.Id);

        var lu = (await client.GetFromJsonAsync<ReservationDto>($"/api/v1/reservations/{cree.Jeton}"))!;
        lu.Statut.ShouldBe("Confirmee");
        lu.DocumentsAApporter!.ShouldContain("pièce d'identité");
        // Confirmation (e-mail with an ICS + SMS) and a reminder 48 h before, in the outbox.
        var avis = await app.AvecDb(db => db.Notifications.Where(n => n.ReservationId == cree.Id).ToListAsync());
        avis.Count(n => n.Type == Avis.Confirmation).ShouldBe(2);
        avis.Single(n => n.Type == Avis.Confirmation && n.Canal == CanalNotification.Email).Ics!.ShouldContain("DTSTART;TZID=Europe/Paris:20250313T090000"); // 08:00 UTC, written in the place's time zone
        avis.Where(n => n.Type == Avis.Rappel).ShouldAllBe(n => n.PrevueLe == premier.Debut.AddHours(-48) || n.PrevueLe > app.Horloge.GetUtcNow().UtcDateTime);

        (await client.DeleteAsync($"/api/v1/reservations/{cree.Jeton}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<Creneaux>($"/api/v1/creneaux?lieu={lieu.Id}"))!.Items.ShouldContain(c => c.Id == premier.Id);
        (await client.DeleteAsync($"/api/v1/reservations/{cree.Jeton}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.DeleteAsync("/api/v1/reservations/inconnu")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/reservations/inconnu")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.ReservationId == cree.Id && n.Type == Avis.Rappel && n.Etat == EtatNotification.EnAttente))).ShouldBe(0);
    }

    [Fact]
    public async Task Le_dernier_siege_n_est_donne_qu_une_fois_meme_en_parallele()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Friday], new TimeOnly(14, 0), new TimeOnly(14, 45));
        var creneau = (await app.ClientAnonyme().GetFromJsonAsync<Creneaux>($"/api/v1/creneaux?lieu={lieu.Id}"))!.Items[0];
        var clients = Enumerable.Range(0, 8).Select(_ => app.ClientAnonyme()).ToArray();
        var reponses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            clients[i % clients.Length].PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneau.Id, prenom: $"Personne {i}", email: $"personne{i}@exemple.fr", telephone: null))));
        reponses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        reponses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(99);
        var detail = await reponses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        detail.ShouldContain("vient d'être réservé");
        (await app.AvecDb(db => db.Reservations.CountAsync(r => r.CreneauId == creneau.Id))).ShouldBe(1);
        (await app.AvecDb(db => db.Creneaux.SingleAsync(c => c.Id == creneau.Id))).Reserves.ShouldBe(1);
    }

    [Fact]
    public async Task Entrees_invalides_et_regles_de_delai()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        // Wednesdays 12:00–14:00 in Paris: today's first slot (11:00 UTC) is one hour away.
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Wednesday], new TimeOnly(12, 0), new TimeOnly(14, 0));
        var client = app.ClientAnonyme();
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id).OrderBy(c => c.Debut).ToListAsync());
        // Now is Wednesday 12 March 10:00 UTC (11:00 Paris); nothing before 12:00 UTC is bookable online (2 h notice).
        creneaux.ShouldAllBe(c => c.Debut > app.Horloge.GetUtcNow().UtcDateTime);
        var proche = creneaux.First();
        proche.Debut.ShouldBe(new DateTime(2025, 3, 12, 11, 0, 0));
        var libres = (await client.GetFromJsonAsync<Creneaux>($"/api/v1/creneaux?lieu={lieu.Id}"))!;
        libres.Items.ShouldAllBe(c => c.Debut >= app.Horloge.GetUtcNow().UtcDateTime.AddHours(2));

        async Task<(HttpStatusCode, JsonElement)> Poster(object corps)
        {
            var r = await client.PostAsJsonAsync("/api/v1/reservations", corps);
            return (r.StatusCode, await r.Content.ReadFromJsonAsync<JsonElement>());
        }
        var (s1, j1) = await Poster(new { creneauId = libres.Items[0].Id, prenom = "", nom = "Martin", consentement = false });
        s1.ShouldBe(HttpStatusCode.BadRequest);
        var erreurs = j1.GetProperty("errors");
        erreurs.GetProperty("Prenom")[0].GetString()!.ShouldContain("prénom");
        erreurs.GetProperty("Telephone")[0].GetString()!.ShouldContain("téléphone ou une adresse");
        erreurs.GetProperty("Consentement")[0].GetString()!.ShouldContain("Cochez");
        (await Poster(new { creneauId = 999999, prenom = "A", nom = "B", email = "a@b.fr", consentement = true })).Item1.ShouldBe(HttpStatusCode.BadRequest);
        (await Poster(new { creneauId = libres.Items[0].Id, prenom = "A", nom = "B", telephone = "12", consentement = true })).Item1.ShouldBe(HttpStatusCode.BadRequest);
        libres.Items.ShouldNotContain(c => c.Id == proche.Id);
        // Too close for the public; a mediator at the desk may book it (walk-in).
        var (s2, j2) = await Poster(Scenario.Personne(proche.Id));
        s2.ShouldBe(HttpStatusCode.Conflict);
        j2.GetProperty("detail").GetString()!.ShouldContain("à l'avance");
        var mediateur = await app.ClientApiAsync(Passerelle.Features.Comptes.Roles.Mediateur);
        (await mediateur.PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(proche.Id))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Deplacer_un_rendez_vous_garde_le_lien_et_libere_l_ancien_creneau()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(10, 30));
        var libres = (await app.ClientAnonyme().GetFromJsonAsync<Creneaux>($"/api/v1/creneaux?lieu={lieu.Id}"))!.Items;
        var cree = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(libres[0].Id))).Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
        await app.AvecDb(db => Reserver.DeplacerAsync(db, cree.Jeton, libres[3].Id, new NotificationsOptions(), app.Horloge, CancellationToken.None));
        var apres = await app.AvecDb(db => db.Creneaux.Where(c => c.Id == libres[0].Id || c.Id == libres[3].Id).ToDictionaryAsync(c => c.Id, c => c.Reserves));
        apres[libres[0].Id].ShouldBe(0);
        apres[libres[3].Id].ShouldBe(1);
        (await app.ClientAnonyme().GetFromJsonAsync<ReservationDto>($"/api/v1/reservations/{cree.Jeton}"))!.Debut.ShouldBe(libres[3].Debut);
    }

    [Fact]
    public async Task Le_total_des_creneaux_libres_est_compte_jusqu_a_500()
    {
        var lieu = await Scenario.LieuAsync(app, commune: "Carry-le-Rouet", codePostal: "13620");
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(8, 0), new TimeOnly(20, 0), motifId: Passerelle.Features.Accompagner.Motifs.Motif.IdAccompagnement);
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.LieuId == lieu.Id))).ShouldBeGreaterThan(600);
        var r = (await app.ClientAnonyme().GetFromJsonAsync<Creneaux>("/api/v1/creneaux?commune=Carry-le-Rouet&taille=10"))!;
        r.Total.ShouldBe(RechercheCreneaux.TotalMax);
        r.Items.Count.ShouldBe(10);
        var peu = (await app.ClientAnonyme().GetFromJsonAsync<Creneaux>($"/api/v1/creneaux?lieu={lieu.Id}&du=2025-03-13&au=2025-03-13"))!;
        peu.Total.ShouldBe(peu.Items.Count);
        peu.Total.ShouldBe(12); // Thursday 13 March: 08:00 to 19:00
    }
}
