using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Tests.Infra;

namespace Passerelle.Browser;

[Collection("navigateur")]
public class ParcoursComptes(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    [Fact]
    public async Task Un_administrateur_invite_une_mediatrice_qui_choisit_son_mot_de_passe_et_ouvre_son_agenda()
    {
        var nom = "Invitée" + Guid.NewGuid().ToString("N")[..6];
        var ficheId = await app.AvecDb(async db =>
        {
            var structure = await db.Structures.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var m = new Mediateur { Prenom = "Nadia", Nom = nom };
            m.Employer(structure, new DateOnly(2024, 1, 1), null);
            db.Mediateurs.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var (emailAdmin, mdpAdmin) = await app.CompteAsync(Roles.Administrateur);
        var admin = await app.ConnecterAsync(emailAdmin, mdpAdmin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Gérer les comptes" }).ClickAsync();
        await admin.AttendreAdresseAsync("**/admin/comptes");
        await Navigateur.VerifierAccessibiliteAsync(admin);

        var email = $"nadia-{Guid.NewGuid():N}@exemple.fr";
        await admin.GetByLabel("Adresse électronique").FillAsync(email);
        await admin.GetByLabel("Rôle").SelectOptionAsync(Roles.Mediateur);
        await admin.Locator("#invitation-mediateur").SelectOptionAsync(ficheId.ToString());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        (await admin.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain($"Invitation envoyée à {email}");
        await Navigateur.VerifierAccessibiliteAsync(admin);

        // The message leaves through SMTP and arrives at the test's server.
        (await app.EnvoyerCourrielsAsync()).ShouldBeGreaterThan(0);
        var message = app.Smtp.Dernier(email);
        message.Subject.ShouldBe("Votre compte Passerelle");
        var lien = new Uri(ServeurSmtp.Lien(message, "/compte/activer/")).PathAndQuery;

        var page = await app.NouvellePageAsync();
        await page.GotoAsync(lien);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Activer votre compte");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Mot de passe *", new() { Exact = true }).FillAsync("Ma-Permanence-2025");
        await page.GetByLabel("Le même mot de passe, une deuxième fois *").FillAsync("Ma-Permanence-2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await page.AttendreAdresseAsync("**/connexion?motdepasse=1");
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("Mot de passe enregistré");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync("Ma-Permanence-2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir mon agenda" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/agenda");
        (await page.Locator("h1").TextContentAsync()).ShouldBe($"Agenda de Nadia {nom}");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }
}
