using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Features.Referentiels.Territoires;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>The gap table restricted to a région (INSEE code): the shipped Métropole is région 93; Nîmes (30189, région 76) is added
/// with a resident, a place and its reference point. Each table holds only its région's communes and counts only its residents;
/// the distance to the nearest place still looks beyond the région.</summary>
public class EcartsRegionTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public EcartsRegionTests(AppFactory app) => _app = app;

    static readonly DateOnly Du = new(2025, 3, 3), Au = new(2025, 3, 16);

    async Task PreparerAsync()
    {
        if (await _app.AvecDb(db => db.Set<Commune>().AnyAsync(c => c.CodeInsee == "30189"))) return;
        var lieu = await Scenario.LieuAsync(_app);   // Port-Saint-Louis-du-Rhône, at 43.38, 4.80
        var structure = await Scenario.StructureAsync(_app);
        await _app.AvecDb(async db =>
        {
            await db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Services, "aide-aux-demarches-administratives").SetProperty(l => l.CodeInsee, "13078"));
            db.Add(new Commune
            {
                CodeInsee = "30189", Nom = "Nîmes", Type = Commune.TypeCommune, CodesPostaux = "30000|30900", Population = 148104, AnneePopulation = 2023,
                EpciSiren = "243000643", AnneeCog = 2026, CodeRegion = "76", Latitude = 43.84, Longitude = 4.36, NomRecherche = RechercheCommunes.Cle("Nîmes"),
            });
            var m = new Passerelle.Features.Reseau.Mediateurs.Mediateur { Prenom = "Ana", Nom = "Région" };
            db.Mediateurs.Add(m);
            // Six residents of Nîmes (5 people, one seen twice) and five of Port-Saint-Louis, one record each in the period.
            var nimois = Enumerable.Range(0, 5).Select(_ => new Beneficiaire { StructureId = structure, Commune = "Nîmes", CodePostal = "30900", Suivi = false }).ToList();
            var psl = Enumerable.Range(0, 5).Select(_ => new Beneficiaire { StructureId = structure, Commune = "Port-Saint-Louis-du-Rhône", CodePostal = "13230", Suivi = false }).ToList();
            db.Beneficiaires.AddRange(nimois.Concat(psl));
            await db.SaveChangesAsync();
            Activite A(Beneficiaire b) => new() { MediateurId = m.Id, BeneficiaireId = b.Id, Date = new DateOnly(2025, 3, 4), DureeMinutes = 30, LieuId = lieu.Id };
            db.Activites.AddRange(nimois.Concat(psl).Select(A));
            db.Activites.Add(A(nimois[0]));
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Une_region_ne_lit_que_ses_communes_et_ses_habitants()
    {
        await PreparerAsync();
        var occitanie = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, null, CancellationToken.None, region: "76"));
        occitanie.Region.ShouldBe("76");
        var nimes = occitanie.Lignes.ShouldHaveSingleItem();
        nimes.Code.ShouldBe("30189");
        nimes.DemandeObservee.ShouldBe(6);
        nimes.Personnes.ShouldBe(5);
        nimes.Lieux.ShouldBe(0);
        // The nearest place is in the other région: haversine (43.84, 4.36) → (43.38, 4.80) = 62.22 km, beyond the 50 km box.
        nimes.DistanceMinKm.ShouldBe(62.2);

        var paca = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, null, CancellationToken.None, region: "93"));
        paca.Lignes.Count.ShouldBe(92);
        paca.Lignes.ShouldNotContain(l => l.Code == "30189");
        var psl = paca.Lignes.Single(l => l.Code == "13078");
        psl.DemandeObservee.ShouldBe(5);
        psl.Lieux.ShouldBe(1);

        // Région and EPCI together: the Métropole's communes of région 93; the Métropole in région 76 has none.
        (await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, "200054807", CancellationToken.None, region: "93"))).Lignes.Count.ShouldBe(92);
        (await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, "200054807", CancellationToken.None, region: "76"))).Lignes.ShouldBeEmpty();
    }

    [Fact]
    public async Task L_api_filtre_par_region_et_refuse_un_code_invalide()
    {
        await PreparerAsync();
        var api = await _app.ClientApiAsync(Roles.Financeur);
        var r = await api.GetAsync("/api/v1/pilotage/ecarts?niveau=commune&du=2025-03-03&au=2025-03-16&region=76");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await r.Content.ReadAsStringAsync();
        json.ShouldContain("\"code\":\"30189\"");
        json.ShouldNotContain("\"code\":\"13078\"");
        var mauvais = await api.GetAsync("/api/v1/pilotage/ecarts?niveau=commune&region=PACA");
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mauvais.Content.ReadAsStringAsync()).ShouldContain("code INSEE");
        var csv = await _app.CreateClient().GetStringAsync("/donnees/ecarts-territoriaux.csv?du=2025-03-03&au=2025-03-16&region=76");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        csv.ShouldContain("\"commune\",\"30189\",\"Nîmes\"");
    }
}
