using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>What a person sees around a booking: the confirmation page's practical links, slots that cannot be booked, misspelt communes.</summary>
public class PagesRendezvousTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<(Lieu Lieu, int CreneauId)> CreneauAsync(string commune, string cp)
    {
        var lieu = await Scenario.LieuAsync(app, commune, cp);
        await app.AvecDb(db => db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.Telephone, "+33442443000")));
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Thursday], new TimeOnly(14, 0), new TimeOnly(15, 30));
        var id = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id).OrderBy(c => c.Debut).Select(c => c.Id).FirstAsync());
        return (lieu, id);
    }

    [Fact]
    public async Task La_confirmation_donne_le_telephone_l_itineraire_et_le_fichier_agenda()
    {
        var (lieu, creneau) = await CreneauAsync("Fos-sur-Mer", "13270");
        var client = app.ClientAnonyme();
        var cree = await (await client.PostAsync("/api/v1/reservations", JsonContent.Create(Scenario.Personne(creneau)))).Content.ReadFromJsonAsync<Passerelle.Features.Accompagner.Rendezvous.ReservationCreeeDto>();
        var page = await Formulaires.PageAsync(client, $"/mon-rendez-vous/{cree!.Jeton}?nouveau=true");
        page.QuerySelector("#pratique a[href='tel:+33442443000']")!.TextContent.ShouldBe("04 42 44 30 00");
        page.QuerySelector("#pratique a#itineraire")!.GetAttribute("href").ShouldBe("https://www.openstreetmap.org/directions?to=43.38%2C4.8");
        var ics = await client.GetAsync(page.QuerySelector("a#calendrier")!.GetAttribute("href"));
        ics.StatusCode.ShouldBe(HttpStatusCode.OK);
        ics.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var texte = await ics.Content.ReadAsStringAsync();
        texte.ShouldContain("BEGIN:VEVENT");
        texte.ShouldContain("DTSTART;TZID=Europe/Paris:20250313T140000"); // 13:00 UTC
        texte.ShouldContain(lieu.Nom);
        (await client.GetAsync("/mon-rendez-vous/inconnu.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Un_creneau_complet_ou_passe_le_dit_au_lieu_de_montrer_le_formulaire()
    {
        var (lieu, creneau) = await CreneauAsync("Saint-Chamas", "13250");
        var client = app.ClientAnonyme();
        var libre = await Formulaires.PageAsync(client, $"/rendez-vous/reserver/{creneau}");
        libre.QuerySelector("main form").ShouldNotBeNull();
        libre.QuerySelector("#indisponible").ShouldBeNull();

        await app.AvecDb(db => db.Creneaux.Where(c => c.Id == creneau).ExecuteUpdateAsync(u => u.SetProperty(c => c.Reserves, c => c.Capacite)));
        var complet = await Formulaires.PageAsync(client, $"/rendez-vous/reserver/{creneau}");
        complet.QuerySelector("#indisponible")!.TextContent.ShouldContain("complet");
        complet.QuerySelector("main form").ShouldBeNull();
        complet.QuerySelector($"a[href='/rendez-vous?lieu={lieu.Id}&motif={Passerelle.Features.Accompagner.Motifs.Motif.IdDemarches}']").ShouldNotBeNull();
        // Submitting the old form anyway answers the same message, not an error.
        var r = await Formulaires.SoumettreAsync(client, libre.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Saisie.Prenom", "Marcel"), new("Saisie.Nom", "Roux"), new("Saisie.Telephone", "06 11 22 33 44"), new("Saisie.Consentement", "true")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.DocumentAsync(r)).QuerySelector("#indisponible")!.TextContent.ShouldContain("complet");

        await app.AvecDb(db => db.Creneaux.Where(c => c.Id == creneau).ExecuteUpdateAsync(u => u.SetProperty(c => c.Reserves, 0)));
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 13, 16, 0, 0, TimeSpan.Zero));
        try
        {
            var passe = await Formulaires.PageAsync(client, $"/rendez-vous/reserver/{creneau}");
            passe.QuerySelector("#indisponible")!.TextContent.ShouldContain("passé");
            passe.QuerySelector("main form").ShouldBeNull();
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }

    [Fact]
    public async Task Une_commune_mal_ecrite_propose_la_plus_proche_et_ses_lieux()
    {
        var (lieu, _) = await CreneauAsync("Châteauneuf-les-Martigues", "13220");
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/rendez-vous?commune=chateauneuf%20les%20martiges");
        var suggestion = page.QuerySelector("#suggestion")!;
        suggestion.TextContent.ShouldContain("Vouliez-vous dire Châteauneuf-les-Martigues");
        suggestion.QuerySelector("a")!.GetAttribute("href").ShouldBe("/rendez-vous?commune=Ch%C3%A2teauneuf-les-Martigues");
        suggestion.QuerySelector($"a[href='/lieux/{lieu.Id}']").ShouldNotBeNull();
        // A postcode with one wrong digit.
        var cp = await Formulaires.PageAsync(app.ClientAnonyme(), "/rendez-vous?commune=13229");
        cp.QuerySelector("#suggestion")!.TextContent.ShouldContain("13220 (Châteauneuf-les-Martigues)");
        // The right name finds the slots and suggests nothing; no error box is shown either.
        var juste = await Formulaires.PageAsync(app.ClientAnonyme(), "/rendez-vous?commune=Ch%C3%A2teauneuf-les-Martigues");
        juste.QuerySelectorAll("li.creneau").Length.ShouldBeGreaterThan(0);
        juste.QuerySelector("#suggestion").ShouldBeNull();
        juste.QuerySelector("main form .alerte, main form [data-valmsg-summary], main form .erreur").ShouldBeNull();
    }

    [Fact]
    public async Task Deplacer_demande_confirmation_avant_de_changer_l_heure()
    {
        var (_, creneau) = await CreneauAsync("Lançon-Provence", "13680");
        var client = app.ClientAnonyme();
        var cree = await (await client.PostAsync("/api/v1/reservations", JsonContent.Create(Scenario.Personne(creneau)))).Content.ReadFromJsonAsync<Passerelle.Features.Accompagner.Rendezvous.ReservationCreeeDto>();
        var page = await Formulaires.PageAsync(client, $"/mon-rendez-vous/{cree!.Jeton}");
        page.QuerySelectorAll<IHtmlFormElement>("main form").ShouldBeEmpty();
        var choix = page.QuerySelectorAll("a").First(a => a.TextContent.StartsWith("Déplacer au"));
        var demande = await Formulaires.PageAsync(client, choix.GetAttribute("href")!);
        demande.QuerySelector("#confirmer-deplacement h2")!.TextContent.ShouldBe(choix.TextContent.Replace("Déplacer au", "Déplacer votre rendez-vous au") + "\u00a0?");
        (await app.AvecDb(db => db.Reservations.SingleAsync(r => r.Jeton == cree.Jeton))).CreneauId.ShouldBe(creneau);
        var r = await Formulaires.SoumettreAsync(client, demande.QuerySelector<IHtmlFormElement>("#confirmer-deplacement form")!, []);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Reservations.SingleAsync(x => x.Jeton == cree.Jeton))).CreneauId.ShouldNotBe(creneau);
        // A slot that is not free (here: the current one) is refused with a message, not a form.
        var ancien = await Formulaires.PageAsync(client, $"/mon-rendez-vous/{cree.Jeton}?deplacer={creneau - 100000}");
        ancien.QuerySelector("#confirmer-deplacement").ShouldBeNull();
        ancien.QuerySelector("[role=alert]")!.TextContent.ShouldContain("n'est plus libre");
    }
}
