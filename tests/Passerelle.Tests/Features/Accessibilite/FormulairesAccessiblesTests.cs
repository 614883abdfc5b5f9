using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accessibilite;

/// <summary>RGAA 11.10 and 8.6 on the public forms, without JavaScript: required fields marked, an error summary that takes
/// the focus, each error tied to its field, "Erreur : " in the title; search pages whose title says what was found.</summary>
public class FormulairesAccessiblesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Une_reservation_refusee_dit_erreur_dans_le_titre_et_relie_chaque_message_a_son_champ()
    {
        var lieu = await Scenario.LieuAsync(app, commune: "Istres", codePostal: "13800");
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Thursday], new TimeOnly(14, 0), new TimeOnly(15, 0));
        var client = app.ClientAnonyme();
        var choix = (await Formulaires.PageAsync(client, "/rendez-vous?commune=Istres")).QuerySelectorAll("li.creneau a").First();
        var page = await Formulaires.PageAsync(client, choix.GetAttribute("href")!);
        page.Title.ShouldBe("Réserver ce créneau — Passerelle");
        page.QuerySelector(".legende-obligatoire")!.TextContent.ShouldContain("obligatoires");
        foreach (var id in new[] { "prenom", "nom", "consentement" })
        {
            var champ = page.QuerySelector($"#{id}")!;
            (champ.HasAttribute("required"), champ.GetAttribute("aria-required")).ShouldBe((true, "true"), id);
        }
        page.QuerySelector("label[for=prenom] .obligatoire")!.TextContent.Trim().ShouldBe("*");
        page.QuerySelector("#email")!.HasAttribute("required").ShouldBeFalse();
        page.QuerySelectorAll("[aria-invalid]").Length.ShouldBe(0);

        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Saisie.Prenom", "Lucette"), new("Saisie.Nom", "Blanc"), new("Saisie.Email", "lucette-at-exemple")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var erreur = await Formulaires.DocumentAsync(r);
        erreur.Title.ShouldBe("Erreur : Réserver ce créneau — Passerelle");
        var resume = erreur.QuerySelector("#erreurs")!;
        (resume.GetAttribute("tabindex"), resume.HasAttribute("autofocus")).ShouldBe(("-1", true));
        resume.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["#email", "#consentement"], ignoreOrder: true);
        var email = erreur.QuerySelector("#email")!;
        email.GetAttribute("aria-invalid").ShouldBe("true");
        email.GetAttribute("aria-describedby")!.Split(' ').ShouldContain("err-email");
        erreur.QuerySelector("#err-email")!.TextContent.ShouldBe("Adresse électronique invalide.");
        erreur.QuerySelector("#consentement")!.GetAttribute("aria-describedby").ShouldBe("err-consentement");
        erreur.QuerySelector("#prenom")!.HasAttribute("aria-invalid").ShouldBeFalse();
        erreur.QuerySelector<IHtmlInputElement>("#prenom")!.Value.ShouldBe("Lucette");
    }

    [Fact]
    public async Task L_inscription_a_un_atelier_et_la_connexion_suivent_la_meme_regle()
    {
        var lieu = await Scenario.LieuAsync(app);
        var s = await Scenario.SessionAsync(app, lieu.Id, app.Horloge.GetUtcNow().UtcDateTime.AddDays(5), 8);
        var client = app.ClientAnonyme();
        var page = await Formulaires.PageAsync(client, $"/ateliers/{s.Id}");
        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Saisie.Prenom", "Jean")]);
        var erreur = await Formulaires.DocumentAsync(r);
        erreur.Title!.ShouldStartWith("Erreur : ");
        erreur.QuerySelector("#erreurs[autofocus]").ShouldNotBeNull();
        erreur.QuerySelector("#nom")!.GetAttribute("aria-invalid").ShouldBe("true");
        erreur.QuerySelector("#nom")!.GetAttribute("aria-describedby").ShouldBe("err-nom");

        var connexion = await Formulaires.PageAsync(client, "/connexion");
        connexion.QuerySelector("#Formulaire_Email")!.GetAttribute("aria-required").ShouldBe("true");
        var vide = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(client, connexion.QuerySelector<IHtmlFormElement>("main form")!, []));
        vide.Title.ShouldBe("Erreur : Connexion à l'espace équipe — Passerelle");
        vide.QuerySelector("#Formulaire_Email")!.GetAttribute("aria-invalid").ShouldBe("true");
        vide.QuerySelector("#erreurs a[href='#Formulaire_Email']").ShouldNotBeNull();
    }

    [Fact]
    public async Task La_recherche_de_lieux_dit_le_nombre_trouve_dans_le_titre_et_parle_simplement()
    {
        var lieu = await Scenario.LieuAsync(app, commune: "Miramas", codePostal: "13140");
        await app.AvecDb(async db =>
        {
            var l = await db.Lieux.SingleAsync(x => x.Id == lieu.Id);
            l.Services = "Maîtrise des outils numériques du quotidien|Aide aux démarches administratives";
            l.ModalitesAccompagnement = "Accompagnement individuel";
            await db.SaveChangesAsync();
            return 0;
        });
        var client = app.ClientAnonyme();
        var vide = await Formulaires.PageAsync(client, "/lieux");
        vide.Title.ShouldBe("Trouver un lieu d'aide au numérique — Passerelle");
        // Each filter group is a fieldset named by its legend (RGAA 11.5, 11.6); the value sent stays the standard's.
        var groupe = vide.QuerySelectorAll("fieldset").Single(f => f.QuerySelector("legend")!.TextContent == "Ce dont j'ai besoin");
        var caseOutils = groupe.QuerySelector("input[value='Maîtrise des outils numériques du quotidien']")!;
        caseOutils.ParentElement!.TextContent.Trim().ShouldStartWith("Prendre en main un équipement informatique");

        var trouve = await Formulaires.PageAsync(client, "/lieux?commune=Miramas&service=Ma%C3%AEtrise%20des%20outils%20num%C3%A9riques%20du%20quotidien");
        var nombre = trouve.QuerySelector("#titre-resultats")!.TextContent;
        nombre.ShouldMatch(@"^\d+ lieux? trouvés?$");
        trouve.Title.ShouldBe($"{nombre} — Trouver un lieu d'aide au numérique — Passerelle");
        trouve.QuerySelectorAll(".resultat").Single(x => x.TextContent.Contains(lieu.Nom)).TextContent.ShouldContain("Prendre en main un équipement informatique");
        (await Formulaires.PageAsync(client, "/lieux?commune=Miramas&lat=abc")).Title!.ShouldStartWith("Erreur : ");

        var fiche = await Formulaires.PageAsync(client, $"/lieux/{lieu.Id}");
        var services = fiche.QuerySelector("#t-services")!.ParentElement!.TextContent;
        services.ShouldContain("Faire mes démarches en ligne");
        services.ShouldNotContain("Aide aux démarches administratives");
        fiche.QuerySelector("#t-modalites")!.ParentElement!.TextContent.ShouldContain("Avec un médiateur, seul à seul");
    }

    [Fact]
    public async Task La_recherche_de_creneaux_dit_le_nombre_trouve_dans_le_titre()
    {
        await Scenario.LieuAsync(app, commune: "Cornillon-Confoux", codePostal: "13250");
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/rendez-vous?commune=Cornillon-Confoux");
        page.Title.ShouldBe("Aucun créneau libre — Prendre rendez-vous — Passerelle");
    }
}
