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
}
