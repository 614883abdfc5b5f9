using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Features.Referentiels.Territoires;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>Two communes bear the name Vitrolles: 13117 (Bouches-du-Rhône, postcode 13127, in the Métropole) and 05184 (Hautes-Alpes,
/// postcode 05110). A file naming « Vitrolles » without a postcode could be either: it is counted in neither, in every view, so that
/// nobody is counted twice nor in the wrong commune, and the Métropole's figures equal the whole country's.</summary>
public class ResidentsHomonymesTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public ResidentsHomonymesTests(AppFactory app) => _app = app;

    static readonly DateOnly Du = new(2025, 3, 3), Au = new(2025, 3, 16);

    [Fact]
    public async Task Un_nom_porte_par_deux_communes_ne_place_personne_sans_code_postal()
    {
        var lieu = await Scenario.LieuAsync(_app);
        var structure = await Scenario.StructureAsync(_app);
        await _app.AvecDb(async db =>
        {
            db.Add(new Commune
            {
                CodeInsee = "05184", Nom = "Vitrolles", Type = Commune.TypeCommune, CodesPostaux = "05110", Population = 270, AnneePopulation = 2023,
                AnneeCog = 2026, CodeRegion = "93", Latitude = 44.43, Longitude = 5.95, NomRecherche = RechercheCommunes.Cle("Vitrolles"),
            });
            var m = new Passerelle.Features.Reseau.Mediateurs.Mediateur { Prenom = "Léa", Nom = "Homonyme" };
            db.Mediateurs.Add(m);
            // 5 files « Vitrolles » with 13127, 5 with 05110, 5 without a postcode: one record each in the period.
            Beneficiaire B(string? cp) => new() { StructureId = structure, Commune = "Vitrolles", CodePostal = cp, Suivi = false };
            var fiches = Enumerable.Range(0, 5).SelectMany(_ => new[] { B("13127"), B("05110"), B(null) }).ToList();
            db.Beneficiaires.AddRange(fiches);
            await db.SaveChangesAsync();
            db.Activites.AddRange(fiches.Select(b => new Activite { MediateurId = m.Id, BeneficiaireId = b.Id, Date = new DateOnly(2025, 3, 4), DureeMinutes = 30, LieuId = lieu.Id }));
            await db.SaveChangesAsync();
        });
        async Task<TableEcarts> Table(string? epci, string? region) =>
            await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, epci, CancellationToken.None, region: region));

        // The Métropole reads only Bouches-du-Rhône's communes, yet the other Vitrolles keeps the name-only files out.
        var metropole = await Table("200054807", null);
        metropole.Lignes.Single(l => l.Code == "13117").Personnes.ShouldBe(5);
        metropole.Lignes.Sum(l => l.Personnes ?? 0).ShouldBe(5);
        foreach (var (epci, region) in new[] { ((string?)null, (string?)null), (null, "93") })
        {
            var t = await Table(epci, region);
            t.Lignes.Single(l => l.Code == "13117").Personnes.ShouldBe(5);
            t.Lignes.Single(l => l.Code == "05184").Personnes.ShouldBe(5);
            t.Lignes.Single(l => l.Code == "05184").DemandeObservee.ShouldBe(5);
            t.Lignes.Sum(l => l.Personnes ?? 0).ShouldBe(10, region ?? "France");
        }
        // With the second Vitrolles gone from the reference, the same files count for Vitrolles 13117: 10 people.
        await _app.AvecDb(async db => { db.Remove(db.Set<Commune>().Single(c => c.CodeInsee == "05184")); await db.SaveChangesAsync(); });
        (await Table("200054807", null)).Lignes.Single(l => l.Code == "13117").Personnes.ShouldBe(10);
        (await Table(null, null)).Lignes.Single(l => l.Code == "13117").Personnes.ShouldBe(10);
    }
}
