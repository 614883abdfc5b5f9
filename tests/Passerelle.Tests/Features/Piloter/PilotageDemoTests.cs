using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Piloter.Actions;
using Passerelle.Features.Referentiels;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>The demo's action plan: Aix-en-Provence's strategy study tied to the CAF co-financing, two recent actions with their
/// zones' figures before and after; the QPV reference points shipped for distances.</summary>
public class PilotageDemoTests(AppFactoryDemo app) : IClassFixture<AppFactoryDemo>
{
    [Fact]
    public async Task L_etude_d_aix_et_deux_actions_avec_avant_apres()
    {
        var actions = await app.AvecDb(db => db.Set<ActionTerritoriale>().OrderBy(a => a.Id).ToListAsync());
        actions.Count.ShouldBe(3);
        var etude = actions[0];
        (etude.CoutCentimes, etude.Zones).ShouldBe((1_970_000L, "QN01313M|QN01314M|QN01315M|QN01316M"));
        etude.Cofinancement.ShouldNotBeNull().ShouldContain("50 % (9 850 €)");
        etude.Cofinancement.ShouldContain("plan de cofinancement n°");

        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/pilotage/actions"));
        page.ShouldContain("Étude de stratégie territoriale d'inclusion numérique des quartiers prioritaires d'Aix-en-Provence");
        page.ShouldContain("Arrêt itinérant du bus d'accès aux droits à Port-Saint-Louis-du-Rhône (fictif)");
        page.ShouldContain("Jas-De-Bouffan");
        page.ShouldContain("Quartier prioritaire de Port-Saint-Louis");
    }

    [Fact]
    public async Task Les_qpv_de_la_metropole_ont_des_points_de_reference_livres()
    {
        var points = await app.AvecDb(db => db.Set<Qpv>().Where(q => q.Latitude != null).Select(q => q.Code).ToListAsync());
        points.Count.ShouldBe(12);
        points.ShouldContain("QN01371N");
    }
}
