using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau.Lieux;

/// <summary>The day-by-day hours editor of the place form, without JavaScript: the server writes the OSM value.</summary>
public class EditeurHorairesPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<int> LieuAvecHorairesAsync(string? horaires)
    {
        var lieu = await Scenario.LieuAsync(app);
        await app.AvecDb(db => db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.Horaires, horaires)));
        return lieu.Id;
    }

    [Fact]
    public async Task Le_tableau_montre_les_horaires_et_ecrit_le_format_openstreetmap()
    {
        var id = await LieuAvecHorairesAsync("Mo-Fr 09:00-12:00,14:00-17:00; PH off");
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, $"/admin/lieux/{id}/modifier");
        page.QuerySelector<IHtmlInputElement>("input[name='Jours[0].Debut1']")!.Value.ShouldBe("09:00");
        page.QuerySelector<IHtmlInputElement>("input[name='Jours[4].Fin2']")!.Value.ShouldBe("17:00");
        page.QuerySelector<IHtmlInputElement>("input[name='Jours[5].Debut1']")!.Value.ShouldBe("");
        page.QuerySelector("#avertissement-horaires").ShouldBeNull();

        // Friday afternoon closed, Saturday morning open (typed as a person without a time picker would).
        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Jours[4].Debut2", ""), new("Jours[4].Fin2", ""), new("Jours[5].Debut1", "9h30"), new("Jours[5].Fin1", "12h")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Id == id))).Horaires.ShouldBe("Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00; Sa 09:30-12:00; PH off");
    }

    [Fact]
    public async Task Le_format_avance_modifie_l_emporte_et_une_plage_incomplete_est_signalee()
    {
        var id = await LieuAvecHorairesAsync("Mo 09:00-12:00");
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, $"/admin/lieux/{id}/modifier");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        (await Formulaires.SoumettreAsync(client, form, [new("Saisie.Horaires", "We 14:00-18:00")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Id == id))).Horaires.ShouldBe("We 14:00-18:00");

        page = await Formulaires.PageAsync(client, $"/admin/lieux/{id}/modifier");
        var incomplet = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Jours[1].Debut1", "10:00")]);
        incomplet.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.DocumentAsync(incomplet)).QuerySelector("#err-horaires")!.TextContent.ShouldBe("Horaires du mardi le matin : indiquez l'ouverture et la fermeture.");
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Id == id))).Horaires.ShouldBe("We 14:00-18:00");
    }

    [Fact]
    public async Task Du_texte_libre_recoit_un_avertissement_et_une_conversion_proposee()
    {
        var id = await LieuAvecHorairesAsync("Mo 09:00-12:00");
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, $"/admin/lieux/{id}/modifier");
        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Saisie.Horaires", "du lundi au vendredi 9h-12h, fermé les jours fériés")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var avertie = await Formulaires.DocumentAsync(r);
        avertie.QuerySelector("#avertissement-horaires")!.TextContent.ShouldContain("Conversion proposée : Mo-Fr 09:00-12:00; PH off");
        avertie.QuerySelector<IHtmlInputElement>("input[name='Jours[3].Debut1']")!.Value.ShouldBe("09:00");
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Id == id))).Horaires.ShouldBe("Mo 09:00-12:00");
        // Saving the page as shown applies the proposal.
        (await Formulaires.SoumettreAsync(client, avertie.QuerySelector<IHtmlFormElement>("main form")!, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Id == id))).Horaires.ShouldBe("Mo-Fr 09:00-12:00; PH off");

        // A stored free text that cannot be converted is warned about and kept if the person saves without filling the table.
        var autre = await LieuAvecHorairesAsync("Sur rendez-vous uniquement");
        var texte = await Formulaires.PageAsync(client, $"/admin/lieux/{autre}/modifier");
        texte.QuerySelector("#avertissement-horaires")!.TextContent.ShouldContain("aucune conversion");
        (await Formulaires.SoumettreAsync(client, texte.QuerySelector<IHtmlFormElement>("main form")!, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Id == autre))).Horaires.ShouldBe("Sur rendez-vous uniquement");
    }
}
