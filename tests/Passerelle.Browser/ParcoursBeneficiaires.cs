using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Mediateurs;

namespace Passerelle.Browser;

[Collection("navigateur")]
public class ParcoursBeneficiaires(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    string[] Compte(string role) => File.ReadAllLines(app.FichierComptes).Select(l => l.Split(' ')).Single(c => c[0] == role);

    /// <summary>Screenshots for a human review when PASSERELLE_CAPTURES names a folder.</summary>
    static async Task CapturerAsync(IPage page, string nom)
    {
        if (Environment.GetEnvironmentVariable("PASSERELLE_CAPTURES") is { Length: > 0 } dossier)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, nom + ".png"), FullPage = true });
    }

    [Fact]
    public async Task Une_mediatrice_trouve_les_fiches_depuis_le_menu_meme_sur_un_telephone()
    {
        var compte = Compte("mediateur");
        var page = await app.ConnecterAsync(compte[1], compte[2]);
        await page.SetViewportSizeAsync(390, 844);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu de l'équipe" });
        // At 390 px the menu wraps: nothing overflows the screen, every entry is reachable.
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        (await menu.GetByRole(AriaRole.Link, new() { Name = "Agenda" }).IsVisibleAsync()).ShouldBeTrue();
        await Navigateur.VerifierAccessibiliteAsync(page);
        // With the keyboard: the menu's "Personnes" entry.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Personnes" }).PressAsync("Enter");
        await page.AttendreAdresseAsync("**/beneficiaires");
        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu de l'équipe" }).GetByRole(AriaRole.Link, new() { Name = "Personnes" }).GetAttributeAsync("aria-current")).ShouldBe("page");
        (await page.Locator("h1").TextContentAsync())!.ShouldContain("ersonnes");
        // The menu's last entry stays inside the screen (the page's own tables are another matter).
        (await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('#menu-equipe a')].map(a => a.getBoundingClientRect().right))")).ShouldBeLessThanOrEqualTo(390);
        await Navigateur.VerifierAccessibiliteAsync(page);
        await CapturerAsync(page, "menu-equipe-390");

        // The record form with JavaScript: only the chosen type's fields show.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/activites/nouvelle");
        (await page.Locator("#section-collectif").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("#section-individuel").IsVisibleAsync()).ShouldBeTrue();
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("Atelier collectif");
        (await page.Locator("#section-collectif").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#section-individuel").IsVisibleAsync()).ShouldBeFalse();
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    [Fact]
    public async Task Une_mediatrice_fusionne_deux_fiches_en_double()
    {
        var compte = Compte("mediateur");
        var page = await app.ConnecterAsync(compte[1], compte[2]);
        await page.GotoAsync("/beneficiaires");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await CapturerAsync(page, "beneficiaires");
        await page.Locator("#lien-doublons").ClickAsync();
        await page.AttendreAdresseAsync("**/beneficiaires/doublons");
        await Navigateur.VerifierAccessibiliteAsync(page);
        var paire = page.Locator("#doublons li").Filter(new() { HasText = "Martin-Demo" });
        (await paire.CountAsync()).ShouldBe(1);
        (await paire.TextContentAsync())!.ShouldContain("même téléphone");
        await paire.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Comparer") }).ClickAsync();
        await page.AttendreAdresseAsync("**/beneficiaires/fusion?*");
        (await page.Locator("#comparaison").TextContentAsync())!.ShouldContain("Martin-Demo");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.Locator("input[name=Garder]").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await page.Locator("#confirmation").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        (await app.AvecDb(db => db.Beneficiaires.CountAsync(b => b.Nom == "Martin-Demo"))).ShouldBe(2); // nothing merged before confirming
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la fusion" }).ClickAsync();
        await page.AttendreAdresseAsync(new System.Text.RegularExpressions.Regex(@"/beneficiaires/\d+$"));
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("n'en font plus qu'une");
        (await page.Locator("#journal").TextContentAsync())!.ShouldContain("Fusion");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await CapturerAsync(page, "fiche-apres-fusion");
        (await app.AvecDb(db => db.Beneficiaires.CountAsync(b => b.Nom == "Martin-Demo"))).ShouldBe(1);
        await page.GotoAsync("/beneficiaires/doublons");
        (await page.Locator("#doublons li").Filter(new() { HasText = "Martin-Demo" }).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Une_mediatrice_retrouve_une_fiche_par_le_numero_tape_avec_des_espaces()
    {
        var compte = Compte("mediateur");
        var id = await app.AvecDb(async db =>
        {
            var structure = await db.Mediateurs.Where(m => m.UtilisateurId == db.Users.Where(u => u.Email == compte[1]).Select(u => u.Id).First()).SelectMany(m => m.Emplois).Select(e => e.StructureId).FirstAsync();
            var b = new Passerelle.Features.Accompagner.Beneficiaires.Beneficiaire { StructureId = structure, CreeLe = app.Maintenant };
            b.Modifier(new() { Suivi = true, Prenom = "Jean-Baptiste", Nom = "N'Diaye", Telephone = "+33611111111", Consentement = true }, app.Maintenant.Year, app.Maintenant, null);
            db.Beneficiaires.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        var page = await app.ConnecterAsync(compte[1], compte[2]);
        await page.GotoAsync("/beneficiaires");
        await page.GetByLabel("Rechercher").FillAsync("06 11 11 11 11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.AttendreAdresseAsync("**/beneficiaires?q=*");
        var lien = page.Locator($"#fiches a[href='/beneficiaires/{id}']");
        (await lien.TextContentAsync())!.ShouldContain("N'Diaye");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await lien.ClickAsync();
        await page.AttendreAdresseAsync($"**/beneficiaires/{id}");
    }

    [Fact]
    public async Task La_coordinatrice_filtre_qpv_et_convention_exporte_en_tableur_et_ne_voit_aucun_nom()
    {
        var compte = Compte("administrateur");
        var page = await app.ConnecterAsync(compte[1], compte[2]);
        await page.GotoAsync("/statistiques");
        await page.GetByLabel("Quartiers prioritaires (QPV)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Habitants d'un QPV" });
        await page.GetByLabel("Convention", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Médiation numérique à la Maison France Service de Port-Saint-Louis-du-Rhône" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer les filtres" }).ClickAsync();
        await page.AttendreAdresseAsync("**/statistiques?*qpv=oui*");
        var total = int.Parse(new string((await page.Locator("#total-accompagnements").TextContentAsync())!.Where(char.IsDigit).ToArray()));
        total.ShouldBeGreaterThan(0);
        (await page.Locator("#tableau-qpv").TextContentAsync())!.ShouldContain("QPV");
        (await page.Locator("figure.graphique canvas").CountAsync()).ShouldBeGreaterThan(0); // Chart.js drew the charts beside the tables
        await Navigateur.VerifierAccessibiliteAsync(page);
        await CapturerAsync(page, "statistiques-qpv-convention");
        // No name of a followed person anywhere on the page.
        var noms = await app.AvecDb(db => db.Beneficiaires.Where(b => b.Nom != null).Select(b => b.Prenom + " " + b.Nom).ToListAsync());
        noms.Count.ShouldBeGreaterThan(0);
        var texte = await page.Locator("body").InnerTextAsync();
        noms.ShouldAllBe(n => !texte.Contains(n));

        var href = (await page.Locator("#export-xlsx").GetAttributeAsync("href"))!;
        var direct = await page.Context.APIRequest.GetAsync(href);
        direct.Status.ShouldBe(200, $"{href} : {await direct.TextAsync()}");
        var telechargement = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        telechargement.SuggestedFilename.ShouldEndWith(".xlsx");
        var chemin = Path.Combine(Path.GetTempPath(), $"stat-{Guid.NewGuid():N}.xlsx");
        await telechargement.SaveAsAsync(chemin);
        using (var zip = ZipFile.OpenRead(chemin))
        {
            var feuille = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/"));
            using var lecteur = new StreamReader(feuille.Open());
            var xml = await lecteur.ReadToEndAsync();
            xml.ShouldContain("qpv=oui");
            xml.ShouldContain("convention=");
            noms.ShouldAllBe(n => !xml.Contains(n));
        }
        File.Delete(chemin);
    }

    [Fact]
    public async Task Une_mediatrice_d_une_autre_structure_ne_peut_pas_ouvrir_la_fiche()
    {
        var fiche = await app.AvecDb(db => db.Beneficiaires.Where(b => b.Suivi && b.Nom != null).Select(b => new { b.Id, Nom = b.Prenom + " " + b.Nom }).FirstAsync());
        var (email, mdp) = await app.CompteAsync(Roles.Mediateur);
        await app.AvecDb(async db =>
        {
            var structure = await db.Structures.Where(s => s.Id != db.Beneficiaires.Where(b => b.Id == fiche.Id).Select(b => b.StructureId).First()).Select(s => s.Id).FirstAsync();
            var m = new Mediateur { Prenom = "Autre", Nom = "Structure", UtilisateurId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync() };
            m.Employer(structure, new DateOnly(2024, 1, 1), null);
            db.Mediateurs.Add(m);
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await app.ConnecterAsync(email, mdp);
        var reponse = await page.GotoAsync($"/beneficiaires/{fiche.Id}");
        reponse!.Status.ShouldBe(403);
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain(fiche.Nom);
        (await page.Locator("h1").TextContentAsync())!.ShouldContain("Accès refusé");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GotoAsync("/beneficiaires");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain(fiche.Nom);
    }
}
