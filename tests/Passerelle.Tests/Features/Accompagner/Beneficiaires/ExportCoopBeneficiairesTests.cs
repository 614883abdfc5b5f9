using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Referentiels;
using Passerelle.Tests.Infra;
using Scenario = Passerelle.Tests.Infra.Scenario;

namespace Passerelle.Tests.Features.Accompagner.Beneficiaires;

/// <summary>Our people file for La Coop, read with La Coop's importer rules (<see cref="LecteurImportCoop"/>). The reader is first
/// checked on La Coop's own template and its importer's error fixture, rebuilt here cell by cell as they are in the repository
/// (apps/web/public/modeles/coop-numerique_import-beneficiaires.xlsx and analyse/_test/import-beneficiaire_errors.xlsx at commit
/// 46aa33bdf21c42c2d5bbb2913f5c453cca5a9542: shared strings, INSEE and postcode as formula results, the year as a number), with
/// the results La Coop's own test expects (analyseImportBeneficiairesExcel.spec.ts).</summary>
public class ExportCoopBeneficiairesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly Dictionary<string, LecteurImportCoop.Commune> CommunesDesFixtures = new()
    {
        ["32057"] = new("32057", "Blaziert", "32100"),
        ["01053"] = new("01053", "Bourg-en-Bresse", "01000"),
    };

    /// <summary>A workbook written the way La Coop's template is: rows of (column, value) with text in shared strings and
    /// <c>("=", text)</c> for a formula cell with its cached text.</summary>
    static byte[] ClasseurCoop(params (int Ligne, (char Col, object Valeur)[] Cellules)[] lignes)
    {
        using var memoire = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(memoire, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var partages = new List<string>();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            var donnees = new SheetData();
            foreach (var (n, cellules) in lignes)
            {
                var row = new Row { RowIndex = (uint)n };
                foreach (var (col, v) in cellules)
                {
                    var c = new Cell { CellReference = $"{col}{n}" };
                    if (v is int i) c.CellValue = new CellValue(i.ToString());
                    else if (v is ValueTuple<string, string> f) { c.DataType = CellValues.String; c.CellFormula = new CellFormula("VLOOKUP(D4,Communes!A:B,2,0)"); c.CellValue = new CellValue(f.Item2); }
                    else { partages.Add((string)v); c.DataType = CellValues.SharedString; c.CellValue = new CellValue((partages.Count - 1).ToString()); }
                    row.Append(c);
                }
                donnees.Append(row);
            }
            sst.SharedStringTable = new SharedStringTable(partages.Select(p => new SharedStringItem(new Text(p))));
            var ws = wb.AddNewPart<WorksheetPart>();
            ws.Worksheet = new Worksheet(donnees);
            var communes = wb.AddNewPart<WorksheetPart>();
            communes.Worksheet = new Worksheet(new SheetData());
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Bénéficiaires" },
                new Sheet { Id = wb.GetIdOfPart(communes), SheetId = 2, Name = "Communes" }));
        }
        return memoire.ToArray();
    }

    static readonly (int, (char, object)[])[] Entetes =
    [
        (1, [('A', "Instructions d'utilisation :")]),
        (2, [('A', "Nom"), ('B', "Prénom"), ('C', "Année de naissance"), ('D', "Commune"), ('G', "N° de téléphone"), ('H', "E-mail"), ('I', "Genre"), ('J', "Notes supplémentaires")]),
        (3, [('D', "Nom"), ('E', "Code INSEE"), ('F', "Code postal")]),
    ];

    [Fact]
    public void Le_lecteur_lit_le_modele_et_le_fichier_d_erreurs_de_la_Coop_comme_son_importeur()
    {
        var modele = ClasseurCoop([.. Entetes, (4, [('A', "Exemple"), ('B', "Léa"), ('C', 1970), ('D', "Blaziert"), ('E', ("=", "32057")), ('F', ("=", "32100")),
            ('G', "0102030405"), ('I', "Féminin")])]);
        var a = LecteurImportCoop.Lire(modele, CommunesDesFixtures.GetValueOrDefault, 2026);
        a.Statut.ShouldBe("ok");
        var l = a.Lignes.ShouldHaveSingleItem();
        (l.Nom, l.Prenom, l.AnneeNaissance, l.Telephone, l.Email, l.Genre, l.CommuneLue).ShouldBe(("Exemple", "Léa", (int?)1970, "0102030405", (string?)null, "Feminin",
            CommunesDesFixtures["32057"]));

        var erreurs = ClasseurCoop([.. Entetes,
            (4, [('A', "Exemple"), ('B', "Léa"), ('C', 1970), ('D', "Bourg-en-Bresse"), ('E', ("=", "01053")), ('F', ("=", "01000")), ('G', "0102030405"), ('I', "Féminin")]),
            (5, [('A', "Exemple"), ('C', 1970), ('E', 0), ('F', 0)]),
            (6, [('B', "Albert"), ('C', "nuage"), ('E', 0), ('F', 0)])]);
        var e = LecteurImportCoop.Lire(erreurs, CommunesDesFixtures.GetValueOrDefault, 2026);
        e.Statut.ShouldBe("error");
        e.Lignes.Count.ShouldBe(3);
        e.Lignes[0].Erreurs.ShouldBeEmpty();
        e.Lignes[1].Erreurs.Keys.ShouldBe(["prenom"]);
        (e.Lignes[1].CommuneLue, e.Lignes[1].Genre).ShouldBe((null, "NonCommunique"));
        e.Lignes[2].Erreurs.Keys.ShouldBe(["nom"]);
        e.Lignes[2].AnneeNaissance.ShouldBeNull();

        // What La Coop refuses: a postcode written otherwise than in its reference, an unknown INSEE code, a genre it cannot read.
        var refus = LecteurImportCoop.Lire(ClasseurCoop([.. Entetes, (4, [('A', "X"), ('B', "Y"), ('D', "Blaziert"), ('E', "32057"), ('F', "32 100"), ('I', "Homme")]),
            (5, [('A', "X"), ('B', "Z"), ('D', "Nulle part"), ('E', "99999"), ('F', "99999")])]), CommunesDesFixtures.GetValueOrDefault, 2026);
        refus.Lignes[0].Erreurs.Keys.Order().ShouldBe(["communeCodePostal", "genre"]);
        refus.Lignes[1].Erreurs.Keys.ShouldBe(["communeCodeInsee"]);
        Should.Throw<InvalidDataException>(() => LecteurImportCoop.Lire(new Passerelle.Web.Classeur("Feuil1").Ecrire(), CommunesDesFixtures.GetValueOrDefault, 2026));
    }

    [Fact]
    public void La_reference_des_communes_ecrit_les_codes_postaux_comme_la_Coop()
    {
        CommunesCoop.ParInsee("06088").ShouldBe(new CommuneCoop("06088", "Nice", "06100, 06000, 06200, 06300"));
        CommunesCoop.Trouver("marseille", "13001").ShouldBe(new CommuneCoop("13201", "Marseille 1er Arrondissement", "13001"));
        CommunesCoop.Trouver("Port-Saint-Louis-du-Rhône", "13230")!.Insee.ShouldBe("13078");
        CommunesCoop.Trouver("Atlantis", "13230").ShouldBeNull();
        CommunesCoop.Toutes.Count.ShouldBe(961);
    }

    static async Task<int> CreerAsync(HttpClient api, object fiche)
    {
        var r = await api.PostAsJsonAsync("/api/v1/beneficiaires", fiche);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CreeDto>())!.Id;
    }

    [Fact]
    public async Task Notre_fichier_est_lu_sans_erreur_par_les_regles_de_la_Coop()
    {
        var s = await Scenario.StructureAsync(app);
        var m = await Scenario.EquipierAsync(app, s);
        await CreerAsync(m.Api, new { suivi = true, prenom = "Léa", nom = "Zidane", anneeNaissance = 1948, genre = "Féminin", statut = "Retraité", commune = "Nice",
            codePostal = "06000", telephone = "06 12 34 56 78", courriel = "lea@exemple.fr", notes = "=1+1 pas une formule", consentement = true });
        await CreerAsync(m.Api, new { suivi = true, prenom = "Marc", nom = "Arnaud", genre = "Masculin", commune = "Marseille", codePostal = "13001", consentement = true });
        await CreerAsync(m.Api, new { suivi = true, prenom = "Sam", nom = "Berger", commune = "Atlantis", codePostal = "13230", consentement = true });
        await CreerAsync(m.Api, new { suivi = false, genre = "Masculin" });
        var efface = await CreerAsync(m.Api, new { suivi = true, prenom = "Ancien", nom = "Dossier", consentement = true });
        await app.AvecDb(async db => { (await db.Beneficiaires.SingleAsync(b => b.Id == efface)).Anonymiser(DateTime.UtcNow); await db.SaveChangesAsync(); });
        var autre = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        await CreerAsync(autre.Api, new { suivi = true, prenom = "Autre", nom = "Structure", consentement = true });

        var r = await m.Api.GetAsync("/api/v1/beneficiaires/export-coop.xlsx");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var octets = await r.Content.ReadAsByteArrayAsync();
        var analyse = LecteurImportCoop.Lire(octets, i => CommunesCoop.ParInsee(i) is { } c ? new(c.Insee, c.Nom, c.CodePostal) : null, DateTime.UtcNow.Year);
        analyse.Lignes.SelectMany(l => l.Erreurs.Values).ShouldBeEmpty();
        analyse.Statut.ShouldBe("ok");
        analyse.Lignes.Select(l => $"{l.Prenom} {l.Nom}").ShouldBe(["Marc Arnaud", "Sam Berger", "Léa Zidane"]);
        var (marc, sam, lea) = (analyse.Lignes[0], analyse.Lignes[1], analyse.Lignes[2]);
        (lea.CodeInsee, lea.CommuneNom, lea.CodePostal, lea.AnneeNaissance, lea.GenreSaisi, lea.Genre).ShouldBe(("06088", "Nice", "06100, 06000, 06200, 06300", (int?)1948, "Féminin", "Feminin"));
        // Our international form is one La Coop's phone pattern accepts (domain/telephone.ts: +33 and nine digits).
        (lea.Telephone, lea.Email, lea.Notes).ShouldBe(("+33612345678", "lea@exemple.fr", "=1+1 pas une formule"));
        (marc.CodeInsee, marc.CodePostal, marc.GenreSaisi).ShouldBe(("13201", "13001", "Masculin"));
        (sam.CommuneNom, sam.CodeInsee, sam.CodePostal, sam.GenreSaisi, sam.Genre).ShouldBe(((string?)null, (string?)null, (string?)null, "Non communiqué", "NonCommunique"));

        // The template's frame: sheet name, headers on rows 2 and 3, no formula anywhere.
        using var doc = SpreadsheetDocument.Open(new MemoryStream(octets), false);
        var cellules = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        string? T(string reference) => cellules.SingleOrDefault(c => c.CellReference == reference)?.InnerText;
        new[] { "A2", "B2", "C2", "D2", "G2", "H2", "I2", "J2", "D3", "E3", "F3" }.Select(T)
            .ShouldBe(["Nom", "Prénom", "Année de naissance", "Commune", "N° de téléphone", "E-mail", "Genre", "Notes supplémentaires", "Nom", "Code INSEE", "Code postal"]);
        T("A1")!.ShouldContain("doublons");
        cellules.ShouldAllBe(c => c.CellFormula == null);
        (await app.AvecDb(db => db.Journal.CountAsync(j => j.Action == "Export Coop" && j.ObjetId == s))).ShouldBe(1);
    }

    [Fact]
    public async Task Sans_structure_pas_de_fichier()
    {
        var admin = await app.ClientApiAsync(Passerelle.Features.Comptes.Roles.Administrateur);
        (await admin.GetAsync("/api/v1/beneficiaires/export-coop.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
