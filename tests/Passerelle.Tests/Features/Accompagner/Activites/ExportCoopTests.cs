using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;
using Scenario = Passerelle.Tests.Infra.Scenario;

namespace Passerelle.Tests.Features.Accompagner.Activites;

/// <summary>The Coop report follows La Coop's current accompaniment export (inclusion-numerique/coop-mediation-numerique, commit
/// 46aa33bdf21c42c2d5bbb2913f5c453cca5a9542, apps/web/src/features/activites/use-cases/list/export/buildAccompagnementsWorksheet.ts):
/// the expected headers below are copied from that file, not from our code.</summary>
public class ExportCoopTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly string[] ColonnesCoop =
    [
        "Date", "Enregistré le", "Dernière modification le", "Type", "Participants", "Bénéficiaire", "Canaux d’accompagnement", "Nom du lieu", "Adresse", "Commune",
        "Code postal", "Code Insee", "Durée (min)", "Nom de l’atelier", "Matériel numérique utilisé", "Thématique(s) d’accompagnement", "Tags",
        "Nom de la démarche administrative", "Niveau d’autonomie (ou de l’atelier)", "Bénéficiaire réorienté", "Structure de redirection", "Commune du bénéficiaire",
        "Code postal du bénéficiaire", "Code Insee du bénéficiaire", "Genre du bénéficiaire", "Tranche d’âge du bénéficiaire", "Statut du bénéficiaire",
        "Notes supplémentaires", "ID CRA",
    ];

    static async Task<int> PersonneAsync(HttpClient api, string prenom, string nom)
    {
        var r = await api.PostAsJsonAsync("/api/v1/beneficiaires", new { suivi = true, prenom, nom, anneeNaissance = 1980, genre = "Masculin", statut = "En emploi",
            commune = "Arles", codePostal = "13200", consentement = true });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CreeDto>())!.Id;
    }

    /// <summary>One individual record (referred to an insertion structure, with procedure themes) and one workshop with a named
    /// participant and two anonymous ones (one counted as a woman).</summary>
    async Task<(HttpClient Api, int StructureId, int Individuel, int Atelier)> DonneesAsync()
    {
        var s = await Scenario.StructureAsync(app);
        var m = await Scenario.EquipierAsync(app, s);
        var p = await PersonneAsync(m.Api, "Karim", "Benali");
        var r1 = await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = "2025-03-05", duree = 45, typeLieu = "Lieu d'activité",
            lieuId = m.LieuId, themes = new[] { "E-mail", "Aide aux démarches administratives" }, themesDemarches = new[] { "Logement" }, nomDemarche = "Demande APL",
            materiel = new[] { "Ordinateur", "Téléphone" }, autonomie = "Avec guidage", beneficiaireId = p,
            orientation = "Structure d'insertion professionnelle (France Travail, mission locale…)", notes = "Revient jeudi" });
        r1.StatusCode.ShouldBe(HttpStatusCode.Created, await r1.Content.ReadAsStringAsync());
        var r2 = await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Atelier collectif", date = "2025-03-10", duree = 120, typeLieu = "Lieu d'activité",
            lieuId = m.LieuId, themes = new[] { "Navigation sur internet" }, niveau = "Intermédiaire", participants = new[] { p }, participantsAnonymes = 2,
            decomptesAnonymes = new[] { new { critere = "Genre", valeur = "Féminin", nombre = 1 } }, notes = "Groupe du mardi" });
        r2.StatusCode.ShouldBe(HttpStatusCode.Created, await r2.Content.ReadAsStringAsync());
        return (m.Api, s, (await r1.Content.ReadFromJsonAsync<Passerelle.Features.Accompagner.Activites.ActiviteCreeeDto>())!.Id,
            (await r2.Content.ReadFromJsonAsync<Passerelle.Features.Accompagner.Activites.ActiviteCreeeDto>())!.Id);
    }

    [Fact]
    public async Task Le_csv_suit_les_colonnes_et_les_libelles_actuels_de_la_Coop_une_ligne_par_participant()
    {
        var (api, _, individuel, atelier) = await DonneesAsync();
        var csv = (await api.GetStringAsync("/api/v1/activites/export-coop.csv")).TrimStart('\uFEFF');
        var lignes = Passerelle.Web.Csv.Lire(new StringReader(csv), ',').Select(l => l.Champs).ToList();
        lignes[0].ShouldBe(ColonnesCoop);
        lignes.Count.ShouldBe(1 + 1 + 3);
        Dictionary<string, string> L(int i) => ColonnesCoop.Select((c, j) => (c, v: lignes[i][j])).ToDictionary(x => x.c, x => x.v);

        var a = L(1);
        (a["Date"], a["Participants"], a["Bénéficiaire"], a["Canaux d’accompagnement"], a["Durée (min)"], a["ID CRA"]).ShouldBe(("05/03/2025", "1", "Karim Benali",
            "Lieu d\u2019activité", "45", individuel.ToString()));
        a["Enregistré le"].ShouldMatch(@"^\d\d/\d\d/\d{4} à \d\d:\d\d$");
        a["Dernière modification le"].ShouldBe("");
        a["Thématique(s) d’accompagnement"].ShouldBe("E-mail\nAide aux démarches administratives\nLogement");
        a["Matériel numérique utilisé"].ShouldBe("Ordinateur\nTéléphone");
        (a["Nom de la démarche administrative"], a["Niveau d’autonomie (ou de l’atelier)"], a["Bénéficiaire réorienté"]).ShouldBe(("Demande APL", "1/3", "Oui"));
        a["Structure de redirection"].ShouldBe("Structure d\u2019insertion professionnelle (France Travail, mission locale, chambre de commerce…)");
        (a["Commune"], a["Code postal"], a["Commune du bénéficiaire"], a["Code postal du bénéficiaire"], a["Code Insee du bénéficiaire"])
            .ShouldBe(("Port-Saint-Louis-du-Rhône", "13230", "Arles", "13200", "13004"));
        (a["Genre du bénéficiaire"], a["Tranche d’âge du bénéficiaire"], a["Statut du bénéficiaire"], a["Notes supplémentaires"])
            .ShouldBe(("Masculin", "40 - 59 ans", "En emploi", "Revient jeudi"));

        // The workshop: one row per participant, "i/n", anonymous people as La Coop names them, with what the counts say of them.
        var w = Enumerable.Range(2, 3).Select(L).ToList();
        w.Select(x => x["Participants"]).ShouldBe(["1/3", "2/3", "3/3"]);
        w.Select(x => x["Bénéficiaire"]).ShouldBe(["Karim Benali", "Bénéficiaire anonyme", "Bénéficiaire anonyme"]);
        w.Select(x => x["Genre du bénéficiaire"]).ShouldBe(["Masculin", "Féminin", "Non communiqué"]);
        w.Select(x => x["Statut du bénéficiaire"]).ShouldBe(["En emploi", "Non communiqué ou hétérogène", "Non communiqué ou hétérogène"]);
        w.Select(x => x["Notes supplémentaires"]).ShouldBe(["Groupe du mardi", "", ""]);
        w.ShouldAllBe(x => x["Bénéficiaire réorienté"] == "" && x["Niveau d’autonomie (ou de l’atelier)"] == "2/3" && x["ID CRA"] == atelier.ToString());

        // Our stored values and the API contract keep their own spelling.
        (await app.AvecDb(db => db.Activites.Where(x => x.Id == individuel).Select(x => x.TypeLieu).SingleAsync())).ShouldBe("Lieu d'activité");
    }

    [Fact]
    public async Task Le_xlsx_porte_le_bloc_d_informations_les_filtres_et_un_tableau_de_vraies_dates_et_nombres()
    {
        var (api, _, _, _) = await DonneesAsync();
        var r = await api.GetAsync("/api/v1/activites/export-coop.xlsx?du=2025-03-01&au=2025-03-31");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await r.Content.ReadAsByteArrayAsync()), false);
        doc.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value.ShouldBe("Activités");
        var partie = doc.WorkbookPart.WorksheetParts.Single();
        var cellules = partie.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        string? T(string reference) => cellules.TryGetValue(reference, out var c) ? c.InlineString?.InnerText ?? c.CellValue?.Text : null;
        (T("A1"), T("A2"), T("A4"), T("B4"), T("A5"), T("B5"), T("A9"), T("A10"), T("B10"), T("A13")).ShouldBe(("Informations export", "Nom", "Rôle", "Médiateur",
            "Total", "4", "Filtres", "Période", "01/03/2025 - 31/03/2025", "Communes"));
        cellules["B5"].DataType!.Value.ShouldBe(CellValues.Number);

        var table = partie.TableDefinitionParts.Single().Table;
        var entete = int.Parse(table.Reference!.Value!.Split(':')[0][1..]);
        table.TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value).ShouldBe(ColonnesCoop);
        T($"A{entete}").ShouldBe("Date");
        T($"A{entete - 1}").ShouldBe("");
        // The date is a number with a date format (45721 = 5 March 2025), the duration a number.
        var date = cellules[$"A{entete + 1}"];
        (date.DataType is null || date.DataType.Value == CellValues.Number).ShouldBeTrue();
        date.CellValue!.Text.ShouldBe("45721");
        var format = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)date.StyleIndex!.Value);
        doc.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value.ShouldBe("dd/mm/yyyy");
        var duree = cellules[$"M{entete + 1}"];
        (duree.DataType!.Value, duree.CellValue!.Text).ShouldBe((CellValues.Number, "45"));
        T($"E{entete + 2}").ShouldBe("1/3");
    }

    [Fact]
    public async Task La_variante_coordinateur_est_reservee_aux_gestionnaires_et_ne_nomme_personne()
    {
        var (api, s, _, _) = await DonneesAsync();
        (await api.GetAsync("/api/v1/activites/export-coop.csv?equipe=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync("/api/v1/activites/export-coop.csv?du=2025-04-01&au=2025-03-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var gestionnaire = await Scenario.EquipierAsync(app, s, Roles.Gestionnaire);
        var csv = (await gestionnaire.Api.GetStringAsync("/api/v1/activites/export-coop.csv?equipe=true")).TrimStart('\uFEFF');
        var lignes = Passerelle.Web.Csv.Lire(new StringReader(csv), ',').Select(l => l.Champs).ToList();
        lignes[0].ShouldBe([.. ColonnesCoop[..3], "Prénom du médiateur", "Nom du médiateur", "Rôle", "ID - Conum", "Type", "Participants",
            .. ColonnesCoop[6..27], "ID CRA"]);
        lignes.Count.ShouldBe(5);
        lignes.Skip(1).ShouldAllBe(l => l[3] == "Médiatrice" && l[5] == "Médiateur");
        csv.ShouldNotContain("Karim");
        csv.ShouldNotContain("Revient jeudi");

        // Another structure's manager sees none of these records.
        var autre = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app), Roles.Gestionnaire);
        var vide = (await autre.Api.GetStringAsync("/api/v1/activites/export-coop.csv?equipe=true")).TrimStart('\uFEFF');
        Passerelle.Web.Csv.Lire(new StringReader(vide), ',').Count.ShouldBe(1);
    }
    [Fact]
    public async Task Un_compte_rendu_a_distance_nomme_la_structure_employeuse_et_une_personne_sans_fiche_est_anonyme()
    {
        var s = await Scenario.StructureAsync(app);
        var nom = await app.AvecDb(db => db.Structures.Where(x => x.Id == s).Select(x => x.Nom).SingleAsync());
        var m = await Scenario.EquipierAsync(app, s);
        var r = await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = "2025-03-04", duree = 30, typeLieu = "À distance",
            themes = new[] { "E-mail" } });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var csv = (await m.Api.GetStringAsync("/api/v1/activites/export-coop.csv")).TrimStart('\uFEFF');
        var lignes = Passerelle.Web.Csv.Lire(new StringReader(csv), ',').Select(l => l.Champs).ToList();
        var l = lignes.Where(x => x[0] == "04/03/2025").ShouldHaveSingleItem();
        (l[Array.IndexOf(ColonnesCoop, "Canaux d’accompagnement")], l[Array.IndexOf(ColonnesCoop, "Nom du lieu")], l[Array.IndexOf(ColonnesCoop, "Bénéficiaire")],
            l[Array.IndexOf(ColonnesCoop, "Bénéficiaire réorienté")]).ShouldBe(("À distance", nom, "Bénéficiaire anonyme", "Non"));
    }

    [Fact]
    public async Task Un_compte_rendu_a_domicile_porte_le_code_postal_de_sa_commune_quand_elle_n_en_a_qu_un()
    {
        var s = await Scenario.StructureAsync(app);
        var m = await Scenario.EquipierAsync(app, s);
        foreach (var (jour, commune) in new[] { ("2025-03-06", "Fos-sur-Mer"), ("2025-03-07", "Arles") })
        {
            var r = await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = jour, duree = 30, typeLieu = "À domicile",
                commune, themes = new[] { "E-mail" } });
            r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }
        var csv = (await m.Api.GetStringAsync("/api/v1/activites/export-coop.csv")).TrimStart('\uFEFF');
        var lignes = Passerelle.Web.Csv.Lire(new StringReader(csv), ',').Select(l => l.Champs).ToList();
        string[] Lieu(string date) => lignes.Where(x => x[0] == date).ShouldHaveSingleItem() is var l
            ? [l[Array.IndexOf(ColonnesCoop, "Commune")], l[Array.IndexOf(ColonnesCoop, "Code postal")], l[Array.IndexOf(ColonnesCoop, "Code Insee")]] : [];
        Lieu("06/03/2025").ShouldBe(["Fos-sur-Mer", "13270", "13039"]);
        // Arles has five postcodes: the commune and its INSEE code are known, the postcode is not guessed.
        Lieu("07/03/2025").ShouldBe(["Arles", "", "13004"]);
    }
}
