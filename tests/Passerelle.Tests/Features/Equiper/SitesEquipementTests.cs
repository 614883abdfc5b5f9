using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Features.Equiper.Ventes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>Work sites (issue 12, items 3 and 10): the lot is received at a site, each history line records it, and the dashboard and
/// its exports are limited to one site; on SQLite and PostgreSQL.</summary>
public class SitesEquipementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task L_historique_note_le_site_et_le_tableau_de_bord_se_limite_a_un_site()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var suffixe = Guid.NewGuid().ToString("N")[..6];
        var (siteA, siteB) = ($"Atelier Nord {suffixe}", $"Atelier d'Aubagne {suffixe}");
        var lotA = await EquipementTests.LotAsync(app, equipe, site: siteA);
        var lotB = await EquipementTests.LotAsync(app, equipe, site: " " + siteB + " ");
        (await app.AvecDb(db => db.Set<Lot>().Where(l => l.Id == lotB).Select(l => l.Site).SingleAsync())).ShouldBe(siteB);

        var a = await EquipementTests.EnStockAsync(equipe, lotA);
        var b = await EquipementTests.AppareilAsync(equipe, lotB);
        (await EquipementTests.VersAsync(equipe, b.Id, "qualifie")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Every line of the history says where it happened: the intake line and each move.
        var historiqueA = (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{a.Id}"))!.Historique;
        historiqueA.Count.ShouldBe(7);
        historiqueA.ShouldAllBe(e => e.Site == siteA);
        (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{b.Id}"))!.Historique.Select(e => e.Site).ShouldBe([siteB, siteB]);

        var (du, au) = (new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
        var tA = await app.AvecDb(db => TableauDeBord.CalculerAsync(db, du, au, CancellationToken.None, siteA));
        tA.Entrees.Single(e => e.Etat == Etats.Recu).Appareils.ShouldBe(1);
        tA.Entrees.Single(e => e.Etat == Etats.Reconditionne).Appareils.ShouldBe(1);
        tA.Stock.ShouldBe([("portable", "B", 1)]);
        var tB = await app.AvecDb(db => TableauDeBord.CalculerAsync(db, du, au, CancellationToken.None, siteB));
        tB.Entrees.Single(e => e.Etat == Etats.Recu).Appareils.ShouldBe(1);
        tB.Entrees.Single(e => e.Etat == Etats.Reconditionne).Appareils.ShouldBe(0);
        tB.Stock.ShouldBeEmpty();
        // All sites together count both.
        var tous = await app.AvecDb(db => TableauDeBord.CalculerAsync(db, du, au, CancellationToken.None));
        tous.Entrees.Single(e => e.Etat == Etats.Recu).Appareils.ShouldBeGreaterThanOrEqualTo(2);
        (await app.AvecDb(db => TableauDeBord.SitesAsync(db, CancellationToken.None))).ShouldContain(siteA);

        // The page proposes the sites, shows the chosen one, and its exports keep it.
        var page = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var doc = await Formulaires.PageAsync(page, $"/admin/equipement/tableau-de-bord?du=2025-03-01&au=2025-03-31&site={Uri.EscapeDataString(siteB)}");
        doc.QuerySelectorAll("#site option").Select(o => o.GetAttribute("value")).ShouldContain(siteA);
        doc.QuerySelector("#site option[selected]")!.GetAttribute("value").ShouldBe(siteB);
        doc.QuerySelector("#lien-csv")!.GetAttribute("href")!.ShouldContain("site=" + Uri.EscapeDataString(siteB));
        var csv = await page.GetAsync($"/admin/equipement/tableau-de-bord?handler=csv&du=2025-03-01&au=2025-03-31&site={Uri.EscapeDataString(siteA)}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = await csv.Content.ReadAsStringAsync();
        texte.ShouldContain($"\"periode\",\"site\",\"{siteA}\"\r\n");
        texte.ShouldContain("\"appareils_entres_dans_l_etat\",\"recu\",\"1\"\r\n");
        texte.ShouldContain("\"stock\",\"portable/B\",\"1\"\r\n");
        (await page.GetAsync("/admin/equipement/tableau-de-bord?handler=xlsx&du=2025-03-01&au=2025-03-31&site=" + Uri.EscapeDataString(siteB))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A site no lot names: the export is refused in French, the page says so next to the field.
        var inconnu = await page.GetAsync("/admin/equipement/tableau-de-bord?handler=csv&site=Nulle%20part");
        inconnu.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inconnu.Content.ReadAsStringAsync()).ShouldContain("Choisissez un site dans la liste.");
        var refusee = await Formulaires.PageAsync(page, "/admin/equipement/tableau-de-bord?site=Nulle%20part");
        refusee.QuerySelector("#err-site")!.TextContent.ShouldContain("Choisissez un site");
        // The summary speaks of the filters, not of the period (which was right).
        refusee.QuerySelector(".resume-erreurs, [role=alert]")!.TextContent.ShouldContain("Les filtres ne sont pas valides");
        refusee.QuerySelector(".resume-erreurs, [role=alert]")!.TextContent.ShouldNotContain("période");
        // An export link has no field to show its error beside: the message names the parameter.
        var dateIllisible = await page.GetAsync("/admin/equipement/tableau-de-bord?handler=csv&du=zz");
        dateIllisible.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await dateIllisible.Content.ReadAsStringAsync()).ShouldContain("du : La valeur « zz » n'est pas valide.");

        // The device page shows its site and where each step happened.
        var fiche = await Formulaires.PageAsync(page, $"/admin/equipement/appareils/{b.Id}");
        fiche.QuerySelector("#site")!.TextContent.ShouldBe(siteB);
        fiche.QuerySelector("#historique")!.TextContent.ShouldContain(siteB);
    }

    /// <summary>A site name is typed by a manager: in the CSV it stays one quoted field, and a formula stays text.</summary>
    [Fact]
    public async Task Un_nom_de_site_en_formule_reste_du_texte_dans_le_csv()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var site = $"=HYPERLINK(\"http://x\",\"a,b\") {Guid.NewGuid().ToString("N")[..6]}";
        await EquipementTests.LotAsync(app, equipe, site: site);
        var page = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var csv = await page.GetAsync($"/admin/equipement/tableau-de-bord?handler=csv&site={Uri.EscapeDataString(site)}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = await csv.Content.ReadAsStringAsync();
        // Written after an apostrophe (a spreadsheet shows it as text), its quotes doubled inside the quoted field…
        texte.ShouldContain("\"periode\",\"site\",\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")");
        // …so a CSV reader finds three fields on every line and the name back whole.
        var lignes = Passerelle.Web.Csv.Lire(new StringReader(texte), ',').Select(l => l.Champs).ToList();
        lignes.ShouldAllBe(l => l.Count == 3);
        lignes.Single(l => l[0] == "periode" && l[1] == "site")[2].ShouldBe(site);
    }

    [Fact]
    public async Task Un_nom_de_site_trop_long_est_refuse_a_la_reception()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var r = await app.ClientAnonyme().PostAsJsonAsync("/api/v1/equipement/offres", EquipementTests.Offre());
        var id = (await r.Content.ReadFromJsonAsync<OffreCreeeDto>())!.Id;
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{id}/qualification", new { accepter = true })).EnsureSuccessStatusCode();
        var refus = await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{id}/reception", new { nombreAppareils = 3, poidsKg = 6, site = new string('x', 201) });
        refus.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refus.Content.ReadAsStringAsync()).ShouldContain("200 caractères");
        var ok = await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{id}/reception", new { nombreAppareils = 3, poidsKg = 6, site = "  " });
        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ok.Content.ReadFromJsonAsync<LotDto>())!.Site.ShouldBeNull();
    }
}
