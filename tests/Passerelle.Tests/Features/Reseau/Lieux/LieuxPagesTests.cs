using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau.Lieux;

/// <summary>The admin form and the public pages, used as a browser without JavaScript would.</summary>
public class LieuxPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Creer_un_lieu_par_le_formulaire_puis_le_trouver_dans_l_annuaire()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/lieux/nouveau");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var nom = "Cyber-base " + Guid.NewGuid().ToString("N")[..5];
        var r = await Formulaires.SoumettreAsync(client, form,
        [
            new("Saisie.Nom", nom), new("Saisie.Pivot", "W133001234"), new("Saisie.Adresse", "12 avenue Gérard Philipe"),
            new("Saisie.CodePostal", "13500"), new("Saisie.Commune", "Martigues"), new("Saisie.Telephone", "04 42 44 30 00"),
            new("Saisie.Horaires", "Mo-Fr 09:00-12:00; PH off"), new("Saisie.Services", "Aide aux démarches administratives"),
            new("Saisie.Services", "Accès internet et matériel informatique"), new("Saisie.Latitude", "43.40"), new("Saisie.Longitude", "5.05"),
        ]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        r.Headers.Location!.ToString().ShouldBe("/admin/lieux");
        var lieu = await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Nom == nom));
        lieu.Services.ShouldBe("Aide aux démarches administratives|Accès internet et matériel informatique");
        lieu.Telephone.ShouldBe("+33442443000");

        var liste = await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?commune=martigues&service=Acc%C3%A8s%20internet%20et%20mat%C3%A9riel%20informatique");
        liste.QuerySelectorAll(".resultat h3 a").Select(a => a.TextContent).ShouldContain(nom);
        var fiche = await Formulaires.PageAsync(app.ClientAnonyme(), $"/lieux/{lieu.Id}");
        fiche.QuerySelector("h1")!.TextContent.ShouldBe(nom);
        fiche.QuerySelector("a[href='tel:+33442443000']")!.TextContent.ShouldBe("04 42 44 30 00");
        // Wednesday 12 March 2025, 11:00 in Paris: the week table starts today and the place is open.
        fiche.QuerySelector("tr.aujourdhui th")!.TextContent.ShouldStartWith("Aujourd'hui, mercredi 12 mars");
        fiche.QuerySelector(".etiquette.ouvert")!.TextContent.ShouldBe("Ouvert en ce moment");
    }

    [Fact]
    public async Task Le_formulaire_montre_les_erreurs_a_cote_des_champs_et_n_enregistre_rien()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/lieux/nouveau");
        var avant = await app.AvecDb(db => db.Lieux.CountAsync());
        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Saisie.Nom", "Sans adresse"), new("Saisie.Pivot", "123"), new("Saisie.CodePostal", "1350"), new("Saisie.Commune", "Martigues")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(r);
        doc.QuerySelector("#err-CodePostal")!.TextContent.ShouldContain("5 chiffres");
        doc.QuerySelector("#err-Adresse")!.TextContent.ShouldContain("obligatoire");
        doc.QuerySelector("#err-Pivot")!.TextContent.ShouldContain("SIRET");
        doc.QuerySelector("#champ-CodePostal")!.GetAttribute("aria-invalid").ShouldBe("true");
        doc.QuerySelector("#champ-Nom")!.GetAttribute("value").ShouldBe("Sans adresse");
        (await app.AvecDb(db => db.Lieux.CountAsync())).ShouldBe(avant);
    }

    [Fact]
    public async Task Horaires_illisibles_affiches_en_texte_sans_planter_et_signales_aux_gestionnaires()
    {
        var lieu = await app.AvecDb(async db =>
        {
            var l = new Passerelle.Features.Reseau.Lieux.Lieu { Source = "Test", IdLocal = Guid.NewGuid().ToString("N"), Pivot = "00000000000000", Nom = "Horaires libres",
                Commune = "Istres", CodePostal = "13800", Adresse = "1 rue", Horaires = "le mardi matin sauf vacances", DateMaj = new DateOnly(2024, 1, 1) };
            db.Lieux.Add(l);
            await db.SaveChangesAsync();
            return l;
        });
        var fiche = await Formulaires.PageAsync(app.ClientAnonyme(), $"/lieux/{lieu.Id}");
        fiche.QuerySelector("#t-horaires")!.ParentElement!.TextContent.ShouldContain("le mardi matin sauf vacances");
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var liste = await Formulaires.PageAsync(admin, "/admin/lieux?horairesIllisibles=true");
        liste.QuerySelectorAll("tbody tr td:first-child").Select(t => t.TextContent).ShouldContain("Horaires libres");
    }

    [Fact]
    public async Task Accueil_en_mots_simples_et_recherche_sans_resultat_expliquee()
    {
        var accueil = await Formulaires.PageAsync(app.ClientAnonyme(), "/");
        accueil.QuerySelector("h1")!.TextContent.ShouldContain("Besoin d'aide");
        accueil.QuerySelector("form[action='/lieux']").ShouldNotBeNull();
        var vide = await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?commune=Nulle-part-sur-mer");
        vide.QuerySelector("#titre-resultats")!.TextContent.ShouldBe("Aucun lieu ne correspond");
        var faux = await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?lat=abc&lon=5");
        faux.QuerySelector("[role=alert]")!.TextContent.ShouldContain("mal écrits");
    }
}
