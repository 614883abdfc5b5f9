using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Web;

/// <summary>The HTML booking and workshop forms follow the public booking limit per client address, and say so in French in
/// the form rather than with a bare 429.</summary>
public class LimitesFormulairesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static HttpClient Client(WebApplicationFactory<Program> f, string adresse)
    {
        var c = f.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        c.DefaultRequestHeaders.Add("X-Forwarded-For", adresse);
        return c;
    }

    static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string url)
    {
        var page = await Formulaires.PageAsync(client, url);
        // No consent ticked: the form is heard and answered with its errors, nothing is booked.
        return await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Saisie.Prenom", "Marcel"), new("Saisie.Nom", "Roux"), new("Saisie.Telephone", "06 11 22 33 44")]);
    }

    async Task VerifierAsync(string url)
    {
        using var limitee = app.WithWebHostBuilder(b => b.UseSetting("RateLimit:ReservationsParMinute", "2"));
        var client = Client(limitee, "198.51.100.90");
        for (var i = 0; i < 2; i++)
        {
            var entendu = await EnvoyerAsync(client, url);
            entendu.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Formulaires.DocumentAsync(entendu)).QuerySelector("[role=alert]")!.TextContent.ShouldNotContain("Patientez");
        }
        var refus = await EnvoyerAsync(client, url);
        refus.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var page = await Formulaires.DocumentAsync(refus);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain(LimiteFormulairesPublics.Message);
        page.QuerySelector<IHtmlInputElement>("input[name='Saisie.Prenom']")!.Value.ShouldBe("Marcel");
        // Another address is not held back.
        (await EnvoyerAsync(Client(limitee, "203.0.113.90"), url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Le_formulaire_de_rendez_vous_est_limite_par_adresse_avec_un_message_en_francais()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var creneau = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu.Id).Select(c => c.Id).FirstAsync());
        await VerifierAsync($"/rendez-vous/reserver/{creneau}");
        (await app.AvecDb(db => db.Reservations.CountAsync(r => r.CreneauId == creneau))).ShouldBe(0);
    }

    [Fact]
    public async Task Le_formulaire_d_inscription_a_un_atelier_est_limite_de_meme()
    {
        var lieu = await Scenario.LieuAsync(app);
        var session = await Scenario.SessionAsync(app, lieu.Id, app.Horloge.GetUtcNow().UtcDateTime.AddDays(3), 10);
        await VerifierAsync($"/ateliers/{session.Id}");
    }
}
