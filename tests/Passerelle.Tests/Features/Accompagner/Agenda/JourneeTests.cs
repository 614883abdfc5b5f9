using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Agenda;

/// <summary>The mediator's day through the pages, as a browser without JavaScript: the staff menu, the home tiles,
/// the agenda (previous/next day, attendance chosen, back to the same line), and the agenda → came → record → agenda loop.</summary>
public class JourneeTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    async Task<HttpClient> PagesAsync(string email, string mdp)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var connexion = await Formulaires.PageAsync(client, "/connexion");
        var r = await Formulaires.SoumettreAsync(client, connexion.QuerySelector<IHtmlFormElement>("main form")!, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    static List<string> Menu(IDocument page) => page.QuerySelectorAll("#menu-equipe a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Le_menu_de_l_equipe_suit_le_role_et_marque_la_page_courante()
    {
        var (_, _, _, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var mediateur = await PagesAsync(email, mdp);
        var page = await Formulaires.PageAsync(mediateur, "/beneficiaires");
        Menu(page).ShouldBe(["/admin", "/admin/agenda", "/activites", "/beneficiaires", "/statistiques", "/admin/conventions", "/admin/deliberations", "/parcours", "/admin/connexion"]);
        page.QuerySelector("#menu-equipe a[aria-current='page']")!.GetAttribute("href").ShouldBe("/beneficiaires");
        // Every link of the mediator's menu opens (no refusal, no dead end).
        foreach (var lien in Menu(page)) (await mediateur.GetAsync(lien)).StatusCode.ShouldBe(HttpStatusCode.OK, lien);
        (await Formulaires.PageAsync(mediateur, "/admin/agenda")).QuerySelector("#menu-equipe a[aria-current='page']")!.GetAttribute("href").ShouldBe("/admin/agenda");

        var financeur = await Formulaires.ConnecterAsync(app, Roles.Financeur);
        var accueil = await Formulaires.PageAsync(financeur, "/admin");
        Menu(accueil).ShouldBe(["/admin", "/statistiques", "/admin/conventions", "/admin/deliberations", "/admin/financement", "/parcours", "/pilotage", "/admin/connexion"]);
        accueil.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldNotContain("/admin/agenda");
        accueil.QuerySelector("main")!.TextContent.ShouldNotContain("prochaines versions");

        var gestionnaire = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var menuGestion = Menu(await Formulaires.PageAsync(gestionnaire, "/admin/ateliers"));
        menuGestion.ShouldContain("/admin/fermetures");
        menuGestion.ShouldContain("/admin/comptes");
        menuGestion.ShouldNotContain("/admin/structures");

        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var tuiles = (await Formulaires.PageAsync(admin, "/admin")).QuerySelectorAll("main .carte a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var lien in new[] { "/admin/structures", "/admin/comptes", "/admin/fermetures", "/beneficiaires", "/admin/agenda" }) tuiles.ShouldContain(lien);
        // Public pages carry no staff menu for someone not signed in.
        (await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux")).QuerySelector("#menu-equipe").ShouldBeNull();
    }

    [Fact]
    public async Task Agenda_presence_compte_rendu_et_retour_a_l_agenda()
    {
        var (_, mediateurId, lieuId, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        await Scenario.PermanenceAsync(app, lieuId, [mediateurId!.Value], [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var c = await app.AvecDb(db => db.Creneaux.Where(x => x.LieuId == lieuId).OrderBy(x => x.Debut).FirstAsync());
        (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(c.Id, prenom: "Ginette"))).EnsureSuccessStatusCode();
        var rid = await app.AvecDb(db => db.Reservations.Where(r => r.CreneauId == c.Id).Select(r => r.Id).SingleAsync());
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 13, 10, 0, 0, TimeSpan.Zero));
        try
        {
            var client = await PagesAsync(email, mdp);
            var agenda = await Formulaires.PageAsync(client, "/admin/agenda");
            agenda.QuerySelector("#navigation-jours a[rel='prev']")!.GetAttribute("href").ShouldBe("/admin/agenda?date=2025-03-12");
            agenda.QuerySelector("#navigation-jours a[rel='next']")!.GetAttribute("href").ShouldBe("/admin/agenda?date=2025-03-14");
            (await Formulaires.PageAsync(client, "/admin/agenda?date=2025-03-12")).QuerySelector($"#rdv-{rid}").ShouldBeNull();
            var ligne = agenda.QuerySelector($"#rdv-{rid}")!;
            ligne.QuerySelectorAll("button[aria-pressed='true']").Length.ShouldBe(0);

            // "Came": back to the same line of the same day, the choice shown.
            var form = ligne.QuerySelector<IHtmlFormElement>("form")!;
            var r = await Formulaires.SoumettreAsync(client, form, [new("statut", "Honoree")]);
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            r.Headers.Location!.ToString().ShouldBe($"/admin/agenda?date=2025-03-13#rdv-{rid}");
            agenda = await Formulaires.PageAsync(client, r.Headers.Location.ToString());
            ligne = agenda.QuerySelector($"#rdv-{rid}")!;
            // The line takes the focus (fragment target, tabindex=-1) and announces the change in its own status region.
            ligne.GetAttribute("tabindex").ShouldBe("-1");
            var annonce = ligne.QuerySelector("[role='status']")!;
            annonce.TextContent.ShouldBe("Présence notée : Venu(e).");
            ligne.GetAttribute("aria-describedby").ShouldBe(annonce.Id);
            agenda.QuerySelectorAll("[role='status']").Length.ShouldBe(1);
            // Read once: a reload shows no stale message.
            (await Formulaires.PageAsync(client, r.Headers.Location.ToString())).QuerySelector($"#rdv-{rid} [role='status']").ShouldBeNull();
            ligne.QuerySelector("button[aria-pressed='true']")!.GetAttribute("value").ShouldBe("Honoree");
            ligne.QuerySelector("button[value='Absente']")!.GetAttribute("aria-pressed").ShouldBe("false");
            ligne.QuerySelector(".compte-rendu-fait").ShouldBeNull();

            // The record, pre-filled, confirmed: back to the agenda with a message, and no second record offered.
            var nouvelle = await Formulaires.PageAsync(client, ligne.QuerySelector("a[href^='/activites/nouvelle?reservation=']")!.GetAttribute("href")!);
            r = await Formulaires.SoumettreAsync(client, nouvelle.QuerySelector<IHtmlFormElement>("main form[method='post']")!, []);
            r.Headers.Location!.ToString().ShouldBe($"/admin/agenda?date=2025-03-13#rdv-{rid}");
            agenda = await Formulaires.PageAsync(client, r.Headers.Location.ToString());
            agenda.QuerySelector("[role='status']")!.TextContent.ShouldContain("Compte rendu enregistré");
            ligne = agenda.QuerySelector($"#rdv-{rid}")!;
            var activiteId = await app.AvecDb(db => db.Activites.Where(a => a.ReservationId == rid).Select(a => a.Id).SingleAsync());
            ligne.QuerySelector(".compte-rendu-fait")!.TextContent.ShouldContain("Compte rendu fait ✓");
            ligne.QuerySelector(".compte-rendu-fait a")!.GetAttribute("href").ShouldBe($"/activites/nouvelle?id={activiteId}");
            ligne.QuerySelector("a[href^='/activites/nouvelle?reservation=']").ShouldBeNull();
        }
        finally { app.Horloge.Regler(Depart); }
    }

    [Fact]
    public async Task La_liste_des_comptes_rendus_se_filtre_et_se_pagine_avec_le_vrai_total()
    {
        var (api, mediateurId, lieuId, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var personne = await app.AvecDb(async db =>
        {
            var structure = await db.Mediateurs.Where(m => m.Id == mediateurId).SelectMany(m => m.Emplois.Select(e => e.StructureId)).FirstAsync();
            var b = new Passerelle.Features.Accompagner.Beneficiaires.Beneficiaire { StructureId = structure, Suivi = true, Prenom = "Odette", Nom = "Vasseur", NomRecherche = "odette vasseur", ConsentementLe = new DateTime(2025, 1, 2), CreeLe = new DateTime(2025, 1, 2), ModifieLe = new DateTime(2025, 1, 2), DerniereActiviteLe = new DateTime(2025, 1, 2) };
            db.Beneficiaires.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        // 60 individual records in February, 1 of them with Odette; 3 workshops of 4 people in March.
        for (var i = 0; i < 60; i++)
            (await api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = $"2025-02-{1 + i % 28:00}", duree = 30, typeLieu = "Lieu d'activité", lieuId,
                themes = new[] { "E-mail" }, beneficiaireId = i == 7 ? personne : (int?)null })).StatusCode.ShouldBe(HttpStatusCode.Created);
        for (var i = 0; i < 3; i++)
            (await api.PostAsJsonAsync("/api/v1/activites", new { type = "Atelier collectif", date = "2025-03-03", duree = 120, typeLieu = "Lieu d'activité", lieuId,
                themes = new[] { "Navigation sur internet" }, participantsAnonymes = 4 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var client = await PagesAsync(email, mdp);

        var tout = await Formulaires.PageAsync(client, "/activites");
        tout.QuerySelector("#total-activites")!.TextContent.ShouldContain("63 compte(s) rendu(s), 72 accompagnement(s)");
        tout.QuerySelectorAll("#activites tbody tr").Length.ShouldBe(50);
        var suivante = tout.QuerySelector(".pagination a[rel='next']")!.GetAttribute("href")!;
        (await Formulaires.PageAsync(client, suivante)).QuerySelectorAll("#activites tbody tr").Length.ShouldBe(13);

        // The filter form, as typed: workshops of March.
        var filtre = await Formulaires.SoumettreGetAsync(client, tout.QuerySelector<IHtmlFormElement>("#filtres-activites")!, [new("du", "2025-03-01"), new("au", "2025-03-31"), new("type", "Atelier collectif")]);
        filtre.QuerySelector("#total-activites")!.TextContent.ShouldContain("3 compte(s) rendu(s), 12 accompagnement(s)");
        filtre.QuerySelector(".pagination").ShouldBeNull();
        var odette = await Formulaires.PageAsync(client, "/activites?personne=vasseur");
        odette.QuerySelector("#total-activites")!.TextContent.ShouldContain("1 compte(s) rendu(s)");
        odette.QuerySelector("#activites tbody")!.TextContent.ShouldContain("Odette Vasseur");
        var periodeAbsurde = await Formulaires.PageAsync(client, "/activites?du=2025-03-10&au=2025-03-01&page=-5");
        periodeAbsurde.QuerySelector("[role='alert']")!.TextContent.ShouldContain("avant son début");
    }

    [Fact]
    public async Task Au_guichet_un_nom_suffit_pour_l_equipe_pas_pour_le_public()
    {
        var (api, mediateurId, lieuId, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        await Scenario.PermanenceAsync(app, lieuId, [mediateurId!.Value], [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(10, 30));
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(x => x.LieuId == lieuId).OrderBy(x => x.Debut).Select(x => x.Id).Take(2).ToListAsync());
        var sansContact = new { creneauId = creneaux[0], prenom = "Marcel", nom = "Pagnol" };

        // The public still needs a way to receive the confirmation; the desk does not.
        (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", new { sansContact.creneauId, sansContact.prenom, sansContact.nom, consentement = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations/guichet", sansContact)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.ClientApiAsync(Roles.Financeur)).PostAsJsonAsync("/api/v1/reservations/guichet", sansContact)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var mauvais = await api.PostAsJsonAsync("/api/v1/reservations/guichet", new { creneauId = creneaux[0], prenom = "Marcel", nom = "", telephone = "12" });
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var probleme = await mauvais.Content.ReadAsStringAsync();
        probleme.ShouldContain("Indiquez le nom de la personne.");
        probleme.ShouldContain("Numéro de téléphone invalide");
        var r = await api.PostAsJsonAsync("/api/v1/reservations/guichet", sansContact);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var resa = await app.AvecDb(db => db.Reservations.SingleAsync(x => x.CreneauId == creneaux[0]));
        (resa.Telephone, resa.Email, resa.ReserveParUtilisateurId is not null).ShouldBe((null, null, true));
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.ReservationId == resa.Id))).ShouldBe(0); // nobody to send to
        (await app.AvecDb(db => db.Creneaux.Where(c => c.Id == creneaux[0]).Select(c => c.Reserves).SingleAsync())).ShouldBe(1);

        // The page: the free slots of the place on that day, a name, and back to the agenda at the booking.
        var client = await PagesAsync(email, mdp);
        var page = await Formulaires.PageAsync(client, $"/admin/agenda/guichet?lieu={lieuId}&date=2025-03-13");
        page.QuerySelectorAll("#form-guichet input[name='Saisie.CreneauId']").Select(i => i.GetAttribute("value")).ShouldNotContain(creneaux[0].ToString()); // taken
        var form = page.QuerySelector<IHtmlFormElement>("#form-guichet")!;
        var erreur = await Formulaires.SoumettreAsync(client, form, [new("Saisie.CreneauId", creneaux[1].ToString()), new("Saisie.Prenom", "Fanny")]);
        erreur.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(erreur);
        doc.QuerySelector("#err-nom")!.TextContent.ShouldContain("Indiquez le nom");
        doc.QuerySelector("#nom")!.GetAttribute("aria-describedby").ShouldBe("err-nom");
        var ok = await Formulaires.SoumettreAsync(client, doc.QuerySelector<IHtmlFormElement>("#form-guichet")!,
            [new("Saisie.CreneauId", creneaux[1].ToString()), new("Saisie.Prenom", "Fanny"), new("Saisie.Nom", "Cabanis")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var rid = await app.AvecDb(db => db.Reservations.Where(x => x.CreneauId == creneaux[1]).Select(x => x.Id).SingleAsync());
        // A mediator goes back to their own agenda of that day (the place's agenda is for its managers).
        ok.Headers.Location!.ToString().ShouldBe($"/admin/agenda?date=2025-03-13#rdv-{rid}");
        var agenda = await Formulaires.PageAsync(client, "/admin/agenda?date=2025-03-13");
        agenda.QuerySelector($"#rdv-{rid}")!.TextContent.ShouldContain("Fanny Cabanis");
        agenda.QuerySelector("[role='status']")!.TextContent.ShouldContain("aucun message ne lui sera envoyé");
        // From the public slot page, staff are offered the desk form for that slot.
        var publique = await Formulaires.PageAsync(client, $"/rendez-vous/reserver/{creneaux[1] + 1}");
        publique.QuerySelector($"a[href='/admin/agenda/guichet?creneau={creneaux[1] + 1}']").ShouldNotBeNull();
    }

    [Fact]
    public void Chaque_theme_national_est_dans_un_seul_groupe()
    {
        var groupes = Passerelle.Features.Referentiels.VocabulaireCoop.GroupesThemes.SelectMany(g => g.Themes).ToList();
        groupes.Order().ShouldBe(Passerelle.Features.Referentiels.VocabulaireCoop.Themes.Order());
    }

    [Fact]
    public async Task Le_formulaire_de_compte_rendu_range_les_champs_par_type_et_cherche_la_personne()
    {
        var (api, mediateurId, _, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var structure = await app.AvecDb(db => db.Mediateurs.Where(m => m.Id == mediateurId).SelectMany(m => m.Emplois.Select(e => e.StructureId)).FirstAsync());
        var ids = await app.AvecDb(async db =>
        {
            var jour = new DateTime(2025, 1, 2);
            var personnes = new[] { ("Paulette", "Brunet"), ("Raymond", "Brunel"), ("Zoé", "Lambert") }
                .Select(p => new Passerelle.Features.Accompagner.Beneficiaires.Beneficiaire { StructureId = structure, Suivi = true, Prenom = p.Item1, Nom = p.Item2,
                    NomRecherche = Passerelle.Web.Texte.Normaliser($"{p.Item2} {p.Item1}"), ConsentementLe = jour, CreeLe = jour, ModifieLe = jour, DerniereActiviteLe = jour }).ToList();
            db.Beneficiaires.AddRange(personnes);
            await db.SaveChangesAsync();
            return personnes.Select(p => p.Id).ToList();
        });
        var client = await PagesAsync(email, mdp);
        var page = await Formulaires.PageAsync(client, "/activites/nouvelle?canal=hotline");
        // Without JavaScript every field shows, under a heading naming its type; a script file (CSP: no inline script) hides the other type's.
        var individuel = page.QuerySelector("#section-individuel")!;
        individuel.QuerySelector("legend")!.TextContent.ShouldBe("Pour un accompagnement individuel seulement");
        individuel.QuerySelector("#beneficiaire").ShouldNotBeNull();
        individuel.QuerySelector("#autonomie").ShouldNotBeNull();
        var collectif = page.QuerySelector("#section-collectif")!;
        collectif.QuerySelector("legend")!.TextContent.ShouldBe("Pour un atelier collectif seulement");
        collectif.QuerySelector("#participants").ShouldNotBeNull();
        collectif.QuerySelector("#niveau").ShouldNotBeNull();
        page.QuerySelector("script[src^='/js/compte-rendu.js']").ShouldNotBeNull();
        page.QuerySelectorAll("script:not([src])").Length.ShouldBe(0);
        // Themes: a few groups, each a fieldset with its legend, every theme once.
        var groupes = page.QuerySelectorAll("#themes .sous-groupes fieldset.sous-groupe");
        groupes.Length.ShouldBe(4);
        groupes.SelectMany(g => g.QuerySelectorAll("input[name='Saisie.Themes']")).Select(i => i.GetAttribute("value")).Order()
            .ShouldBe(Passerelle.Features.Referentiels.VocabulaireCoop.Themes.Order());

        // The person search without JavaScript: a GET of the page that keeps its origin and lists the matches.
        page.QuerySelector("#recherche-personne-champ")!.GetAttribute("form").ShouldBe("recherche-personne");
        var recherche = page.QuerySelector<IHtmlFormElement>("#recherche-personne")!;
        recherche.Method.ShouldBe("get");
        var trouve = await Formulaires.SoumettreGetAsync(client, recherche, [new("recherche", "brune")]);
        new Uri(trouve.Url).Query.ShouldContain("canal=hotline");
        trouve.QuerySelector("#recherche-personne-statut")!.TextContent.ShouldContain("2 personne(s) trouvée(s)");
        trouve.QuerySelectorAll("#beneficiaire option").Select(o => o.GetAttribute("value")).ShouldBe(["", ids[1].ToString(), ids[0].ToString()], ignoreOrder: true);
        trouve.QuerySelector("#typelieu option[selected]")!.TextContent.ShouldBe("À distance"); // the hotline preset is kept

        // Choose Paulette and save: the record is hers.
        var r = await Formulaires.SoumettreAsync(client, trouve.QuerySelector<IHtmlFormElement>("#form-compte-rendu")!,
            [new("Saisie.BeneficiaireId", ids[0].ToString()), new("Saisie.Themes", "E-mail")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await app.AvecDb(db => db.Activites.Where(a => a.MediateurId == mediateurId).Select(a => a.BeneficiaireId).SingleAsync())).ShouldBe(ids[0]);
        // The search the script calls as people type: the same matches through the API.
        var json = await api.GetFromJsonAsync<List<Passerelle.Features.Accompagner.Beneficiaires.BeneficiaireResume>>("/api/v1/beneficiaires?max=20&q=brune");
        json!.Select(b => b.Id).Order().ShouldBe(new[] { ids[0], ids[1] }.Order());
    }

    [Fact]
    public async Task Le_compte_rendu_d_un_atelier_ramene_a_l_agenda_et_n_est_pas_propose_deux_fois()
    {
        var (_, _, lieuId, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var session = await Scenario.SessionAsync(app, lieuId, new DateTime(2025, 3, 13, 8, 0, 0, DateTimeKind.Utc), capacite: 8);
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 13, 11, 0, 0, TimeSpan.Zero));
        try
        {
            var client = await PagesAsync(email, mdp);
            var agenda = await Formulaires.PageAsync(client, "/admin/agenda");
            var lien = agenda.QuerySelector($"#session-{session.Id} a[href='/activites/nouvelle?session={session.Id}']")!;
            var nouvelle = await Formulaires.PageAsync(client, lien.GetAttribute("href")!);
            var r = await Formulaires.SoumettreAsync(client, nouvelle.QuerySelector<IHtmlFormElement>("#form-compte-rendu")!, [new("Saisie.ParticipantsAnonymes", "6")]);
            r.Headers.Location!.ToString().ShouldBe($"/admin/agenda?date=2025-03-13#session-{session.Id}");
            agenda = await Formulaires.PageAsync(client, r.Headers.Location.ToString());
            var ligne = agenda.QuerySelector($"#session-{session.Id}")!;
            ligne.QuerySelector(".compte-rendu-fait")!.TextContent.ShouldContain("Compte rendu fait ✓");
            ligne.QuerySelector("a[href^='/activites/nouvelle?session=']").ShouldBeNull();
            var feuille = await Formulaires.PageAsync(client, $"/admin/agenda/session/{session.Id}");
            feuille.QuerySelector(".compte-rendu-fait a")!.GetAttribute("href")!.ShouldStartWith("/activites/nouvelle?id=");
            feuille.QuerySelector($"a[href='/activites/nouvelle?session={session.Id}']").ShouldBeNull();
            (await app.AvecDb(db => db.Activites.SingleAsync(a => a.SessionAtelierId == session.Id))).ParticipantsAnonymes.ShouldBe(6);
        }
        finally { app.Horloge.Regler(Depart); }
    }
}
