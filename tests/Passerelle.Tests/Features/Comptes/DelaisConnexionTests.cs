using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Comptes;

/// <summary>Failed sign-ins delay the next attempts of the same account from the same address; they never lock the
/// account, so an attacker cannot keep its owner out.</summary>
public class DelaisConnexionTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A browser whose requests reach the app from <paramref name="adresse"/> (the test server has no peer address, so
    /// the forwarded header is believed, as from a configured proxy).</summary>
    HttpClient Client(string adresse)
    {
        var c = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        c.DefaultRequestHeaders.Add("X-Forwarded-For", adresse);
        return c;
    }

    static async Task<HttpResponseMessage> ConnexionAsync(HttpClient client, string email, string mdp)
    {
        var page = await Formulaires.PageAsync(client, "/connexion");
        return await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]);
    }

    static async Task<string?> AlerteAsync(HttpResponseMessage r) => (await Formulaires.DocumentAsync(r)).QuerySelector("[role=alert]")?.TextContent;

    static HttpContent Identifiants(string email, string mdp) => JsonContent.Create(new { email, password = mdp });

    [Fact]
    public async Task Un_attaquant_qui_insiste_depuis_une_adresse_n_empeche_pas_le_titulaire_de_se_connecter_depuis_la_sienne()
    {
        app.Horloge.Regler(Depart);
        var (email, mdp) = await app.CreerCompteAsync(Roles.Mediateur);
        var attaquant = Client("198.51.100.10");
        for (var i = 0; i < 5; i++)
            (await AlerteAsync(await ConnexionAsync(attaquant, email, $"Mauvais-essai-{i}"))).ShouldBe(ConnexionModel.MessageEchec);
        // The sixth attempt from that address is refused unheard, even with the right password, and says how long to wait.
        var refus = await ConnexionAsync(attaquant, email, mdp);
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AlerteAsync(refus)).ShouldBe(ConnexionModel.MessageEchec + " Réessayez dans 30 secondes.");
        for (var i = 0; i < 10; i++) await ConnexionAsync(attaquant, email, $"Encore-{i}");

        // The owner, at home, signs in at once; the account is not locked.
        var titulaire = Client("203.0.113.20");
        var ok = await ConnexionAsync(titulaire, email, mdp);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.ToString().ShouldBe("/admin");
        (await app.AvecDb(db => Task.FromResult(db.Users.Single(u => u.Email == email).LockoutEnd))).ShouldBeNull();

        // The API answers the same way: 429 with Retry-After from the attacker's address, a token from the owner's.
        var api = await attaquant.PostAsync("/api/v1/auth/login", Identifiants(email, mdp));
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 30);
        (await api.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString()!.ShouldStartWith(ConnexionModel.MessageEchec + " Réessayez dans");
        (await Client("203.0.113.21").PostAsync("/api/v1/auth/login", Identifiants(email, mdp))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Les_delais_doublent_a_chaque_echec_et_un_succes_remet_a_zero()
    {
        app.Horloge.Regler(Depart);
        try
        {
            var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
            var client = Client("198.51.100.30");
            for (var i = 0; i < 5; i++) await ConnexionAsync(client, email, "Mauvais-mot-1");
            (await AlerteAsync(await ConnexionAsync(client, email, "Mauvais-mot-1"))).ShouldEndWith("Réessayez dans 30 secondes.");
            // Once the 30 seconds are over, the attempt is heard; it fails, and the next one waits twice as long.
            app.Horloge.Regler(Depart.AddSeconds(30));
            (await AlerteAsync(await ConnexionAsync(client, email, "Mauvais-mot-1"))).ShouldBe(ConnexionModel.MessageEchec);
            (await AlerteAsync(await ConnexionAsync(client, email, mdp))).ShouldEndWith("Réessayez dans 60 secondes.");
            app.Horloge.Regler(Depart.AddSeconds(90));
            (await ConnexionAsync(client, email, mdp)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            // The success cleared the counter: five new failures are heard again before any delay.
            var autre = Client("198.51.100.30");
            for (var i = 0; i < 5; i++) (await AlerteAsync(await ConnexionAsync(autre, email, "Mauvais-mot-2"))).ShouldBe(ConnexionModel.MessageEchec);
            (await AlerteAsync(await ConnexionAsync(autre, email, mdp))).ShouldEndWith("Réessayez dans 30 secondes.");
        }
        finally { app.Horloge.Regler(Depart); }
    }

    [Fact]
    public async Task Une_adresse_inconnue_et_un_mauvais_mot_de_passe_suivent_le_meme_chemin()
    {
        app.Horloge.Regler(Depart);
        var (email, mdp) = await app.CreerCompteAsync(Roles.Mediateur);
        var inconnue = $"personne-{Guid.NewGuid():N}@exemple.fr";
        var client = Client("198.51.100.40");
        var avant = ConnexionIdentite.HachagesFactices;
        var pourInconnue = new List<string?>();
        var pourConnue = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            pourInconnue.Add(await AlerteAsync(await ConnexionAsync(client, inconnue, mdp)));
            pourConnue.Add(await AlerteAsync(await ConnexionAsync(client, email, "Mauvais-mot-1")));
        }
        pourInconnue.ShouldBe(pourConnue);
        pourConnue[0].ShouldBe(ConnexionModel.MessageEchec);
        pourConnue[5].ShouldBe(ConnexionModel.MessageEchec + " Réessayez dans 30 secondes.");
        // The five heard attempts on the unknown address each hashed a password, as a wrong password does.
        (ConnexionIdentite.HachagesFactices - avant).ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Le_code_de_double_authentification_a_aussi_ses_delais()
    {
        app.Horloge.Regler(Depart);
        var (email, mdp) = await app.CreerCompteAsync(Roles.Administrateur);
        var client = Client("198.51.100.50");
        var r = await ConnexionAsync(client, email, mdp);
        r.Headers.Location!.ToString().ShouldStartWith("/connexion/code");
        var bon = Totp.Code(app.ClesTotp[email]);
        var faux = bon == "000000" ? "111111" : "000000";
        async Task<HttpResponseMessage> CodeAsync(string code)
        {
            var page = await Formulaires.PageAsync(client, r.Headers.Location!.ToString());
            return await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Code", code)]);
        }
        for (var i = 0; i < 5; i++) (await AlerteAsync(await CodeAsync(faux)))!.ShouldStartWith("Code incorrect");
        (await AlerteAsync(await CodeAsync(bon))).ShouldBe("Trop d'essais de code. Réessayez dans 30 secondes.");
        // The account is not locked: from another address, password and code open the session.
        var ailleurs = Client("203.0.113.50");
        var etape = await ConnexionAsync(ailleurs, email, mdp);
        (await Formulaires.SaisirCodeAsync(app, ailleurs, email, etape.Headers.Location!.ToString())).Headers.Location!.ToString().ShouldBe("/admin");
    }

    [Fact]
    public async Task Deverrouiller_un_compte_ralenti_leve_ses_delais()
    {
        app.Horloge.Regler(Depart);
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        var client = Client("198.51.100.60");
        for (var i = 0; i < 5; i++) await ConnexionAsync(client, email, "Mauvais-mot-1");
        var delais = app.Services.GetRequiredService<DelaisConnexion>();
        delais.Ralenti(email).ShouldBeTrue();
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var ligne = (await Formulaires.PageAsync(admin, "/admin/comptes?q=" + email)).QuerySelector("tbody tr")!;
        ligne.TextContent.ShouldContain("verrouillé");
        var deverrouiller = ligne.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.TextContent.Contains("Déverrouiller"));
        (await Formulaires.SoumettreAsync(admin, deverrouiller, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        delais.Ralenti(email).ShouldBeFalse();
        (await ConnexionAsync(client, email, mdp)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public void Les_delais_croissent_jusqu_au_plafond()
    {
        var delais = app.Services.GetRequiredService<DelaisConnexion>();
        delais.Delai(0).ShouldBe(TimeSpan.FromSeconds(30));
        delais.Delai(1).ShouldBe(TimeSpan.FromMinutes(1));
        delais.Delai(3).ShouldBe(TimeSpan.FromMinutes(4));
        delais.Delai(50).ShouldBe(TimeSpan.FromMinutes(15));
        DelaisConnexion.Conseil(TimeSpan.FromSeconds(29.2)).ShouldBe("Réessayez dans 30 secondes.");
        DelaisConnexion.Conseil(TimeSpan.FromMinutes(4)).ShouldBe("Réessayez dans 4 minutes.");
    }
}
