using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;

namespace Passerelle.Browser;

/// <summary>RGAA checks beyond axe: a booking done with the keyboard alone through a failed submit, the map's tab stops,
/// and pages that do not scroll sideways on a 320 px wide screen (RGAA 10.11).</summary>
[Collection("navigateur")]
public class ParcoursRgaa(Navigateur app)
{
    const string Largeur = "() => document.scrollingElement.scrollWidth";

    /// <summary>Presses Tab until the focused element matches <paramref name="selecteur"/>; fails after 80 presses.</summary>
    static async Task TabulerJusquAAsync(IPage page, string selecteur)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selecteur)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"{selecteur} jamais atteint au clavier sur {page.Url}");
    }

    /// <summary>Full-page screenshot when PASSERELLE_CAPTURES names a folder (to look at the pages, not asserted).</summary>
    static async Task CapturerAsync(IPage page, string nom)
    {
        if (Environment.GetEnvironmentVariable("PASSERELLE_CAPTURES") is { Length: > 0 } dossier)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, nom + ".png"), FullPage = true });
    }

    static Task<string> FocusAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");

    [Fact]
    public async Task Une_reservation_au_clavier_seul_passe_par_une_erreur_annoncee_puis_aboutit()
    {
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/rendez-vous?commune=Port-Saint-Louis-du-Rh%C3%B4ne");
        await TabulerJusquAAsync(page, "li.creneau a");
        await page.Keyboard.PressAsync("Enter");
        await page.AttendreAdresseAsync("**/rendez-vous/reserver/*");

        await TabulerJusquAAsync(page, "#prenom");
        await page.Keyboard.TypeAsync("Gisèle");
        await page.Keyboard.PressAsync("Tab");
        (await FocusAsync(page)).ShouldBe("nom");
        await page.Keyboard.TypeAsync("Fabre");
        await TabulerJusquAAsync(page, "#email");
        await page.Keyboard.TypeAsync("gisele.fabre-exemple.fr");
        await TabulerJusquAAsync(page, "#consentement");
        await page.Keyboard.PressAsync("Space");
        await TabulerJusquAAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        // The error summary takes the focus; the title and the field say what is wrong.
        await page.Locator("#erreurs").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'erreurs'");
        (await page.TitleAsync()).ShouldStartWith("Erreur : ");
        var email = page.Locator("#email");
        (await email.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        var decrit = (await email.GetAttributeAsync("aria-describedby"))!.Split(' ');
        decrit.ShouldContain("err-email");
        (await page.Locator("#err-email").TextContentAsync()).ShouldBe("Adresse électronique invalide.");
        (await page.Locator("#prenom").InputValueAsync()).ShouldBe("Gisèle");
        await Navigateur.VerifierAccessibiliteAsync(page);
        foreach (var largeur in new[] { 390, 320 })
        {
            await page.SetViewportSizeAsync(largeur, 800);
            (await page.EvaluateAsync<int>(Largeur)).ShouldBeLessThanOrEqualTo(largeur, "formulaire en erreur");
            await CapturerAsync(page, $"reservation-erreurs-{largeur}");
        }

        // The summary's link leads to the field; correcting it and pressing Enter books.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')")).ShouldBe("#email");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement.id === 'email'");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("gisele.fabre@exemple.fr");
        await page.Keyboard.PressAsync("Enter");
        await page.AttendreAdresseAsync("**/mon-rendez-vous/**");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Votre rendez-vous est confirmé");
        (await page.TitleAsync()).ShouldNotStartWith("Erreur");
    }

    [Fact]
    public async Task La_carte_des_lieux_se_saute_et_ne_garde_que_des_arrets_clavier_en_francais()
    {
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/lieux?commune=Port-Saint-Louis-du-Rh%C3%B4ne");
        (await page.TitleAsync()).ShouldMatch(@"^\d+ lieux? trouvés? — Trouver un lieu");
        await page.Locator(".leaflet-control-zoom-in").WaitForAsync();
        (await page.Locator(".leaflet-control-zoom-in").GetAttributeAsync("title")).ShouldBe("Agrandir la carte");
        (await page.Locator(".leaflet-control-zoom-out").GetAttributeAsync("title")).ShouldBe("Réduire la carte");
        (await page.Locator(".leaflet-marker-icon").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#carte [tabindex='0'], #carte.leaflet-container[tabindex]").CountAsync()).ShouldBe(0);
        // The skip link comes before the map and lands on the list.
        await TabulerJusquAAsync(page, ".passer-carte a");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement.id === 'liste-resultats'");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.closest('.resultat') ? 'resultat' : document.activeElement.outerHTML")).ShouldBe("resultat");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    [Fact]
    public async Task La_fiche_d_un_lieu_l_agenda_et_les_statistiques_tiennent_dans_320_pixels()
    {
        var id = await app.AvecDb(db => db.Lieux.Where(l => l.IdLocal == "demo-mfs-port-saint-louis").Select(l => l.Id).FirstAsync());
        var public_ = await app.NouvellePageAsync();
        await public_.SetViewportSizeAsync(320, 640);
        foreach (var url in new[] { $"/lieux/{id}", "/lieux?commune=Port-Saint-Louis-du-Rh%C3%B4ne", "/statistiques/public" })
        {
            await public_.GotoAsync(url);
            (await public_.EvaluateAsync<int>(Largeur)).ShouldBeLessThanOrEqualTo(320, url);
            await Navigateur.VerifierAccessibiliteAsync(public_);
            await CapturerAsync(public_, "320" + url.Split('?')[0].Replace('/', '-'));
        }
        var ligne = (await File.ReadAllLinesAsync(app.FichierComptes)).Single(l => l.StartsWith("mediateur "));
        var mediateur = await app.ConnecterAsync(ligne.Split(' ')[1], ligne.Split(' ')[2]);
        await mediateur.SetViewportSizeAsync(320, 640);
        await mediateur.GotoAsync("/admin/agenda");
        (await mediateur.EvaluateAsync<int>(Largeur)).ShouldBeLessThanOrEqualTo(320, "/admin/agenda");
        await CapturerAsync(mediateur, "320-agenda");
        await Navigateur.VerifierAccessibiliteAsync(mediateur);

        var (email, mdp) = await app.CompteAsync(Roles.Administrateur);
        var admin = await app.ConnecterAsync(email, mdp);
        await admin.SetViewportSizeAsync(320, 640);
        foreach (var url in new[] { "/statistiques", "/admin" })
        {
            await admin.GotoAsync(url);
            (await admin.EvaluateAsync<int>(Largeur)).ShouldBeLessThanOrEqualTo(320, url);
            await Navigateur.VerifierAccessibiliteAsync(admin);
            await CapturerAsync(admin, "320" + url.Replace('/', '-'));
        }
    }
}
