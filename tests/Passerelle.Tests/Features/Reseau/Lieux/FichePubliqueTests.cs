using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau.Lieux;

/// <summary>The public search and a place's page: itinerary, links to book and to workshops, French numbers, misspellings.</summary>
public class FichePubliqueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task La_fiche_donne_un_itineraire_juste_et_mene_a_la_reservation_et_aux_ateliers()
    {
        var lieu = await Scenario.LieuAsync(app, "Sausset-les-Pins", "13960");
        var client = app.ClientAnonyme();
        var avant = await Formulaires.PageAsync(client, $"/lieux/{lieu.Id}");
        avant.QuerySelector("a#itineraire")!.GetAttribute("href").ShouldBe("https://www.openstreetmap.org/directions?to=43.38%2C4.8");
        avant.QuerySelector("a#reserver-ici").ShouldBeNull();
        avant.QuerySelector("#ateliers-lieu").ShouldBeNull();

        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(10, 0));
        var session = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 3, 20, 13, 0, 0, DateTimeKind.Utc), 8);
        var apres = await Formulaires.PageAsync(client, $"/lieux/{lieu.Id}");
        apres.QuerySelector("a#reserver-ici")!.GetAttribute("href").ShouldBe($"/rendez-vous?lieu={lieu.Id}");
        var atelier = apres.QuerySelector($"#ateliers-lieu a[href='/ateliers/{session.Id}']")!;
        atelier.TextContent.ShouldBe("Premiers pas sur internet");
        atelier.ParentElement!.TextContent.ShouldContain("jeudi 20 mars à 14h00");
        // The booking link leads to this place's slots.
        var rdv = await Formulaires.PageAsync(client, $"/rendez-vous?lieu={lieu.Id}");
        rdv.QuerySelectorAll("li.creneau").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Distances_a_la_francaise_et_coordonnees_tapees_avec_une_virgule()
    {
        var lieu = await Scenario.LieuAsync(app, "Carry-le-Rouet", "13620");
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?lat=43%2C39&lon=4%2C81&rayon_km=5");
        page.QuerySelector("#titre-resultats")!.TextContent.ShouldNotContain("pas pu");
        var resultat = page.QuerySelectorAll(".resultat").First(r => r.QuerySelector("a")!.GetAttribute("href") == $"/lieux/{lieu.Id}");
        resultat.QuerySelector(".distance")!.TextContent.ShouldBe("1,4 km");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#lat")!.Value.ShouldBe("43,39");
        // The dot still works; letters get a French message, not a 500.
        (await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?lat=43.39&lon=4.81&rayon_km=5")).QuerySelectorAll(".distance").Select(d => d.TextContent).ShouldContain("1,4 km");
        var faux = await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?lat=abc&lon=4%2C81");
        faux.QuerySelector("[role=alert]")!.TextContent.ShouldContain("La latitude doit être un nombre");
    }

    [Fact]
    public async Task Une_commune_mal_ecrite_propose_la_plus_proche()
    {
        var lieu = await Scenario.LieuAsync(app, "Roquefort-la-Bédoule", "13830");
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?commune=roquefort%20la%20bedoulle");
        page.QuerySelector("#titre-resultats")!.TextContent.ShouldBe("Aucun lieu ne correspond");
        var suggestion = page.QuerySelector("#suggestion")!;
        suggestion.QuerySelector("a")!.TextContent.ShouldBe("Roquefort-la-Bédoule");
        suggestion.QuerySelector($"a[href='/lieux/{lieu.Id}']").ShouldNotBeNull();
        // Far from any commune: no suggestion rather than a wrong one.
        (await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?commune=zzzzzzzzzz")).QuerySelector("#suggestion").ShouldBeNull();
    }

    [Fact]
    public async Task Aucune_boite_d_erreur_vide_et_les_champs_de_nom_ont_un_style()
    {
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/rendez-vous");
        page.QuerySelector("main form [data-valmsg-summary], main form .alerte, main form .erreur").ShouldBeNull();
        var css = await app.ClientAnonyme().GetStringAsync("/css/site.css");
        // Summaries rendered elsewhere hide their empty list with a class, since the CSP blocks their inline style.
        css.ShouldContain(".validation-summary-valid { display: none; }");
        // Name fields have no type attribute: they must get the same style as the others.
        css.ShouldContain("input:not([type])");
    }

    [Fact]
    public void Distance_d_edition_avec_inversion()
    {
        Passerelle.Features.Reseau.Lieux.SuggestionCommune.Distance("marsielle", "marseille", 3).ShouldBe(1);
        Passerelle.Features.Reseau.Lieux.SuggestionCommune.Distance("marseile", "marseille", 3).ShouldBe(1);
        Passerelle.Features.Reseau.Lieux.SuggestionCommune.Distance("aix", "marseille", 2).ShouldBe(3);
    }
}
