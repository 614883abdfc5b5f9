using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14 §3: the plan (axes → objectives with the learner's agreement → actions with status and dates) and immersion periods,
/// through the API, on the learner's own page (and no private note there), refused outside the team.</summary>
public class PlanParcoursTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Plan_et_immersions_sur_la_fiche_et_la_page_de_l_apprenant()
    {
        var e = await ScenarioParcours.EcoleAsync(app);
        var id = await ScenarioParcours.AdmisAsync(app, e, "Plan", "Suivi");
        var r = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs", new { axe = "projet", intitule = "Valider le projet de développeuse front", accord = true });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var objectif = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs", new { axe = "mobilite", intitule = "Passer le code de la route", accord = false })).EnsureSuccessStatusCode();
        r = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/actions",
            new { objectifId = objectif, intitule = "Enquête métier auprès de deux entreprises", statut = "en_cours", debut = "2025-03-12", echeance = "2025-04-30", structure = "Cap Emploi Sud" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        r = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/immersions", new { entreprise = "Agence Exemple", debut = "2025-05-05", fin = "2025-05-16", tuteur = "M. Tuteur" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        // Bad input: unknown axis, due date before the start, an objective of another plan, dates upside down.
        var mauvais = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs", new { axe = "loisirs", intitule = "" });
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mauvais.Content.ReadAsStringAsync()).ShouldContain("Axe");
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/actions", new { objectifId = objectif, intitule = "X", statut = "planifiee", debut = "2025-05-01", echeance = "2025-04-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Dates taken for typing errors: more than a year before the application (12/03/2025) or five years after it.
        var hors = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/actions", new { objectifId = objectif, intitule = "X", statut = "planifiee", debut = "1900-01-01", echeance = "2099-01-01" });
        hors.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var texte = await hors.Content.ReadAsStringAsync();
        texte.ShouldContain("Le début de l'action tombe entre le 12/03/2024 et le 12/03/2030 (candidature du 12/03/2025).");
        texte.ShouldContain("L'échéance de l'action tombe entre le 12/03/2024");
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/actions", new { objectifId = 999999, intitule = "X", statut = "planifiee" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/immersions", new { entreprise = "Y", debut = "2025-05-05", fin = "2025-05-01" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-03-12", synthese = "Plan construit ensemble.", notePrivee = "Confidentiel : dette de loyer." })).EnsureSuccessStatusCode();

        var plan = await e.Referent.GetFromJsonAsync<PlanDto>($"/api/v1/parcours/inscriptions/{id}/plan");
        plan!.Objectifs.Select(o => (o.Axe, o.AccordLe is not null, o.Actions.Count)).ShouldBe([("projet", true, 1), ("mobilite", false, 0)]);
        plan.Objectifs[0].Actions[0].ShouldBe(plan.Objectifs[0].Actions[0] with { Statut = "en_cours", Debut = new DateOnly(2025, 3, 12), Echeance = new DateOnly(2025, 4, 30) });
        plan.Immersions.Single().Entreprise.ShouldBe("Agence Exemple");

        // Someone outside the school and the team: refused.
        var autre = await ScenarioParcours.EcoleAsync(app);
        (await autre.Referent.GetAsync($"/api/v1/parcours/inscriptions/{id}/plan")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await autre.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/immersions", new { entreprise = "Z", debut = "2025-05-05", fin = "2025-05-06" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The learner's own page shows the plan and the immersion, never the private note.
        var jeton = await app.AvecDb(db => db.Set<Inscription>().Where(i => i.Id == id).Select(i => i.Jeton).SingleAsync());
        var page = await app.ClientAnonyme().GetStringAsync($"/parcours/moi/{jeton}");
        page.ShouldContain("Valider le projet de développeuse front");
        page.ShouldContain("Enquête métier auprès de deux entreprises");
        page.ShouldContain("Agence Exemple");
        page.ShouldContain("recueillir"); // « accord de l'apprenant·e à recueillir » (the apostrophe is HTML-encoded)
        page.ShouldNotContain("dette de loyer");
        // And the team's page.
        var fiche = await (await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp)).GetStringAsync($"/parcours/inscriptions/{id}");
        fiche.ShouldContain("Passer le code de la route");
    }
}
