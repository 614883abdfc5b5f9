using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Comptes;

public class DoubleAuthentificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>An administrator as the CLI creates one: no second factor yet.</summary>
    async Task<(string Email, string Mdp)> AdministrateurSansDoubleAuthentificationAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = $"admin-{Guid.NewGuid():N}@test.fr";
        var mdp = Passerelle.Features.Comptes.Comptes.GenererMotDePasse();
        (await Passerelle.Features.Comptes.Comptes.CreerAsync(users, email, mdp, Roles.Administrateur)).Ok.ShouldBeTrue();
        return (email, mdp);
    }

    static async Task<HttpResponseMessage> ConnexionAsync(HttpClient client, string email, string mdp)
    {
        var page = await Formulaires.PageAsync(client, "/connexion");
        return await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]);
    }

    [Fact]
    public async Task Un_administrateur_doit_activer_la_double_authentification_puis_le_code_est_demande()
    {
        var (email, mdp) = await AdministrateurSansDoubleAuthentificationAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await ConnexionAsync(client, email, mdp)).Headers.Location!.ToString().ShouldBe("/admin");
        // Nothing else before enrolment: pages send to /compte/securite, the API refuses.
        foreach (var url in new[] { "/admin", "/admin/comptes", "/admin/structures" })
        {
            var r = await client.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            r.Headers.Location!.ToString().ShouldBe("/compte/securite");
        }
        (await client.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = "x@exemple.fr", role = "financeur", financeur = "F" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var securite = await Formulaires.PageAsync(client, "/compte/securite");
        securite.QuerySelector("[role=alert]")!.TextContent.ShouldContain("obligatoire pour les administrateurs");
        securite.QuerySelector("img")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        securite.QuerySelector("code.defilement")!.TextContent.ShouldStartWith("otpauth://totp/");
        var cle = securite.QuerySelector("#cle-totp")!.TextContent;
        var form = securite.QuerySelector<IHtmlFormElement>("main form")!;
        var faux = await Formulaires.SoumettreAsync(client, form, [new("Code", Totp.Code(cle, DateTimeOffset.UtcNow.AddHours(-1)))]);
        faux.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.DocumentAsync(faux)).QuerySelector("#err-code")!.TextContent.ShouldContain("Code incorrect");
        (await Formulaires.SoumettreAsync(client, form, [new("Code", Totp.Code(cle))])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/admin/comptes")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The next sign-in asks for the code; a wrong one is refused, the right one lets in.
        var suivant = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var r1 = await ConnexionAsync(suivant, email, mdp);
        r1.Headers.Location!.ToString().ShouldStartWith("/connexion/code");
        (await suivant.GetAsync("/admin")).Headers.Location!.ToString().ShouldContain("/connexion");
        var etape = await Formulaires.PageAsync(suivant, r1.Headers.Location.ToString());
        // A mistyped code (not six digits) is a field error: summary focused, field invalid and described by its message.
        var malEcrit = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(suivant, etape.QuerySelector<IHtmlFormElement>("main form")!, [new("Code", "12a")]));
        malEcrit.Title.ShouldBe("Erreur : Code de double authentification — Passerelle");
        malEcrit.QuerySelector("#erreurs[autofocus] a[href='#Code']").ShouldNotBeNull();
        malEcrit.QuerySelector("#Code")!.GetAttribute("aria-invalid").ShouldBe("true");
        malEcrit.QuerySelector("#Code")!.GetAttribute("aria-describedby").ShouldBe("err-code");
        malEcrit.QuerySelector("#err-code")!.TextContent.ShouldBe("Le code compte 6 chiffres.");
        var mauvais = await Formulaires.SoumettreAsync(suivant, etape.QuerySelector<IHtmlFormElement>("main form")!, [new("Code", Totp.CodeFaux(cle))]);
        mauvais.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refuse = await Formulaires.DocumentAsync(mauvais);
        refuse.Title!.ShouldStartWith("Erreur : ");
        refuse.QuerySelector("#erreur-code[autofocus]")!.TextContent.ShouldStartWith("Code incorrect");
        etape = await Formulaires.PageAsync(suivant, r1.Headers.Location.ToString());
        var bon = await Formulaires.SoumettreAsync(suivant, etape.QuerySelector<IHtmlFormElement>("main form")!, [new("Code", Totp.Code(cle))]);
        bon.Headers.Location!.ToString().ShouldBe("/admin");
        (await suivant.GetAsync("/admin/comptes")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The API asks for the code too.
        var api = app.ClientAnonyme();
        (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = mdp })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = mdp, twoFactorCode = Totp.Code(cle) })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Offerte_aux_autres_roles_sans_obligation()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        (await client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var securite = await Formulaires.PageAsync(client, "/compte/securite");
        securite.QuerySelector("[role=alert]").ShouldBeNull();
        securite.QuerySelector("#cle-totp").ShouldNotBeNull();
    }

    [Fact]
    public async Task Les_points_d_identite_fermes_repondent_404_et_sont_absents_du_document_openapi()
    {
        var client = await app.ClientApiAsync(Roles.Mediateur);
        foreach (var (methode, url) in new[] { ("POST", "/api/v1/auth/register"), ("POST", "/api/v1/auth/forgotPassword"), ("POST", "/api/v1/auth/resetPassword"),
                     ("GET", "/api/v1/auth/confirmEmail?userId=x&code=x"), ("POST", "/api/v1/auth/resendConfirmationEmail"), ("GET", "/api/v1/auth/manage/info"),
                     ("POST", "/api/v1/auth/manage/info"), ("POST", "/api/v1/auth/manage/2fa") })
        {
            var r = await client.SendAsync(new HttpRequestMessage(new HttpMethod(methode), url) { Content = JsonContent.Create(new { email = "x@exemple.fr" }) });
            r.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{methode} {url}");
        }
        var doc = await app.ClientAnonyme().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var chemins = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api/v1/auth")).ToList();
        chemins.ShouldBe(["/api/v1/auth/login", "/api/v1/auth/refresh"], ignoreOrder: true);
        doc.GetProperty("paths").TryGetProperty("/api/v1/comptes/invitations", out _).ShouldBeTrue();
    }
}
