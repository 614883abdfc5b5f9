using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;

namespace Passerelle.Browser;

[Collection("navigateur")]
public class ParcoursConfidentialite(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    [Fact]
    public async Task Un_gestionnaire_n_ouvre_pas_l_agenda_d_une_autre_structure()
    {
        var (email, mdp) = await app.CompteAsync(Roles.Gestionnaire);
        var jour = app.Aujourdhui;
        // A structure of the demo employing a mediator, and a mediator employed by none of its structures.
        var (sien, autre) = await app.AvecDb(async db =>
        {
            var emploi = await db.Emplois.Where(e => e.Debut <= jour && (e.Fin == null || e.Fin >= jour)).OrderBy(e => e.Id).FirstAsync();
            db.GestionsStructures.Add(new() { UtilisateurId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), StructureId = emploi.StructureId });
            await db.SaveChangesAsync();
            var autre = await db.Mediateurs.Where(m => !m.Archive && !m.Emplois.Any(e => e.StructureId == emploi.StructureId)).Select(m => m.Id).FirstAsync();
            return (emploi.MediateurId, autre);
        });
        var page = await app.ConnecterAsync(email, mdp);
        await page.GotoAsync($"/admin/agenda?mediateur={sien}");
        (await page.Locator("h1").TextContentAsync())!.ShouldStartWith("Agenda de");
        (await page.Locator("#mediateur option").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator($"#mediateur option[value='{autre}']").CountAsync()).ShouldBe(0);
        await Navigateur.VerifierAccessibiliteAsync(page);

        var reponse = await page.GotoAsync($"/admin/agenda?mediateur={autre}");
        reponse!.Status.ShouldBe(403);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Accès refusé");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Votre compte ne permet pas d'ouvrir cette page");
        (await page.Locator("#rendez-vous").CountAsync()).ShouldBe(0);
        await Navigateur.VerifierAccessibiliteAsync(page);
    }
}
