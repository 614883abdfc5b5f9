using System.Net;
using System.Net.Http.Json;
using System.Text;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Tests.Infra;
using UglyToad.PdfPig;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>What the donor downloads from its link: the receipt (cerfa 16216 data, yearly total) or the attestation as PDF, and the
/// erasure certificate of its own lot only.</summary>
public class DocumentsDonateurTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Texte(byte[] pdf)
    {
        using var d = PdfDocument.Open(pdf);
        return string.Join("\n", d.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    async Task<byte[]> PdfAsync(string url)
    {
        var r = await app.ClientAnonyme().GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return await r.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Recu_fiscal_et_attestation_en_pdf_avec_le_total_de_l_annee()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var suivis = new List<string>();
        var ids = new List<int>();
        foreach (var _ in new[] { 1, 2 })
        {
            var o = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/equipement/offres", EquipementTests.Offre())).Content.ReadFromJsonAsync<OffreCreeeDto>())!;
            (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{o.Id}/qualification", new { accepter = true })).EnsureSuccessStatusCode();
            (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{o.Id}/reception", new { nombreAppareils = 3, poidsKg = 7 })).EnsureSuccessStatusCode();
            suivis.Add(o.Suivi);
            ids.Add(o.Id);
        }
        (await app.ClientAnonyme().GetAsync(suivis[0] + "/recu.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not issued yet
        foreach (var (id, montant) in ids.Zip(new[] { 120000L, 30050L }))
            (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{id}/recu", new { montantCentimes = montant, methodeValorisation = "Valeur nette comptable", formeJuridique = "SAS",
                adresseDonateur = "1 rue de la Paix, 13001 Marseille" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var texte = Texte(await PdfAsync(suivis[0] + "/recu.pdf"));
        texte.ShouldContain("16216");
        texte.ShouldContain("200,00 €***");
        texte.ShouldContain("732829320");
        texte.ShouldContain("Valeur nette comptable");
        texte.ShouldContain("238 bis");
        // Both receipts of this SIREN in 2025 (other tests of the class may add theirs): at least 1 200 € + 300,50 €.
        texte.ShouldContain("Total de l'année 2025");
        (await Formulaires.PageAsync(app.ClientAnonyme(), suivis[0] + "/recu")).QuerySelector("#total-annee")!.TextContent.ShouldContain("reçu(s)");

        var p = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/equipement/offres", EquipementTests.Offre("public"))).Content.ReadFromJsonAsync<OffreCreeeDto>())!;
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{p.Id}/qualification", new { accepter = true })).EnsureSuccessStatusCode();
        (await app.ClientAnonyme().GetAsync(p.Suivi + "/recu.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not received yet
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{p.Id}/reception", new { nombreAppareils = 2, poidsKg = 5 })).EnsureSuccessStatusCode();
        var attestation = Texte(await PdfAsync(p.Suivi + "/recu.pdf"));
        attestation.ShouldContain("Attestation de don");
        attestation.ShouldContain("n'ouvre pas droit à un reçu fiscal");
        (await app.ClientAnonyme().GetAsync("/equipement/don/inconnu/recu.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Le_certificat_d_effacement_ne_montre_que_les_appareils_du_lot()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var lotA = await EquipementTests.LotAsync(app, equipe);
        var lotB = await EquipementTests.LotAsync(app, equipe);
        var a = await EquipementTests.AppareilAsync(equipe, lotA);
        var b = await EquipementTests.AppareilAsync(equipe, lotB);
        (await equipe.PostAsJsonAsync("/api/v1/equipement/effacements", EquipementTests.Effacement(a.Supports[0].Id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var jeton = await app.AvecDb(db => Task.FromResult(db.Set<OffreDon>().Where(o => o.Lot!.Id == lotA).Select(o => o.Jeton).Single()));
        var suivi = await Formulaires.PageAsync(app.ClientAnonyme(), $"/equipement/don/{jeton}");
        suivi.QuerySelector("#lien-effacements").ShouldNotBeNull();
        var texte = Texte(await PdfAsync($"/equipement/don/{jeton}/effacements.pdf"));
        texte.ShouldContain(a.Etiquette);
        texte.ShouldNotContain(b.Etiquette);
        texte.ShouldContain("nwipe");
        texte.ShouldContain("réussi");
        texte.ShouldContain("SHA-256");
        (await app.ClientAnonyme().GetAsync("/equipement/don/inconnu/effacements.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
