using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>The same chain through the HTML forms, as a browser without JavaScript would use them.</summary>
public class PagesEquipementTests(AppFactory app) : IClassFixture<AppFactory>
{
    static IHtmlFormElement Form(AngleSharp.Dom.IDocument d, string? handler = null) =>
        d.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().First(f => handler is null || (f.GetAttribute("action") ?? "").Contains("handler=" + handler));

    [Fact]
    public async Task Le_donateur_propose_l_equipe_accepte_recoit_et_enregistre_un_appareil()
    {
        var public_ = app.ClientAnonyme();
        var page = await Formulaires.PageAsync(public_, "/equipement/don");
        var valeurs = new Dictionary<string, string>
        {
            ["Saisie.Origine"] = "entreprise", ["Saisie.Organisation"] = "Transports Exemple", ["Saisie.Siret"] = "73282932000075", ["Saisie.ContactNom"] = "Paul Durand",
            ["Saisie.Courriel"] = "paul@exemple.fr", ["Saisie.AdresseEnlevement"] = "3 quai du Port, Marseille", ["Saisie.Disponibilites"] = "Le matin", ["Quantites[0]"] = "20",
        };
        var refuse = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(public_, Form(page), valeurs));
        refuse.QuerySelector("#err-siret")!.TextContent.ShouldContain("n'existe pas");
        refuse.QuerySelector("#siret")!.GetAttribute("aria-invalid").ShouldBe("true");

        valeurs["Saisie.Siret"] = "732 829 320 00074";
        var r = await Formulaires.SoumettreAsync(public_, Form(page), valeurs);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var suivi = r.Headers.Location!.OriginalString;
        suivi.ShouldStartWith("/equipement/don/");
        (await Formulaires.PageAsync(public_, suivi)).QuerySelector("#statut")!.TextContent.ShouldBe("En attente d'examen");

        var equipe = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var id = await app.AvecDb(db => db.Set<OffreDon>().Where(o => o.Organisation == "Transports Exemple").Select(o => o.Id).SingleAsync());
        var offre = await Formulaires.PageAsync(equipe, $"/admin/equipement/offres/{id}");
        (await Formulaires.SoumettreAsync(equipe, Form(offre, "Qualifier"), [new("Accepter", "true")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        offre = await Formulaires.PageAsync(equipe, $"/admin/equipement/offres/{id}");
        (await Formulaires.SoumettreAsync(equipe, Form(offre, "Recevoir"), [new("NombreAppareils", "20"), new("PoidsKg", "45")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lotId = await app.AvecDb(db => db.Set<Lot>().Where(l => l.OffreDonId == id).Select(l => l.Id).SingleAsync());

        // Intake loop: the brand and model stay, the serial takes the next scan.
        var lot = await Formulaires.PageAsync(equipe, $"/admin/equipement/lots/{lotId}");
        var cree = await Formulaires.SoumettreAsync(equipe, Form(lot), [new("NumeroSerie", "SN-HTML-1"), new("Marque", "Dell"), new("Modele", "Latitude 5490"), new("SupportSerie", "D-1")]);
        cree.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        lot = await Formulaires.PageAsync(equipe, cree.Headers.Location!.OriginalString);
        lot.QuerySelector("#cree")!.TextContent.ShouldContain("EQ-");
        ((IHtmlInputElement)lot.QuerySelector("#marque")!).Value.ShouldBe("Dell");
        var doublon = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(equipe, Form(lot), [new("NumeroSerie", "SN-HTML-1"), new("Marque", "Dell"), new("Modele", "Latitude 5490")]));
        doublon.QuerySelector("#err-numeroserie")!.TextContent.ShouldContain("déjà enregistré");

        // The scan opens the device by serial; an unknown code says so.
        var scan = await equipe.GetAsync("/admin/equipement/scan?code=SN-HTML-1");
        scan.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fiche = scan.Headers.Location!.OriginalString;
        (await equipe.GetAsync("/admin/equipement/scan?code=EQ-999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var appareil = await Formulaires.PageAsync(equipe, fiche);
        appareil.QuerySelector("svg")!.ShouldNotBeNull();
        // A forbidden step shows its French message next to the form (received → erased without proof is not even offered: try "efface" by hand).
        (await Formulaires.SoumettreAsync(equipe, Form(appareil, "Transition"), [new("Vers", "qualifie")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        appareil = await Formulaires.PageAsync(equipe, fiche);
        var refusee = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(equipe, Form(appareil, "Transition"), [new("Vers", "efface")]));
        refusee.QuerySelector("#erreurs")!.TextContent.ShouldContain("sans preuve d'effacement");
        (await Formulaires.SoumettreAsync(equipe, Form(appareil, "Effacement"), [new("Methode", "Zero fill"), new("Outil", "nwipe 0.37"),
            new("Debut", "2025-03-12T08:00"), new("Fin", "2025-03-12T09:00")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.SoumettreAsync(equipe, Form(appareil, "Transition"), [new("Vers", "efface")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.PageAsync(equipe, fiche)).QuerySelector("#etat")!.TextContent.ShouldBe("Effacé");

        // The donor sees the device and its proof; labels print with a QR code each.
        var vue = await Formulaires.PageAsync(public_, suivi);
        vue.QuerySelector("#appareils tbody tr")!.TextContent.ShouldContain("Effacé et prouvé");
        (await Formulaires.PageAsync(equipe, $"/admin/equipement/lots/{lotId}/etiquettes")).QuerySelectorAll("#etiquettes svg").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Pages_de_l_equipe_reservees_et_pages_publiques_liees()
    {
        var mediateur = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        var r = await mediateur.GetAsync("/admin/equipement");
        r.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var gestion = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var accueil = await Formulaires.PageAsync(gestion, "/admin/equipement");
        accueil.QuerySelector("#menu-equipe a[href='/admin/equipement']")!.GetAttribute("aria-current").ShouldBe("page");
        var plan = await Formulaires.PageAsync(app.ClientAnonyme(), "/plan-du-site");
        plan.QuerySelector("#plan a[href='/equipement/don']").ShouldNotBeNull();
        var vitrine = await Formulaires.PageAsync(app.ClientAnonyme(), "/equipement");
        vitrine.QuerySelector("#prix tbody tr td")!.TextContent.ShouldBe("180 €");
    }
}
