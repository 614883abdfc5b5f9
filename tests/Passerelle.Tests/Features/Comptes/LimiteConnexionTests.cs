using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Comptes;

/// <summary>The sign-in rate limit per client address (RateLimit:ConnexionsParMinute) counts the attempts, not the showing of the
/// forms: behind one office address, opening /connexion must not use up the team's sign-ins. (The progressive delays count
/// only failed attempts: see DelaisConnexionTests.)</summary>
public class LimiteConnexionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Afficher_le_formulaire_ne_compte_pas_seuls_les_envois_comptent()
    {
        using var limitee = app.WithWebHostBuilder(b => b.UseSetting("RateLimit:ConnexionsParMinute", "3"));
        var client = limitee.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");
        for (var i = 0; i < 6; i++) (await client.GetAsync("/connexion")).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++)
        {
            var page = await Formulaires.PageAsync(client, "/connexion");
            var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!,
                [new("Formulaire.Email", $"personne{i}@exemple.fr"), new("Formulaire.MotDePasse", "pas le bon")]);
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var formulaire = await Formulaires.PageAsync(client, "/connexion");
        var refus = await Formulaires.SoumettreAsync(client, formulaire.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Formulaire.Email", "personne@exemple.fr"), new("Formulaire.MotDePasse", "pas le bon")]);
        refus.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
