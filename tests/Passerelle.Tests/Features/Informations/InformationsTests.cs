using Microsoft.AspNetCore.Hosting;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Informations;

/// <summary>Legal notice, accessibility declaration and personal-data page: reachable from every page, built from settings.</summary>
public class InformationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Le_pied_de_page_mene_aux_trois_pages_sur_une_page_publique_et_une_page_d_equipe()
    {
        var publique = await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux");
        var equipe = await Formulaires.PageAsync(await Formulaires.ConnecterAsync(app, Roles.Administrateur), "/admin");
        foreach (var page in new[] { publique, equipe })
        {
            var liens = page.QuerySelectorAll("footer a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
            liens.ShouldContain(("/mentions-legales", "Mentions légales"));
            liens.ShouldContain(("/accessibilite", "Accessibilité : non conforme"));
            liens.ShouldContain(("/donnees-personnelles", "Données personnelles"));
            page.QuerySelector("link[rel=icon]")!.GetAttribute("href").ShouldBe("/favicon.svg");
        }
        (await app.ClientAnonyme().GetAsync("/favicon.svg")).Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        foreach (var url in new[] { "/mentions-legales", "/accessibilite", "/donnees-personnelles" })
            (await Formulaires.PageAsync(app.ClientAnonyme(), url)).QuerySelector("h1").ShouldNotBeNull();
    }

    [Fact]
    public async Task La_declaration_d_accessibilite_par_defaut_est_honnete()
    {
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/accessibilite");
        page.QuerySelector("#etat-conformite")!.TextContent.ShouldContain("est non conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1");
        page.QuerySelector("#taux")!.TextContent.ShouldContain("Aucun taux de conformité n'a encore été mesuré");
        page.QuerySelectorAll("#non-conformites li").Length.ShouldBeGreaterThan(0);
        page.QuerySelector("#contact-accessibilite a")!.GetAttribute("href").ShouldStartWith("mailto:");
        page.QuerySelector("#recours")!.TextContent.ShouldContain("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07");
    }

    [Fact]
    public async Task La_declaration_et_les_donnees_personnelles_suivent_les_reglages()
    {
        using var reglee = app.WithWebHostBuilder(b => b
            .UseSetting("Accessibilite:Etat", "partiellement conforme").UseSetting("Accessibilite:TauxConformite", "72.5")
            .UseSetting("Accessibilite:Entite", "Commune de Martigues").UseSetting("Accessibilite:ContactCourriel", "a11y@martigues.example")
            .UseSetting("Accessibilite:NonConformites:0", "Le plan du site manque.")
            .UseSetting("Informations:Editeur", "Commune de Martigues").UseSetting("Retention:MoisReservations", "6"));
        var client = reglee.CreateClient();
        var page = await Formulaires.PageAsync(client, "/accessibilite");
        page.QuerySelector("#etat-conformite")!.TextContent.ShouldContain("est partiellement conforme");
        page.QuerySelector("#taux")!.TextContent.ShouldContain("72,5 %");
        page.QuerySelector("#contact-accessibilite a")!.GetAttribute("href").ShouldBe("mailto:a11y@martigues.example");
        page.QuerySelectorAll("#non-conformites li").Select(li => li.TextContent).ShouldBe(["Le plan du site manque."]);
        page.QuerySelector("footer a[href='/accessibilite']")!.TextContent.ShouldBe("Accessibilité : partiellement conforme");
        var rgpd = await Formulaires.PageAsync(client, "/donnees-personnelles");
        rgpd.QuerySelector("#responsable")!.TextContent.ShouldStartWith("Commune de Martigues");
        rgpd.QuerySelector("#duree-rdv")!.TextContent.ShouldStartWith("6 mois");
        rgpd.QuerySelector("#duree-fiche")!.TextContent.ShouldStartWith("24 mois");
        rgpd.QuerySelector("#cnil a")!.GetAttribute("href").ShouldBe("https://www.cnil.fr/fr/plaintes");
        (await Formulaires.PageAsync(client, "/mentions-legales")).QuerySelector("#editeur")!.TextContent.ShouldStartWith("Commune de Martigues");
    }
}
