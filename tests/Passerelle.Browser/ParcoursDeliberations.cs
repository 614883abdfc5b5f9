using Microsoft.Playwright;
using Passerelle.Features.Comptes;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Passerelle.Browser;

/// <summary>Reading a council act from its PDF, checking each proposed value against its highlighted passage, confirming; the
/// act then is in the register and in the open data. Needs the real act reader (ILecteurActes, IExtracteurTextePdf).</summary>
[Collection("navigateur")]
public class ParcoursDeliberations(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    /// <summary>The act, as a Bureau's extract is laid out (fictitious number; the body is the demo's Métropole).</summary>
    static string[] Acte(string numero) =>
    [
        "MÉTROPOLE AIX-MARSEILLE-PROVENCE",
        "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU BUREAU DE LA MÉTROPOLE",
        "Séance du 12 juin 2025",
        $"Délibération n° {numero}",
        "Objet : Approbation d'une convention de partenariat à titre gratuit avec la commune de Martigues",
        "pour des permanences de médiation numérique",
        "Sous la présidence de Madame Martine VASSAL",
        "Rapporteur : Monsieur le Vice-Président délégué",
        "Étaient présents : 30 membres. Représentés : 5 membres. Excusés : 4 membres.",
        "Le Bureau de la Métropole, après en avoir délibéré,",
        "DÉCIDE d'approuver la convention de partenariat ci-annexée.",
        "Adopté à l'unanimité.",
    ];

    static byte[] Pdf(IEnumerable<string> lignes)
    {
        if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new PolicesSysteme();
        var document = new PdfDocument();
        var page = document.AddPage();
        using (var g = XGraphics.FromPdfPage(page))
        {
            var police = new XFont("DejaVu Sans", 10);
            var y = 60.0;
            foreach (var l in lignes) { g.DrawString(l, police, XBrushes.Black, new XPoint(50, y)); y += 18; }
        }
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    sealed class PolicesSysteme : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new("DejaVuSansMono");
        public byte[]? GetFont(string faceName) => File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "polices", "DejaVuSansMono.ttf"));
    }

    [Fact]
    public async Task Un_administrateur_lit_le_pdf_d_un_acte_corrige_une_valeur_et_le_publie()
    {
        var (email, mdp) = await app.CompteAsync(Roles.Administrateur);
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(mdp);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await app.DoubleAuthentificationAsync(page, email);
        await page.AttendreAdresseAsync("**/admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Délibérations" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/deliberations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lire un acte (texte ou PDF)" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/deliberations/lire");
        await Navigateur.VerifierAccessibiliteAsync(page);

        var numero = $"CHL-041-{Random.Shared.Next(10000, 99999)}/25/BM";
        await page.GetByLabel("Ou le fichier de l'acte (PDF ou texte)").SetInputFilesAsync(new FilePayload { Name = "acte.pdf", MimeType = "application/pdf", Buffer = Pdf(Acte(numero)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lire l'acte" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Vérifier la délibération lue" }).WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);

        // Each value with its passage, highlighted.
        (await page.GetByLabel("Numéro de l'acte, tel qu'il est imprimé *").InputValueAsync()).ShouldBe(numero);
        (await page.Locator("#passage-f-numero mark").TextContentAsync())!.ShouldContain(numero);
        (await page.GetByLabel("Date de la séance *").InputValueAsync()).ShouldBe("2025-06-12");
        (await page.Locator("#passage-f-dateseance mark").CountAsync()).ShouldBe(1);
        (await page.Locator("#passage-f-objet mark").TextContentAsync())!.ShouldContain("Martigues");

        // The person corrects the subject, completes what acts do not print, and confirms.
        const string objet = "Convention de partenariat gratuite avec la commune de Martigues : permanences de médiation numérique";
        await page.GetByLabel("Objet *").FillAsync(objet);
        await page.GetByLabel("SIRET de la collectivité *").FillAsync("20005480700017");
        await page.GetByLabel("Matière (nomenclature ACTES) *").SelectOptionAsync("1.4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et enregistrer" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/deliberations/*");
        (await page.Locator("h1").TextContentAsync()).ShouldBe($"Délibération n° {numero}");
        (await page.Locator("#acte").TextContentAsync())!.ShouldContain(objet);
        // The PDF read is kept with the act, named in the version history.
        (await page.Locator("#fichier-acte").TextContentAsync()).ShouldBe("acte.pdf");
        (await page.Locator("#versions tbody tr").First.TextContentAsync())!.ShouldContain("acte.pdf");
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GotoAsync("/admin/deliberations?q=" + Uri.EscapeDataString(numero));
        (await page.Locator("#deliberations tbody tr").CountAsync()).ShouldBe(1);
        await Navigateur.VerifierAccessibiliteAsync(page);
        var csv = await (await page.APIRequest.GetAsync("/donnees/deliberations.csv")).TextAsync();
        csv.ShouldContain($"\"{numero}\"");
        csv.ShouldContain(objet);

        await page.GotoAsync("/donnees");
        (await page.Locator("#jeux-donnees").TextContentAsync())!.ShouldContain("SCDL Délibérations");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    /// <summary>Runs without the act reader: the register, an act, the entry form with its errors and /donnees, each checked with axe.</summary>
    [Fact]
    public async Task Le_registre_ses_formulaires_et_les_donnees_ouvertes_sont_accessibles()
    {
        var (email, mdp) = await app.CompteAsync(Roles.Administrateur);
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(mdp);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await app.DoubleAuthentificationAsync(page, email);
        await page.AttendreAdresseAsync("**/admin");

        await page.GotoAsync("/admin/deliberations?annee=2024");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "CHL-038-16533/24/BM" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/deliberations/*");
        (await page.Locator("#autorises").TextContentAsync())!.ShouldContain("Port-Saint-Louis-du-Rhône");
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GotoAsync("/admin/deliberations/nouvelle");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("SIRET de la collectivité *").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la délibération" }).ClickAsync();
        await page.Locator("#erreurs").WaitForAsync();
        (await page.Locator("#erreurs").TextContentAsync())!.ShouldContain("SIRET");
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GotoAsync("/donnees");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }
}
