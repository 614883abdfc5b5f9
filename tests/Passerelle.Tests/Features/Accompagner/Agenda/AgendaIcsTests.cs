using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Agenda;

public class AgendaIcsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Le_flux_ics_ne_porte_que_les_prenoms_sauf_choix_du_mediateur()
    {
        var structure = await Scenario.StructureAsync(app);
        var (_, mediateur, lieu, email, mdp) = await Scenario.EquipierAsync(app, structure);
        await Scenario.PermanenceAsync(app, lieu, [mediateur!.Value], [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var creneau = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu).OrderBy(c => c.Debut).Select(c => c.Id).FirstAsync());
        (await app.ClientAnonyme().PostAsync("/api/v1/reservations", JsonContent.Create(Scenario.Personne(creneau, prenom: "Odette")))).EnsureSuccessStatusCode();

        var client = await Formulaires.ConnecterAsync(app, email, mdp);
        var page = await Formulaires.PageAsync(client, "/admin/agenda");
        (await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("form[action*='handler=Ics']")!, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lien = new Uri((await Formulaires.PageAsync(client, "/admin/agenda")).QuerySelector("code")!.TextContent).PathAndQuery;
        // Calendar lines are folded at 75 octets: unfold before reading.
        async Task<string> Flux() => (await app.ClientAnonyme().GetStringAsync(lien)).Replace("\r\n ", "");

        var prenoms = await Flux();
        prenoms.ShouldContain("Odette");
        prenoms.ShouldNotContain("Martin");
        prenoms.ShouldNotContain("Déclaration de revenus");

        page = await Formulaires.PageAsync(client, "/admin/agenda");
        var choix = page.QuerySelector<IHtmlFormElement>("form[action*='handler=NomsComplets']")!;
        (await Formulaires.SoumettreAsync(client, choix, [new("complets", "true")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var complet = await Flux();
        complet.ShouldContain("Odette Martin");
        complet.ShouldContain("Déclaration de revenus");
    }
}
