using System.Net;
using System.Net.Http.Json;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Web;

/// <summary>Findings of the new-user review of 1 December 2026: forwarded headers without a proxy, dates at the ends of the
/// calendar, errors reaching people as JSON, the places import's own size limit.</summary>
public class SaisiesHorsLimitesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/api/v1/creneaux?au=9999-12-31")]
    [InlineData("/api/v1/ateliers/sessions?au=9999-12-31")]
    [InlineData("/api/v1/creneaux?du=0001-01-01")]
    public async Task Une_date_hors_limites_sur_l_api_publique_est_un_400_en_francais(string url)
    {
        var r = await app.ClientAnonyme().GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("hors des limites");
    }

    [Theory]
    [InlineData("/statistiques/public?du=9999-12-31")]
    public async Task Une_date_hors_limites_sur_une_page_publique_est_la_page_400(string url)
    {
        var r = await app.ClientAnonyme().GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await r.Content.ReadAsStringAsync()).ShouldContain("Demande incorrecte");
    }

    [Theory]
    [InlineData("/admin/agenda?date=9999-12-31")]
    [InlineData("/admin/agenda?date=0001-01-01")]
    [InlineData("/admin/agenda/guichet?date=9999-12-31")]
    [InlineData("/statistiques?du=9999-12-31")]
    public async Task Une_date_hors_limites_sur_une_page_d_equipe_est_la_page_400(string url)
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var r = await client.GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task Une_exception_dans_une_page_montre_la_page_d_erreur_html_de_son_statut()
    {
        var (_, _, _, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var client = await Formulaires.ConnecterAsync(app, email, mdp);
        // Another mediator's record (or none): the use case throws KeyNotFoundException inside the page.
        var r = await client.GetAsync("/activites/nouvelle?id=987654");
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await r.Content.ReadAsStringAsync()).ShouldContain("Page introuvable");
    }

    [Fact]
    public async Task Une_date_en_limite_reste_acceptee()
    {
        (await app.ClientAnonyme().GetAsync("/api/v1/creneaux?du=2199-12-01&au=2199-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Le_debordement_du_calendrier_est_une_saisie_invalide_pas_une_panne()
    {
        var e = Should.Throw<ArgumentOutOfRangeException>(() => DateOnly.MaxValue.AddDays(1));
        Passerelle.Web.Erreurs.Statut(e).ShouldBe(400);
        Passerelle.Web.Erreurs.Statut(new ArgumentOutOfRangeException("x")).ShouldBe(500);
        Passerelle.Web.Erreurs.Statut(new KeyNotFoundException()).ShouldBe(404);
    }

    [Fact]
    public async Task L_echec_de_connexion_de_l_api_est_explique_en_francais()
    {
        var r = await app.ClientAnonyme().PostAsJsonAsync("/api/v1/auth/login", new { email = "personne@exemple.fr", password = "faux-mot-de-passe" });
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var corps = await r.Content.ReadAsStringAsync();
        corps.ShouldNotContain("\"Failed\"");
        corps.ShouldContain("Connexion impossible");
    }

    [Fact]
    public async Task Un_fichier_trop_gros_envoye_par_un_formulaire_montre_une_page_pas_du_json()
    {
        var (_, _, _, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var client = await Formulaires.ConnecterAsync(app, email, mdp);
        var r = await client.PostAsync("/beneficiaires/import", await EnvoiAsync(client, "/beneficiaires/import", "fichier"));
        r.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await r.Content.ReadAsStringAsync()).ShouldContain("Fichier trop volumineux");
    }

    /// <summary>An 11 MB upload from the page's own form, with its antiforgery token, as a browser sends it.</summary>
    static async Task<MultipartFormDataContent> EnvoiAsync(HttpClient client, string page, string champ)
    {
        var doc = await Formulaires.PageAsync(client, page);
        var jeton = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[11 * 1024 * 1024]), champ, "gros.csv" },
        };
    }

    [Fact]
    public async Task L_import_des_lieux_garde_sa_propre_limite_au_dela_de_10_mo()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var r = await client.PostAsync("/admin/lieux/import", await EnvoiAsync(client, "/admin/lieux/import", "Fichier"));
        // Read and refused for what it holds (11 MB of zeros is no CSV), not for its size.
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).ShouldNotContain("Fichier trop volumineux");
    }
}

/// <summary>Without Proxy:Adresses, X-Forwarded-For is anybody's word: it must not change the address the limits count.</summary>
public class SansProxyTests(AppFactorySansProxy app) : IClassFixture<AppFactorySansProxy>
{
    [Fact]
    public async Task Sans_proxy_configure_l_en_tete_transmis_ne_contourne_pas_les_delais()
    {
        var (email, _) = await app.CreerCompteAsync(Roles.Mediateur);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var client = app.ClientAnonyme();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.71.0.{i + 1}");
            codes.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"faux-{i}" })).StatusCode);
        }
        codes.Take(5).ShouldAllBe(c => c == HttpStatusCode.Unauthorized);
        codes.Skip(5).ShouldAllBe(c => c == (HttpStatusCode)429);
    }
}
