using System.Net;
using System.Text;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features;

/// <summary>Throws malformed, oversized and hostile payloads at every write endpoint of the API
/// and every form of the admin pages, signed in with the strongest role: nothing may answer 5xx.</summary>
public class EntreesMalformeesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly (string Nom, string Type, string Corps)[] Charges =
    [
        ("vide", "application/json", ""),
        ("json tronqué", "application/json", "{\"nom\": \"abc"),
        ("tableau au lieu d'objet", "application/json", "[1,2,3]"),
        ("types faux", "application/json", "{\"nom\": 12, \"latitude\": \"nord\", \"services\": \"pas un tableau\", \"structureId\": \"x\", \"debut\": \"hier\"}"),
        ("null", "application/json", "null"),
        ("imbrication profonde", "application/json", new string('[', 5000) + new string(']', 5000)),
        ("énorme", "application/json", "{\"nom\": \"" + new string('a', 2_000_000) + "\"}"),
        ("octets nuls", "application/json", "{\"nom\": \"a\u0000b\", \"prenom\": \"\u0000\"}"),
        ("nombres extrêmes", "application/json", "{\"latitude\": 1e400, \"longitude\": -1e400, \"structureId\": 99999999999999999999}"),
        ("texte brut", "text/plain", "bonjour"),
        ("xml", "application/xml", "<lieu><nom>x</nom></lieu>"),
        ("formulaire", "application/x-www-form-urlencoded", "nom=%00%FF&&&=="),
    ];

    [Fact]
    public async Task Aucun_point_d_ecriture_de_l_api_ne_repond_5xx()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var routes = AccesTests.Routes(app.Services)
            .Where(r => r.Route.StartsWith("/api/v1") && r.Methode is "POST" or "PUT" or "DELETE" or "PATCH").ToList();
        routes.Count.ShouldBeGreaterThan(8);
        var problemes = new List<string>();
        foreach (var (methode, route) in routes)
        {
            foreach (var (nom, type, corps) in Charges)
            {
                foreach (var url in new[] { AccesTests.Url(route), AccesTests.Url(route).Replace("/1", "/-5"), AccesTests.Url(route).Replace("/1", "/2147483647") })
                {
                    var requete = new HttpRequestMessage(new HttpMethod(methode), url) { Content = new StringContent(corps, Encoding.UTF8, type) };
                    var r = await admin.SendAsync(requete);
                    if ((int)r.StatusCode >= 500) problemes.Add($"{methode} {url} [{nom}] → {(int)r.StatusCode}");
                    else if (methode != "DELETE" && nom != "formulaire" && route != "/api/v1/auth/refresh" && !route.StartsWith("/api/v1/auth/manage") && (int)r.StatusCode < 400 && nom is not ("types faux" or "octets nuls" or "nombres extrêmes"))
                        problemes.Add($"{methode} {url} [{nom}] accepté ({(int)r.StatusCode})");
                }
            }
        }
        problemes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Aucun_formulaire_ne_repond_5xx()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var formulaires = new[] { "/admin/lieux/nouveau", "/admin/structures/nouvelle", "/admin/mediateurs/nouveau", "/admin/lieux/import" };
        var problemes = new List<string>();
        foreach (var url in formulaires)
        {
            var page = await Formulaires.PageAsync(client, url);
            var jeton = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            string[] corps =
            [
                "Saisie.Latitude=abc&Saisie.Longitude=1e999&Saisie.StructureId=zz&StructureId=-1&Debut=hier",
                "Saisie.Nom=" + Uri.EscapeDataString("<script>alert(1)</script>") + "&Saisie.Services=Inconnu&Saisie.Typologie=XXX&Saisie.Siret=1",
                "Saisie.Nom=" + new string('x', 100_000) + "&Saisie.Prenom=" + new string('y', 100_000),
                "Lieux=abc&Lieux=99999&Saisie.Prenom=%00",
            ];
            foreach (var c in corps)
            {
                var r = await client.PostAsync(url, new StringContent(c + "&__RequestVerificationToken=" + Uri.EscapeDataString(jeton), Encoding.UTF8, "application/x-www-form-urlencoded"));
                if ((int)r.StatusCode >= 500) problemes.Add($"{url} → {(int)r.StatusCode}");
                if (r.StatusCode == HttpStatusCode.Redirect) problemes.Add($"{url} a accepté une saisie invalide");
                var html = await r.Content.ReadAsStringAsync();
                if (html.Contains("<script>alert(1)")) problemes.Add($"{url} renvoie du HTML non échappé");
            }
        }
        problemes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Formulaire_sans_jeton_antiforgery_refuse()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var r = await client.PostAsync("/admin/structures/nouvelle", new StringContent("Saisie.Nom=X&Saisie.Rna=W133001234&Saisie.Typologie=ASSO", Encoding.UTF8, "application/x-www-form-urlencoded"));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.AvecDb(db => Task.FromResult(db.Structures.Any(s => s.Rna == "W133001234")))).ShouldBeFalse();
    }
}
