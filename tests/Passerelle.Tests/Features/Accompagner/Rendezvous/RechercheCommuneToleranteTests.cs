using System.Net.Http.Json;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>The public booking search reads a commune as the directory does: accents, hyphens, « St », postcodes, Marseille's
/// arrondissements. Two places, each with a Monday permanence 9:00–12:00: one in Marseille 3e (13003), one in
/// Port-Saint-Louis-du-Rhône (13230). Clock: Wednesday 12 March 2025.</summary>
public class RechercheCommuneToleranteTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public RechercheCommuneToleranteTests(AppFactory app) => _app = app;

    [Fact]
    public async Task Arrondissements_codes_postaux_et_saint_trouvent_les_creneaux()
    {
        var marseille = await Scenario.LieuAsync(_app, "Marseille 3e", "13003");
        var psl = await Scenario.LieuAsync(_app, "Port-Saint-Louis-du-Rhône", "13230");
        var mediateurs = await Scenario.MediateursAsync(_app, 2);
        await Scenario.PermanenceAsync(_app, marseille.Id, [mediateurs[0].Id], [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(12, 0));
        await Scenario.PermanenceAsync(_app, psl.Id, [mediateurs[1].Id], [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(12, 0));
        var client = _app.ClientAnonyme();
        async Task<HashSet<int>> Lieux(string commune) =>
            (await client.GetFromJsonAsync<CreneauxDto>($"/api/v1/creneaux?commune={Uri.EscapeDataString(commune)}&taille=500"))!.Items.Select(c => c.LieuId).ToHashSet();

        foreach (var t in new[] { "Marseille", "marseille", "Marseille 3e", "Marseille 3", "marseille 03", "Marseille 3ème arrondissement", "13003" })
            (await Lieux(t)).ShouldBe([marseille.Id], t);
        foreach (var t in new[] { "Marseille 4e", "13004", "Marseill" })
            (await Lieux(t)).ShouldBeEmpty(t);
        foreach (var t in new[] { "Port St Louis", "port-saint-louis-du-rhone", "PORT ST LOUIS DU RHONE", "Port-St-Louis-du-Rhône", "13230" })
            (await Lieux(t)).ShouldBe([psl.Id], t);
    }
}
