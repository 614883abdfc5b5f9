using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Agenda;

public class FluxIcsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Le_flux_du_calendrier_s_arrete_avec_la_fiche_du_mediateur()
    {
        var m = (await Scenario.MediateursAsync(app, 1))[0];
        var jeton = "flux-" + Guid.NewGuid().ToString("N");
        await app.AvecDb(db => db.Mediateurs.Where(x => x.Id == m.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.JetonAgenda, jeton)));
        var anonyme = app.ClientAnonyme();
        var flux = await anonyme.GetAsync($"/agenda/{jeton}.ics");
        flux.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await flux.Content.ReadAsStringAsync()).ShouldContain("BEGIN:VCALENDAR");
        // The mediator leaves: the card is archived, the calendar app's link stops at once.
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        (await admin.DeleteAsync($"/api/v1/mediateurs/{m.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonyme.GetAsync($"/agenda/{jeton}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
