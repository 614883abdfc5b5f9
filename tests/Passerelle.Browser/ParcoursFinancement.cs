using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;
using Passerelle.Features.Demo;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Browser;

/// <summary>The funding chain in a browser (issue 11): from a 2023 Fabrique act the administrator creates the four grants in
/// one step, records a payment and a recovery, and the board's totals move; the CAF's funder account sees its own grant and
/// nothing else. Zero axe violations on every page.</summary>
[Collection("navigateur")]
public class ParcoursFinancement(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    [Fact]
    public async Task Les_quatre_subventions_d_un_acte_puis_un_paiement_et_un_reversement_et_le_compte_de_la_caf()
    {
        // A copy of the demo's 2023 Fabrique act (whose grants the demo already created), under a fictitious number.
        var numero = $"CHL-019-{Random.Shared.Next(10000, 99999)}/23/BM";
        var acteId = await app.AvecDb(async db =>
        {
            var modele = await db.Deliberations.AsNoTracking().Include(d => d.Montants).SingleAsync(d => d.Numero == "CHL-019-13799/23/BM");
            var d = new Deliberation
            {
                CollectiviteNom = modele.CollectiviteNom, CollectiviteSiret = modele.CollectiviteSiret, Organe = modele.Organe, Numero = numero, DateSeance = modele.DateSeance,
                Objet = modele.Objet, MatiereCode = modele.MatiereCode, ImputationAnnee = 2023, ImputationSousPolitique = "E111", ImputationNature = "65748", ImputationFonction = "52",
                Montants = modele.Montants.Select(m => new MontantAutorise { Rang = m.Rang, Beneficiaire = m.Beneficiaire, MontantCentimes = m.MontantCentimes, Nature = m.Nature }).ToList(),
                CreeLe = app.Maintenant, ModifieLe = app.Maintenant, ModifiePar = "parcours",
            };
            db.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var (email, mdp) = await app.CompteAsync(Roles.Administrateur);
        var page = await app.ConnecterAsync(email, mdp);
        await page.GetByRole(AriaRole.Link, new() { Name = "Financement" }).First.ClickAsync();
        await page.AttendreAdresseAsync("**/admin/financement");
        await page.GotoAsync("/admin/financement?annee=2023");
        await Navigateur.VerifierAccessibiliteAsync(page);
        var voteAvant = await page.Locator("#total-vote").InnerTextAsync();
        var payeAvant = await page.Locator("#total-paye").InnerTextAsync();

        await page.GotoAsync($"/admin/deliberations/{acteId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer les subventions de l'acte" }).ClickAsync();
        await page.AttendreAdresseAsync($"**/admin/financement/deliberations/{acteId}");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer les subventions cochées" }).ClickAsync();
        await page.GetByText("4 subvention(s) créée(s).").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.Locator("#deja-creees a").First.ClickAsync();
        await page.Locator("h1", new() { HasText = "Subvention n°" }).WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        // Commitment first (decision 0026), then the payment order.
        await page.GetByLabel("Type de mouvement").SelectOptionAsync(TypesMouvement.Engagement);
        await page.GetByLabel("Montant en euros").FillAsync("10 000");
        await page.Locator("#mvt-date").FillAsync("2023-06-01");
        await page.GetByLabel("Numéro (engagement juridique, mandat, titre)").FillAsync("EJ-2023-PARCOURS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mouvement" }).ClickAsync();
        await page.GetByText("Engagement enregistré.").WaitForAsync();
        await page.GetByLabel("Type de mouvement").SelectOptionAsync(TypesMouvement.Mandat);
        await page.GetByLabel("Montant en euros").FillAsync("10 000");
        await page.Locator("#mvt-date").FillAsync("2023-07-03");
        await page.GetByLabel("Numéro (engagement juridique, mandat, titre)").FillAsync("M-2023-PARCOURS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mouvement" }).ClickAsync();
        await page.GetByText("Mandat de paiement enregistré.").WaitForAsync();
        await page.GetByLabel("Type de mouvement").SelectOptionAsync(TypesMouvement.Reversement);
        await page.GetByLabel("Montant en euros").FillAsync("1 500");
        await page.Locator("#mvt-date").FillAsync("2024-09-16");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mouvement" }).ClickAsync();
        await page.GetByText("Reversement (titre de recettes) enregistré.").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GotoAsync("/admin/financement?annee=2023");
        (await page.Locator("#total-vote").InnerTextAsync()).ShouldNotBe(voteAvant);
        (await page.Locator("#total-paye").InnerTextAsync()).ShouldNotBe(payeAvant);
        // The board lists the posts' instalments due within 60 days (Saint-Médard's conseillers numériques) and the vacant post.
        (await page.Locator("#echeances-dues").InnerTextAsync()).ShouldContain("Saint-Médard-en-Jalles");
        (await page.Locator("#postes-vacants").InnerTextAsync()).ShouldContain("Conseiller numérique");

        // The CAF's account: its grant to Aix-en-Provence, nothing of the Métropole's.
        var (emailCaf, mdpCaf) = await app.CompteAsync(Roles.Financeur);
        await app.AvecDb(async db =>
        {
            var id = await db.Users.Where(u => u.Email == emailCaf).Select(u => u.Id).SingleAsync();
            var p = await db.Set<ProfilCompte>().FirstOrDefaultAsync(x => x.UtilisateurId == id);
            var cafId = await db.Set<Financeur>().Where(f => f.Nom == FinancementDemo.NomCaf).Select(f => (int?)f.Id).FirstAsync();
            if (p is null) db.Add(new ProfilCompte { UtilisateurId = id, Financeur = FinancementDemo.NomCaf, FinanceurId = cafId }); else (p.Financeur, p.FinanceurId) = (FinancementDemo.NomCaf, cafId);
            return await db.SaveChangesAsync();
        });
        var caf = await app.ConnecterAsync(emailCaf, mdpCaf);
        await caf.GotoAsync("/admin/financement?annee=2022");
        await Navigateur.VerifierAccessibiliteAsync(caf);
        var texte = await caf.Locator("main").InnerTextAsync();
        texte.ShouldContain("Ville d'Aix-en-Provence");
        texte.ShouldNotContain("Métropole");
        await caf.GotoAsync("/admin/financement?annee=2023");
        (await caf.Locator("main").InnerTextAsync()).ShouldNotContain("Emmaüs");
        // Its co-financing share of Aix-en-Provence's strategy study, the plan's totals, and nothing else.
        await caf.GotoAsync("/admin/financement/cofinancements");
        await Navigateur.VerifierAccessibiliteAsync(caf);
        await caf.GetByRole(AriaRole.Link, new() { Name = "Étude de stratégie territoriale d'inclusion numérique pour les quartiers prioritaires" }).ClickAsync();
        await caf.Locator("#parts").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(caf);
        (await caf.Locator("#plan-cout").InnerTextAsync()).ShouldContain("700,00");
        var parts = await caf.Locator("#parts").InnerTextAsync();
        parts.ShouldContain("850,00");
        parts.ShouldContain("Notifié");
        (await caf.Locator("#parts tbody tr").CountAsync()).ShouldBe(1);
        (await caf.Locator("main").InnerTextAsync()).ShouldNotContain("Ajouter la part");
        await caf.GotoAsync("/admin/financement/postes");
        (await caf.Locator("main").InnerTextAsync()).ShouldNotContain("Saint-Médard");
    }
}
