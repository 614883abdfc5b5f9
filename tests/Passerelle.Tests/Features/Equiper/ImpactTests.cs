using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Impact;
using Passerelle.Features.Equiper.Ventes;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>CO2e from versioned factors and the household rule held by the database (own factory: a factor version is added and
/// the clock moved).</summary>
public class ImpactTests : IDisposable
{
    readonly AppFactory app = new();
    public void Dispose() { app.Dispose(); GC.SuppressFinalize(this); }

    static object Vente(int appareilId, string foyer, string? qpv = null) => new
    {
        appareilId, prix = 9000, eligibilite = new { motif = "rsa", justificatif = "attestation CAF", date = "2025-03-01" },
        acheteur = new { nom = "Inès R.", commune = "Marseille", foyer, qpv },
    };

    [Fact]
    public async Task Le_co2e_evite_vient_de_la_version_des_facteurs_en_vigueur_et_ne_se_recalcule_pas()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var lot = await EquipementTests.LotAsync(app, equipe);
        var a = await EquipementTests.EnStockAsync(equipe, lot);
        var b = await EquipementTests.EnStockAsync(equipe, lot);
        (await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, "F-CO2-A", "hors"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bilanA = await app.AvecDb(db => db.Set<BilanAppareil>().SingleAsync(x => x.AppareilId == a.Id));
        var ademe = await app.AvecDb(db => db.Set<FacteurCo2>().SingleAsync(f => f.Version == FacteursAdeme.Version2022 && f.Type == "portable"));
        bilanA.FacteurCo2Id.ShouldBe(ademe.Id);
        bilanA.Co2eEviteGrammes.ShouldBe(27_000 * 3); // ADEME 2022: 27 kg per extra year, 3 years assumed
        bilanA.MasseGrammes.ShouldBe(23_000); // lot of 46 kg, two devices recorded
        bilanA.Issue.ShouldBe(BilanAppareil.Reemploi);

        // A new version published from today: the next outcome uses it, the past one keeps its figure.
        var nouvelle = await app.AvecDb(async db =>
        {
            var f = new FacteurCo2 { Version = "ESSAI-2025", Type = "portable", EmpreinteNeufGrammes = 180_000, EviteParAnGrammes = 30_000, AnneesSecondeVie = 2,
                ValableDu = Territoire.AujourdHui(app.Horloge), Source = "Version d'essai" };
            db.Add(f);
            await db.SaveChangesAsync();
            return f.Id;
        });
        (await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(b.Id, "F-CO2-B"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bilanB = await app.AvecDb(db => db.Set<BilanAppareil>().SingleAsync(x => x.AppareilId == b.Id));
        bilanB.FacteurCo2Id.ShouldBe(nouvelle);
        bilanB.Co2eEviteGrammes.ShouldBe(60_000);
        (await app.AvecDb(db => db.Set<BilanAppareil>().SingleAsync(x => x.AppareilId == a.Id))).Co2eEviteGrammes.ShouldBe(27_000 * 3);

        // Factors are not rewritten: a correction is a new version.
        await Should.ThrowAsync<RegleMetierException>(app.AvecDb(async db =>
        {
            var f = await db.Set<FacteurCo2>().SingleAsync(x => x.Id == ademe.Id);
            f.EviteParAnGrammes = 1;
            await db.SaveChangesAsync();
        }));

        var jour = Territoire.AujourdHui(app.Horloge);
        var t = await app.AvecDb(db => TableauDeBord.CalculerAsync(db, jour, jour, CancellationToken.None));
        t.Bilans.Single(x => x.Issue == BilanAppareil.Reemploi).ShouldBe((BilanAppareil.Reemploi, 2, 141m, 46m));
        t.VersionsFacteurs.ShouldBe([FacteursAdeme.Version2022, "ESSAI-2025"]);
        t.VentesParQpv.ShouldBe([("Hors QPV", 1), ("Non renseigné", 1)]);
        t.Csv().ShouldContain("\"co2e_evite_kg\",\"reemploi\",\"141\"");
    }

    [Fact]
    public async Task Deux_ventes_simultanees_au_meme_foyer_une_seule_passe()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var autre = await app.ClientApiAsync(Roles.Gestionnaire);
        var lot = await EquipementTests.LotAsync(app, equipe);
        var appareils = new List<int>();
        for (var i = 0; i < 4; i++) appareils.Add((await EquipementTests.EnStockAsync(equipe, lot)).Id);
        var ventes = await Task.WhenAll(appareils.Select((id, i) => (i % 2 == 0 ? equipe : autre).PostAsJsonAsync("/api/v1/equipement/ventes", Vente(id, "CAF 777 888"))));
        ventes.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(" | ", await Task.WhenAll(ventes.Select(r => r.Content.ReadAsStringAsync()))));
        ventes.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        (await app.AvecDb(db => db.Set<Vente>().CountAsync(v => v.FoyerCle == "ref:CAF777888"))).ShouldBe(1);
        (await app.AvecDb(db => db.Set<AchatFoyer>().CountAsync(f => f.FoyerCle == "ref:CAF777888"))).ShouldBe(1);
        // The refused devices are still in stock (nothing half-written).
        (await app.AvecDb(db => db.Set<Passerelle.Features.Equiper.Appareils.Appareil>().CountAsync(x => appareils.Contains(x.Id) && x.Etat == "en_stock"))).ShouldBe(3);
    }

    [Fact]
    public async Task Heures_d_insertion_export_xlsx_donateurs_et_chiffres_publics()
    {
        var page = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await Formulaires.PageAsync(page, "/admin/equipement/heures")).QuerySelector("main form[method=post]")!;
        var mauvais = await Formulaires.SoumettreAsync(page, form, [new("Site", "Fabrique"), new("Mois", "2025-03-01"), new("Categorie", "insertion"), new("Activite", "test"), new("Heures", "abc"), new("Personnes", "4")]);
        mauvais.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mauvais.Content.ReadAsStringAsync()).ShouldContain("Indiquez les heures en chiffres");
        var bon = await Formulaires.SoumettreAsync(page, form, [new("Site", "Fabrique"), new("Mois", "2025-03-01"), new("Categorie", "insertion"), new("Activite", "test"), new("Heures", "151,5"), new("Personnes", "4")]);
        bon.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<Passerelle.Features.Equiper.Insertion.HeuresInsertion>().SingleAsync())).Minutes.ShouldBe(9090);
        var t = await app.AvecDb(db => TableauDeBord.CalculerAsync(db, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), CancellationToken.None));
        t.HeuresInsertion.ShouldBe([("insertion", 151.5m)]);

        var xlsx = await page.GetAsync("/admin/equipement/tableau-de-bord?handler=xlsx&du=2025-03-01&au=2025-03-31");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var classeur = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            classeur.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText.ShouldContain("heures_insertion");
        (await page.GetAsync("/admin/equipement/donateurs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.GetAsync("/admin/equipement/facteurs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var chiffres = await app.ClientAnonyme().GetAsync("/equipement/chiffres");
        chiffres.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chiffres.Content.ReadAsStringAsync()).ShouldContain("Le réemploi en chiffres");
    }
}
