using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Former.Parcours.ScenarioParcours;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14 §3: an objective's status and agreement date, an action's status and dates, changed from the enrolment page
/// (Post-Redirect-Get, French errors on their fields) and through the API; the school's staff and the support team only.</summary>
public class ModifierPlanTests(AppFactory app) : IClassFixture<AppFactory>
{
    static async Task<int> CreerAsync(HttpClient c, string url, object corps)
    {
        var r = await c.PostAsJsonAsync(url, corps);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Statut_et_dates_modifies_depuis_la_fiche()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e, "Plan", "Modifie");
        var objectif = await CreerAsync(e.Referent, $"/api/v1/parcours/inscriptions/{id}/plan/objectifs", new { axe = "projet", intitule = "Choisir un métier du numérique", accord = false });
        var action = await CreerAsync(e.Referent, $"/api/v1/parcours/inscriptions/{id}/plan/actions", new { objectifId = objectif, intitule = "Trois enquêtes métier", statut = "planifiee" });
        var equipe = await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp);
        var fiche = await Formulaires.PageAsync(equipe, $"/parcours/inscriptions/{id}");
        fiche.QuerySelector($"#objectifs a[href='/parcours/inscriptions/{id}/objectifs/{objectif}']")!.TextContent.ShouldContain("Choisir un métier du numérique");
        fiche.QuerySelector($"#objectifs a[href='/parcours/inscriptions/{id}/actions/{action}']").ShouldNotBeNull();

        // The objective: agreement dated in the future refused on its field, then reached with today's agreement.
        var page = await Formulaires.PageAsync(equipe, $"/parcours/inscriptions/{id}/objectifs/{objectif}");
        page.QuerySelector("label[for=statut]").ShouldNotBeNull();
        var futur = await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("main form[method=post]")!, [new("Statut", "atteint"), new("AccordLe", "2025-04-01")]);
        futur.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(futur);
        doc.QuerySelector("#erreurs")!.TextContent.ShouldContain("L'accord de l'apprenant·e est daté d'aujourd'hui au plus tard.");
        doc.QuerySelector("#accordle")!.GetAttribute("aria-invalid").ShouldBe("true");
        var ok = await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("main form[method=post]")!, [new("Statut", "atteint"), new("AccordLe", "2025-03-12")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.ToString().ShouldBe($"/parcours/inscriptions/{id}#plan");

        // The action: a due date before the start refused, then started with its dates.
        page = await Formulaires.PageAsync(equipe, $"/parcours/inscriptions/{id}/actions/{action}");
        var inverse = await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("main form[method=post]")!, [new("Statut", "en_cours"), new("Debut", "2025-03-20"), new("Echeance", "2025-03-10")]);
        doc = await Formulaires.DocumentAsync(inverse);
        doc.QuerySelector("#erreurs")!.TextContent.ShouldContain("L'échéance suit le début de l'action.");
        doc.QuerySelector("#echeance")!.GetAttribute("aria-invalid").ShouldBe("true");
        var mauvaisStatut = await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("main form[method=post]")!, [new("Statut", "termine")]);
        (await Formulaires.DocumentAsync(mauvaisStatut)).QuerySelector("#erreurs")!.TextContent.ShouldContain("Choisissez un statut : planifiee (Planifiée), en_cours (En cours)");
        (await Formulaires.SoumettreAsync(equipe, page.QuerySelector<IHtmlFormElement>("main form[method=post]")!, [new("Statut", "en_cours"), new("Debut", "2025-03-12"), new("Echeance", "2025-04-30")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var plan = await e.Referent.GetFromJsonAsync<PlanDto>($"/api/v1/parcours/inscriptions/{id}/plan");
        (plan!.Objectifs[0].Statut, plan.Objectifs[0].AccordLe).ShouldBe(("atteint", (DateOnly?)new DateOnly(2025, 3, 12)));
        plan.Objectifs[0].Actions[0].ShouldBe(new ActionPlanDto(action, "Trois enquêtes métier", "en_cours", new DateOnly(2025, 3, 12), new DateOnly(2025, 4, 30), null));
        fiche = await Formulaires.PageAsync(equipe, $"/parcours/inscriptions/{id}");
        fiche.QuerySelector("#objectifs")!.TextContent.ShouldContain("échéance le 30/04/2025");
    }

    [Fact]
    public async Task Api_mauvaise_saisie_autre_plan_et_mauvais_role()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e, "Plan", "Api");
        var autreId = await AdmisAsync(app, e, "Plan", "Autre");
        var objectif = await CreerAsync(e.Referent, $"/api/v1/parcours/inscriptions/{id}/plan/objectifs", new { axe = "mobilite", intitule = "Permis B", accord = true });
        var action = await CreerAsync(e.Referent, $"/api/v1/parcours/inscriptions/{id}/plan/actions", new { objectifId = objectif, intitule = "Inscription auto-école", statut = "planifiee" });

        var r = await e.Cip.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/actions/{action}", new { statut = "realisee", debut = "2025-03-01", echeance = "2025-03-10" });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync()); // the school's staff, not only the referent
        (await r.Content.ReadFromJsonAsync<PlanDto>())!.Objectifs[0].Actions[0].Statut.ShouldBe("realisee");
        (await e.Referent.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs/{objectif}", new { statut = "abandonne", accordLe = (string?)null })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AvecDb(db => db.Set<ObjectifPlan>().Where(o => o.Id == objectif).Select(o => new { o.Statut, o.AccordLe }).SingleAsync()))
            .ShouldBe(new { Statut = "abandonne", AccordLe = (DateOnly?)null });

        var mauvais = await e.Referent.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs/{objectif}", new { statut = "fini" });
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mauvais.Content.ReadAsStringAsync()).ShouldContain("Choisissez un statut : en_cours (En cours), atteint (Atteint), abandonne (Abandonné).");
        (await e.Referent.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/actions/{action}", new { statut = "en_cours", debut = "2025-03-10", echeance = "2025-03-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // An objective or an action of another plan: 404, on the API and the pages.
        (await e.Referent.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{autreId}/plan/objectifs/{objectif}", new { statut = "atteint" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await e.Referent.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{autreId}/plan/actions/{action}", new { statut = "en_cours" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var equipe = await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp);
        (await equipe.GetAsync($"/parcours/inscriptions/{autreId}/actions/{action}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Wrong role: another school's staff (API and page), and the programme's funder.
        var autre = await EcoleAsync(app);
        (await autre.Referent.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/actions/{action}", new { statut = "abandonnee" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var etranger = await Formulaires.ConnecterAsync(app, autre.ReferentEmail, autre.ReferentMdp);
        (await etranger.GetAsync($"/parcours/inscriptions/{id}/objectifs/{objectif}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (email, mdp) = await app.CreerCompteAsync(Passerelle.Features.Comptes.Roles.Financeur);
        await app.AvecDb(async db =>
        {
            var uid = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Add(new Passerelle.Features.Comptes.ProfilCompte { UtilisateurId = uid, Financeur = Financeur });
            await db.SaveChangesAsync();
        });
        (await (await app.ClientApiAsync(email, mdp)).PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs/{objectif}", new { statut = "atteint" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AvecDb(db => db.Set<ActionPlan>().Where(a => a.Id == action).Select(a => a.Statut).SingleAsync())).ShouldBe("realisee");
    }
}
