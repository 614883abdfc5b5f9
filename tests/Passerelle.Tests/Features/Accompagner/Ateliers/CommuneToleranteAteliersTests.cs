using System.Net;
using System.Net.Http.Json;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Ateliers;

/// <summary>The workshop search reads a commune as the booking search does (accents, hyphens, « St », postcodes, Marseille's
/// arrondissements). Four places, one session each (2 April 2025): Marseille 3e (13003), Marseille 15e (13015),
/// Port-Saint-Louis-du-Rhône (13230), Aix-en-Provence (13090). Clock: Wednesday 12 March 2025.</summary>
public class CommuneToleranteAteliersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Arrondissements_codes_postaux_et_saint_trouvent_les_sessions_par_l_api_et_la_page()
    {
        var m3 = await Scenario.LieuAsync(app, "Marseille 3e", "13003");
        var m15 = await Scenario.LieuAsync(app, "Marseille 15e", "13015");
        var psl = await Scenario.LieuAsync(app, "Port-Saint-Louis-du-Rhône", "13230");
        var aix = await Scenario.LieuAsync(app, "Aix-en-Provence", "13090");
        var sessions = new Dictionary<int, int>();
        foreach (var lieu in new[] { m3, m15, psl, aix })
            sessions[lieu.Id] = (await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 4, 2, 12, 0, 0), capacite: 8)).Id;
        var client = app.ClientAnonyme();
        async Task<HashSet<int>> Lieux(string commune)
        {
            var r = await client.GetAsync($"/api/v1/ateliers/sessions?commune={Uri.EscapeDataString(commune)}&taille=500");
            r.StatusCode.ShouldBe(HttpStatusCode.OK, commune);
            var dto = (await r.Content.ReadFromJsonAsync<SessionsDto>())!;
            dto.Total.ShouldBe(dto.Items.Count, commune);
            return dto.Items.Select(s => s.LieuId).ToHashSet();
        }

        foreach (var t in new[] { "Marseille 3e", "marseille 03", "13003", "Marseille 3ème arrondissement" })
            (await Lieux(t)).ShouldBe([m3.Id], t);
        (await Lieux("Marseille")).ShouldBe([m3.Id, m15.Id], ignoreOrder: true);
        (await Lieux("13015")).ShouldBe([m15.Id]);
        foreach (var t in new[] { "Port St Louis", "port-saint-louis-du-rhone", "13230" })
            (await Lieux(t)).ShouldBe([psl.Id], t);
        foreach (var t in new[] { "Aix en provence", "AIX-EN-PROVENCE", "13090" })
            (await Lieux(t)).ShouldBe([aix.Id], t);
        foreach (var t in new[] { "Trifouilly-les-Oies", "Marseille 4e", "13004", "Marseill" })
            (await Lieux(t)).ShouldBeEmpty(t);
        foreach (var t in new[] { "", "   " })
            (await Lieux(t)).ShouldBe([m3.Id, m15.Id, psl.Id, aix.Id], ignoreOrder: true);

        // The public page reads it the same way: the title counts what was found.
        var page = await client.GetStringAsync("/ateliers?commune=" + Uri.EscapeDataString("Marseille"));
        page.ShouldContain("<title>2 ateliers trouvés");
        page.ShouldContain($"href=\"/ateliers/{sessions[m3.Id]}\"");
        page.ShouldContain($"href=\"/ateliers/{sessions[m15.Id]}\"");
        page.ShouldNotContain($"href=\"/ateliers/{sessions[aix.Id]}\"");
        (await client.GetStringAsync("/ateliers?commune=" + Uri.EscapeDataString("Port St Louis"))).ShouldContain("<title>1 atelier trouvé");
        var inconnue = await client.GetAsync("/ateliers?commune=Trifouilly-les-Oies");
        inconnue.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inconnue.Content.ReadAsStringAsync()).ShouldContain("<title>Aucun atelier trouvé");
    }
}
