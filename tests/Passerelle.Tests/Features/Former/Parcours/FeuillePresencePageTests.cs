using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Former.Parcours.ScenarioParcours;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14 §3, the signed attendance sheet recorded from the cohort page (the use case of <c>POST …/presences</c>): French errors
/// tied to their fields, Post-Redirect-Get, the rate shown per learner, a second sheet of the same session answered 409 on the form, the
/// school's staff only; the same session posted in parallel gives one sheet (the unique index decides).</summary>
public class FeuillePresencePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The posted name of a learner's field on the sheet (its line index is the page's order).</summary>
    static string Champ(IDocument d, int inscription, string champ) =>
        d.QuerySelector($"#feuille input[type=hidden][value='{inscription}']")!.GetAttribute("name")!.Replace(".InscriptionId", "." + champ);

    [Fact]
    public async Task Feuille_saisie_sur_la_page_de_la_cohorte_et_taux_par_apprenant()
    {
        var e = await EcoleAsync(app);
        var a = await AdmisAsync(app, e, "Assidu", "Alpha");
        var b = await AdmisAsync(app, e, "Assidu", "Bravo");
        var c = await AdmisAsync(app, e, "Assidu", "Charlie");
        e = await CoursCommenceAsync(app, e);
        var equipe = await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp);
        var page = await Formulaires.PageAsync(equipe, $"/parcours/cohortes/{e.CohorteId}");
        var form = page.QuerySelector<IHtmlFormElement>("#feuille")!;
        page.QuerySelector($"label[for=feuille-statut-{b}]")!.TextContent.ShouldContain("Présence de Assidu Bravo");
        page.QuerySelector("#aucune-feuille").ShouldNotBeNull();

        // Bad input: a day outside the course, no length, late without the hours attended — each error on its field.
        var mauvaise = await Formulaires.SoumettreAsync(equipe, form, [new("Feuille.Le", "2025-03-01"), new("Feuille.Heures", "trois"),
            new("Feuille.SigneePar", "Formatrice Test"), new(Champ(page, b, "Statut"), "retard")]);
        mauvaise.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(mauvaise);
        var resume = doc.QuerySelector("#erreurs")!.TextContent;
        resume.ShouldContain("La séance se tient pendant la formation, du 01/04/2025 au 31/10/2025.");
        resume.ShouldContain("La durée de la séance est un nombre d'heures");
        resume.ShouldContain("En retard : indiquez les heures suivies");
        doc.QuerySelector("#feuille-le")!.GetAttribute("aria-invalid").ShouldBe("true");
        doc.QuerySelector($"#feuille-statut-{b}")!.GetAttribute("aria-invalid").ShouldBe("true");
        doc.QuerySelector($"#erreurs a[href='#feuille-statut-{b}']").ShouldNotBeNull();
        doc.QuerySelector($"#feuille-statut-{b} option[selected]")!.GetAttribute("value").ShouldBe("retard"); // what was typed stays
        (await app.AvecDb(db => db.Set<FeuillePresence>().CountAsync(f => f.CohorteId == e.CohorteId))).ShouldBe(0);

        // A good sheet: A present, B late 2 h 30 of 3 h 30, C excused → Post-Redirect-Get, the rate per learner.
        var valeurs = new KeyValuePair<string, string>[] { new("Feuille.Le", "2025-04-07"), new("Feuille.Seance", "matin"), new("Feuille.Heures", "3,5"),
            new("Feuille.SigneePar", "Formatrice Test"), new(Champ(page, b, "Statut"), "retard"), new(Champ(page, b, "Heures"), "2,5"), new(Champ(page, c, "Statut"), "excuse") };
        var ok = await Formulaires.SoumettreAsync(equipe, form, valeurs);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.ToString().ShouldBe($"/parcours/cohortes/{e.CohorteId}#feuilles");
        var apres = await Formulaires.PageAsync(equipe, $"/parcours/cohortes/{e.CohorteId}");
        apres.QuerySelector("#liste-feuilles")!.TextContent.ShouldContain("07/04/2025");
        apres.QuerySelector("#liste-feuilles")!.TextContent.ShouldContain("2 sur 3");
        string Taux(int id) => apres.QuerySelectorAll("#apprenants tr").First(r => r.QuerySelector($"a[href='/parcours/inscriptions/{id}']") is not null).Children.Last().TextContent;
        Taux(a).ShouldBe("100 % (1 séance)");
        Taux(b).ShouldBe("71.4 % (1 séance)");
        Taux(c).ShouldBe("0 % (1 séance, dont 100 % d'absences justifiées)");
        apres.QuerySelector("#assiduite")!.TextContent.ShouldContain("57.1 %"); // the cohort: 360 of 630 minutes

        // The same session again: 409 with the French message on the form, nothing recorded twice.
        var double_ = await Formulaires.SoumettreAsync(equipe, apres.QuerySelector<IHtmlFormElement>("#feuille")!, valeurs);
        double_.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflit = await Formulaires.DocumentAsync(double_);
        conflit.QuerySelector("#erreurs")!.TextContent.ShouldContain("Une feuille de présence est déjà enregistrée pour cette séance.");
        conflit.QuerySelector("#feuille-seance")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await app.AvecDb(db => db.Set<FeuillePresence>().CountAsync(f => f.CohorteId == e.CohorteId))).ShouldBe(1);

        // Wrong roles: a funder of the programme sees the aggregates but no form and cannot post; another school's staff is refused.
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        await app.AvecDb(async db =>
        {
            var uid = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Add(new ProfilCompte { UtilisateurId = uid, Financeur = Financeur });
            await db.SaveChangesAsync();
        });
        var financeur = await Formulaires.ConnecterAsync(app, email, mdp);
        var vue = await Formulaires.PageAsync(financeur, $"/parcours/cohortes/{e.CohorteId}");
        vue.QuerySelector("#feuille").ShouldBeNull();
        vue.QuerySelector("main")!.TextContent.ShouldNotContain("Bravo");
        (await PosterAsync(financeur, vue, e.CohorteId, a)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var autre = await EcoleAsync(app);
        var etranger = await Formulaires.ConnecterAsync(app, autre.ReferentEmail, autre.ReferentMdp);
        (await PosterAsync(etranger, await Formulaires.PageAsync(etranger, "/parcours"), e.CohorteId, a)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AvecDb(db => db.Set<FeuillePresence>().CountAsync(f => f.CohorteId == e.CohorteId))).ShouldBe(1);
    }

    /// <summary>Posts a sheet to the cohort page's handler with the anti-forgery token of a page the client could open.</summary>
    static Task<HttpResponseMessage> PosterAsync(HttpClient client, IDocument page, int cohorte, int inscription) =>
        client.PostAsync($"/parcours/cohortes/{cohorte}?handler=Presences", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
            ["Feuille.Le"] = "2025-04-08", ["Feuille.Seance"] = "matin", ["Feuille.Heures"] = "3", ["Feuille.SigneePar"] = "X",
            ["Feuille.Lignes[0].InscriptionId"] = inscription.ToString(), ["Feuille.Lignes[0].Statut"] = "present",
        }));

    [Fact]
    public async Task La_meme_seance_envoyee_en_parallele_donne_une_seule_feuille()
    {
        var e = await EcoleAsync(app);
        var ids = new List<int>();
        for (var k = 0; k < 3; k++) ids.Add(await AdmisAsync(app, e, "Parallele", "N" + k));
        e = await CoursCommenceAsync(app, e);
        var feuille = new { le = "2025-04-09", seance = "apres_midi", heures = 3m, signeePar = "Formateur Test",
            lignes = ids.Select(i => new { inscriptionId = i, statut = "present" }).ToArray() };
        var reponses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", feuille)));
        reponses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        reponses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var conflit = reponses.First(r => r.StatusCode == HttpStatusCode.Conflict);
        (await conflit.Content.ReadAsStringAsync()).ShouldContain("Une feuille de présence est déjà enregistrée pour cette séance.");
        await app.AvecDb(async db =>
        {
            (await db.Set<FeuillePresence>().CountAsync(f => f.CohorteId == e.CohorteId)).ShouldBe(1);
            (await db.Set<Presence>().CountAsync(p => ids.Contains(p.InscriptionId))).ShouldBe(3);
        });
    }
}
