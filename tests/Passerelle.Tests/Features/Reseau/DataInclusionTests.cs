using System.Net;
using System.Text.Json;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Informations;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau;

/// <summary>The data·inclusion files validate against the schema's own JSON Schema files (gip-inclusion/data-inclusion-schema,
/// tag v1.0.8, copied unchanged in Seed/data-inclusion-v1.0.8), formats (date, email, uri) included.</summary>
public class DataInclusionTests(AppFactory app) : IClassFixture<AppFactory>
{
    static JsonSchema Schema(string nom) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "data-inclusion-v1.0.8", nom)));

    static void Valider(JsonSchema schema, JsonElement tableau)
    {
        tableau.ValueKind.ShouldBe(JsonValueKind.Array);
        foreach (var element in tableau.EnumerateArray())
        {
            var resultat = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            resultat.IsValid.ShouldBeTrue(element.GetRawText() + "\n" + string.Join("\n", (resultat.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Fact]
    public async Task Structures_et_services_suivent_le_schema_data_inclusion()
    {
        var lieu = await Scenario.LieuAsync(app, "Arles", "13200");
        await app.AvecDb(async db =>
        {
            var l = await db.Lieux.SingleAsync(x => x.Id == lieu.Id);
            l.Services = "Aide aux démarches administratives|Accès internet et matériel informatique|Service inconnu";
            l.PublicsSpecifiquementAdresses = "Seniors|Jeunes";
            l.PriseEnChargeSpecifique = "Surdité|Langues étrangères (anglais)";
            l.FraisACharge = "Gratuit sous condition";
            l.ModalitesAccompagnement = "Accompagnement individuel|À distance";
            l.ModalitesAcces = "Se présenter|Prendre un RDV en ligne";
            l.PriseRdv = "https://rdv.exemple.fr/arles";
            l.Horaires = "Mo-Fr 09:00-12:00";
            l.Courriels = "pas un courriel|accueil@exemple.fr";
            l.SiteWeb = "www.sans-schema.fr";
            l.DispositifProgrammesNationaux = "Conseillers numériques|France Services";
            l.CodeInsee = "13004";
            l.Nom = "Espace numérique d'Arles.";
            await db.SaveChangesAsync();
        });
        var anonyme = app.ClientAnonyme();
        var structures = JsonDocument.Parse(await anonyme.GetStringAsync("/donnees/data-inclusion/structures.json")).RootElement;
        var services = JsonDocument.Parse(await anonyme.GetStringAsync("/donnees/data-inclusion/services.json")).RootElement;
        Valider(Schema("structure.json"), structures);
        Valider(Schema("service.json"), services);

        var s = structures.EnumerateArray().Single(x => x.GetProperty("id").GetString() == $"lieu-{lieu.Id}");
        (s.GetProperty("source").GetString(), s.GetProperty("nom").GetString(), s.GetProperty("courriel").GetString(), s.GetProperty("code_insee").GetString())
            .ShouldBe(("passerelle", "Espace numérique d'Arles", "accueil@exemple.fr", "13004"));
        s.GetProperty("site_web").ValueKind.ShouldBe(JsonValueKind.Null);
        s.GetProperty("reseaux_porteurs").EnumerateArray().Select(x => x.GetString()).ShouldBe(["conseillers-numeriques", "france-service"]);

        var sv = services.EnumerateArray().Where(x => x.GetProperty("structure_id").GetString() == $"lieu-{lieu.Id}").ToList();
        sv.Select(x => x.GetProperty("nom").GetString()).ShouldBe(["Aide aux démarches administratives", "Accès internet et matériel informatique"]);
        var d = sv[0];
        d.GetProperty("thematiques").EnumerateArray().Select(x => x.GetString())
            .ShouldBe(["numerique--acceder-a-des-services-en-ligne", "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"]);
        d.GetProperty("publics").EnumerateArray().Select(x => x.GetString()).ShouldBe(["seniors", "jeunes", "personnes-en-situation-de-handicap"]);
        (d.GetProperty("frais").GetString(), d.GetProperty("frais_precisions").GetString()).ShouldBe(("gratuit", "Gratuit sous condition"));
        d.GetProperty("modes_accueil").EnumerateArray().Select(x => x.GetString()).ShouldBe(["en-presentiel", "a-distance"]);
        d.GetProperty("modes_mobilisation").EnumerateArray().Select(x => x.GetString()).ShouldBe(["se-presenter", "utiliser-lien-mobilisation"]);
        (d.GetProperty("lien_mobilisation").GetString(), d.GetProperty("horaires_accueil").GetString()).ShouldBe(("https://rdv.exemple.fr/arles", "Mo-Fr 09:00-12:00"));
        sv[1].GetProperty("type").GetString().ShouldBe("aide-materielle");

        // The schema itself refuses what we must never write (the test is not vacuous).
        var faux = JsonDocument.Parse("""[{"source":"passerelle","structure_id":"x","id":"y","nom":"Ok ok","description":"Assez long","date_maj":"2025-01-01","thematiques":["numerique"]}]""").RootElement;
        Schema("service.json").Evaluate(faux[0], new EvaluationOptions { RequireFormatValidation = true }).IsValid.ShouldBeFalse();

        var csv = (await anonyme.GetStringAsync("/donnees/data-inclusion/services.csv")).TrimStart('\uFEFF');
        var lignes = Passerelle.Web.Csv.Lire(new StringReader(csv), ',').Select(l => l.Champs).ToList();
        lignes[0].Take(6).ShouldBe(["source", "structure_id", "id", "nom", "description", "date_maj"]);
        lignes.Single(l => l[3] == "Aide aux démarches administratives" && l[1] == $"lieu-{lieu.Id}")[lignes[0].IndexOf("modes_accueil")].ShouldBe("en-presentiel,a-distance");
        (await anonyme.GetAsync("/donnees/data-inclusion/structures.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Les_fichiers_sont_declares_pour_la_page_des_donnees_ouvertes()
    {
        using var scope = app.Services.CreateScope();
        var jeux = scope.ServiceProvider.GetServices<IJeuxDonneesPublies>().ToList();
        var tous = new List<JeuDonneesPublie>();
        foreach (var j in jeux) tous.AddRange(await j.ListerAsync(CancellationToken.None));
        tous.Where(j => j.Schema == "data·inclusion").Select(j => j.Adresse).Order().ShouldBe(
            ["/donnees/data-inclusion/services.csv", "/donnees/data-inclusion/services.json", "/donnees/data-inclusion/structures.csv", "/donnees/data-inclusion/structures.json"]);
        tous.Where(j => j.Schema == "data·inclusion").ShouldAllBe(j => j.VersionSchema == "1.0.8" && j.Licence == "Licence Ouverte 2.0");
    }
}

/// <summary>Import of data·inclusion files into the directory: all or nothing, a French line per faulty element, idempotent by source + id.</summary>
public class ImportDataInclusionTests(AppFactory app) : IClassFixture<AppFactory>
{
    static MemoryStream Flux(string json) => new(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task Import_tout_ou_rien_rejouable_par_source_et_id()
    {
        var source = "dora-" + Guid.NewGuid().ToString("N")[..6];
        var structures = $$"""
            [{"source":"{{source}}","id":"s1","nom":"Centre social Le Tournesol","date_maj":"2025-02-14","adresse":"2 rue des Lilas","commune":"Arles","code_postal":"13200","code_insee":"13004","siret":"13003013300016"},
             {"source":"{{source}}","id":"s2","nom":"Espace numérique","date_maj":"2025-02-14","adresse":"1 place du Marché","commune":"Arles","code_postal":"13200"}]
            """;
        var services = $$"""
            [{"source":"{{source}}","structure_id":"s1","id":"sv1","nom":"Aide numérique","description":"Aide aux démarches en ligne","date_maj":"2025-02-14",
              "thematiques":["numerique--acceder-a-des-services-en-ligne","sante--addictions"],"publics":["seniors"],"frais":"gratuit","modes_mobilisation":["se-presenter"],"modes_accueil":["a-distance"]}]
            """;
        var r = await app.AvecDb(db => Passerelle.Features.Reseau.DataInclusion.ImporterDataInclusion.ExecuterAsync(db, Flux(structures), Flux(services), TimeProvider.System, default));
        r.Erreurs.ShouldBeEmpty();
        (r.Crees, r.MisAJour, r.Inchanges).ShouldBe((2, 0, 0));
        var s1 = await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Source == source && l.IdLocal == "s1"));
        (s1.Pivot, s1.Services, s1.PublicsSpecifiquementAdresses, s1.FraisACharge, s1.ModalitesAcces, s1.ModalitesAccompagnement)
            .ShouldBe(("13003013300016", "Aide aux démarches administratives", "Seniors", "Gratuit", "Se présenter", "À distance"));

        var encore = await app.AvecDb(db => Passerelle.Features.Reseau.DataInclusion.ImporterDataInclusion.ExecuterAsync(db, Flux(structures), Flux(services), TimeProvider.System, default));
        (encore.Crees, encore.MisAJour, encore.Inchanges).ShouldBe((0, 0, 2));
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.Source == source))).ShouldBe(2);

        // One faulty element: nothing written, each fault named.
        var fautif = structures.Replace("\"s2\"", "\"s3\"").Replace("\"Espace numérique\"", "\"Es\"").Replace("\"code_postal\":\"13200\"}", "\"code_postal\":\"132\"}");
        var refus = await app.AvecDb(db => Passerelle.Features.Reseau.DataInclusion.ImporterDataInclusion.ExecuterAsync(db, Flux(fautif), null, TimeProvider.System, default));
        refus.Ecrit.ShouldBeFalse();
        refus.Erreurs.ShouldHaveSingleItem().ShouldBe("structures, élément 2 (id « s3 ») : « nom » doit compter de 3 à 150 caractères ; « code_postal » doit compter 5 chiffres.");
        (await app.AvecDb(db => db.Lieux.AnyAsync(l => l.Source == source && l.IdLocal == "s3"))).ShouldBeFalse();
        (await app.AvecDb(db => Passerelle.Features.Reseau.DataInclusion.ImporterDataInclusion.ExecuterAsync(db, Flux("{pas du json"), null, TimeProvider.System, default)))
            .Erreurs.ShouldHaveSingleItem().ShouldStartWith("structures : ce n'est pas un fichier JSON lisible");
    }
}
