using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Features.Reseau.Mediateurs;

namespace Passerelle.Browser;

[Collection("navigateur")]
public class ParcoursConnexion(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    [Fact]
    public async Task Une_mediatrice_diagnostique_inscrit_et_recharge_le_financeur_voit_un_foyer_de_plus_dans_le_quartier()
    {
        // A person of the programme's managing team, in a Marseille QPV, with no computer and no connection; a mediator of that team.
        var (programme, structure) = await app.AvecDb(db => db.Set<ProgrammeConnexion>().Where(p => p.Nom == "Connexion solidaire Métropole")
            .Select(p => new { p.Id, p.StructureGestionnaireId }).SingleAsync().ContinueWith(t => (t.Result.Id, t.Result.StructureGestionnaireId)));
        var qpv = await app.AvecDb(db => db.Set<Adhesion>().Where(a => a.ProgrammeId == programme && a.CodeQpv != null).GroupBy(a => a.CodeQpv).OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync());
        var (email, mdp) = await app.CompteAsync(Roles.Mediateur);
        var fiche = await app.AvecDb(async db =>
        {
            var m = new Mediateur { Prenom = "Inès", Nom = "Parcours Connexion", UtilisateurId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync() };
            m.Employer(structure, new DateOnly(2024, 1, 1), null);
            db.Mediateurs.Add(m);
            var b = new Beneficiaire { StructureId = structure, CreeLe = app.Maintenant, DerniereActiviteLe = app.Maintenant };
            b.Modifier(new BeneficiaireSaisie { Suivi = true, Prenom = "Yasmina", Nom = "Sansréseau", Consentement = true, Commune = "Marseille", CodePostal = "13015", CodeQpv = qpv },
                app.Aujourdhui.Year, app.Maintenant, "parcours");
            db.Beneficiaires.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        var financeur = await app.CompteAsync(Roles.Financeur);
        var vueFinanceur = await app.ConnecterAsync(financeur.Email, financeur.MotDePasse);
        async Task<int> FoyersAsync()
        {
            await vueFinanceur.GotoAsync($"/admin/connexion/programmes/{programme}/indicateurs");
            var texte = await vueFinanceur.Locator("#t-qpv-table tr", new() { HasText = qpv }).Locator("td").InnerTextAsync();
            return int.Parse(new string([.. texte.Where(char.IsDigit)]));
        }
        var avant = await FoyersAsync();
        await Navigateur.VerifierAccessibiliteAsync(vueFinanceur);

        // The interview, from the person's file.
        var page = await app.ConnecterAsync(email, mdp);
        await page.GotoAsync($"/beneficiaires/{fiche}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Diagnostic équiper, connecter, accompagner" }).ClickAsync();
        await page.AttendreAdresseAsync("**/diagnostic-fabrique");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Aucun appareil à la maison").CheckAsync();
        await page.GetByLabel("Aucune connexion").CheckAsync();
        await page.Locator("#q-appareil-1").CheckAsync();
        await page.Locator("#q-courriel-0").CheckAsync();
        await page.Locator("#q-demarche-0").CheckAsync();
        await page.GetByLabel("Faire une démarche").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le diagnostic et voir les propositions" }).ClickAsync();
        await page.Locator("#propositions").WaitForAsync();
        (await page.Locator("#appareils li").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#ateliers li").CountAsync()).ShouldBeGreaterThan(0);
        await Navigateur.VerifierAccessibiliteAsync(page);

        // Enrolment from the proposal, then a 5 € top-up.
        var carte = page.Locator(".programme-propose", new() { HasText = "Connexion solidaire Métropole" });
        await carte.GetByLabel("Justificatif vu").FillAsync("justificatif de domicile");
        await carte.GetByLabel("Date du justificatif").FillAsync(app.Aujourdhui.AddDays(-10).ToString("yyyy-MM-dd"));
        await carte.GetByRole(AriaRole.Button, new() { Name = "Inscrire à Connexion solidaire Métropole" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/connexion/adhesions/*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.Locator("#offre").SelectOptionAsync(new SelectOptionValue { Label = "Recharge 5 € (10 Go) (5,00\u00A0€)" });
        await page.Locator("#montanteuros").FillAsync("5");
        await page.Locator("#reference").FillAsync("BON-PARCOURS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la recharge" }).ClickAsync();
        (await page.Locator("#consomme").InnerTextAsync()).ShouldBe("5,00\u00A0€ sur 30,00\u00A0€");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // The funder: one more household in that QPV, and no name anywhere.
        (await FoyersAsync()).ShouldBe(avant + 1);
        (await vueFinanceur.Locator("main").InnerTextAsync()).ShouldNotContain("Sansréseau");
        await Navigateur.VerifierAccessibiliteAsync(vueFinanceur);
    }
}
