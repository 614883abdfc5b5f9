using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Comptes;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>The zone page keeps the table's period; an EPCI or a région of the right shape but unknown, and a parameter given twice,
/// are refused the same way by the page, the API and the CSV; figures in words. Clock of the tests: 12 March 2025.</summary>
public class PeriodeEtTerritoireTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>One place in Port-Saint-Louis holding a permanence every Monday 9–12 since 1 January 2025, no mediator named.</summary>
    async Task PreparerAsync()
    {
        if (await app.AvecDb(db => db.Lieux.AnyAsync(l => l.IdLocal == "periode-zone"))) return;
        await app.AvecDb(async db =>
        {
            var lieu = new Passerelle.Features.Reseau.Lieux.Lieu { Source = "Test", IdLocal = "periode-zone", Nom = "Maison du port (test)", Commune = "Port-Saint-Louis-du-Rhône",
                CodePostal = "13230", CodeInsee = "13078", Latitude = 43.38, Longitude = 4.80, Services = "aide-aux-demarches-administratives" };
            db.Lieux.Add(lieu);
            await db.SaveChangesAsync();
            db.Permanences.Add(new Permanence { LieuId = lieu.Id, MotifId = Motif.IdDemarches, Type = TypeRecurrence.Hebdomadaire, JoursSemaine = Recurrence.Masque(DayOfWeek.Monday),
                HeureDebut = new TimeOnly(9, 0), HeureFin = new TimeOnly(12, 0), DateDebut = new DateOnly(2025, 1, 1) });
            return await db.SaveChangesAsync();
        });
    }

    static string Indicateur(AngleSharp.Dom.IDocument page, string libelle) =>
        page.QuerySelectorAll("#indicateurs-zone dt").Single(dt => dt.TextContent.StartsWith(libelle)).NextElementSibling!.TextContent.Trim();

    [Fact]
    public async Task La_page_de_zone_prend_la_periode_du_tableau_et_donne_les_heures_de_l_api()
    {
        await PreparerAsync();
        var navigateur = await Formulaires.ConnecterAsync(app, Roles.Financeur);
        // The table's link to the zone carries its period.
        var tableau = await Formulaires.PageAsync(navigateur, "/pilotage?epci=200054807&du=2025-03-03&au=2025-03-16");
        var lien = tableau.QuerySelector("#ecarts tr[data-code='13078'] th a")!.GetAttribute("href");
        lien.ShouldBe("/pilotage/zones/13078?du=2025-03-03&au=2025-03-16");
        // The territory filters say what to type in words, not in codes.
        tableau.QuerySelector("label[for='p-epci']")!.TextContent.Trim().ShouldBe("Intercommunalité (facultatif)");
        tableau.QuerySelector("#aide-p-epci")!.TextContent.ShouldContain("par exemple 200054807 pour la Métropole d'Aix-Marseille-Provence");

        // Two Mondays of 3 h over two weeks: 3 h a week, on the page as in the API for the same period.
        var zone = await Formulaires.PageAsync(navigateur, lien!);
        Indicateur(zone, "Heures d'aide par semaine").ShouldBe("3");
        zone.QuerySelector("#periode-zone")!.TextContent.ShouldBe("Besoins et offre du 3 mars 2025 au 16 mars 2025");
        var api = await app.ClientApiAsync(Roles.Financeur);
        using var json = JsonDocument.Parse(await api.GetStringAsync("/api/v1/pilotage/ecarts?epci=200054807&du=2025-03-03&au=2025-03-16"));
        json.RootElement.GetProperty("lignes").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "13078").GetProperty("heuresHebdo").GetDouble().ShouldBe(3);
        Indicateur(zone, "Médiateurs").ShouldBe("aucun médiateur");

        // Without a period, the last 12 months (13 March 2024 – 12 March 2025): 10 Mondays, 30 h over 366 days = 0.57 h a week.
        Indicateur(await Formulaires.PageAsync(navigateur, "/pilotage/zones/13078"), "Heures d'aide par semaine").ShouldBe("0,6");
        // A bad period is named in French and the 12 months are shown instead.
        var mauvaise = await Formulaires.PageAsync(navigateur, "/pilotage/zones/13078?du=2025-13-01&au=2025-03-16");
        mauvaise.QuerySelector("#erreurs-periode")!.TextContent.ShouldContain("Date attendue au format AAAA-MM-JJ, par exemple 2026-01-31.");
        mauvaise.QuerySelector("#periode-zone")!.TextContent.ShouldBe("Besoins et offre du 13 mars 2024 au 12 mars 2025");
        Indicateur(mauvaise, "Heures d'aide par semaine").ShouldBe("0,6");
        // A repeated EPCI is not a fault of the period: it is named as it is, and the period asked for stays.
        var repete = await Formulaires.PageAsync(navigateur, "/pilotage/zones/13078?du=2025-03-03&au=2025-03-16&epci=1&epci=2");
        repete.QuerySelector("#erreurs-periode").ShouldBeNull();
        repete.QuerySelector("#erreurs-adresse")!.TextContent.ShouldContain("Le paramètre « epci » figure 2 fois dans l'adresse : donnez-le une seule fois.");
        repete.QuerySelector("#erreurs-adresse")!.TextContent.ShouldNotContain("période demandée");
        repete.QuerySelector("#periode-zone")!.TextContent.ShouldBe("Besoins et offre du 3 mars 2025 au 16 mars 2025");
        Indicateur(repete, "Heures d'aide par semaine").ShouldBe("3");
        // A repeated « du » is one: the 12 months are shown.
        var duRepete = await Formulaires.PageAsync(navigateur, "/pilotage/zones/13078?du=2025-03-03&du=2025-03-04&au=2025-03-16");
        duRepete.QuerySelector("#erreurs-periode")!.TextContent.ShouldContain("Le paramètre « du » figure 2 fois dans l'adresse");
        duRepete.QuerySelector("#erreurs-adresse").ShouldBeNull();
        duRepete.QuerySelector("#periode-zone")!.TextContent.ShouldBe("Besoins et offre du 13 mars 2024 au 12 mars 2025");
    }

    [Theory]
    [InlineData("epci=999999999", "epci", "L'EPCI 999999999 est inconnu : aucune commune du référentiel n'en est membre (par exemple 200054807, Métropole d'Aix-Marseille-Provence).")]
    [InlineData("region=00", "region", "La région 00 est inconnue : aucune commune du référentiel n'y appartient (par exemple 93, Provence-Alpes-Côte d'Azur).")]
    [InlineData("du=2025-01-01&du=2025-02-01", "du", "Le paramètre « du » figure 2 fois dans l'adresse : donnez-le une seule fois.")]
    public async Task Territoire_inconnu_et_parametre_repete_sont_refuses_pareil_par_la_page_l_api_et_le_csv(string requete, string champ, string message)
    {
        var api = await app.ClientApiAsync(Roles.Financeur);
        foreach (var (client, url) in new[] { (api, "/api/v1/pilotage/ecarts?" + requete), (app.ClientAnonyme(), "/donnees/ecarts-territoriaux.csv?" + requete) })
        {
            var r = await client.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            using var probleme = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            probleme.RootElement.GetProperty("errors").GetProperty(champ)[0].GetString().ShouldBe(message, url);
        }
        var navigateur = await Formulaires.ConnecterAsync(app, Roles.Financeur);
        var page = await Formulaires.PageAsync(navigateur, "/pilotage?" + requete);
        page.QuerySelector("#ecarts").ShouldBeNull();
        page.QuerySelector("main")!.TextContent.ShouldContain(message);
        if (champ != "du")
            (await Formulaires.PageAsync(navigateur, "/pilotage/acteurs?" + requete)).QuerySelector("main")!.TextContent.ShouldContain(message);
    }

    [Fact]
    public void Les_mediateurs_s_ecrivent_en_francais()
    {
        static LigneEcart L(int m, int cn) => new("13078", "Port-Saint-Louis-du-Rhône", null, null, null, null, null, 0, 0, 0, null, m, cn, null, null, null, null, 0, 0, 0, null, []);
        L(0, 0).MediateursEnLettres().ShouldBe("aucun médiateur");
        L(1, 0).MediateursEnLettres().ShouldBe("1 médiateur");
        L(1, 1).MediateursEnLettres().ShouldBe("1 médiateur, conseiller numérique");
        L(3, 1).MediateursEnLettres().ShouldBe("3 médiateurs, dont 1 conseiller numérique");
        L(3, 2).MediateursEnLettres().ShouldBe("3 médiateurs, dont 2 conseillers numériques");
        L(2, 2).MediateursEnLettres().ShouldBe("2 médiateurs, tous conseillers numériques");
        Passerelle.Web.Pluriel.De(1, "ligne").ShouldBe("1 ligne");
        Passerelle.Web.Pluriel.De(2, "ligne").ShouldBe("2 lignes");
        Passerelle.Web.Pluriel.De(40_000, "ligne").ShouldBe("40\u202f000 lignes");
        Passerelle.Features.Piloter.Ecarts.TableauModel.Colonnes.Single(c => c.Cle == "fragilite").Titre.ShouldBe("Indice de fragilité numérique");
    }
}
