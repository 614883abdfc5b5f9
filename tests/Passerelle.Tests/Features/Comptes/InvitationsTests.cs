using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Comptes;

public class InvitationsTests(AppFactoryCourriel app) : IClassFixture<AppFactoryCourriel>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Waits (10 s at most) for what a background job does.</summary>
    static async Task AttendreAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        (await condition()).ShouldBeTrue();
    }

    async Task<int> FicheAsync(int structureId) => await app.AvecDb(async db =>
    {
        var m = new Mediateur { Prenom = "Inès", Nom = "F" + Guid.NewGuid().ToString("N")[..8] };
        m.Employer(structureId, new DateOnly(2024, 1, 1), null);
        db.Mediateurs.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    });

    static string Adresse() => $"invite-{Guid.NewGuid():N}@exemple.fr";

    HttpClient ClientPages() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    async Task<HttpResponseMessage> ConnexionAsync(HttpClient client, string email, string mdp)
    {
        var page = await Formulaires.PageAsync(client, "/connexion");
        return await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]);
    }

    async Task<string> LienRecuAsync(string email)
    {
        (await app.EnvoyerCourrielsAsync()).ShouldBeGreaterThan(0);
        return new Uri(ServeurSmtp.Lien(app.Smtp.Dernier(email), "/compte/activer/")).PathAndQuery;
    }

    async Task<HttpResponseMessage> DefinirMotDePasseAsync(string lien, string mdp)
    {
        var client = ClientPages();
        var page = await Formulaires.PageAsync(client, lien);
        var form = page.QuerySelector<IHtmlFormElement>("main form");
        if (form is null) return new HttpResponseMessage(HttpStatusCode.Gone) { Content = new StringContent(page.QuerySelector("main")!.TextContent) };
        return await Formulaires.SoumettreAsync(client, form, [new("Formulaire.MotDePasse", mdp), new("Formulaire.Confirmation", mdp)]);
    }

    [Fact]
    public async Task Api_201_409_400_et_403_hors_perimetre()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var structure = await Scenario.StructureAsync(app);
        var fiche = await FicheAsync(structure);
        var email = Adresse();

        var r = await admin.PostAsJsonAsync("/api/v1/comptes/invitations", new { email, role = "mediateur", mediateurId = fiche });
        r.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.AvecDb(db => db.Mediateurs.Where(m => m.Id == fiche).Select(m => m.UtilisateurId).SingleAsync()))
            .ShouldBe(await app.AvecDb(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.Destinataire == email && n.Type == Inviter.TypeInvitation))).ShouldBe(1);

        var deja = await admin.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = email.ToUpperInvariant(), role = "financeur", financeur = "Département" });
        deja.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await deja.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("existe déjà");

        var mauvais = await admin.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = "pas-une-adresse", role = "pirate" });
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var probleme = await mauvais.Content.ReadFromJsonAsync<JsonElement>();
        probleme.GetProperty("title").GetString().ShouldBe("Invitation invalide");
        probleme.GetProperty("errors").GetProperty("Email")[0].GetString().ShouldBe("Adresse électronique invalide.");
        probleme.GetProperty("errors").GetProperty("Role")[0].GetString()!.ShouldStartWith("Rôle inconnu");
        (await admin.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = Adresse(), role = "gestionnaire" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A manager invites the mediators of their structures, not another structure's, and no other role.
        var (gestionnaire, _, _, _, _) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        (await gestionnaire.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = Adresse(), role = "mediateur", mediateurId = await FicheAsync(structure) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var ailleurs = await FicheAsync(await Scenario.StructureAsync(app));
        var hors = await gestionnaire.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = Adresse(), role = "mediateur", mediateurId = ailleurs });
        hors.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hors.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Accès refusé");
        (await gestionnaire.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = Adresse(), role = "administrateur" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AvecDb(db => db.Mediateurs.Where(m => m.Id == ailleurs).Select(m => m.UtilisateurId).SingleAsync())).ShouldBeNull();
        var (mediateur, _, _, _, _) = await Scenario.EquipierAsync(app, structure);
        (await mediateur.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = Adresse(), role = "mediateur", mediateurId = ailleurs })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invitation_par_le_formulaire_le_courriel_arrive_le_lien_sert_une_fois()
    {
        app.Horloge.Regler(Depart);
        var structure = await Scenario.StructureAsync(app);
        var fiche = await FicheAsync(structure);
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, "/admin/comptes");
        var email = Adresse();
        var r = await Formulaires.SoumettreAsync(admin, page.QuerySelector<IHtmlFormElement>("form[action*='Inviter']")!,
            [new("Invitation.Email", email), new("Invitation.Role", Roles.Mediateur), new("Invitation.MediateurId", fiche.ToString())]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var liste = await Formulaires.PageAsync(admin, "/admin/comptes?q=" + email);
        liste.QuerySelector("[role=status]")!.TextContent.ShouldContain($"Invitation envoyée à {email}");
        var ligne = liste.QuerySelectorAll("tbody tr").Single();
        ligne.TextContent.ShouldContain("invitation en attente");
        ligne.TextContent.ShouldContain("Médiateur");
        ligne.TextContent.ShouldContain("fiche Inès");

        // The e-mail really leaves through SMTP; its link sets the password once.
        var lien = await LienRecuAsync(email);
        app.Smtp.Dernier(email).Subject.ShouldBe("Votre compte Passerelle");
        (await DefinirMotDePasseAsync(lien, "Court1!")).StatusCode.ShouldBe(HttpStatusCode.OK); // refused: too short, form shown again
        var fait = await DefinirMotDePasseAsync(lien, "Premier-Mot-2025");
        fait.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fait.Headers.Location!.ToString().ShouldBe("/connexion?motdepasse=1");
        var second = await DefinirMotDePasseAsync(lien, "Second-Mot-2025!");
        second.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await second.Content.ReadAsStringAsync()).ShouldContain("Ce lien n'est plus valable");
        var client = ClientPages();
        (await ConnexionAsync(client, email, "Second-Mot-2025!")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ConnexionAsync(client, email, "Premier-Mot-2025")).Headers.Location!.ToString().ShouldBe("/admin");
        (await Formulaires.PageAsync(admin, "/admin/comptes?q=" + email)).QuerySelector("tbody tr")!.TextContent.ShouldContain("actif");
    }

    [Fact]
    public async Task Le_lien_d_invitation_expire_apres_7_jours_et_un_renvoi_en_donne_un_nouveau()
    {
        app.Horloge.Regler(Depart);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var email = Adresse();
        (await admin.PostAsJsonAsync("/api/v1/comptes/invitations", new { email, role = "administrateur" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var lien = await LienRecuAsync(email);
        try
        {
            app.Horloge.Regler(Depart.AddDays(7).AddMinutes(1));
            (await DefinirMotDePasseAsync(lien, "Trop-Tard-2025")).StatusCode.ShouldBe(HttpStatusCode.Gone);
            var pages = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
            var liste = await Formulaires.PageAsync(pages, "/admin/comptes?q=" + email);
            liste.QuerySelector("tbody tr")!.TextContent.ShouldContain("invitation expirée");
            var renvoi = liste.QuerySelectorAll<IHtmlFormElement>("tbody form").Single(f => f.TextContent.Contains("Renvoyer l'invitation"));
            (await Formulaires.SoumettreAsync(pages, renvoi, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var nouveau = await LienRecuAsync(email);
            nouveau.ShouldNotBe(lien);
            app.Horloge.Regler(Depart.AddDays(13));
            (await DefinirMotDePasseAsync(nouveau, "A-Temps-2025x")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        finally { app.Horloge.Regler(Depart); }
    }

    [Fact]
    public async Task Mot_de_passe_oublie_meme_reponse_pour_une_adresse_inconnue_et_lien_par_courriel()
    {
        app.Horloge.Regler(Depart);
        var (email, _) = await app.CreerCompteAsync(Roles.Mediateur);
        async Task<string> DemanderAsync(string adresse)
        {
            var client = ClientPages();
            var page = await Formulaires.PageAsync(client, "/connexion");
            page.QuerySelector<IHtmlAnchorElement>("a[href='/mot-de-passe-oublie']")!.TextContent.ShouldBe("Mot de passe oublié ?");
            var formulaire = await Formulaires.PageAsync(client, "/mot-de-passe-oublie");
            var r = await Formulaires.SoumettreAsync(client, formulaire.QuerySelector<IHtmlFormElement>("main form")!, [new("Email", adresse)]);
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var reponse = await Formulaires.PageAsync(client, r.Headers.Location!.ToString());
            return reponse.QuerySelector("main")!.TextContent;
        }
        var inconnue = "personne-" + Guid.NewGuid().ToString("N") + "@exemple.fr";
        var demandes = app.Services.GetRequiredService<DemandesMotDePasse>();
        var avant = demandes.Recues;
        var pourInconnue = await DemanderAsync(inconnue);
        var pourConnue = await DemanderAsync(email);
        pourInconnue.ShouldBe(pourConnue);
        pourConnue.ShouldContain("Si un compte existe pour cette adresse");
        // Both answers only queued the request (same code path, same time); the account is looked up in the background.
        (demandes.Recues - avant).ShouldBe(2);
        await AttendreAsync(() => app.AvecDb(db => db.Notifications.AnyAsync(n => n.Destinataire == email)));
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.Destinataire == inconnue))).ShouldBe(0);

        var lien = await LienRecuAsync(email);
        app.Smtp.Dernier(email).Subject.ShouldBe("Nouveau mot de passe Passerelle");
        (await DefinirMotDePasseAsync(lien, "Nouveau-Mot-2025")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ConnexionAsync(ClientPages(), email, "Nouveau-Mot-2025")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DefinirMotDePasseAsync(lien, "Encore-Mot-2025")).StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Un_seul_message_de_connexion_que_le_compte_existe_ou_non()
    {
        var (email, mdp) = await app.CreerCompteAsync(Roles.Mediateur);
        async Task<string> MessageAsync(string adresse, string motDePasse)
        {
            var r = await ConnexionAsync(ClientPages(), adresse, motDePasse);
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
            return (await Formulaires.DocumentAsync(r)).QuerySelector("[role=alert]")!.TextContent;
        }
        var inconnu = await MessageAsync("inconnu-" + Guid.NewGuid().ToString("N") + "@exemple.fr", mdp);
        var faux = await MessageAsync(email, "Faux-mot-de-passe-1");
        for (var i = 0; i < 4; i++) await MessageAsync(email, "Faux-mot-de-passe-1");
        // Too soon after five failures the attempt is not heard: the same message tells how long to wait.
        var ralenti = await MessageAsync(email, mdp);
        inconnu.ShouldBe(ConnexionModel.MessageEchec);
        faux.ShouldBe(inconnu);
        ralenti.ShouldBe(ConnexionModel.MessageEchec + " Réessayez dans 30 secondes.");
    }

    [Fact]
    public async Task Un_compte_desactive_ne_se_connecte_plus_et_ses_sessions_cessent()
    {
        app.Horloge.Regler(Depart);
        var structure = await Scenario.StructureAsync(app);
        var (api, _, _, email, mdp) = await Scenario.EquipierAsync(app, structure);
        var session = ClientPages();
        (await ConnexionAsync(session, email, mdp)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var jetons = await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/auth/login", new { email, password = mdp })).Content.ReadFromJsonAsync<JsonElement>();
        (await api.GetAsync("/api/v1/mediateurs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The manager of the structure deactivates the mediator's account from the accounts page.
        var (_, _, _, emailGestion, mdpGestion) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        var gestion = ClientPages();
        await ConnexionAsync(gestion, emailGestion, mdpGestion);
        var liste = await Formulaires.PageAsync(gestion, "/admin/comptes");
        var ligne = liste.QuerySelectorAll("tbody tr").Single(t => t.TextContent.Contains(email));
        var desactiver = ligne.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.TextContent.Contains("Désactiver"));
        (await Formulaires.SoumettreAsync(gestion, desactiver, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.PageAsync(gestion, "/admin/comptes")).QuerySelectorAll("tbody tr").Single(t => t.TextContent.Contains(email)).TextContent.ShouldContain("désactivé");

        try
        {
            // Bearer tokens at once, the session cookie at its next check (one minute).
            (await api.GetAsync("/api/v1/mediateurs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = jetons.GetProperty("refreshToken").GetString() }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            app.Horloge.Regler(Depart.AddMinutes(2));
            var apres = await session.GetAsync("/admin");
            apres.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            apres.Headers.Location!.ToString().ShouldContain("/connexion");
            var refus = await ConnexionAsync(ClientPages(), email, mdp);
            (await Formulaires.DocumentAsync(refus)).QuerySelector("[role=alert]")!.TextContent.ShouldBe(ConnexionModel.MessageEchec);

            // Reactivated, the account signs in again.
            var reactiver = (await Formulaires.PageAsync(gestion, "/admin/comptes")).QuerySelectorAll("tbody tr").Single(t => t.TextContent.Contains(email))
                .QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.TextContent.Contains("Réactiver"));
            (await Formulaires.SoumettreAsync(gestion, reactiver, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await ConnexionAsync(ClientPages(), email, mdp)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        finally { app.Horloge.Regler(Depart); }
    }

    [Fact]
    public async Task Un_gestionnaire_ne_voit_et_ne_touche_que_les_comptes_des_mediateurs_de_ses_structures()
    {
        var structure = await Scenario.StructureAsync(app);
        var (_, _, _, emailSien, _) = await Scenario.EquipierAsync(app, structure);
        var (_, _, _, emailAutre, _) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var (emailAdmin, _) = await app.CreerCompteAsync(Roles.Administrateur);
        var (_, _, _, emailGestion, mdpGestion) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        var gestion = ClientPages();
        await ConnexionAsync(gestion, emailGestion, mdpGestion);
        var liste = await Formulaires.PageAsync(gestion, "/admin/comptes");
        var adresses = liste.QuerySelectorAll("tbody tr td:first-child").Select(t => t.TextContent).ToList();
        adresses.ShouldBe([emailSien]);
        liste.QuerySelectorAll("#invitation-role option").Select(o => o.GetAttribute("value")).ShouldBe([Roles.Mediateur]);
        liste.QuerySelector("#invitation-structures").ShouldBeNull();

        // The same form aimed at an account outside the perimeter is refused and changes nothing.
        var form = liste.QuerySelectorAll("tbody tr").Single().QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.TextContent.Contains("Désactiver"));
        foreach (var cible in new[] { emailAutre, emailAdmin })
        {
            var id = await app.AvecDb(db => db.Users.Where(u => u.Email == cible).Select(u => u.Id).SingleAsync());
            var refus = await Formulaires.SoumettreAsync(gestion, form, [new("id", id)]);
            refus.Headers.Location!.ToString().ShouldContain("/acces-refuse");
            (await app.AvecDb(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync())).ShouldBeNull();
        }
    }

    [Fact]
    public async Task La_liste_montre_la_derniere_connexion_et_le_verrouillage_qui_se_leve()
    {
        app.Horloge.Regler(Depart);
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        (await Formulaires.PageAsync(admin, "/admin/comptes?q=" + email)).QuerySelector("tbody tr")!.TextContent.ShouldContain("jamais");
        await ConnexionAsync(ClientPages(), email, mdp);
        (await Formulaires.PageAsync(admin, "/admin/comptes?q=" + email)).QuerySelector("tbody tr")!.TextContent.ShouldContain("12 mars 2025 à 11h00");
        for (var i = 0; i < 5; i++) await ConnexionAsync(ClientPages(), email, "Faux-mot-de-passe-1");
        var ligne = (await Formulaires.PageAsync(admin, "/admin/comptes?q=" + email)).QuerySelector("tbody tr")!;
        ligne.TextContent.ShouldContain("verrouillé");
        var deverrouiller = ligne.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.TextContent.Contains("Déverrouiller"));
        (await Formulaires.SoumettreAsync(admin, deverrouiller, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ConnexionAsync(ClientPages(), email, mdp)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task La_deconnexion_termine_aussi_les_autres_sessions_et_les_jetons()
    {
        app.Horloge.Regler(Depart);
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        var autre = ClientPages();
        await ConnexionAsync(autre, email, mdp);
        var jetons = await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/auth/login", new { email, password = mdp })).Content.ReadFromJsonAsync<JsonElement>();
        var session = ClientPages();
        await ConnexionAsync(session, email, mdp);
        var admin = await Formulaires.PageAsync(session, "/admin");
        (await Formulaires.SoumettreAsync(session, admin.QuerySelector<IHtmlFormElement>("form[action='/deconnexion']")!, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        try
        {
            (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = jetons.GetProperty("refreshToken").GetString() }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            app.Horloge.Regler(Depart.AddMinutes(2));
            (await autre.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        finally { app.Horloge.Regler(Depart); }
    }
}
