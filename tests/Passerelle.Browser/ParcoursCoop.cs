using System.IO.Compression;
using Microsoft.Playwright;

namespace Passerelle.Browser;

/// <summary>A mediator downloads what goes to La Coop: the people file (La Coop's import template) from the people page, and the
/// report laid out like La Coop's accompaniment export from the records page; both pages say what each file is.</summary>
[Collection("navigateur")]
public class ParcoursCoop(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    static async Task<Dictionary<string, string>> TelechargerAsync(IPage page, string lien, string extension)
    {
        var telechargement = await page.RunAndWaitForDownloadAsync(() => page.Locator(lien).ClickAsync());
        telechargement.SuggestedFilename.ShouldEndWith(extension);
        var chemin = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}{extension}");
        await telechargement.SaveAsAsync(chemin);
        try
        {
            using var zip = ZipFile.OpenRead(chemin);
            return zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        }
        finally { File.Delete(chemin); }
    }

    [Fact]
    public async Task Une_mediatrice_telecharge_le_fichier_des_personnes_et_le_rapport_pour_La_Coop()
    {
        var compte = File.ReadAllLines(app.FichierComptes).Select(l => l.Split(' ')).Single(c => c[0] == "mediateur");
        var page = await app.ConnecterAsync(compte[1], compte[2]);

        await page.GotoAsync("/beneficiaires");
        await page.AttendreAdresseAsync("**/beneficiaires");
        var encart = page.Locator("#vers-la-coop");
        (await encart.TextContentAsync())!.ShouldContain("n'importe pas le statut");
        (await encart.TextContentAsync())!.ShouldContain("en double");
        await Navigateur.VerifierAccessibiliteAsync(page);
        var personnes = await TelechargerAsync(page, "#lien-export-coop", ".xlsx");
        personnes["xl/workbook.xml"].ShouldContain("name=\"Bénéficiaires\"");
        var feuille = personnes.Single(e => e.Key.StartsWith("xl/worksheets/sheet")).Value;
        feuille.ShouldContain("Année de naissance");
        feuille.ShouldContain("r=\"D3\"");

        await page.GotoAsync("/activites");
        await page.AttendreAdresseAsync("**/activites");
        (await page.Locator("#rapport-coop").TextContentAsync())!.ShouldContain("La Coop ne sait pas importer d'activités");
        await Navigateur.VerifierAccessibiliteAsync(page);
        var rapport = await TelechargerAsync(page, "#lien-rapport-coop", ".xlsx");
        rapport["xl/workbook.xml"].ShouldContain("name=\"Activités\"");
        rapport.Keys.ShouldContain(k => k.StartsWith("xl/tables/"));
        var activites = rapport.Single(e => e.Key.StartsWith("xl/worksheets/sheet")).Value;
        activites.ShouldContain("Informations export");
        activites.ShouldContain("Canaux d’accompagnement");
    }
}
