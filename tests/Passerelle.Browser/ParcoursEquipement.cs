using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Equiper.Dons;

namespace Passerelle.Browser;

[Collection("navigateur")]
public class ParcoursEquipement(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    [Fact]
    public async Task Un_organisme_public_donne_l_atelier_efface_reconditionne_et_vend_au_prix_plafonne()
    {
        // The public body's offer, from the site map.
        var donateur = await app.NouvellePageAsync();
        await donateur.GotoAsync("/plan-du-site");
        await donateur.GetByRole(AriaRole.Link, new() { Name = "Donner du matériel informatique" }).ClickAsync();
        await donateur.AttendreAdresseAsync("**/equipement/don");
        await Navigateur.VerifierAccessibiliteAsync(donateur);
        await donateur.Locator("#origine").SelectOptionAsync("public");
        await donateur.Locator("#organisation").FillAsync("Commune de Parcours-sur-Mer");
        await donateur.Locator("#siret").FillAsync("21130055300016");
        await donateur.Locator("#contactnom").FillAsync("Service informatique");
        await donateur.Locator("#courriel").FillAsync("dsi@parcours.example");
        await donateur.Locator("#adresseenlevement").FillAsync("Hôtel de ville, 13000 Marseille");
        await donateur.Locator("#disponibilites").FillAsync("Le mardi matin");
        await donateur.Locator("#q-portable").FillAsync("20");
        await donateur.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma proposition de don" }).ClickAsync();
        await donateur.AttendreAdresseAsync(new System.Text.RegularExpressions.Regex("/equipement/don/[^/?]+\\?nouveau=true$"));
        (await donateur.Locator("#statut").InnerTextAsync()).ShouldBe("En attente d'examen");
        await Navigateur.VerifierAccessibiliteAsync(donateur);
        var suivi = new Uri(donateur.Url).AbsolutePath;

        // The team accepts and receives the lot.
        var (email, mdp) = await app.CompteAsync(Passerelle.Features.Comptes.Roles.Gestionnaire);
        var page = await app.ConnecterAsync(email, mdp);
        await page.Locator("#menu-equipe").GetByRole(AriaRole.Link, new() { Name = "Équipement" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/equipement");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Commune de Parcours-sur-Mer" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/equipement/offres/*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepter l'offre" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réception" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le lot" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/equipement/lots/*");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // Intake of one laptop, then its page through the scan.
        await page.Locator("#numeroserie").FillAsync("PARCOURS-001");
        await page.Locator("#marque").FillAsync("HP");
        await page.Locator("#modele").FillAsync("EliteBook 840 G5");
        await page.Locator("#supportserie").FillAsync("SSD-PARCOURS-001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'appareil" }).ClickAsync();
        await page.Locator("#cree").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GotoAsync("/admin/equipement/scan?code=PARCOURS-001");
        await page.AttendreAdresseAsync("**/admin/equipement/appareils/*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        var fiche = new Uri(page.Url).AbsolutePath;

        async Task Etape(string vers, string attendu)
        {
            await page.Locator("#vers").SelectOptionAsync(vers);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAsync();
            await page.AttendreAdresseAsync("**" + fiche);
            (await page.Locator("#etat").InnerTextAsync()).ShouldBe(attendu);
        }
        await Etape("qualifie", "Qualifié");
        await page.Locator("#methode").FillAsync("ATA Secure Erase");
        await page.Locator("#outil").FillAsync("nwipe 0.37");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la preuve" }).ClickAsync();
        await page.AttendreAdresseAsync("**" + fiche);
        (await page.Locator("#supports").InnerTextAsync()).ShouldContain("réussi");
        await Etape("efface", "Effacé");
        await page.Locator("#grade").SelectOptionAsync("B");
        await page.Locator("#santebatterie").FillAsync("84");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le test" }).ClickAsync();
        await page.AttendreAdresseAsync("**" + fiche);
        await Etape("teste", "Testé");
        await Etape("classe", "Classé");
        await Etape("reconditionne", "Reconditionné");
        await Etape("en_stock", "En stock");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // The sale: above the cap refused with the rule, at the cap accepted; the buyer's receipt.
        await page.GetByRole(AriaRole.Link, new() { Name = "Vendre cet appareil" }).ClickAsync();
        await page.AttendreAdresseAsync("**/vente");
        (await page.Locator("#plafond").InnerTextAsync()).ShouldContain("180,00 €");
        await page.Locator("#prixeuros").FillAsync("1e3");
        await page.Locator("#justificatif").FillAsync("Attestation CAF");
        await page.Locator("#datejustificatif").FillAsync(app.Aujourdhui.ToString("yyyy-MM-dd"));
        await page.Locator("#acheteurnom").FillAsync("Nadia K.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la vente" }).ClickAsync();
        (await page.Locator("#erreurs").InnerTextAsync()).ShouldContain("Indiquez le prix en euros, par exemple 150 ou 150,50");
        // French decimals are read as such: 180,01 € is one cent above the cap.
        await page.Locator("#prixeuros").FillAsync("180,01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la vente" }).ClickAsync();
        (await page.Locator("#erreurs").InnerTextAsync()).ShouldContain("plafond");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.Locator("#prixeuros").FillAsync("180");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la vente" }).ClickAsync();
        await page.AttendreAdresseAsync("**/equipement/achat/*");
        (await page.Locator("#prix").InnerTextAsync()).ShouldContain("180,00 €");
        // The receipt opens with its link alone: it says eligibility was checked, never on which social benefit.
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("RSA");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // The public body sees its device sold with its erasure proof, and its attestation of donation.
        await donateur.GotoAsync(suivi);
        (await donateur.Locator("#appareils").InnerTextAsync()).ShouldContain("Effacé et prouvé");
        await Navigateur.VerifierAccessibiliteAsync(donateur);
        await donateur.GetByRole(AriaRole.Link, new() { Name = "Attestation de don" }).ClickAsync();
        await donateur.AttendreAdresseAsync("**/recu");
        (await donateur.Locator("#attestation").InnerTextAsync()).ShouldContain("n'ouvre pas droit à un reçu fiscal");
        await Navigateur.VerifierAccessibiliteAsync(donateur);
        (await app.AvecDb(db => db.Set<OffreDon>().CountAsync(o => o.Organisation == "Commune de Parcours-sur-Mer" && o.Statut == OffreDon.Recue))).ShouldBe(1);
    }

    /// <summary>The whole chain of issue 12 with a company: offer of 20 laptops, acceptance and reception by the team, intake by
    /// scan and erasure certificates imported by a workshop technician (nwipe's PDF certificate and log), one laptop tested and
    /// graded up to « reconditionné », sold at or below the grid's price to an eligible buyer, the donor's tax receipt and erasure
    /// proof downloaded, the sale counted by the team's dashboard and the public figures.</summary>
    [Fact]
    public async Task Une_entreprise_donne_20_portables_un_technicien_les_scanne_et_importe_les_certificats_la_vente_est_comptee()
    {
        const string Donateur = "Cabinet Vallon des Auffes SARL";
        var donateur = await app.NouvellePageAsync();
        await donateur.GotoAsync("/equipement/don");
        await donateur.Locator("#origine").SelectOptionAsync("entreprise");
        await donateur.Locator("#organisation").FillAsync(Donateur);
        await donateur.Locator("#siret").FillAsync("73282932000074");
        await donateur.Locator("#contactnom").FillAsync("Direction des systèmes d'information");
        await donateur.Locator("#courriel").FillAsync("dsi@calanques.example");
        await donateur.Locator("#adresseenlevement").FillAsync("12 quai de la Joliette, 13002 Marseille");
        await donateur.Locator("#disponibilites").FillAsync("En semaine, de 9 h à 17 h");
        await donateur.Locator("#q-portable").FillAsync("20");
        await donateur.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma proposition de don" }).ClickAsync();
        await donateur.AttendreAdresseAsync(new System.Text.RegularExpressions.Regex("/equipement/don/[^/?]+\\?nouveau=true$"));
        var suivi = new Uri(donateur.Url).AbsolutePath;

        // The team accepts and receives the lot of 20, and establishes the company's tax receipt.
        var (email, mdp) = await app.CompteAsync(Passerelle.Features.Comptes.Roles.Gestionnaire);
        var equipe = await app.ConnecterAsync(email, mdp);
        await equipe.GotoAsync("/admin/equipement");
        await equipe.GetByRole(AriaRole.Link, new() { Name = Donateur, Exact = true }).ClickAsync();
        await equipe.AttendreAdresseAsync("**/admin/equipement/offres/*");
        await equipe.GetByRole(AriaRole.Button, new() { Name = "Accepter l'offre" }).ClickAsync();
        await equipe.Locator("#nombreappareils").FillAsync("20");
        await equipe.Locator("#poidskg").FillAsync("45");
        await equipe.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réception" }).ClickAsync();
        await equipe.Locator("#montanteuros").FillAsync("2000");
        await equipe.Locator("#methodevalorisation").FillAsync("Valeur de marché d'occasion, 100 € par portable");
        await equipe.Locator("#formejuridique").FillAsync("SAS");
        await equipe.Locator("#adressedonateur").FillAsync("12 quai de la Joliette, 13002 Marseille");
        await equipe.GetByRole(AriaRole.Button, new() { Name = "Établir le reçu" }).ClickAsync();
        await equipe.Locator("#recu-etabli").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(equipe);
        await equipe.GotoAsync("/admin/equipement/tableau-de-bord");
        var ventesAvant = int.Parse(await equipe.Locator("#ventes").InnerTextAsync());

        // The technician opens the lot from the workshop's page and scans three laptops in, keyboard only (a reader types and presses Enter).
        var (emailAtelier, mdpAtelier) = await app.CompteAsync(Passerelle.Features.Comptes.Roles.Atelier);
        var atelier = await app.ConnecterAsync(emailAtelier, mdpAtelier);
        await atelier.Locator("#menu-equipe").GetByRole(AriaRole.Link, new() { Name = "Équipement" }).ClickAsync();
        await atelier.AttendreAdresseAsync("**/admin/equipement");
        await Navigateur.VerifierAccessibiliteAsync(atelier);
        await atelier.Locator("#lots tr", new() { HasText = Donateur }).GetByRole(AriaRole.Link).ClickAsync();
        await atelier.AttendreAdresseAsync("**/admin/equipement/lots/*");
        await atelier.Locator("#marque").FillAsync("Dell");
        await atelier.Locator("#modele").FillAsync("Latitude 5490");
        for (var n = 1; n <= 3; n++)
        {
            await atelier.Locator("#supportserie").FillAsync($"SSD-CALANQUES-{n}");
            await atelier.Locator("#numeroserie").FillAsync($"CALANQUES-{n}");
            await atelier.Locator("#numeroserie").PressAsync("Enter");
            await atelier.Locator("#cree").WaitForAsync();
            // The serial field has the focus again: the next scan goes straight into it.
            await Assertions.Expect(atelier.Locator("#numeroserie")).ToBeFocusedAsync();
            (await atelier.Locator("#appareils").InnerTextAsync()).ShouldContain($"CALANQUES-{n}");
            (await atelier.Locator("#marque").InputValueAsync()).ShouldBe("Dell");
        }
        await Navigateur.VerifierAccessibiliteAsync(atelier);

        // The erasure session's reports: nwipe's PDF certificate for the first laptop's SSD, its log for the two others.
        await atelier.GotoAsync("/admin/equipement");
        await atelier.Locator("#lien-certificats").ClickAsync();
        await atelier.AttendreAdresseAsync("**/admin/equipement/certificats");
        await Navigateur.VerifierAccessibiliteAsync(atelier);
        var jour = app.Aujourdhui.ToString("yyyy/MM/dd");
        await atelier.Locator("#fichiers").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "nwipe_report_CALANQUES-1.pdf", MimeType = "application/pdf",
                Buffer = Passerelle.Tests.Features.Equiper.RapportsNwipe.Certificat(modele: "SAMSUNG MZ7LN256", serie: "SSD-CALANQUES-1", debut: jour + " 08:00:00", fin: jour + " 08:40:00") },
            new FilePayload { Name = "nwipe_log_calanques.txt", MimeType = "text/plain",
                Buffer = System.Text.Encoding.UTF8.GetBytes(Passerelle.Tests.Features.Equiper.RapportsNwipe.Journal(serieSsd: "SSD-CALANQUES-2", serieNvme: "SSD-CALANQUES-3")) },
        });
        await atelier.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
        await atelier.Locator("#import-ok").WaitForAsync(new() { Timeout = 90_000 });
        (await atelier.Locator("#import-ok").InnerTextAsync()).ShouldContain("3 effacement(s) enregistré(s)");
        await Navigateur.VerifierAccessibiliteAsync(atelier);

        // The first laptop, opened by its serial: its proof, its test and grade, « reconditionné », in stock.
        await atelier.GotoAsync("/admin/equipement/scan?code=CALANQUES-1");
        await atelier.AttendreAdresseAsync("**/admin/equipement/appareils/*");
        var fiche = new Uri(atelier.Url).AbsolutePath;
        (await atelier.Locator("#supports").InnerTextAsync()).ShouldContain("nwipe_report_CALANQUES-1.pdf");
        async Task Etape(string vers, string attendu)
        {
            await atelier.Locator("#vers").SelectOptionAsync(vers);
            await atelier.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAsync();
            await atelier.AttendreAdresseAsync("**" + fiche);
            (await atelier.Locator("#etat").InnerTextAsync()).ShouldBe(attendu);
        }
        await Etape("qualifie", "Qualifié");
        await Etape("efface", "Effacé");
        await atelier.Locator("#grade").SelectOptionAsync("A");
        await atelier.Locator("#santebatterie").FillAsync("91");
        await atelier.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le test" }).ClickAsync();
        await atelier.AttendreAdresseAsync("**" + fiche);
        (await atelier.Locator("#test").InnerTextAsync()).ShouldBe("réussi");
        await Etape("teste", "Testé");
        await Etape("classe", "Classé");
        await Etape("reconditionne", "Reconditionné");
        await Etape("en_stock", "En stock");
        await Navigateur.VerifierAccessibiliteAsync(atelier);

        // The manager sells it to a buyer whose RSA attestation was seen, below the grid's 180 € for a laptop; the buyer's receipt.
        await equipe.GotoAsync(fiche);
        await equipe.Locator("#lien-vente").ClickAsync();
        await equipe.AttendreAdresseAsync("**/vente");
        await equipe.Locator("#prixeuros").FillAsync("150");
        await equipe.Locator("#justificatif").FillAsync("Attestation CAF de RSA");
        await equipe.Locator("#datejustificatif").FillAsync(app.Aujourdhui.AddDays(-10).ToString("yyyy-MM-dd"));
        await equipe.Locator("#acheteurnom").FillAsync("Josiane M.");
        await equipe.Locator("#foyer").FillAsync("CAF 7654321");
        await equipe.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la vente" }).ClickAsync();
        await equipe.AttendreAdresseAsync("**/equipement/achat/*");
        (await equipe.Locator("#prix").InnerTextAsync()).ShouldContain("150,00 €");
        (await equipe.Locator("#recu").InnerTextAsync()).ShouldContain("Garantie");
        await Navigateur.VerifierAccessibiliteAsync(equipe);
        var recuAcheteur = new Uri(equipe.Url).AbsolutePath;

        // The dashboard counts the sale and its CO2e; so does the public figures page.
        await equipe.GotoAsync("/admin/equipement/tableau-de-bord");
        int.Parse(await equipe.Locator("#ventes").InnerTextAsync()).ShouldBe(ventesAvant + 1);
        (await equipe.Locator("#ecologie").InnerTextAsync()).ShouldContain("Réemploi");
        await Navigateur.VerifierAccessibiliteAsync(equipe);

        // The donor's follow-up: the laptop sold with its proof, the tax receipt, both PDFs (fetched as requests of the donor's browser).
        await donateur.GotoAsync(suivi);
        (await donateur.Locator("#appareils").InnerTextAsync()).ShouldContain("Effacé et prouvé");
        await Navigateur.VerifierAccessibiliteAsync(donateur);
        await donateur.Locator("#lien-recu").ClickAsync();
        await donateur.AttendreAdresseAsync("**/recu");
        (await donateur.Locator("#montant").InnerTextAsync()).ShouldContain("2000,00 €");
        await Navigateur.VerifierAccessibiliteAsync(donateur);
        foreach (var pdf in new[] { suivi + "/recu.pdf", suivi + "/effacements.pdf", recuAcheteur + "/recu.pdf" })
        {
            var reponse = await donateur.APIRequest.GetAsync(pdf, new() { Timeout = 120_000 });
            reponse.Status.ShouldBe(200, pdf);
            reponse.Headers["content-type"].ShouldStartWith("application/pdf");
            System.Text.Encoding.ASCII.GetString((await reponse.BodyAsync())[..5]).ShouldBe("%PDF-");
        }
    }
}
