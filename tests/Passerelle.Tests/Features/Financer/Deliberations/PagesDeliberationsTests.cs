using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Financer.Deliberations.Lecture;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Deliberations;

/// <summary>The app with test doubles of the act reader (the real one is another feature's work): « Clé : valeur » lines.</summary>
public sealed class AppFactoryLecteur : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<ILecteurActes, LecteurDouble>();
            s.AddSingleton<IExtracteurTextePdf, ExtracteurDouble>();
        });
    }
}

public class PagesDeliberationsTests(AppFactoryLecteur app) : IClassFixture<AppFactoryLecteur>
{
    static string Texte(string numero) => $"""
        MÉTROPOLE DE TEST
        Collectivité : Métropole de Test {numero}
        Organe : bureau
        Numéro : {numero}
        Séance : 2024-10-10
        Objet : Convention de partenariat gratuite avec la commune
        Matière : 1.4
        Pour : 20
        Contre : 0
        Abstention : 0
        Bénéficiaire : Commune de Port-Saint-Louis-du-Rhône ; 1500
        """;

    [Fact]
    public async Task Lire_un_acte_proposer_corriger_confirmer()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var numero = Actes.Numero("CHL");
        var page = await Formulaires.PageAsync(client, "/admin/deliberations/lire");
        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Texte", Texte(numero))]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var relecture = await Formulaires.DocumentAsync(r);
        relecture.QuerySelector("h1")!.TextContent.ShouldBe("Vérifier la délibération lue");
        relecture.QuerySelector<IHtmlInputElement>("#f-numero")!.Value.ShouldBe(numero);
        relecture.QuerySelector("#passage-f-numero mark")!.TextContent.ShouldBe(numero);
        relecture.QuerySelector("#passage-f-montants-0 mark")!.TextContent.ShouldContain("Port-Saint-Louis");
        relecture.QuerySelector<IHtmlInputElement>("#f-collectivitesiret")!.Value.ShouldBeEmpty(); // not printed on acts: never guessed
        (await app.AvecDb(db => db.Deliberations.AnyAsync(d => d.Numero == numero))).ShouldBeFalse();

        // A missing SIRET is refused with the values kept and the passages shown again.
        var form = relecture.QuerySelector<IHtmlFormElement>("main form")!;
        var refus = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(client, form, [new("Saisie.Objet", "Objet corrigé par la personne")]));
        refus.QuerySelector("#erreurs")!.TextContent.ShouldContain("SIRET");
        refus.QuerySelector<IHtmlTextAreaElement>("#f-objet")!.Value.ShouldBe("Objet corrigé par la personne");
        refus.QuerySelector("#passage-f-numero mark")!.TextContent.ShouldBe(numero);

        var ok = await Formulaires.SoumettreAsync(client, refus.QuerySelector<IHtmlFormElement>("main form")!, [new("Saisie.CollectiviteSiret", Actes.SiretMetropole)]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Formulaires.DocumentAsync(ok)).QuerySelector("#erreurs")?.TextContent);
        var fiche = await Formulaires.PageAsync(client, ok.Headers.Location!.ToString());
        fiche.QuerySelector("h1")!.TextContent.ShouldBe($"Délibération n° {numero}");
        fiche.QuerySelector("#acte")!.TextContent.ShouldContain("Objet corrigé par la personne");
        fiche.QuerySelector("#montants")!.TextContent.Replace("\u202f", " ").Replace("\u00a0", " ").ShouldContain("1 500 €");
        (await app.ClientAnonyme().GetStringAsync("/donnees/deliberations.csv")).ShouldContain($"\"{numero}\"");

        // The register finds it; a financer reads it but may not read acts in.
        var financeur = await Formulaires.ConnecterAsync(app, Roles.Financeur);
        var liste = await Formulaires.PageAsync(financeur, "/admin/deliberations?q=" + numero + "&annee=2024&matiere=1");
        liste.QuerySelectorAll("#deliberations tbody tr").Length.ShouldBe(1);
        liste.QuerySelector("a[href='/admin/deliberations/lire']").ShouldBeNull();
        (await Formulaires.PageAsync(financeur, "/admin/deliberations?annee=2023&q=" + numero)).QuerySelector("#nombre-resultats")!.TextContent.ShouldContain("Aucune");
    }

    [Fact]
    public async Task Un_acte_illisible_donne_son_message_sans_rien_perdre()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/deliberations/lire");
        var jeton = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        async Task<AngleSharp.Dom.IDocument> EnvoyerAsync(string nom, byte[] octets)
        {
            using var corps = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" }, { new StringContent("texte collé gardé"), "Texte" } };
            corps.Add(new ByteArrayContent(octets), "Fichier", nom);
            var r = await client.PostAsync("/admin/deliberations/lire?handler=Lire", corps);
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await Formulaires.DocumentAsync(r);
        }
        var scanne = await EnvoyerAsync("scan.pdf", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x0A]);
        scanne.QuerySelector("#erreur-lecture")!.TextContent.ShouldContain("ne contient pas de texte");
        scanne.QuerySelector<IHtmlTextAreaElement>("#texte")!.Value.ShouldBe("texte collé gardé");
        (await EnvoyerAsync("acte.txt", [0, 1, 2, 0xFF, 0xFE, 0])).QuerySelector("#erreur-lecture")!.TextContent.ShouldContain("pas un texte lisible");
        (await EnvoyerAsync("acte.txt", [])).QuerySelector("#erreur-lecture")!.TextContent.ShouldContain("vide");
        (await EnvoyerAsync("acte.docx", [1, 2])).QuerySelector("#erreur-lecture")!.TextContent.ShouldContain("PDF et texte");
        var vide = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Texte", "  ")]);
        (await Formulaires.DocumentAsync(vide)).QuerySelector("#erreur-lecture")!.TextContent.ShouldContain("Collez le texte");
        // A letter, not an act: the page says so (as the API does) instead of an empty review form.
        var courrier = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Texte", "bonjour, ceci est un courrier")]));
        courrier.QuerySelector("#erreur-lecture")!.TextContent.ShouldContain("Rien dans ce texte ne ressemble à une délibération");
        courrier.QuerySelector<IHtmlTextAreaElement>("#texte")!.Value.ShouldBe("bonjour, ceci est un courrier");
    }

    [Fact]
    public async Task La_fiche_montre_les_conventions_autorisees_les_versions_et_une_correction()
    {
        var d = await app.AvecDb(db => EnregistrerDeliberation.CreerAsync(db, Actes.Subventions(), "test", app.Horloge, CancellationToken.None));
        var lieu = await Scenario.LieuAsync(app);
        var (a, b) = await app.AvecDb(async db =>
        {
            var x = new Structure { Nom = "Métropole", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "EPCI" };
            var y = new Structure { Nom = "Commune", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "MUNI" };
            db.AddRange(x, y);
            await db.SaveChangesAsync();
            return (x.Id, y.Id);
        });
        // A convention of before the register, whose free text names the act: linked after the migrations; another keeps its text.
        var (liee, libre) = await app.AvecDb(async db =>
        {
            Convention C(string reference) => new() { Intitule = "Médiation " + reference, CoordinateurId = a, PartenaireId = b, LieuId = lieu.Id, DateDebut = new(2025, 1, 1), DateFin = new(2025, 12, 31), ReferenceDeliberation = reference };
            var c1 = C($"Délibération du Bureau n° {d.Numero} du 4 mai 2023");
            var c2 = C("Délibération n° 1999-001 (papier)");
            db.AddRange(c1, c2);
            await db.SaveChangesAsync();
            await new LierConventionsDeliberations().PreparerAsync(db, CancellationToken.None);
            return (c1.Id, c2.Id);
        });
        var conventions = await app.AvecDb(db => db.Conventions.AsNoTracking().Where(c => c.Id == liee || c.Id == libre).ToDictionaryAsync(c => c.Id));
        (conventions[liee].DeliberationId, conventions[liee].ReferenceDeliberation).ShouldBe((d.Id, (string?)null));
        (conventions[libre].DeliberationId, conventions[libre].ReferenceDeliberation).ShouldBe(((int?)null, "Délibération n° 1999-001 (papier)"));

        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var fiche = await Formulaires.PageAsync(admin, $"/admin/deliberations/{d.Id}");
        fiche.QuerySelector("#autorises")!.TextContent.ShouldContain("en cours jusqu'au 31 décembre 2025");
        (await Formulaires.PageAsync(admin, $"/admin/conventions/{liee}")).QuerySelector($"a[href='/admin/deliberations/{d.Id}']").ShouldNotBeNull();

        var corriger = await Formulaires.PageAsync(admin, $"/admin/deliberations/{d.Id}/corriger");
        var form = corriger.QuerySelector<IHtmlFormElement>("main form")!;
        var sansMotif = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(admin, form, [new("Saisie.VoteAbstention", "2")]));
        sansMotif.QuerySelector("#erreurs")!.TextContent.ShouldContain("historique");
        var r = await Formulaires.SoumettreAsync(admin, form, [new("Saisie.VotePour", "30"), new("Saisie.VoteAbstention", "2"), new("Saisie.Motif", "Abstentions mal recopiées")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Formulaires.DocumentAsync(r)).QuerySelector("#erreurs")?.TextContent);
        var apres = await Formulaires.PageAsync(admin, $"/admin/deliberations/{d.Id}");
        apres.QuerySelectorAll("#versions tbody tr").Length.ShouldBe(2);
        apres.QuerySelector("#versions tbody tr")!.TextContent.ShouldContain("Abstentions mal recopiées");
        apres.QuerySelector("#montants")!.TextContent.ShouldContain("Urban Prod");
        (await Formulaires.PageAsync(await Formulaires.ConnecterAsync(app, Roles.Gestionnaire), $"/admin/deliberations/{d.Id}")).QuerySelector($"a[href$='/corriger']").ShouldBeNull();
    }

    [Fact]
    public async Task La_page_donnees_liste_chaque_fichier_publie()
    {
        await app.AvecDb(db => EnregistrerDeliberation.CreerAsync(db, Actes.Subventions(), "test", app.Horloge, CancellationToken.None));
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/donnees");
        var lignes = page.QuerySelectorAll("#jeux-donnees tbody tr").Select(l => l.TextContent).ToList();
        lignes.ShouldContain(l => l.Contains("SCDL Délibérations, version 2.1.5") && l.Contains("Licence Ouverte 2.0") && l.Contains("12 mars 2025"));
        lignes.ShouldContain(l => l.Contains("Lieux de médiation numérique") && l.Contains("CSV"));
        page.QuerySelectorAll("#jeux-donnees a[href='/donnees/deliberations.csv'], #jeux-donnees a[href='/api/v1/lieux/export.csv']").Length.ShouldBe(2);
        page.QuerySelector("footer a[href='/donnees']").ShouldNotBeNull();
        (await Formulaires.PageAsync(app.ClientAnonyme(), "/plan-du-site")).QuerySelector("#plan a[href='/donnees']").ShouldNotBeNull();
    }
}
