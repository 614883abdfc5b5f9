using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;
using Passerelle.Features.Referentiels;

namespace Passerelle.Browser;

/// <summary>Territorial steering in a browser (issue 15, « Done when »): the coordinator opens <c>/pilotage</c>, sorts communes by
/// unmet demand, switches to the QPV, sorts them by distance, opens a QPV with no place within 5 km and plans an itinerant stop there;
/// the map draws one circle per row that has a reference point. Zero axe violations.</summary>
[Collection("navigateur")]
public class ParcoursPilotage(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    const string Code = "QN01399Z";

    [Fact]
    public async Task Le_coordinateur_trie_les_ecarts_ouvre_un_qpv_eloigne_et_y_prevoit_un_arret_itinerant()
    {
        // A neighbourhood written for the journey (fictitious code), in the Camargue: more than 5 km from every place.
        await app.AvecDb(async db =>
        {
            if (!await db.Qpv.AnyAsync(q => q.Code == Code))
                db.Qpv.Add(new Qpv { Code = Code, Nom = "Quartier du parcours (fictif)", Departement = "13", CodesInsee = "13078", Latitude = 43.47, Longitude = 4.70 });
            return await db.SaveChangesAsync();
        });
        var (email, mdp) = await app.CompteAsync(Roles.Administrateur);
        var page = await app.ConnecterAsync(email, mdp);
        await page.GotoAsync("/pilotage");
        await page.Locator("#ecarts").WaitForAsync(new() { Timeout = 120_000 });
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.Locator("#tri-nonsatisfaite").ClickAsync();
        await page.AttendreAdresseAsync("**tri=nonsatisfaite&ordre=desc");
        (await page.Locator("#ecarts caption").InnerTextAsync()).ShouldContain("demande non satisfaite (décroissant)");
        (await page.Locator("th:has(#tri-nonsatisfaite)").GetAttributeAsync("aria-sort")).ShouldBe("descending");
        await MemesValeursSurLaCarteAsync(page);
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GetByLabel("Niveau").SelectOptionAsync("qpv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await page.AttendreAdresseAsync("**niveau=qpv**");
        await page.Locator("#tri-distance").ClickAsync();
        await page.AttendreAdresseAsync("**tri=distance&ordre=desc");
        var ligne = page.Locator($"#ecarts tr[data-code='{Code}']");
        var distance = double.Parse((await ligne.Locator("td").Nth(6).InnerTextAsync()).Trim().Replace(',', '.'), CultureInfo.InvariantCulture);
        distance.ShouldBeGreaterThan(5);
        await MemesValeursSurLaCarteAsync(page);
        await Navigateur.VerifierAccessibiliteAsync(page);

        await ligne.Locator("th a").ClickAsync();
        await page.AttendreAdresseAsync($"**/pilotage/zones/{Code}?du=**");
        (await page.Locator("#indicateurs-zone").InnerTextAsync()).ShouldContain(distance.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR")) + " km");
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Prévoir une action dans cette zone" }).ClickAsync();
        await page.AttendreAdresseAsync($"**/pilotage/actions?zone={Code}");
        (await page.Locator("#action-type").InputValueAsync()).ShouldBe("itinerance");
        await page.Locator("#action-titre").FillAsync("Arrêt itinérant du bus numérique (parcours)");
        await page.Locator("#action-porteur").FillAsync("Métropole (parcours)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'action" }).ClickAsync();
        // The plan recomputes each action's zones before and after: generous wait on a loaded machine.
        await page.GetByText("Action ajoutée au plan.").Or(page.Locator("#erreurs")).WaitForAsync(new() { Timeout = 240_000 });
        var texte = await page.Locator("main").InnerTextAsync();
        texte.ShouldContain("Action ajoutée au plan.", customMessage: texte);
        var section = page.Locator("section.action", new() { HasText = "Arrêt itinérant du bus numérique (parcours)" });
        (await section.InnerTextAsync()).ShouldContain("Quartier du parcours (fictif)");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    [Fact]
    public async Task La_carte_des_acteurs_et_son_tableau_donnent_les_memes_lieux()
    {
        var (email, mdp) = await app.CompteAsync(Roles.Financeur);
        var page = await app.ConnecterAsync(email, mdp);
        await page.GotoAsync("/pilotage?epci=200054807");
        await page.Locator("#ecarts").WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("#lien-acteurs").ClickAsync();
        await page.AttendreAdresseAsync("**/pilotage/acteurs");
        await page.Locator("#acteurs").WaitForAsync(new() { Timeout = 120_000 });
        var points = await page.Locator("#acteurs tbody tr").EvaluateAllAsync<int>("trs => trs.filter(tr => tr.dataset.lat && tr.dataset.lon).length");
        points.ShouldBeGreaterThan(0);
        await Assertions.Expect(page.Locator("#carte-acteurs .leaflet-overlay-pane path")).ToHaveCountAsync(points, new() { Timeout = 60_000 });
        await CarteVisibleAsync(page, "#carte-acteurs");
        (await page.Locator("#acteurs").InnerTextAsync()).ShouldContain("Port-Saint-Louis-du-Rhône");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // The pages changed by ADR 0037 on a telephone: nothing wider than the screen outside the scrolling tables.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var url in new[] { "/pilotage/acteurs?epci=200054807", "/pilotage/zones/13078", "/pilotage?epci=200054807" })
        {
            await page.GotoAsync(url, new() { Timeout = 240_000 });
            (await page.EvaluateAsync<string>(Debordements)).ShouldBe("", $"{url} déborde à 390 px.");
            if (Environment.GetEnvironmentVariable("PASSERELLE_CAPTURES") is { Length: > 0 } dossier)
                await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, "pilotage-390-" + url.Split('?')[0].Replace('/', '-').Trim('-') + ".png"), FullPage = true });
        }
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    const string Debordements = """
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth ? "" :
          [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !(e.parentElement && e.parentElement.closest(".defilement")))
            .slice(0, 5).map(e => e.tagName + (e.id ? "#" + e.id : "") + "." + e.className + " " + Math.round(e.getBoundingClientRect().right)).join(" | ") || "page plus large que l'écran"
        """;

    /// <summary>The map repeats the table: one circle per row holding a reference point.</summary>
    static async Task MemesValeursSurLaCarteAsync(IPage page)
    {
        var points = await page.Locator("#ecarts tbody tr").EvaluateAllAsync<int>("trs => trs.filter(tr => tr.dataset.lat && tr.dataset.lon).length");
        points.ShouldBeGreaterThan(0);
        await Assertions.Expect(page.Locator("#carte-pilotage .leaflet-overlay-pane path")).ToHaveCountAsync(points, new() { Timeout = 60_000 });
        await CarteVisibleAsync(page, "#carte-pilotage");
    }

    /// <summary>A map is a real map, not a strip: the tester saw both drawn 34 px high (the card class's padding and border).</summary>
    static async Task CarteVisibleAsync(IPage page, string selecteur)
    {
        var boite = await page.Locator(selecteur).BoundingBoxAsync();
        boite.ShouldNotBeNull();
        boite.Height.ShouldBeGreaterThan(200, $"{selecteur} : {boite.Height} px de haut");
    }
}
