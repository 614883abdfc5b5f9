using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>The public booking and the mediator's day, without JavaScript.</summary>
public class RendezvousPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Reserver_par_le_formulaire_puis_annuler_depuis_le_lien()
    {
        var lieu = await Scenario.LieuAsync(app, commune: "Fos-sur-Mer", codePostal: "13270");
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Thursday], new TimeOnly(14, 0), new TimeOnly(15, 30));
        var client = app.ClientAnonyme();
        var recherche = await Formulaires.PageAsync(client, "/rendez-vous?commune=Fos-sur-Mer");
        var choix = recherche.QuerySelectorAll("li.creneau a").First();
        choix.TextContent.ShouldStartWith("14h00");
        var page = await Formulaires.PageAsync(client, choix.GetAttribute("href")!);
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;

        var sansConsentement = await Formulaires.SoumettreAsync(client, form, [new("Saisie.Prenom", "Marcel"), new("Saisie.Nom", "Roux"), new("Saisie.Telephone", "06 11 22 33 44")]);
        sansConsentement.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.DocumentAsync(sansConsentement)).QuerySelector("#erreurs")!.TextContent.ShouldContain("Cochez la case");

        var r = await Formulaires.SoumettreAsync(client, form, [new("Saisie.Prenom", "Marcel"), new("Saisie.Nom", "Roux"), new("Saisie.Telephone", "06 11 22 33 44"), new("Saisie.Consentement", "true")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lien = r.Headers.Location!.ToString();
        lien.ShouldStartWith("/mon-rendez-vous/");
        var confirmation = await Formulaires.PageAsync(client, lien);
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("Votre rendez-vous est confirmé");
        confirmation.QuerySelector("#quand")!.TextContent.ShouldStartWith("jeudi 13 mars 2025 à 14h00");
        confirmation.QuerySelector("main")!.TextContent.ShouldContain("pièce d'identité");

        // Cancelling takes two steps: the button opens a confirmation, which alone posts.
        confirmation.QuerySelectorAll<IHtmlFormElement>("main form").ShouldNotContain(f => f.TextContent.Contains("Annuler"));
        var demande = await Formulaires.PageAsync(client, confirmation.QuerySelector("a#annuler")!.GetAttribute("href")!);
        demande.QuerySelector("#confirmer-annulation h2")!.TextContent.ShouldContain("Voulez-vous vraiment annuler");
        demande.QuerySelector("#confirmer-annulation a")!.GetAttribute("href").ShouldBe(lien.Split('?')[0]);
        (await app.AvecDb(db => db.Reservations.SingleAsync(x => x.Jeton == lien.Split('?')[0].Substring("/mon-rendez-vous/".Length)))).Statut.ShouldBe(StatutReservation.Confirmee);
        var annuler = demande.QuerySelector<IHtmlFormElement>("#confirmer-annulation form")!;
        var apres = await Formulaires.SoumettreAsync(client, annuler, []);
        apres.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var annule = await Formulaires.PageAsync(client, apres.Headers.Location!.ToString().Split('?')[0]);
        annule.QuerySelector("#etat")!.TextContent.ShouldBe("Annulé");
        annule.QuerySelector("[role=status]")!.TextContent.ShouldContain("C'est annulé");
        annule.QuerySelector("a#reprendre")!.GetAttribute("href").ShouldBe($"/rendez-vous?lieu={lieu.Id}&motif={Passerelle.Features.Accompagner.Motifs.Motif.IdDemarches}");
        annule.QuerySelector("a#annuler").ShouldBeNull();
        (await client.GetAsync("/mon-rendez-vous/jeton-inconnu")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Le_mediateur_ouvre_sa_journee_et_note_la_presence()
    {
        var lieu = await Scenario.LieuAsync(app);
        var (email, mdp) = await app.CreerCompteAsync(Roles.Mediateur);
        var m = await Scenario.MediateursAsync(app, 1);
        await app.AvecDb(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            await db.Mediateurs.Where(x => x.Id == m[0].Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.UtilisateurId, userId));
        });
        await Scenario.PermanenceAsync(app, lieu.Id, [m[0].Id], [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var c = await app.AvecDb(db => db.Creneaux.Where(x => x.LieuId == lieu.Id).OrderBy(x => x.Debut).FirstAsync());
        (await app.ClientAnonyme().PostAsync("/api/v1/reservations", System.Net.Http.Json.JsonContent.Create(Scenario.Personne(c.Id, prenom: "Odette")))).EnsureSuccessStatusCode();

        app.Horloge.Regler(new DateTimeOffset(2025, 3, 13, 8, 30, 0, TimeSpan.Zero));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var connexion = await Formulaires.PageAsync(client, "/connexion");
        (await Formulaires.SoumettreAsync(client, connexion.QuerySelector<IHtmlFormElement>("main form")!, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var jour = await Formulaires.PageAsync(client, "/admin/agenda?date=2025-03-13");
        var ligne = jour.QuerySelectorAll("#rendez-vous tbody tr").Single();
        ligne.TextContent.ShouldContain("Odette Martin");
        var form = ligne.QuerySelector<IHtmlFormElement>("form")!;
        var r = await Formulaires.SoumettreAsync(client, form, [new("statut", "Honoree")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Reservations.SingleAsync(x => x.CreneauId == c.Id))).Statut.ShouldBe(StatutReservation.Honoree);
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
    }
}
