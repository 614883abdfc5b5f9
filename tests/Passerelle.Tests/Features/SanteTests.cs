using System.Net;
using System.Text.Json;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features;

public class SanteTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task La_suite_tourne_sur_la_base_demandee()
    {
        var fournisseur = await app.AvecDb(db => Task.FromResult(db.Database.ProviderName!));
        fournisseur.ShouldContain(AppFactory.Postgres ? "Npgsql" : "Sqlite");
    }

    [Fact]
    public async Task Health_repond_quand_la_base_repond()
    {
        var r = await app.ClientAnonyme().GetAsync("/health");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Document_openapi_decrit_l_annuaire()
    {
        var json = await app.ClientAnonyme().GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        var chemins = doc.RootElement.GetProperty("paths");
        chemins.TryGetProperty("/api/v1/lieux", out _).ShouldBeTrue();
        chemins.TryGetProperty("/api/v1/lieux/{id}", out _).ShouldBeTrue();
        chemins.TryGetProperty("/api/v1/lieux/export.csv", out _).ShouldBeTrue();
        chemins.TryGetProperty("/api/v1/auth/login", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Page_inconnue_en_francais_et_api_en_problem_details()
    {
        var page = await app.ClientAnonyme().GetAsync("/nexiste-pas");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Page introuvable");
        var api = await app.ClientAnonyme().GetAsync("/api/v1/lieux/999999");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadAsStringAsync()).ShouldContain("Lieu introuvable");
    }
}
