using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;

namespace Passerelle.Browser;

[Collection("navigateur")]
public class Parcours(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    [Fact]
    public async Task Un_habitant_cherche_sa_commune_filtre_un_service_et_ouvre_un_lieu()
    {
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Votre commune ou votre code postal").FillAsync("Port-Saint-Louis-du-Rhône");
        await page.GetByRole(AriaRole.Button, new() { Name = "Trouver un lieu d'aide" }).ClickAsync();
        await page.AttendreAdresseAsync("**/lieux?**");
        var titre = await page.Locator("#titre-resultats").TextContentAsync();
        titre!.ShouldMatch(@"^\d+ lieux? trouvés?$");
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.Locator("summary", new() { HasText = "Ce dont j'ai besoin" }).ClickAsync();
        // The filter reads in plain French; the URL keeps the national standard's value.
        await page.GetByRole(AriaRole.Group, new() { Name = "Ce dont j'ai besoin" }).GetByLabel("Utiliser sur place un ordinateur, une imprimante ou internet").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.AttendreAdresseAsync("**service=Acc%C3%A8s+internet+et+mat%C3%A9riel+informatique**");
        var lien = page.GetByRole(AriaRole.Link, new() { Name = "Maison France Service de Port-Saint-Louis-du-Rhône" });
        (await lien.CountAsync()).ShouldBe(1);
        await Navigateur.VerifierAccessibiliteAsync(page);

        await lien.ClickAsync();
        await page.AttendreAdresseAsync("**/lieux/*");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Maison France Service de Port-Saint-Louis-du-Rhône");
        (await page.GetByText("4 rue Jean Rouget").CountAsync()).ShouldBe(1);
        (await page.Locator("table tbody tr").CountAsync()).ShouldBe(7);
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    [Fact]
    public async Task La_recherche_marche_sans_javascript()
    {
        var page = await app.NouvellePageAsync(javaScript: false);
        await page.GotoAsync("/lieux");
        await page.GetByLabel("Commune ou code postal").FillAsync("13230");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.AttendreAdresseAsync("**commune=13230**");
        (await page.Locator(".resultat").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#carte").IsHiddenAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Un_administrateur_se_connecte_cree_un_lieu_et_le_voit_dans_l_annuaire()
    {
        var (email, mdp) = await app.CompteAsync(Roles.Administrateur);
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/connexion");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(mdp);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await app.DoubleAuthentificationAsync(page, email);
        await page.AttendreAdresseAsync("**/admin");
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GotoAsync("/admin/lieux/nouveau");
        await Navigateur.VerifierAccessibiliteAsync(page);
        var nom = "Point numérique du marché " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("Nom du lieu *").FillAsync(nom);
        await page.GetByLabel("SIRET ou RNA de la structure *").FillAsync("W133001234");
        await page.GetByLabel("Numéro et voie *").FillAsync("Place de la Liberté");
        await page.GetByLabel("Code postal *").FillAsync("13230");
        await page.GetByLabel("Commune *", new() { Exact = true }).FillAsync("Port-Saint-Louis-du-Rhône");
        // Hours typed day by day; the server writes "Mo-Fr 09:00-12:00; PH off".
        foreach (var jour in new[] { "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi" })
        {
            await page.GetByLabel($"{jour}, matin, ouverture").FillAsync("09:00");
            await page.GetByLabel($"{jour}, matin, fermeture").FillAsync("12:00");
        }
        await page.GetByRole(AriaRole.Group, new() { Name = "Services" }).GetByLabel("Aide aux démarches administratives").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le lieu" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/lieux");
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain(nom);

        await page.GotoAsync("/lieux?commune=Port-Saint-Louis-du-Rh%C3%B4ne");
        await page.GetByRole(AriaRole.Link, new() { Name = nom }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe(nom);
        (await app.AvecDb(db => db.Lieux.Where(l => l.Nom == nom).Select(l => l.Horaires).SingleAsync())).ShouldBe("Mo-Fr 09:00-12:00; PH off");
    }

    [Fact]
    public async Task Un_fichier_casse_affiche_le_rapport_ligne_par_ligne_et_rien_n_est_importe()
    {
        var (email, mdp) = await app.CompteAsync(Roles.Administrateur);
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(mdp);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await app.DoubleAuthentificationAsync(page, email);
        await page.AttendreAdresseAsync("**/admin");

        var entete = string.Join(',', Passerelle.Features.Referentiels.StandardLieux.Colonnes);
        var csv = $"{entete}\n" +
                  "\"casse-1\",\"43493312300029\",\"Bon lieu\",\"Istres\",\"13800\",\"\",\"1 rue A\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"Test casse\",\"\",\"\",\"2024-01-01\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n" +
                  "\"casse-2\",\"123\",\"Mauvais lieu\",\"Istres\",\"138\",\"\",\"1 rue B\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"Test casse\",\"\",\"\",\"01/01/2024\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n";
        await page.GotoAsync("/admin/lieux/import");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Fichier à importer").SetInputFilesAsync(new FilePayload { Name = "casse.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et importer" }).ClickAsync();
        await page.Locator("#rapport").WaitForAsync();
        (await page.Locator("#resume-import").TextContentAsync())!.ShouldContain("rien n'a été importé");
        var lignes = await page.Locator("#rejets tbody tr").AllTextContentsAsync();
        lignes.ShouldContain(l => l.Contains('3') && l.Contains("pivot") && l.Contains("123"));
        lignes.ShouldContain(l => l.Contains("code_postal") && l.Contains("138"));
        lignes.ShouldContain(l => l.Contains("date_maj") && l.Contains("01/01/2024"));
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GotoAsync("/lieux?q=Bon%20lieu");
        (await page.Locator("#titre-resultats").TextContentAsync()).ShouldBe("Aucun lieu ne correspond");
    }
}
