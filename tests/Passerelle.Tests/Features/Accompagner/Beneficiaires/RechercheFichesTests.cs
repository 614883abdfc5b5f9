using System.Net;
using System.Net.Http.Json;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Beneficiaires;

/// <summary>Reported case 11: searching files by 0611111111, "06 11 11 11 11" or "Ndiaye" found nothing. Search now compares
/// phone numbers and names the way duplicate detection does.</summary>
public class RechercheFichesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static IEnumerable<string> Cas11() => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Donnees", "cas-signales", "11-doublons.jsonl")).Where(l => l.Length > 0);

    async Task<((HttpClient Api, int? MediateurId, int LieuId, string Email, string MotDePasse) M, List<int> Ids)> CreerAsync()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var ids = new List<int>();
        foreach (var ligne in Cas11())
        {
            var r = await m.Api.PostAsync("/api/v1/beneficiaires", new StringContent(ligne, System.Text.Encoding.UTF8, "application/json"));
            r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            ids.Add((await r.Content.ReadFromJsonAsync<CreeDto>())!.Id);
        }
        return (m, ids);
    }

    [Fact]
    public async Task Les_fiches_du_cas_11_se_trouvent_comme_on_les_tape()
    {
        var (m, ids) = await CreerAsync();
        async Task<List<int>> Chercher(string q) =>
            (await m.Api.GetFromJsonAsync<List<BeneficiaireResume>>($"/api/v1/beneficiaires?q={Uri.EscapeDataString(q)}"))!.Select(f => f.Id).Order().ToList();
        var ndiaye = new List<int> { ids[0], ids[1] };
        var lefevre = new List<int> { ids[2], ids[3] };
        foreach (var q in new[] { "0611111111", "06 11 11 11 11", "06.11.11.11.11", "+33611111111", "+33 6 11 11 11 11", "Ndiaye", "N'Diaye", "ndiaye", "NDIAYE",
                     "N’Diaye", "Jean-Baptiste N'Diaye", "jean baptiste ndiaye", "Ndiaye Jean Baptiste", "06 11 11", "11 11 11" })
            (await Chercher(q)).ShouldBe(ndiaye, $"recherche « {q} »");
        (await Chercher("Helene.Lefevre@Exemple.fr")).ShouldBe(lefevre);
        (await Chercher("helene.lefevre@exemple.fr")).ShouldBe(lefevre);
        (await Chercher("Hélène Lefèvre")).ShouldContain(ids[3]);
        (await Chercher("lefevre")).ShouldContain(ids[3]);
        (await Chercher("Dupont")).ShouldBeEmpty();
        (await Chercher("06 22")).ShouldBeEmpty();
        (await Chercher(ids[2].ToString())).ShouldBe([ids[2]]);

        // Duplicate detection proposes the pair typed two ways.
        var doublons = (await m.Api.GetFromJsonAsync<List<Doublon>>("/api/v1/beneficiaires/doublons"))!;
        doublons.ShouldContain(d => d.A.Id == ids[0] && d.B.Id == ids[1]);

        // The list page: a mediator types the number as it is written on a card.
        var client = await Formulaires.ConnecterAsync(app, m.Email, m.MotDePasse);
        var page = await Formulaires.PageAsync(client, "/beneficiaires?q=" + Uri.EscapeDataString("06 11 11 11 11"));
        page.QuerySelectorAll("#fiches tbody a").Select(a => a.GetAttribute("href")).ShouldBe([$"/beneficiaires/{ids[0]}", $"/beneficiaires/{ids[1]}"], ignoreOrder: true);
    }
}
