using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Former.Aidants;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Former.Parcours.ScenarioParcours;

namespace Passerelle.Tests.Features.Former.Aidants;

/// <summary>Issue 14 §7, helpers' training on the pathway model: the seeded framework, the trainer's and the helper's dated assessments
/// (French errors on their fields, Post-Redirect-Get), sessions from the cohort's signed sheets, progress per helper and per association,
/// the framework edited by administrators only, and who is refused (another structure's staff, a funder, a school learner's link).</summary>
public class AidantsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Evaluations_presences_et_progression_par_aidant_et_par_association()
    {
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); // applications open
        var e = await EcoleAsync(app);
        await app.AvecDb(db => db.Set<Programme>().Where(p => p.Id == e.ProgrammeId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Nature, Programme.NatureAidants)));
        var a = await AdmisAsync(app, e, "Aidante", "Alpha");
        var b = await AdmisAsync(app, e, "Aidant", "Bravo");
        var association = await Scenario.StructureAsync(app);
        var nomAssociation = await app.AvecDb(db => db.Structures.Where(s => s.Id == association).Select(s => s.Nom).SingleAsync());
        var ecole = await EcoleAsync(app);
        var apprenant = await AdmisAsync(app, ecole, "Apprenante", "Ecole");
        app.Horloge.Regler(new DateTimeOffset(2025, 5, 15, 10, 0, 0, TimeSpan.Zero)); // six weeks into the course
        var referent = await e.ReferentAsync(app);
        (await referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", new
        {
            le = "2025-04-07", seance = "matin", heures = 3m, signeePar = "Formatrice Test",
            lignes = new object[] { new { inscriptionId = a, statut = "present" }, new { inscriptionId = b, statut = "absent" } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The trainer's page: the seeded framework (15 gestures in 5 domains), sessions from the sheet, the association set by its form.
        var equipe = await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp);
        var page = await Formulaires.PageAsync(equipe, $"/parcours/aidants/inscriptions/{a}");
        page.QuerySelectorAll("#evaluation li[id^=competence-]").Length.ShouldBe(15);
        page.QuerySelector("#competence-F2")!.TextContent.ShouldContain("Aidants Connect");
        page.QuerySelector("#seances")!.TextContent.ShouldBe("1 sur 1");
        var assoc = await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("#association")!, [new("AssociationId", association.ToString())]);
        assoc.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<Apprenant>().Where(x => db.Set<Inscription>().Any(i => i.Id == a && i.ApprenantId == x.Id)).Select(x => x.AssociationId).SingleAsync())).ShouldBe(association);

        // Bad input: a day in the future and a level outside the scale, each error on its field; nothing recorded.
        page = await Formulaires.PageAsync(equipe, $"/parcours/aidants/inscriptions/{a}");
        var mauvaise = await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("#evaluation")!, [new("Le", "2025-06-01"), new("Niveaux[1]", "7")]);
        mauvaise.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(mauvaise);
        doc.QuerySelector("#erreurs")!.TextContent.ShouldContain("La date de l'évaluation ne peut pas être dans le futur.");
        doc.QuerySelector("#erreurs a[href='#niveau-1']").ShouldNotBeNull();
        doc.QuerySelector("#niveau-1")!.GetAttribute("aria-invalid").ShouldBe("true");
        var vide = await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("#evaluation")!, [new("Le", "2025-05-15")]);
        (await Formulaires.DocumentAsync(vide)).QuerySelector("#erreurs")!.TextContent.ShouldContain("Choisissez un niveau pour au moins une compétence.");
        (await app.AvecDb(db => db.Set<EvaluationAidant>().CountAsync(x => x.InscriptionId == a))).ShouldBe(0);

        // Two dated assessments by the trainer: A1 at 2 then 4, G1 at 3 → two competencies acquired; the latest level shown with its day.
        (await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("#evaluation")!, [new("Le", "2025-04-10"), new("Niveaux[1]", "2"), new("Niveaux[4]", "3")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("#evaluation")!, [new("Le", "2025-05-14"), new("Niveaux[1]", "4")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await Formulaires.PageAsync(equipe, $"/parcours/aidants/inscriptions/{a}");
        page.QuerySelector("#competence-A1 .niveau-formateur")!.TextContent.ShouldBe("4 — Je peux l'expliquer à d'autres (le 14/05/2025)");
        page.QuerySelector("#acquises")!.TextContent.ShouldBe("2 sur 15");

        // The helper's own page through their link: self-assessment recorded, the trainer's level visible; a school learner's link is 404.
        var jeton = await app.AvecDb(db => db.Set<Inscription>().Where(i => i.Id == a).Select(i => i.Jeton).SingleAsync());
        var anonyme = app.ClientAnonyme();
        var moi = await Formulaires.PageAsync(anonyme, $"/parcours/moi/{jeton}/competences");
        moi.QuerySelector("#competence-A1 .niveau-formateur")!.TextContent.ShouldContain("4 —");
        var auto = await Formulaires.SoumettreAsync(anonyme, moi.QuerySelector<IHtmlFormElement>("#evaluation")!, [new("Le", "2025-05-15"), new("Niveaux[1]", "2"), new("Niveaux[7]", "1")]);
        auto.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        moi = await Formulaires.PageAsync(anonyme, auto.Headers.Location!.ToString());
        moi.QuerySelector("#confirmation").ShouldNotBeNull();
        moi.QuerySelector("#competence-A1 .niveau-auto")!.TextContent.ShouldBe("2 — Je le fais avec de l'aide (le 15/05/2025)");
        (await app.AvecDb(db => db.Set<EvaluationAidant>().CountAsync(x => x.InscriptionId == a && x.Par == "auto" && x.AuteurId == null))).ShouldBe(2);
        var jetonEcole = await app.AvecDb(db => db.Set<Inscription>().Where(i => i.Id == apprenant).Select(i => i.Jeton).SingleAsync());
        (await anonyme.GetAsync($"/parcours/moi/{jetonEcole}/competences")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Progress per helper and per association.
        var progression = await Formulaires.PageAsync(equipe, "/parcours/aidants");
        string[] Ligne(int id) => progression.QuerySelectorAll("#aidants tbody tr").First(r => r.QuerySelector($"a[href='/parcours/aidants/inscriptions/{id}']") is not null)
            .Children.Select(c => c.TextContent.Trim()).ToArray();
        Ligne(a).ShouldBe(["Aidante Alpha", nomAssociation, "Promo printemps 2025", "1 sur 1", "2 sur 15", "1.5", "3.5", "—"]);
        Ligne(b).ShouldBe(["Aidant Bravo", "Sans association", "Promo printemps 2025", "0 sur 1", "0 sur 15", "—", "—", "—"]);
        var ligneAssociation = progression.QuerySelectorAll("#associations tbody tr").First(r => r.Children[0].TextContent == nomAssociation);
        ligneAssociation.Children.Select(c => c.TextContent.Trim()).ShouldBe([nomAssociation, "1", "1", "13.3 %", "aucun résultat"]);
        (await Formulaires.PageAsync(equipe, "/parcours")).QuerySelector("a[href='/parcours/aidants']").ShouldNotBeNull();

        // Refused: another structure's staff (nothing listed, the helper's page 403), a funder of the programme (403).
        var etrangere = await Formulaires.ConnecterAsync(app, ecole.ReferentEmail, ecole.ReferentMdp);
        (await Formulaires.PageAsync(etrangere, "/parcours/aidants")).QuerySelector("#aucun-aidant").ShouldNotBeNull();
        (await etrangere.GetAsync($"/parcours/aidants/inscriptions/{a}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        await app.AvecDb(async db =>
        {
            db.Add(new ProfilCompte { UtilisateurId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), Financeur = Financeur });
            await db.SaveChangesAsync();
        });
        var financeur = await Formulaires.ConnecterAsync(app, email, mdp);
        (await financeur.GetAsync($"/parcours/aidants/inscriptions/{a}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await etrangere.GetAsync($"/parcours/aidants/inscriptions/{apprenant}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // not a helper's pathway
    }

    [Fact]
    public async Task Le_referentiel_est_modifie_par_les_administrateurs_seulement()
    {
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, "/parcours/aidants/referentiel");
        page.QuerySelectorAll("#referentiel tbody tr").Length.ShouldBeGreaterThanOrEqualTo(15);
        page.QuerySelector("#referentiel")!.TextContent.ShouldContain("Ne jamais noter ni garder les identifiants et mots de passe");
        var form = page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;

        var doublon = await Formulaires.SoumettreAsync(admin, form, [new("Saisie.Code", "a1"), new("Saisie.Domaine", "Savoir orienter"), new("Saisie.Libelle", "Un autre geste")]);
        doublon.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(doublon);
        doc.QuerySelector("#erreurs")!.TextContent.ShouldContain("Le code A1 est déjà celui d'une autre compétence.");
        doc.QuerySelector("#code")!.GetAttribute("aria-invalid").ShouldBe("true");
        var incomplet = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(admin, form, [new("Saisie.Code", "Z9"), new("Saisie.Domaine", "Savoir orienter")]));
        incomplet.QuerySelector("#erreurs")!.TextContent.ShouldContain("Indiquez le geste.");

        var code = "Z" + Random.Shared.Next(10, 99);
        (await Formulaires.SoumettreAsync(admin, form, [new("Saisie.Code", code), new("Saisie.Domaine", "Savoir orienter"), new("Saisie.Libelle", "Présenter la ligne Solidarité Numérique"),
            new("Saisie.Ordre", "160")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await app.AvecDb(db => db.Set<CompetenceAidant>().Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
        id.ShouldBeGreaterThan(15);
        var edition = await Formulaires.PageAsync(admin, $"/parcours/aidants/referentiel/{id}");
        (await Formulaires.SoumettreAsync(admin, edition.QuerySelector<IHtmlFormElement>("main form[method=post]")!, [new("Saisie.Active", "false")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<CompetenceAidant>().Where(c => c.Id == id).Select(c => c.Active).SingleAsync())).ShouldBeFalse();

        var gestionnaire = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var refus = await gestionnaire.GetAsync("/parcours/aidants/referentiel"); // a page refused by its policy: the sign-in cookie's access-denied page
        refus.StatusCode.ShouldBe(HttpStatusCode.Found);
        refus.Headers.Location!.ToString().ShouldContain("/acces-refuse");
    }
}
