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

    /// <summary>GeoNames lines written for the test (19 tab-separated columns): Paris and one of its sections, Paris 2e, a hamlet
    /// that is the only place of its commune, and a place abroad.</summary>
    static string GeoNames(params string[][] lignes) => string.Join('\n', lignes.Select(l => string.Join('\t', l))) + "\n";
    static string[] Ligne(string nom, string lat, string lon, string code, string insee, string pays = "FR") =>
        ["1", nom, nom, "", lat, lon, "P", code, pays, "", "11", "75", "751", insee, "1000", "", "30", "Europe/Paris", "2024-01-01"];

    [Fact]
    public async Task Points_de_reference_geonames_tout_ou_rien_par_code_insee_et_nom()
    {
        _app.CreateClient();
        const string communes = """
            [{"code":"75056","nom":"Paris","type":"commune-actuelle","siren":"217500016","codesPostaux":["75001"],"population":2113705},
             {"code":"75102","nom":"Paris 2e Arrondissement","type":"arrondissement-municipal","commune":"75056","codesPostaux":["75002"],"population":20433},
             {"code":"01002","nom":"L'Abergement-de-Varey","type":"commune-actuelle","siren":"210100020","codesPostaux":["01640"],"population":269}]
            """;
        (await _app.AvecDb(db => ImporterCommunes.JsonAsync(db, Flux(communes), null, 2026, 2023, _app.Horloge, default))).Erreurs.ShouldBeEmpty();
        var fichier = GeoNames(Ligne("Montmartre", "48.8867", "2.3431", "PPLX", "75056"), Ligne("Paris", "48.85341", "2.3488", "PPLC", "75056"),
            Ligne("Paris 02", "48.86794", "2.34411", "PPLA5", "75056"), Ligne("Le Bourg", "46.0", "5.4", "PPL", "01002"),
            Ligne("Paris", "33.66", "-95.55", "PPLA2", "75056", "US"));

        var refus = await _app.AvecDb(db => ImporterPointsCommunes.GeoNamesAsync(db, Flux(fichier + "2\tParis\t48\n"), default));
        refus.Erreurs.ShouldContain("Ligne 6 : 3 colonnes au lieu de 19 (format GeoNames).");
        (await _app.AvecDb(db => db.Set<Commune>().Where(c => c.CodeInsee == "75056").Select(c => c.Latitude).SingleAsync())).ShouldBeNull();

        var r = await _app.AvecDb(db => ImporterPointsCommunes.GeoNamesAsync(db, Flux(fichier), default));
        r.Erreurs.ShouldBeEmpty();
        r.Resume().ShouldStartWith("5 lignes lues : 3 communes ont un point de référence");
        var points = await _app.AvecDb(db => db.Set<Commune>().Where(c => c.CodeInsee.StartsWith("75") || c.CodeInsee == "01002")
            .ToDictionaryAsync(c => c.CodeInsee, c => (c.Latitude, c.Longitude)));
        points["75056"].ShouldBe((48.85341, 2.3488));   // the place named like the commune, not its section nor Paris, Texas
        points["75102"].ShouldBe((48.86794, 2.34411));
        points["01002"].ShouldBe((46.0, 5.4));          // the only place of the commune
        // Idempotent; the shipped reference already holds the Métropole's points (GeoNames, see Seed/SOURCES.md).
        (await _app.AvecDb(db => ImporterPointsCommunes.GeoNamesAsync(db, Flux(fichier), default))).Resume().ShouldStartWith("5 lignes lues : 3 communes");
        (await _app.AvecDb(db => db.Set<Commune>().SingleAsync(c => c.CodeInsee == "13078"))).Latitude.ShouldBe(43.38734);
    }
}
