using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Deliberations;

/// <summary>The reading page with the real reader: an uploaded act (corpus file 04, a free partnership convention) is reviewed with
/// its period, place and commitments shown with their passages, and the file is kept with the act (bytes, SHA-256, size), listed
/// in the version history and downloadable by staff only.</summary>
public class ActeJointTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Le_fichier_lu_est_garde_avec_l_acte_et_la_relecture_montre_periode_lieu_et_engagements()
    {
        var octets = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Donnees", "deliberations-exemples", "04-convention-partenariat-gratuite.txt"));
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, "/admin/deliberations/lire");
        var jeton = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var corps = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };
        corps.Add(new ByteArrayContent(octets), "Fichier", "convention-mauriac.txt");
        var lu = await admin.PostAsync("/admin/deliberations/lire?handler=Lire", corps);
        lu.StatusCode.ShouldBe(HttpStatusCode.OK);
        var relecture = await Formulaires.DocumentAsync(lu);
        relecture.QuerySelector("#piece-jointe")!.TextContent.ShouldContain("convention-mauriac.txt");
        relecture.QuerySelector<IHtmlInputElement>("#f-periodedebut")!.Value.ShouldBe("2025-03-01");
        relecture.QuerySelector<IHtmlInputElement>("#f-periodefin")!.Value.ShouldBe("2026-02-28");
        relecture.QuerySelector<IHtmlInputElement>("#f-lieu")!.Value.ShouldStartWith("Médiathèque municipale Joseph-Lapeyre");
        relecture.QuerySelector("#passage-f-lieu mark")!.TextContent.ShouldContain("Petit-Moulin");
        relecture.QuerySelector("#passage-f-periode mark").ShouldNotBeNull();
        var engagements = relecture.QuerySelector<IHtmlTextAreaElement>("#f-engagements")!.Value.Split('\n');
        engagements.Length.ShouldBe(5);
        engagements[1].ShouldStartWith("animer un atelier collectif mensuel");
        relecture.QuerySelector("#passage-f-engagements mark").ShouldNotBeNull();

        var form = relecture.QuerySelector<IHtmlFormElement>("main form")!;
        var ok = await Formulaires.SoumettreAsync(admin, form, [new("Saisie.CollectiviteSiret", Actes.SiretCommune)]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Formulaires.DocumentAsync(ok)).QuerySelector("#erreurs")?.TextContent);
        var adresse = ok.Headers.Location!.ToString();
        var id = int.Parse(adresse.Split('/')[^1]);

        var d = await app.AvecDb(db => db.Deliberations.AsNoTracking().Include(x => x.Fichier).SingleAsync(x => x.Id == id));
        d.Fichier!.Contenu.ShouldBe(octets);
        (d.FichierNom, d.FichierTaille, d.FichierSha256).ShouldBe(("convention-mauriac.txt", octets.LongLength, Convert.ToHexStringLower(SHA256.HashData(octets))));
        (d.PeriodeDebut, d.PeriodeFin).ShouldBe((new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28)));
        d.Engagements!.Split('\n').Length.ShouldBe(5);
        var version = await app.AvecDb(db => db.VersionsDeliberations.AsNoTracking().SingleAsync(v => v.DeliberationId == id));
        (version.Motif, version.FichierNom, version.FichierSha256).ShouldBe(("Création", "convention-mauriac.txt", d.FichierSha256));
        (await app.AvecDb(db => db.ActesDeposes.CountAsync(a => a.Nom == "convention-mauriac.txt"))).ShouldBe(0);

        var fiche = await Formulaires.PageAsync(admin, adresse);
        fiche.QuerySelector("#fichier-acte")!.TextContent.ShouldBe("convention-mauriac.txt");
        fiche.QuerySelector("#acte")!.TextContent.ShouldContain(d.FichierSha256!);
        fiche.QuerySelector("#engagements")!.Children.Length.ShouldBe(5);
        // Version times are stored in UTC and shown in Paris time.
        var paris = TimeZoneInfo.ConvertTimeFromUtc(version.EnregistreeLe, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        fiche.QuerySelector("#versions tbody tr")!.TextContent.ShouldContain(paris.ToString("HH:mm"));

        // Staff download the act; anonymous visitors do not.
        var financeur = await Formulaires.ConnecterAsync(app, Roles.Financeur);
        (await financeur.GetByteArrayAsync(adresse + "?handler=Fichier")).ShouldBe(octets);
        var anonyme = await app.ClientAnonyme().GetAsync(adresse + "?handler=Fichier");
        anonyme.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
