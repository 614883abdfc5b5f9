using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>Closing a place or declaring a mediator absent on a day that holds bookings, active and cancelled.</summary>
public class FermeturesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);
    record Creneaux(int Total, List<CreneauDto> Items);

    /// <summary>A structure, its manager (API client and password), a place of the structure with a mediator's Thursday
    /// permanence 09:00–10:30 (two 45-minute slots), and on Thursday 20 March a cancelled booking and an active one.</summary>
    async Task<(HttpClient Gestionnaire, string Email, string MotDePasse, int LieuId, int MediateurId, int PermanenceId, ReservationCreeeDto Active, ReservationCreeeDto Annulee)> JourAvecReservationsAsync(int nombreMediateurs = 1)
    {
        app.Horloge.Regler(Depart);
        var structure = await Scenario.StructureAsync(app);
        var (api, _, lieuId, email, mdp) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        var m = await Scenario.MediateursAsync(app, nombreMediateurs);
        await app.AvecDb(async db =>
        {
            await db.Lieux.Where(l => l.Id == lieuId).ExecuteUpdateAsync(u => u.SetProperty(l => l.StructureId, structure));
            var ids = m.Select(x => x.Id).ToList();
            foreach (var mediateur in await db.Mediateurs.Where(x => ids.Contains(x.Id)).ToListAsync()) mediateur.Employer(structure, new DateOnly(2024, 1, 1), null);
            await db.SaveChangesAsync();
        });
        var pid = await Scenario.PermanenceAsync(app, lieuId, m.Select(x => x.Id), [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(10, 30));
        var creneau = await app.AvecDb(db => db.Creneaux.SingleAsync(c => c.LieuId == lieuId && c.Debut == new DateTime(2025, 3, 20, 8, 0, 0)));
        var anonyme = app.ClientAnonyme();
        var annulee = await Reserver(anonyme, creneau.Id, "Paul", "paul@exemple.fr", "06 11 22 33 44");
        (await anonyme.DeleteAsync($"/api/v1/reservations/{annulee.Jeton}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var active = await Reserver(anonyme, creneau.Id, "Josiane", "josiane@exemple.fr", "06 12 34 56 78");
        (await LibresAsync(lieuId, "2025-03-20")).ShouldBe(nombreMediateurs == 1 ? 1 : 2); // the 09:45 slot, and 09:00 if a seat is left
        return (api, email, mdp, lieuId, m[0].Id, pid, active, annulee);
    }

    static async Task<ReservationCreeeDto> Reserver(HttpClient client, int creneauId, string prenom, string email, string telephone)
    {
        var r = await client.PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneauId, prenom, email, telephone));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<ReservationCreeeDto>())!;
    }

    async Task<int> LibresAsync(int lieuId, string jour) =>
        (await app.ClientAnonyme().GetFromJsonAsync<Creneaux>($"/api/v1/creneaux?lieu={lieuId}&du={jour}&au={jour}"))!.Total;

    async Task<HttpClient> ConnecterAsync(string email, string mdp)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await Formulaires.PageAsync(client, "/connexion");
        var r = await Formulaires.SoumettreAsync(client, (IHtmlFormElement)page.QuerySelector("main form")!, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    static IHtmlFormElement Formulaire(AngleSharp.Dom.IDocument page, string bouton) =>
        page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Single(f => f.TextContent.Contains(bouton));

    [Fact]
    public async Task Fermer_un_lieu_par_le_formulaire_annule_le_rendez_vous_pris_sans_erreur_puis_rouvrir()
    {
        var (_, email, mdp, lieuId, _, pid, active, annulee) = await JourAvecReservationsAsync();
        var session = await Scenario.SessionAsync(app, lieuId, new DateTime(2025, 3, 20, 13, 0, 0), 10);
        var inscription = await app.ClientAnonyme().PostAsJsonAsync($"/api/v1/ateliers/sessions/{session.Id}/inscriptions",
            new { prenom = "Aïcha", nom = "Benali", email = "aicha@exemple.fr", consentement = true });
        inscription.StatusCode.ShouldBe(HttpStatusCode.Created, await inscription.Content.ReadAsStringAsync());
        var jetonAtelier = (await inscription.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("jeton").GetString()!;
        var client = await ConnecterAsync(email, mdp);

        var page = await Formulaires.PageAsync(client, "/admin/fermetures");
        page.QuerySelector("#aucune-fermeture").ShouldNotBeNull();
        var r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Enregistrer la fermeture"),
            [new("lieuId", lieuId.ToString()), new("du", "2025-03-20"), new("au", "2025-03-20"), new("raison", "Travaux dans la salle")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        r.Headers.Location!.ToString().ShouldBe("/admin/fermetures/fait");
        var fait = await Formulaires.PageAsync(client, "/admin/fermetures/fait");
        var confirmation = fait.QuerySelector("#confirmation")!.TextContent;
        confirmation.ShouldContain("Fermeture enregistrée");
        confirmation.ShouldContain("1 rendez-vous a été annulé");
        confirmation.ShouldContain("1 session(s) d'atelier annulée(s)");

        // The booked person's link shows the cancellation and why; a message (with the calendar file that removes it) is queued.
        var lien = await Formulaires.PageAsync(app.ClientAnonyme(), $"/mon-rendez-vous/{active.Jeton}");
        lien.QuerySelector("#etat")!.TextContent.ShouldBe("Annulé");
        lien.QuerySelector("#motif-annulation")!.TextContent.ShouldContain("Le lieu est fermé ce jour-là (Travaux dans la salle).");
        var message = await app.AvecDb(db => db.Notifications.SingleAsync(n => n.ReservationId == active.Id && n.Type == Avis.Annulation && n.Canal == CanalNotification.Email));
        message.Etat.ShouldBe(EtatNotification.EnAttente);
        message.Corps.ShouldContain("Travaux dans la salle");
        message.Ics!.ShouldContain("METHOD:CANCEL");
        message.Ics!.ShouldContain($"UID:reservation-{active.Id}@passerelle");
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.ReservationId == active.Id && n.Type == Avis.Rappel && n.Etat == EtatNotification.EnAttente))).ShouldBe(0);
        // The booking cancelled earlier by its person is untouched.
        (await app.AvecDb(db => db.Reservations.SingleAsync(x => x.Id == annulee.Id))).MotifAnnulation.ShouldBeNull();
        // The workshop session of that day is cancelled and its participant told.
        (await app.AvecDb(db => db.SessionsAteliers.SingleAsync(s => s.Id == session.Id))).Annulee.ShouldBeTrue();
        (await app.AvecDb(db => db.Inscriptions.SingleAsync(i => i.Jeton == jetonAtelier))).Statut.ShouldBe(StatutInscription.Annulee);
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.Type == Avis.Annulation && n.Destinataire == "aicha@exemple.fr"))).ShouldBe(1);
        (await Formulaires.PageAsync(app.ClientAnonyme(), $"/mon-rendez-vous/{jetonAtelier}")).QuerySelector("#motif-annulation")!.TextContent.ShouldContain("Travaux");

        // No free slot that day; the slot the bookings refer to is kept, closed; the other one is gone.
        (await LibresAsync(lieuId, "2025-03-20")).ShouldBe(0);
        var jour = await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == pid && c.Debut.Date == new DateTime(2025, 3, 20)).ToListAsync());
        jour.ShouldHaveSingleItem().Ferme.ShouldBeTrue();
        jour[0].Reserves.ShouldBe(0);
        (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(jour[0].Id, "Marc", "marc@exemple.fr", "06 99 88 77 66")))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Listed, and a later closure of the same place works too (it failed every time before).
        var liste = await Formulaires.PageAsync(client, "/admin/fermetures");
        liste.QuerySelector("#fermetures")!.TextContent.ShouldContain("Travaux dans la salle");
        r = await Formulaires.SoumettreAsync(client, Formulaire(liste, "Enregistrer la fermeture"),
            [new("lieuId", lieuId.ToString()), new("du", "2025-03-27"), new("raison", "")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LibresAsync(lieuId, "2025-03-27")).ShouldBe(0);

        // Removing the first closure reopens the day: both slots are offered again, the cancelled booking stays cancelled.
        var id = await app.AvecDb(db => db.Fermetures.Where(f => f.LieuId == lieuId && f.DateDebut == new DateOnly(2025, 3, 20)).Select(f => f.Id).SingleAsync());
        var edition = await Formulaires.PageAsync(client, $"/admin/fermetures/fermeture/{id}");
        r = await Formulaires.SoumettreAsync(client, Formulaire(edition, "Supprimer cette fermeture"), []);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.PageAsync(client, "/admin/fermetures/fait")).QuerySelector("#confirmation")!.TextContent.ShouldContain("Fermeture supprimée");
        (await LibresAsync(lieuId, "2025-03-20")).ShouldBe(2);
        (await app.AvecDb(db => db.Reservations.SingleAsync(x => x.Id == active.Id))).Statut.ShouldBe(StatutReservation.Annulee);

        // Changing the second closure's dates moves the closed day.
        var id2 = await app.AvecDb(db => db.Fermetures.Where(f => f.LieuId == lieuId).Select(f => f.Id).SingleAsync());
        edition = await Formulaires.PageAsync(client, $"/admin/fermetures/fermeture/{id2}");
        r = await Formulaires.SoumettreAsync(client, Formulaire(edition, "Enregistrer les modifications"), [new("Du", "2025-04-03"), new("Au", "2025-04-03")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LibresAsync(lieuId, "2025-03-27")).ShouldBe(2);
        (await LibresAsync(lieuId, "2025-04-03")).ShouldBe(0);

        // Another structure's manager neither sees nor changes it.
        var autre = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        (await Formulaires.PageAsync(autre, "/admin/fermetures")).QuerySelector("#fermetures").ShouldBeNull();
        var refus = await autre.GetAsync($"/admin/fermetures/fermeture/{id2}");
        (refus.StatusCode == HttpStatusCode.Forbidden || refus.Headers.Location?.ToString().Contains("/acces-refuse") == true).ShouldBeTrue();
    }

    [Fact]
    public async Task Absence_du_mediateur_par_l_api_annule_le_rendez_vous_puis_sa_suppression_rend_les_places()
    {
        var (api, _, _, lieuId, mediateurId, _, active, _) = await JourAvecReservationsAsync();
        var r = await api.PostAsJsonAsync("/api/v1/absences", new { mediateurId, dateDebut = "2025-03-20", dateFin = "2025-03-20", raison = "Formation" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var resultat = (await r.Content.ReadFromJsonAsync<ResultatFermetureDto>())!;
        resultat.RendezvousAnnules.ShouldBe(1);

        var lien = await Formulaires.PageAsync(app.ClientAnonyme(), $"/mon-rendez-vous/{active.Jeton}");
        lien.QuerySelector("#etat")!.TextContent.ShouldBe("Annulé");
        lien.QuerySelector("#motif-annulation")!.TextContent.ShouldContain("absente ce jour-là");
        lien.QuerySelector("#motif-annulation")!.TextContent.ShouldNotContain("Formation"); // the team's reason stays in the team
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.ReservationId == active.Id && n.Type == Avis.Annulation))).ShouldBe(2); // e-mail and SMS
        (await LibresAsync(lieuId, "2025-03-20")).ShouldBe(0);

        (await api.DeleteAsync($"/api/v1/absences/{resultat.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await LibresAsync(lieuId, "2025-03-20")).ShouldBe(2);
        (await api.DeleteAsync($"/api/v1/absences/{resultat.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Outside the manager's perimeter: refused.
        var autre = await app.ClientApiAsync(Roles.Gestionnaire);
        (await autre.PostAsJsonAsync("/api/v1/absences", new { mediateurId, dateDebut = "2025-03-27", dateFin = "2025-03-27" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var f = await api.PostAsJsonAsync("/api/v1/fermetures", new { lieuId, dateDebut = "2025-03-27", dateFin = "2025-03-27" });
        f.StatusCode.ShouldBe(HttpStatusCode.Created);
        var fid = (await f.Content.ReadFromJsonAsync<ResultatFermetureDto>())!.Id;
        (await autre.DeleteAsync($"/api/v1/fermetures/{fid}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PutAsJsonAsync($"/api/v1/fermetures/{fid}", new { lieuId, dateDebut = "2025-03-28", dateFin = "2025-03-27" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Absence_d_un_des_deux_mediateurs_par_le_formulaire_annule_la_derniere_reservation_seulement()
    {
        var (_, email, mdp, lieuId, mediateurId, pid, premiere, _) = await JourAvecReservationsAsync(nombreMediateurs: 2);
        var creneauId = await app.AvecDb(db => db.Reservations.Where(r => r.Id == premiere.Id).Select(r => r.CreneauId).SingleAsync());
        var derniere = await Reserver(app.ClientAnonyme(), creneauId, "Hugo", "hugo@exemple.fr", "06 55 44 33 22");
        var client = await ConnecterAsync(email, mdp);

        // Bad input: a clear French message next to the field, never a 500.
        var page = await Formulaires.PageAsync(client, "/admin/fermetures");
        var r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Enregistrer l'absence"), [new("mediateurId", mediateurId.ToString()), new("du", "")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var erreur = await Formulaires.DocumentAsync(r);
        erreur.QuerySelector("#err-absdu")!.TextContent.ShouldContain("premier jour d'absence");
        erreur.QuerySelector("#absdu")!.GetAttribute("aria-invalid").ShouldBe("true");
        r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Enregistrer la fermeture"), [new("lieuId", lieuId.ToString()), new("du", "2025-03-21"), new("au", "2025-03-20")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.DocumentAsync(r)).QuerySelector("#err-fermau")!.TextContent.ShouldContain("La date de fin précède la date de début.");

        r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Enregistrer l'absence"),
            [new("mediateurId", mediateurId.ToString()), new("du", "2025-03-20"), new("au", ""), new("raison", "Congé")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.PageAsync(client, "/admin/fermetures/fait")).QuerySelector("#confirmation")!.TextContent.ShouldContain("1 rendez-vous a été annulé");
        // One seat is left at 09:00: the booking taken last is cancelled, the first one kept.
        (await app.AvecDb(db => db.Reservations.SingleAsync(x => x.Id == derniere.Id))).Statut.ShouldBe(StatutReservation.Annulee);
        (await app.AvecDb(db => db.Reservations.SingleAsync(x => x.Id == premiere.Id))).Statut.ShouldBe(StatutReservation.Confirmee);
        var creneau = await app.AvecDb(db => db.Creneaux.SingleAsync(c => c.Id == creneauId));
        (creneau.Capacite, creneau.Reserves, creneau.Ferme).ShouldBe((1, 1, false));
        (await Formulaires.PageAsync(client, "/admin/fermetures")).QuerySelector("#absences")!.TextContent.ShouldContain("Congé");

        // Moved to another day: the seat comes back on the 20th; removed: nothing is left of it.
        var id = await app.AvecDb(db => db.Absences.Where(a => a.MediateurId == mediateurId).Select(a => a.Id).SingleAsync());
        var edition = await Formulaires.PageAsync(client, $"/admin/fermetures/absence/{id}");
        r = await Formulaires.SoumettreAsync(client, Formulaire(edition, "Enregistrer les modifications"), [new("Du", "2025-03-27"), new("Au", "2025-03-27")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Creneaux.SingleAsync(c => c.Id == creneauId))).Capacite.ShouldBe(2);
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.PermanenceId == pid && c.Debut.Date == new DateTime(2025, 3, 27) && c.Capacite == 1))).ShouldBe(2);
        edition = await Formulaires.PageAsync(client, $"/admin/fermetures/absence/{id}");
        r = await Formulaires.SoumettreAsync(client, Formulaire(edition, "Supprimer cette absence"), []);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.PageAsync(client, "/admin/fermetures/fait")).QuerySelector("#confirmation")!.TextContent.ShouldContain("Absence supprimée");
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.PermanenceId == pid && c.Debut.Date == new DateTime(2025, 3, 27) && c.Capacite == 2))).ShouldBe(2);
    }

    [Fact]
    public async Task Fermer_pendant_que_des_personnes_reservent_ce_jour_la()
    {
        app.Horloge.Regler(Depart);
        var structure = await Scenario.StructureAsync(app);
        var (api, _, lieuId, _, _) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        await app.AvecDb(db => db.Lieux.Where(l => l.Id == lieuId).ExecuteUpdateAsync(u => u.SetProperty(l => l.StructureId, structure)));
        var m = await Scenario.MediateursAsync(app, 5);
        await Scenario.PermanenceAsync(app, lieuId, m.Select(x => x.Id), [DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(12, 0));
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieuId && c.Debut.Date == new DateTime(2025, 3, 21)).Select(c => c.Id).ToListAsync());
        creneaux.Count.ShouldBe(4); // 4 slots × 5 seats

        var reservations = Enumerable.Range(0, 20).Select(i => Task.Run(() => app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations",
            Scenario.Personne(creneaux[i % 4], $"P{i}", $"p{i}@exemple.fr", $"06 10 20 30 {i:00}")))).ToList();
        var fermeture = Task.Run(() => api.PostAsJsonAsync("/api/v1/fermetures", new { lieuId, dateDebut = "2025-03-21", dateFin = "2025-03-21" }));
        await Task.WhenAll([.. reservations, fermeture]);

        (await fermeture).StatusCode.ShouldBe(HttpStatusCode.Created, await (await fermeture).Content.ReadAsStringAsync());
        // A booking either got its seat or was refused with a 4xx (seat closed, or slot gone), never a 500.
        foreach (var r in reservations) ((int)(await r).StatusCode).ShouldBeLessThan(500, await (await r).Content.ReadAsStringAsync());
        // Whoever got a seat before the closure is cancelled and told; nobody holds a seat that day afterwards.
        var jour = await app.AvecDb(db => db.Reservations.Where(r => creneaux.Contains(r.CreneauId)).ToListAsync());
        jour.Count.ShouldBe(reservations.Count(r => r.Result.StatusCode == HttpStatusCode.Created));
        jour.ShouldAllBe(r => r.Statut == StatutReservation.Annulee && r.MotifAnnulation != null);
        (await app.AvecDb(db => db.Creneaux.Where(c => creneaux.Contains(c.Id)).SumAsync(c => c.Reserves))).ShouldBe(0);
        (await LibresAsync(lieuId, "2025-03-21")).ShouldBe(0);
    }

    [Fact]
    public async Task La_generation_continue_apres_une_permanence_en_echec()
    {
        app.Horloge.Regler(Depart);
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        var cassee = await Scenario.PermanenceAsync(app, lieu.Id, [m[0].Id], [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(10, 0));
        var saine = await Scenario.PermanenceAsync(app, lieu.Id, [m[0].Id], [DayOfWeek.Tuesday], new TimeOnly(9, 0), new TimeOnly(10, 0));
        // A row no version of the code can read (written by hand or by another version): loading it throws.
        await app.AvecDb(db => db.Database.ExecuteSqlAsync($"UPDATE \"Permanences\" SET \"Type\" = 'Quotidienne' WHERE \"Id\" = {cassee}"));
        var avant = await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == saine).MaxAsync(c => c.Debut));
        app.Horloge.Regler(Depart.AddDays(28));
        var journal = new Journal();
        var bilan = await app.AvecDb(db => GenererCreneaux.GenererAsync(db, app.Horloge, null, new NotificationsOptions(), journal, CancellationToken.None));
        bilan.Echecs.ShouldBeGreaterThanOrEqualTo(1);
        journal.Erreurs.ShouldContain(e => e.Contains($"permanence {cassee} échouée"));
        (await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == saine).MaxAsync(c => c.Debut))).ShouldBe(avant.AddDays(28));
        await app.AvecDb(db => db.Database.ExecuteSqlAsync($"UPDATE \"Permanences\" SET \"Archivee\" = {true} WHERE \"Id\" = {cassee}"));
        app.Horloge.Regler(Depart);
    }

    sealed class Journal : ILogger
    {
        public List<string> Erreurs { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) lock (Erreurs) Erreurs.Add(formatter(state, exception));
        }
    }
}
