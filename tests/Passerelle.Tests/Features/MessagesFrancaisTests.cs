using System.Net;
using System.Text;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features;

/// <summary>Issue 8 item 6: every validation message in French — no "The field Prenom must be…", no "The value '' is invalid.".
/// Bad values go to every write endpoint of the API and to the forms; no answer may carry the framework's English.</summary>
public class MessagesFrancaisTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly string[] Anglais = ["The field", "The value", "is invalid", "must be a", "is required", "field is", "not a valid"];

    static string? Anglicisme(string texte) => Anglais.FirstOrDefault(a => texte.Contains(a, StringComparison.Ordinal));

    /// <summary>Well-formed JSON whose values break the attributes: too long, not an e-mail, out of range.</summary>
    static readonly string Mauvais = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["nom"] = new string('n', 3000), ["prenom"] = new string('p', 3000), ["telephone"] = new string('6', 60), ["email"] = "pas-un-courriel",
        ["courriel"] = "pas-un-courriel", ["objet"] = new string('o', 3000), ["notes"] = new string('x', 5000), ["commune"] = new string('c', 500),
        ["codePostal"] = "1234567", ["codeQpv"] = new string('Q', 50), ["creneauId"] = -4, ["capacite"] = -1, ["siteWeb"] = "pas une adresse",
        ["titre"] = new string('t', 3000), ["tiersNom"] = new string('t', 500), ["role"] = "inconnu", ["consentement"] = true, ["suivi"] = true,
    });

    [Fact]
    public async Task Aucune_reponse_de_l_api_n_est_en_anglais()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var mediatrice = (await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app))).Api;
        var routes = AccesTests.Routes(app.Services).Where(r => r.Route.StartsWith("/api/v1") && r.Methode is "POST" or "PUT").ToList();
        var problemes = new List<string>();
        var refusees = 0;
        foreach (var (methode, route) in routes)
            foreach (var client in new[] { admin, mediatrice, app.ClientAnonyme() })
            {
                var r = await client.SendAsync(new HttpRequestMessage(new HttpMethod(methode), AccesTests.Url(route)) { Content = new StringContent(Mauvais, Encoding.UTF8, "application/json") });
                var corps = await r.Content.ReadAsStringAsync();
                if (r.StatusCode == HttpStatusCode.BadRequest) refusees++;
                if (Anglicisme(corps) is { } a) problemes.Add($"{methode} {route} → {(int)r.StatusCode} « {a} » : {corps[..Math.Min(300, corps.Length)]}");
            }
        refusees.ShouldBeGreaterThan(5); // the payload really reached validation
        problemes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Aucun_formulaire_ne_repond_en_anglais()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var mediatrice = await Formulaires.ConnecterAsync(app, m.Email, m.MotDePasse);
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var formulaires = new (HttpClient Client, string Url)[]
        {
            (admin, "/admin/lieux/nouveau"), (admin, "/admin/structures/nouvelle"), (admin, "/admin/mediateurs/nouveau"),
            (mediatrice, "/beneficiaires/nouveau"), (mediatrice, "/activites/nouvelle"),
        };
        var problemes = new List<string>();
        foreach (var (client, url) in formulaires)
        {
            var page = await Formulaires.PageAsync(client, url);
            var jeton = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var champs = page.QuerySelectorAll("main form [name]").Select(e => e.GetAttribute("name")!).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
            // Every field at once: a number where text is expected and text where a number is, too long, empty.
            foreach (var valeur in new[] { "abc", "", new string('x', 5000), "1e999", "-1" })
            {
                var corps = string.Join("&", champs.Select(c => $"{Uri.EscapeDataString(c)}={Uri.EscapeDataString(valeur)}")) + "&__RequestVerificationToken=" + Uri.EscapeDataString(jeton);
                var r = await client.PostAsync(url, new StringContent(corps, Encoding.UTF8, "application/x-www-form-urlencoded"));
                var html = System.Net.WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
                if (Anglicisme(html) is { } a) problemes.Add($"{url} [{valeur[..Math.Min(5, valeur.Length)]}] → « {a} »");
            }
        }
        problemes.ShouldBeEmpty();
    }
}
