using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Web;

/// <summary>A JSON body with a value of the wrong type (a word where a number is expected…) answers 400 with a French message
/// naming the field, on every API route (one place: Web/CorpsJson.cs), whatever the environment.</summary>
public class CorpsJsonTests(AppFactory app) : IClassFixture<AppFactory>
{
    static StringContent Json(string corps) => new(corps, Encoding.UTF8, "application/json");

    static async Task<(JsonElement Erreurs, string Titre)> ProblemeAsync(HttpResponseMessage r)
    {
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var probleme = await r.Content.ReadFromJsonAsync<JsonElement>();
        return (probleme.GetProperty("errors"), probleme.GetProperty("title").GetString()!);
    }

    [Fact]
    public async Task Un_mot_a_la_place_d_un_nombre_nomme_le_champ_en_francais()
    {
        var (erreurs, titre) = await ProblemeAsync(await app.ClientAnonyme().PostAsync("/api/v1/reservations",
            Json("""{"creneauId":"le premier","prenom":"Josiane","nom":"Martin","consentement":true}""")));
        titre.ShouldBe("Requête invalide");
        erreurs.GetProperty("creneauId")[0].GetString().ShouldBe("Le champ « creneauId » attend un nombre entier.");
    }

    [Fact]
    public async Task Une_valeur_fausse_dans_une_liste_ou_une_date_est_nommee_aussi()
    {
        var (api, _, _, _, _) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var (erreurs, _) = await ProblemeAsync(await api.PostAsync("/api/v1/activites",
            Json("""{"type":"Individuel","date":"2025-03-01","duree":30,"participants":[12,"Josiane"]}""")));
        erreurs.GetProperty("participants[1]")[0].GetString().ShouldBe("Le champ « participants[1] » attend un nombre entier.");
        (erreurs, _) = await ProblemeAsync(await api.PostAsync("/api/v1/activites", Json("""{"type":"Individuel","date":"1er mars","duree":30}""")));
        erreurs.GetProperty("date")[0].GetString().ShouldBe("Le champ « date » attend une date (année-mois-jour, par exemple 2026-12-01).");
        (erreurs, _) = await ProblemeAsync(await api.PostAsync("/api/v1/activites", Json("""{"type":"Individuel","date":"2025-03-01","duree":30,"themes":"Courriels"}""")));
        erreurs.GetProperty("themes")[0].GetString().ShouldBe("Le champ « themes » attend une liste.");
    }

    [Fact]
    public async Task Hors_developpement_aussi()
    {
        // Outside Development the framework would answer an empty 400 (ThrowOnBadRequest is off by default there).
        using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var (erreurs, _) = await ProblemeAsync(await production.CreateClient().PostAsync("/api/v1/reservations",
            Json("""{"creneauId":"le premier","prenom":"Josiane","nom":"Martin","consentement":true}""")));
        erreurs.GetProperty("creneauId")[0].GetString().ShouldBe("Le champ « creneauId » attend un nombre entier.");
    }

    [Fact]
    public async Task Un_json_mal_forme_est_un_400_en_francais_sans_champ_invente()
    {
        var r = await app.ClientAnonyme().PostAsync("/api/v1/reservations", Json("""{"creneauId":12,"prenom":"Jo"""));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var probleme = await r.Content.ReadFromJsonAsync<JsonElement>();
        probleme.GetProperty("detail").GetString()!.ShouldStartWith("Le JSON envoyé est mal formé");
        probleme.TryGetProperty("errors", out _).ShouldBeFalse();
    }
}
