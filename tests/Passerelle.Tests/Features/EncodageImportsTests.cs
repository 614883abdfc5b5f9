using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features;

/// <summary>Reported case 02: a CSV saved by a spreadsheet in Windows-1252 was imported as "H�l�ne". Every importer now decodes
/// files in one place (<see cref="Csv.Decoder"/>): UTF-8 with or without BOM, else Windows-1252 said in the report, else refused whole.</summary>
public class EncodageImportsTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
    static byte[] Cas02 => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Donnees", "cas-signales", "02-beneficiaires-cp1252.csv"));
    /// <summary>Not UTF-8 (0xE9 alone) and not Windows-1252 either (0x81 is undefined there).</summary>
    static readonly byte[] Illisible = [.. Encoding.ASCII.GetBytes("suivi;prenom\noui;H"), 0xE9, 0x81, .. Encoding.ASCII.GetBytes("ne\n")];

    static MultipartFormDataContent Fichier(byte[] octets, string nom = "fichier.csv") => new() { { new ByteArrayContent(octets), "fichier", nom } };

    [Fact]
    public void Le_decodage_partage_reconnait_utf8_avec_ou_sans_bom_puis_windows_1252_et_refuse_le_reste()
    {
        var texte = "Hélène;Lefèvre-Étienne;Saint-Rémy-de-Provence;œuvre;…";
        Csv.Decoder(Encoding.UTF8.GetBytes(texte)).ShouldBe(new Csv.TexteLu(texte, false));
        Csv.Decoder([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(texte)]).ShouldBe(new Csv.TexteLu(texte, false));
        var lu = Csv.Decoder(Windows1252.GetBytes(texte));
        lu.ShouldBe(new Csv.TexteLu(texte, true));
        lu.Note!.ShouldContain("Windows-1252");
        Should.Throw<Csv.EncodageInvalideException>(() => Csv.Decoder(Illisible)).Message.ShouldContain("CSV UTF-8");
        Should.Throw<Csv.EncodageInvalideException>(() => Csv.Decoder([0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00]));
        Should.Throw<Csv.EncodageInvalideException>(() => Csv.Decoder([0x41, 0x00, 0x42]));
    }

    [Fact]
    public async Task Import_de_fiches_du_cas_02_en_windows_1252_garde_les_accents_et_le_dit()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var r = await m.Api.PostAsync("/api/v1/beneficiaires/import", Fichier(Cas02));
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var rapport = (await r.Content.ReadFromJsonAsync<RapportImportBeneficiaires>())!;
        rapport.Crees.ShouldBe(1);
        rapport.NoteEncodage!.ShouldContain("Windows-1252");
        var id = (await m.Api.GetFromJsonAsync<List<BeneficiaireResume>>("/api/v1/beneficiaires"))!.Single().Id;
        var fiche = (await m.Api.GetFromJsonAsync<BeneficiaireDto>($"/api/v1/beneficiaires/{id}"))!;
        (fiche.Prenom, fiche.Nom, fiche.Commune, fiche.Notes, fiche.Telephone).ShouldBe(("Hélène", "Lefèvre-Étienne", "Saint-Rémy-de-Provence", "Démarches retraite", "+33611223344"));

        // The same file in UTF-8, with and without a byte-order mark: read as such, no note.
        var utf8 = Encoding.UTF8.GetBytes(Windows1252.GetString(Cas02));
        foreach (var octets in new[] { utf8, [0xEF, 0xBB, 0xBF, .. utf8] })
        {
            var m2 = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
            var r2 = await m2.Api.PostAsync("/api/v1/beneficiaires/import", Fichier(octets));
            var rapport2 = (await r2.Content.ReadFromJsonAsync<RapportImportBeneficiaires>())!;
            (r2.StatusCode, rapport2.Crees, rapport2.NoteEncodage).ShouldBe((HttpStatusCode.OK, 1, null));
            (await m2.Api.GetFromJsonAsync<List<BeneficiaireResume>>("/api/v1/beneficiaires"))!.Single().Nom.ShouldBe("Hélène Lefèvre-Étienne");
        }

        var illisible = await m.Api.PostAsync("/api/v1/beneficiaires/import", Fichier(Illisible));
        illisible.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await illisible.Content.ReadFromJsonAsync<RapportImportBeneficiaires>())!.Erreurs.Single().ShouldContain("ni UTF-8, ni Windows-1252");
        (await m.Api.GetFromJsonAsync<List<BeneficiaireResume>>("/api/v1/beneficiaires"))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Import_de_lieux_en_windows_1252_par_l_api_et_la_page()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var id = "cp1252-" + Guid.NewGuid().ToString("N")[..6];
        var exemple = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Seed", "lieux-exemple-valide_v1.0.2.csv"));
        var r = await admin.PostAsync("/api/v1/lieux/import", Fichier(Windows1252.GetBytes(exemple.Replace("\"structure-1\"", $"\"{id}\"")), "lieux.csv"));
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var rapport = (await r.Content.ReadFromJsonAsync<RapportImport>())!;
        rapport.Avertissements.ShouldContain(p => p.Raison.Contains("Windows-1252"));
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.IdLocal == id))).PresentationDetail!.ShouldContain("médiathèque");

        var refus = await admin.PostAsync("/api/v1/lieux/import", Fichier(Illisible, "lieux.csv"));
        refus.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refus.Content.ReadFromJsonAsync<RapportImport>())!.ErreurFichier!.ShouldContain("ni UTF-8, ni Windows-1252");

        // The import page (the CLI's "lieux import" goes through the same ImporterLieux.ExecuterAsync).
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/lieux/import");
        var jeton = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var id2 = id + "-p";
        var form = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(Windows1252.GetBytes(exemple.Replace("\"structure-1\"", $"\"{id2}\""))), "Fichier", "lieux.csv" },
        };
        var html = await (await client.PostAsync("/admin/lieux/import", form)).Content.ReadAsStringAsync();
        html.ShouldContain("Windows-1252");
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.IdLocal == id2))).PresentationDetail!.ShouldContain("adhérents");
    }

    [Fact]
    public void Import_france_services_en_windows_1252()
    {
        var lignes = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Seed", "france-services_2024-08-01.csv")).Take(3).ToList();
        var avertissements = new List<Probleme>();
        var fichier = FranceServices.Convertir(new MemoryStream(Windows1252.GetBytes(string.Join("\r\n", lignes))), null, new DateOnly(2024, 8, 1), avertissements);
        fichier.Lignes[0].Valeurs["nom"].ShouldBe("France services de Valserhône");
        fichier.Lignes[0].Valeurs["commune"].ShouldBe("Valserhône");
        avertissements.ShouldContain(p => p.Raison.Contains("Windows-1252"));
        Should.Throw<System.ComponentModel.DataAnnotations.ValidationException>(() => FranceServices.Convertir(new MemoryStream(Illisible), null, new DateOnly(2024, 8, 1), []))
            .Message.ShouldContain("ni UTF-8, ni Windows-1252");
    }

    [Fact]
    public async Task Import_qpv_en_windows_1252()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var csv = "code_qp,lib_qp,insee_dep,insee_com\nQN01399Z,Quartier de la Gare - Évêché,13,13004\n";
        var r = await admin.PostAsync("/api/v1/qpv/import", Fichier(Windows1252.GetBytes(csv)));
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await r.Content.ReadFromJsonAsync<RapportQpv>())!.NoteEncodage!.ShouldContain("Windows-1252");
        (await app.AvecDb(db => db.Qpv.SingleAsync(q => q.Code == "QN01399Z"))).Nom.ShouldBe("Quartier de la Gare - Évêché");
        var refus = await admin.PostAsync("/api/v1/qpv/import", Fichier(Illisible));
        refus.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }
}
