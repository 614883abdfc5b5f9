using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features;

/// <summary>Reported case 07: text a spreadsheet runs as a formula was written unchanged in the people export. Every CSV export
/// writes through <see cref="Csv.Ecrivain"/>, which neutralises such cells (OWASP: an apostrophe first); phone numbers stay text.</summary>
public class FormulesCsvTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Cas07 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Donnees", "cas-signales", "07-beneficiaire-formule.json"));

    /// <summary>The raw cells, as a spreadsheet sees them (no un-neutralising reader).</summary>
    static List<List<string>> Cellules(string csv)
    {
        var lignes = new List<List<string>>();
        foreach (var ligne in csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            lignes.Add(ligne[1..^1].Split("\",\"").Select(c => c.Replace("\"\"", "\"")).ToList());
        return lignes;
    }

    static bool Dangereuse(string cellule) => cellule.Length > 1 && cellule[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    [Fact]
    public void Neutraliser_couvre_chaque_declencheur_et_laisse_les_nombres_negatifs()
    {
        foreach (var d in new[] { "=1+1", "+1+1", "-1+1", "@SUM(1)", "\t=1", "\r=1", "+33611111111", "-x", "=" })
        {
            Csv.Neutraliser(d).ShouldBe("'" + d);
            // Passerelle's own reader gives the value back, so exports re-import unchanged.
            Csv.Lire(new StringReader(Csv.Neutraliser(d).Replace("\r", "")), ',').Single().Champs.Single().ShouldBe(d.Replace("\r", ""));
        }
        foreach (var sur in new[] { "-4.4861", "-12", "-", "Hélène", "06 11 22 33 44", "", "'déjà" }) Csv.Neutraliser(sur).ShouldBe(sur);
    }

    [Fact]
    public async Task Export_des_fiches_du_cas_07_neutralise_les_formules_et_garde_le_telephone_en_texte()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var cas = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Cas07)!;
        var fiche = cas.ToDictionary(kv => kv.Key, kv => (object?)(kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString() : kv.Value.GetBoolean()));
        fiche["telephone"] = "06 11 22 33 44";
        (await m.Api.PostAsJsonAsync("/api/v1/beneficiaires", fiche)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var cellules = Cellules(await m.Api.GetStringAsync("/api/v1/beneficiaires/export.csv"));
        var entete = cellules[0];
        var ligne = cellules[1];
        ligne[entete.IndexOf("prenom")].ShouldBe("'" + cas["prenom"].GetString());
        ligne[entete.IndexOf("notes")].ShouldBe("'" + cas["notes"].GetString());
        ligne[entete.IndexOf("telephone")].ShouldBe("'+33611223344");
        cellules.SelectMany(c => c).Where(Dangereuse).ShouldBeEmpty();
    }

    [Fact]
    public async Task Les_autres_exports_csv_neutralisent_aussi()
    {
        var s = await Scenario.StructureAsync(app);
        var m = await Scenario.EquipierAsync(app, s);
        var p = (await (await m.Api.PostAsJsonAsync("/api/v1/beneficiaires", new { suivi = true, prenom = "@Alice", nom = "=Formule", consentement = true }))
            .Content.ReadFromJsonAsync<CreeDto>())!.Id;
        (await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = "2025-03-05", duree = 45, typeLieu = "Lieu d'activité", lieuId = m.LieuId,
            themes = new[] { "E-mail" }, materiel = new[] { "Ordinateur" }, autonomie = "Autonome", beneficiaireId = p, orientation = "Autre",
            notes = "=HYPERLINK(\"https://exemple.invalid\")" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var coop = Cellules(await m.Api.GetStringAsync("/api/v1/activites/export-coop.csv"));
        coop.SelectMany(c => c).Where(Dangereuse).ShouldBeEmpty();
        coop[1].ShouldContain("'@Alice =Formule");

        // The anonymous open-data file of places: a name typed as a formula is neutralised, the phone stays text.
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var exemple = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Seed", "lieux-exemple-valide_v1.0.2.csv"));
        var id = "formule-" + Guid.NewGuid().ToString("N")[..6];
        var form = new MultipartFormDataContent { { new StringContent(exemple.Replace("\"structure-1\"", $"\"{id}\"").Replace("\"Anonymal\"", "\"=1+2 Espace\"")), "fichier", "l.csv" } };
        (await admin.PostAsync("/api/v1/lieux/import", form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lieux = Cellules(await app.ClientAnonyme().GetStringAsync("/api/v1/lieux/export.csv"));
        lieux.SelectMany(c => c).Where(Dangereuse).ShouldBeEmpty();
        var ligne = lieux.Single(l => l[0] == id);
        ligne[lieux[0].IndexOf("nom")].ShouldBe("'=1+2 Espace");
        ligne[lieux[0].IndexOf("telephone")].ShouldBe("'+33180059880");

        var stats = Cellules(await admin.GetStringAsync($"/api/v1/statistiques.csv?du=2025-03-01&structure={s}"));
        stats.SelectMany(c => c).Where(Dangereuse).Where(c => !double.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out _)).ShouldBeEmpty();
    }
}
