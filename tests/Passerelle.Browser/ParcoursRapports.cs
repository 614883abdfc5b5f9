using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Browser;

/// <summary>A funder report in a browser (issue 11 §7): the association's manager opens its late demo report from the board, finds the
/// indicators already there, attaches the signed report (PDF), fills the budget and submits; the administrator asks for a fix with a comment. Zero axe violations.</summary>
[Collection("navigateur")]
public class ParcoursRapports(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    [Fact]
    public async Task L_association_remplit_et_envoie_son_compte_rendu_l_administrateur_demande_une_correction()
    {
        var (email, mdp) = await app.CompteAsync(Roles.Gestionnaire);
        var rapport = await app.AvecDb(async db =>
        {
            // The earliest due demo report still to fill (the late one of the board's « en retard » list, not the pathways school's report due later).
            var r = await db.Set<RapportFinancier>().Where(x => x.Demo && x.Statut == StatutsRapport.ARemplir).OrderBy(x => x.Echeance).ThenBy(x => x.Id).FirstAsync();
            var structure = await db.Set<Subvention>().Where(s => s.Id == r.SubventionId).Select(s => s.BeneficiaireId).SingleAsync();
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.GestionsStructures.Add(new GestionStructure { UtilisateurId = id, StructureId = structure });
            await db.SaveChangesAsync();
            return r.Id;
        });
        var page = await app.ConnecterAsync(email, mdp);
        await page.GotoAsync("/admin/financement");
        await page.Locator("#rapports-en-retard").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.Locator($"#rapports-en-retard a[href='/admin/financement/rapports/{rapport}']").ClickAsync();
        await page.AttendreAdresseAsync($"**/admin/financement/rapports/{rapport}");
        (await page.Locator("#indicateurs tbody tr").CountAsync()).ShouldBe(5);
        (await page.Locator("#indicateurs").InnerTextAsync()).ShouldContain("mesuré");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // The signed report attached first (its own form: the fields below are filled after it).
        await page.Locator("#fichier").SetInputFilesAsync(new FilePayload { Name = "compte-rendu-signe.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%%EOF\n"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre le fichier" }).ClickAsync();
        await page.GetByText("Pièce jointe ajoutée : compte-rendu-signe.pdf.").WaitForAsync(new() { Timeout = 60_000 });
        (await page.Locator("#liste-pieces").InnerTextAsync()).ShouldContain("compte-rendu-signe.pdf");
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GetByLabel("Ce qui a été fait au regard des objectifs", new() { Exact = false }).FillAsync("Permanences et ateliers tenus toute l'année (parcours de test).");
        await page.Locator("#prevu-64").FillAsync("60 000");
        await page.Locator("#realise-64").FillAsync("61 000");
        await page.Locator("#prevu-74-interco").FillAsync("70 000");
        await page.Locator("#realise-74-interco").FillAsync("70 000");
        await page.Locator("#declare-5").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le compte rendu" }).ClickAsync();
        await page.GetByText("Compte rendu envoyé au financeur.").WaitForAsync(new() { Timeout = 60_000 });
        (await page.Locator("#statut-rapport").InnerTextAsync()).ShouldStartWith("Soumis");
        await Navigateur.VerifierAccessibiliteAsync(page);

        var (emailAdmin, mdpAdmin) = await app.CompteAsync(Roles.Administrateur);
        var admin = await app.ConnecterAsync(emailAdmin, mdpAdmin);
        await admin.GotoAsync("/admin/financement/rapports?filtre=a-examiner");
        await Navigateur.VerifierAccessibiliteAsync(admin);
        await admin.Locator($"#rapports a[href='/admin/financement/rapports/{rapport}']").ClickAsync();
        await admin.AttendreAdresseAsync($"**/admin/financement/rapports/{rapport}");
        await Navigateur.VerifierAccessibiliteAsync(admin);
        await admin.GetByLabel("Ce que l'association doit corriger").FillAsync("Joignez les comptes approuvés de l'exercice.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Demander une correction" }).ClickAsync();
        await admin.GetByText("Compte rendu renvoyé à l'association pour correction.").WaitForAsync(new() { Timeout = 60_000 });
        (await admin.Locator("#demande-correction").InnerTextAsync()).ShouldContain("Joignez les comptes approuvés");
        await Navigateur.VerifierAccessibiliteAsync(admin);
    }
}
