using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Referentiels.Territoires;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Referentiels;

/// <summary>Communes (Etalab's JSON layout) and fragility index imports: all or nothing, idempotent, vintages kept.</summary>
public class ImportTerritoiresTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public ImportTerritoiresTests(AppFactory app) => _app = app;

    static MemoryStream Flux(string texte) => new(Encoding.UTF8.GetBytes(texte));

    const string Communes = """
        [{"code":"01001","nom":"L'Abergement-Clémenciat","type":"commune-actuelle","siren":"210100012","codesPostaux":["01400"],"population":860},
         {"code":"69123","nom":"Lyon","type":"commune-actuelle","siren":"216901231","codesPostaux":["69001","69002"],"population":520774},
         {"code":"69382","nom":"Lyon 2e Arrondissement","type":"arrondissement-municipal","commune":"69123","codesPostaux":["69002"],"population":30575},
         {"code":"01015","nom":"Arboys en Bugey","type":"commune-deleguee","chefLieu":"01015"}]
        """;
    const string Epci = """[{"code":"200046977","nom":"Métropole de Lyon","membres":[{"code":"69123","siren":"216901231","nom":"Lyon"}]}]""";

    [Fact]
    public async Task La_reference_livree_est_chargee_au_demarrage()
    {
        _app.CreateClient();
        var n = await _app.AvecDb(db => db.Set<Commune>().CountAsync(c => c.EpciSiren == "200054807"));
        n.ShouldBe(92);
        var marseille3 = await _app.AvecDb(db => db.Set<Commune>().SingleAsync(c => c.CodeInsee == "13203"));
        marseille3.CommuneParente.ShouldBe("13055");
        marseille3.AnneePopulation.ShouldBe(2023);
        marseille3.AnneeCog.ShouldBe(2026);
    }

    [Fact]
    public async Task Communes_json_tout_ou_rien_puis_idempotent()
    {
        _app.CreateClient();
        var mauvais = Communes.Replace("\"69382\"", "\"6938\"");
        var refus = await _app.AvecDb(db => ImporterCommunes.JsonAsync(db, Flux(mauvais), Flux(Epci), 2026, 2023, _app.Horloge, default));
        refus.Erreurs.ShouldContain(e => e.Contains("code INSEE « 6938 »"));
        refus.Resume().ShouldStartWith("4 lignes lues : rien n'a été importé");
        (await _app.AvecDb(db => db.Set<Commune>().AnyAsync(c => c.CodeInsee == "01001"))).ShouldBeFalse();

        var r = await _app.AvecDb(db => ImporterCommunes.JsonAsync(db, Flux(Communes), Flux(Epci), 2026, 2023, _app.Horloge, default));
        r.Erreurs.ShouldBeEmpty();
        r.Resume().ShouldBe("4 lignes lues : 3 communes ajoutées, 0 mises à jour, 1 ignorées (communes déléguées ou associées).");
        var encore = await _app.AvecDb(db => ImporterCommunes.JsonAsync(db, Flux(Communes), Flux(Epci), 2026, 2023, _app.Horloge, default));
        encore.Resume().ShouldBe("4 lignes lues : 0 communes ajoutées, 3 mises à jour, 1 ignorées (communes déléguées ou associées).");
        var lyon = await _app.AvecDb(db => db.Set<Commune>().SingleAsync(c => c.CodeInsee == "69123"));
        (lyon.EpciSiren, lyon.EpciNom, lyon.Population, lyon.AnneePopulation, lyon.CodesPostaux).ShouldBe(("200046977", "Métropole de Lyon", 520774, 2023, "69001|69002"));
    }

    [Fact]
    public async Task Indice_de_fragilite_versionne_tout_ou_rien()
    {
        _app.CreateClient();
        var entete = string.Join(',', ImporterIndicesFragilite.Colonnes);
        const string ligne = "commune,13078,2023,tout-age,7.2,12.5,ARCEP Ma connexion internet,2023,1.1,ARCEP Mon réseau mobile,2023,21.3,INSEE RP,2020,33.0,INSEE RP,2020,24.1,INSEE Filosofi,2020";
        var mauvais = entete + "\n" + ligne + "\n" + ligne.Replace(",7.2,", ",11,").Replace("2023,tout-age", "2023,senior") + "\n";
        var refus = await _app.AvecDb(db => ImporterIndicesFragilite.ImporterAsync(db, Flux(mauvais), _app.Horloge, default));
        refus.Erreurs.ShouldContain(e => e.StartsWith("Ligne 3 : score"));
        (await _app.AvecDb(db => db.Set<IndiceFragilite>().CountAsync())).ShouldBe(0);

        var bon = entete + "\n" + ligne + "\n" + ligne.Replace(",7.2,", ",6.1,").Replace("commune,13078,2023", "commune,13078,2021") + "\n";
        (await _app.AvecDb(db => ImporterIndicesFragilite.ImporterAsync(db, Flux(bon), _app.Horloge, default))).Resume().ShouldBe("2 lignes lues : 2 indices ajoutés, 0 mis à jour.");
        (await _app.AvecDb(db => ImporterIndicesFragilite.ImporterAsync(db, Flux(bon), _app.Horloge, default))).Resume().ShouldBe("2 lignes lues : 0 indices ajoutés, 2 mis à jour.");
        var i = await _app.AvecDb(db => db.Set<IndiceFragilite>().SingleAsync(x => x.VersionModele == "2023"));
        i.Libelle().ShouldBe("7,2 / 10 (modèle 2023, tout-age)");
        i.Criteres[4].ShouldBe(new CritereFragilite("Taux de pauvreté", 24.1, "INSEE Filosofi", 2020));
    }
}
