using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;

namespace Passerelle.Browser;

/// <summary>Footer pages, misspelt communes, small screens and the hours editor, each checked with axe.</summary>
[Collection("navigateur")]
public class ParcoursPagesPubliques(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    /// <summary>Elements sticking out of the page's width (empty when the page does not scroll sideways); inside a scrolling box is fine.</summary>
    const string Debordements = """
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth ? "" :
          [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !(e.parentElement && e.parentElement.closest(".defilement")))
            .slice(0, 5).map(e => e.tagName + (e.id ? "#" + e.id : "") + "." + e.className + " " + Math.round(e.getBoundingClientRect().right)).join(" | ") || "page plus large que l'écran"
        """;

    [Fact]
    public async Task Les_pages_du_pied_de_page_et_la_suggestion_de_commune_sont_accessibles()
    {
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/");
        foreach (var (lien, titre) in new[] { ("Mentions légales", "Mentions légales"), ("Accessibilité : non conforme", "Déclaration d'accessibilité"), ("Données personnelles", "Vos données personnelles") })
        {
            await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = lien, Exact = true }).ClickAsync();
            await page.Locator("h1", new() { HasText = titre }).WaitForAsync();
            await Navigateur.VerifierAccessibiliteAsync(page);
        }
        await page.GotoAsync("/lieux?commune=Marseile");
        (await page.Locator("#suggestion").TextContentAsync())!.ShouldContain("Vouliez-vous dire Marseille");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GotoAsync("/rendez-vous?commune=Aubagnne");
        (await page.Locator("#suggestion").TextContentAsync())!.ShouldContain("Vouliez-vous dire Aubagne");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    [Fact]
    public async Task La_fiche_d_un_lieu_tient_sur_un_ecran_de_320_pixels_et_mene_a_la_reservation()
    {
        var page = await app.NouvellePageAsync();
        await page.SetViewportSizeAsync(320, 640);
        var id = await app.AvecDb(db => db.Lieux.Where(l => l.IdLocal == "demo-mfs-port-saint-louis").Select(l => l.Id).FirstAsync());
        await page.GotoAsync($"/lieux/{id}");
        (await page.EvaluateAsync<string>(Debordements)).ShouldBe("", "La fiche déborde à 320 px.");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Prendre rendez-vous ici" }).ClickAsync();
        await page.Locator("li.creneau").First.WaitForAsync();
        (await page.EvaluateAsync<string>(Debordements)).ShouldBe("", "La recherche de créneaux déborde à 320 px.");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // A slot taken meanwhile says so instead of showing the form.
        var href = await page.Locator("li.creneau a").First.GetAttributeAsync("href");
        var creneauId = int.Parse(href!.Split('/').Last());
        await app.AvecDb(db => db.Creneaux.Where(c => c.Id == creneauId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Reserves, c => c.Capacite)));
        await page.GotoAsync(href);
        (await page.Locator("#indisponible").TextContentAsync())!.ShouldContain("complet");
        (await page.Locator("main form").CountAsync()).ShouldBe(0);
        (await page.EvaluateAsync<string>(Debordements)).ShouldBe("", "Le créneau complet déborde à 320 px.");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    [Fact]
    public async Task Les_tableaux_de_l_equipe_et_l_editeur_d_horaires_sur_un_telephone()
    {
        var (email, mdp) = await app.CompteAsync(Roles.Administrateur);
        var page = await app.ConnecterAsync(email, mdp);
        await page.SetViewportSizeAsync(390, 844);
        foreach (var url in new[] { "/admin/lieux", "/admin/mediateurs", "/statistiques" })
        {
            await page.GotoAsync(url);
            (await page.EvaluateAsync<string>(Debordements)).ShouldBe("", $"{url} déborde à 390 px.");
            await Navigateur.VerifierAccessibiliteAsync(page);
        }
        // The demo mediator's day, records and people files.
        var ligne = (await File.ReadAllLinesAsync(app.FichierComptes)).Single(l => l.StartsWith("mediateur "));
        var mediateur = await app.ConnecterAsync(ligne.Split(' ')[1], ligne.Split(' ')[2]);
        await mediateur.SetViewportSizeAsync(390, 844);
        foreach (var url in new[] { "/admin/agenda", "/activites", "/beneficiaires" })
        {
            await mediateur.GotoAsync(url);
            (await mediateur.EvaluateAsync<string>(Debordements)).ShouldBe("", $"{url} déborde à 390 px.");
            await Navigateur.VerifierAccessibiliteAsync(mediateur);
        }
        var id = await app.AvecDb(db => db.Lieux.Where(l => l.IdLocal == "demo-mfs-port-saint-louis").Select(l => l.Id).FirstAsync());
        await page.GotoAsync($"/admin/lieux/{id}/modifier");
        (await page.GetByLabel("Lundi, matin, ouverture").InputValueAsync()).ShouldBe("08:30");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }
}
