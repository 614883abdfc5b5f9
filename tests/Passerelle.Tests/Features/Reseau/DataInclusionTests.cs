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
