using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Ateliers;

/// <summary>Workshops after creation: registrations and waiting list, capacity, cancellation with messages, walk-ins.</summary>
public class GestionSessionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A session in three days at a place of a new structure, full (2 seats) with one person waiting; its manager.</summary>
    async Task<(SessionAtelier Session, HttpClient Api, string Email, string MotDePasse)> SessionPleineAsync()
    {
        var structure = await Scenario.StructureAsync(app);
        var (api, _, lieuId, email, mdp) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        await app.AvecDb(db => db.Lieux.Where(l => l.Id == lieuId).ExecuteUpdateAsync(u => u.SetProperty(l => l.StructureId, structure)));
        var s = await Scenario.SessionAsync(app, lieuId, Depart.UtcDateTime.AddDays(3), capacite: 2);
        foreach (var prenom in new[] { "Aline", "Bruno", "Chloé" })
            (await app.ClientAnonyme().PostAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/inscriptions",
                new { prenom, nom = "Roux", email = $"{prenom.ToLowerInvariant()}@exemple.fr", consentement = true })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return (s, api, email, mdp);
    }

    async Task<HttpClient> PagesAsync(string email, string mdp)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var connexion = await Formulaires.PageAsync(client, "/connexion");
        (await Formulaires.SoumettreAsync(client, connexion.QuerySelector<IHtmlFormElement>("main form")!, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task Par_l_api_le_gestionnaire_voit_les_inscrits_et_change_les_places()
    {
        var (s, api, _, _) = await SessionPleineAsync();
        var liste = await api.GetFromJsonAsync<ParticipantsSessionDto>($"/api/v1/ateliers/sessions/{s.Id}/participants");
        (liste!.Participants.Count, liste.ListeAttente.Single().Prenom).ShouldBe((2, "Chloé"));

        var trop = await api.PutAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/capacite", new { capacite = 1 });
        trop.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await trop.Content.ReadAsStringAsync()).ShouldContain("ne peut pas descendre en dessous");
        (await api.PutAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/capacite", new { capacite = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var plus = await api.PutAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/capacite", new { capacite = 4 });
        plus.StatusCode.ShouldBe(HttpStatusCode.OK);
        var apres = await plus.Content.ReadFromJsonAsync<ParticipantsSessionDto>();
        (apres!.Capacite, apres.Inscrits, apres.ListeAttente.Count).ShouldBe((4, 3, 0)); // the person waiting got the new seat
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.Type == "promotion" && n.Destinataire == "chloé@exemple.fr"))).ShouldBe(1);

        // Another structure's manager does not see it; a mediator or a funder may not manage workshops.
        var (autre, _, _, _, _) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app), Roles.Gestionnaire);
        (await autre.GetAsync($"/api/v1/ateliers/sessions/{s.Id}/participants")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await autre.PostAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/annulation", new { motif = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientApiAsync(Roles.Mediateur)).PutAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/capacite", new { capacite = 9 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AvecDb(db => db.SessionsAteliers.SingleAsync(x => x.Id == s.Id))).Annulee.ShouldBeFalse();
    }

    [Fact]
    public async Task Par_la_page_le_gestionnaire_annule_une_session_et_chacun_est_prevenu()
    {
        var (s, _, email, mdp) = await SessionPleineAsync();
        var client = await PagesAsync(email, mdp);
        var gestion = await Formulaires.PageAsync(client, "/admin/ateliers");
        gestion.QuerySelectorAll("#sessions-a-venir a").Select(a => a.GetAttribute("href")).ShouldContain($"/admin/ateliers/sessions/{s.Id}");
        var page = await Formulaires.PageAsync(client, $"/admin/ateliers/sessions/{s.Id}");
        page.QuerySelector("#inscrits tbody")!.TextContent.ShouldContain("Aline Roux");
        page.QuerySelector("#attente")!.TextContent.ShouldContain("Chloé Roux");

        // Below the people registered: refused next to the field.
        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("#form-capacite")!, [new("Capacite", "1")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(r);
        doc.QuerySelector("#err-capacite")!.TextContent.ShouldContain("ne peut pas descendre en dessous");
        doc.QuerySelector("#capacite")!.GetAttribute("aria-describedby").ShouldBe("aide-capacite err-capacite");

        // Cancelling needs the box ticked, then tells each person registered or waiting.
        r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("#form-annuler")!, [new("Motif", "Animatrice malade")]);
        (await Formulaires.DocumentAsync(r)).QuerySelector("#err-confirmation").ShouldNotBeNull();
        (await app.AvecDb(db => db.SessionsAteliers.SingleAsync(x => x.Id == s.Id))).Annulee.ShouldBeFalse();
        r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("#form-annuler")!, [new("Motif", "Animatrice malade"), new("Confirmation", "true")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var apres = await Formulaires.PageAsync(client, r.Headers.Location!.ToString());
        apres.QuerySelector("[role='status']")!.TextContent.ShouldContain("3 personne(s) prévenue(s)");
        apres.QuerySelector("#etat-session")!.TextContent.ShouldBe("Session annulée");
        var messages = await app.AvecDb(db => db.Notifications.Where(n => n.Type == "annulation" && db.Inscriptions.Any(i => i.Id == n.InscriptionId && i.SessionId == s.Id)).Select(n => new { n.Destinataire, n.Sujet, n.Corps }).ToListAsync());
        messages.Select(m => m.Destinataire).Order().ShouldBe(["aline@exemple.fr", "bruno@exemple.fr", "chloé@exemple.fr"]);
        messages.ShouldAllBe(m => m.Sujet.StartsWith("Atelier annulé") && m.Corps.Contains("Animatrice malade"));
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.Type == "rappel" && db.Inscriptions.Any(i => i.Id == n.InscriptionId && i.SessionId == s.Id) && n.Etat == Passerelle.Features.Notifications.EtatNotification.EnAttente))).ShouldBe(0);
        (await app.AvecDb(db => db.Inscriptions.CountAsync(i => i.SessionId == s.Id && i.Statut != StatutInscription.Annulee))).ShouldBe(0);
        // No longer offered to the public.
        (await app.ClientAnonyme().GetFromJsonAsync<SessionsDto>("/api/v1/ateliers/sessions"))!.Items.ShouldNotContain(x => x.Id == s.Id);
    }

    [Fact]
    public async Task Une_personne_venue_sans_inscription_s_ajoute_a_la_feuille()
    {
        var (s, _, _, _) = await SessionPleineAsync();
        var (api, mediateurId, _, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        // A mediator of another place is refused; once working at the session's place, allowed.
        (await api.PostAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/presents", new { prenom = "Denis", nom = "Roux" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await app.AvecDb(async db =>
        {
            var m = await db.Mediateurs.Include(x => x.Lieux).SingleAsync(x => x.Id == mediateurId);
            m.Lieux.Add(await db.Lieux.SingleAsync(l => l.Id == s.LieuId));
            await db.SaveChangesAsync();
        });
        // Not before the day of the workshop.
        (await api.PostAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/presents", new { prenom = "Denis", nom = "Roux" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        app.Horloge.Regler(new DateTimeOffset(s.Debut.AddMinutes(10), TimeSpan.Zero));
        try
        {
            api = await app.ClientApiAsync(email, mdp); // the earlier token has expired with the moved clock
            (await (await app.ClientApiAsync(Roles.Financeur)).PostAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/presents", new { prenom = "X", nom = "Y" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var vide = await api.PostAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/presents", new { prenom = "Denis", nom = "" });
            vide.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await vide.Content.ReadAsStringAsync());
            (await api.PostAsJsonAsync($"/api/v1/ateliers/sessions/{s.Id}/presents", new { prenom = "Denis", nom = "Roux" })).StatusCode.ShouldBe(HttpStatusCode.Created);

            var client = await PagesAsync(email, mdp);
            var feuille = await Formulaires.PageAsync(client, $"/admin/agenda/session/{s.Id}");
            var r = await Formulaires.SoumettreAsync(client, feuille.QuerySelector<IHtmlFormElement>("#form-sur-place")!, [new("prenom", "Emma"), new("nom", "Roux")]);
            r.Headers.Location!.ToString().ShouldBe($"/admin/agenda/session/{s.Id}#sur-place");
            var apres = await Formulaires.PageAsync(client, r.Headers.Location.ToString());
            apres.QuerySelector("#emargement tbody")!.TextContent.ShouldContain("Emma");
            apres.QuerySelector("[role='status']")!.TextContent.ShouldContain("Emma Roux ajouté(e) à la feuille");
            var session = await app.AvecDb(db => db.SessionsAteliers.SingleAsync(x => x.Id == s.Id));
            (session.Inscrits, session.Capacite).ShouldBe((4, 4)); // the room was full: two more chairs
            (await app.AvecDb(db => db.Inscriptions.CountAsync(i => i.SessionId == s.Id && i.Statut == StatutInscription.Honoree))).ShouldBe(2);

            // Attendance of a registered person: back to her line, the choice shown.
            var aline = await app.AvecDb(db => db.Inscriptions.Where(i => i.SessionId == s.Id && i.Prenom == "Aline").Select(i => i.Id).SingleAsync());
            apres.QuerySelector($"#ins-{aline} button[aria-pressed='true']").ShouldBeNull();
            r = await Formulaires.SoumettreAsync(client, apres.QuerySelector<IHtmlFormElement>($"#ins-{aline} form")!, [new("statut", "Honoree")]);
            r.Headers.Location!.ToString().ShouldBe($"/admin/agenda/session/{s.Id}#ins-{aline}");
            (await Formulaires.PageAsync(client, r.Headers.Location.ToString())).QuerySelector($"#ins-{aline} button[aria-pressed='true']")!.GetAttribute("value").ShouldBe("Honoree");
        }
        finally { app.Horloge.Regler(Depart); }
    }
}
