using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Cofinancements;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Tests.Features.Financer.Subventions;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features.Financer.Cofinancements;

/// <summary>Co-financing plans (issue 11 §4): shares as amount or rate, statuses, balanced or what is missing; the funders'
/// total never passes the cost, even under parallel additions (conditional UPDATE + CHECK); a funder sees its own share and the
/// plan's totals only.</summary>
public class CofinancementsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Un_plan_a_19_700_euros_avec_la_caf_a_50_pourcent_est_equilibre_et_le_financeur_ne_voit_que_sa_part()
    {
        var caf = await Financement.FinanceurAsync(app, "CAF (plan de test)");
        var dept = await Financement.FinanceurAsync(app, "Département (plan de test)");
        var porteur = await Scenario.StructureAsync(app);
        var grant = await Financement.SubventionAsync(app, caf, porteur, 985_000, exercice: 2022);
        var horloge = TimeProvider.System;
        var (planId, partCaf, partDept) = await app.AvecDb(async db =>
        {
            var p = await GestionCofinancements.CreerAsync(db, new SaisiePlan("Étude de stratégie (test)", porteur, 2022, BasesCout.Ttc, 1_970_000), "test", horloge, default);
            var a = await GestionCofinancements.AjouterPartAsync(db, p.Id, new SaisiePart(caf, null, 5_000, StatutsPart.Notifiee, grant, null), "test", horloge, default);
            var b = await GestionCofinancements.AjouterPartAsync(db, p.Id, new SaisiePart(dept, 300_000, null, StatutsPart.Demandee, null, null), "test", horloge, default);
            return (p.Id, a!.Id, b!.Id);
        });
        var admin = new PerimetreFinancement(true, null, []);
        var plan = (await app.AvecDb(db => RequetesCofinancements.LireAsync(db, planId, admin, default)))!;
        plan.PartsVisibles.Single(x => x.FinanceurId == caf).Montant.ShouldBe(985_000);
        (plan.Parts, plan.Autofinancement, plan.Equilibre, plan.Manque).ShouldBe((1_285_000L, 685_000L, false, 300_000L));

        // A share that would pass the cost is refused; a second share of the same funder too.
        var region = await Financement.FinanceurAsync(app, "Région (plan de test)");
        await Should.ThrowAsync<RegleMetierException>(() => app.AvecDb(db => GestionCofinancements.AjouterPartAsync(db, planId,
            new SaisiePart(region, 700_000, null, null, null, null), "test", horloge, default)));
        await Should.ThrowAsync<RegleMetierException>(() => app.AvecDb(db => GestionCofinancements.AjouterPartAsync(db, planId,
            new SaisiePart(caf, 1_000, null, null, null, null), "test", horloge, default)));
        // Refused: out of the funders' total, the carrier pays it; the plan is then balanced.
        await app.AvecDb(db => GestionCofinancements.ChangerStatutAsync(db, partDept, StatutsPart.Refusee, null, "test", horloge, default));
        plan = (await app.AvecDb(db => RequetesCofinancements.LireAsync(db, planId, admin, default)))!;
        (plan.Parts, plan.Autofinancement, plan.Equilibre).ShouldBe((985_000L, 985_000L, true));
        await Should.ThrowAsync<RegleMetierException>(() => app.AvecDb(db => GestionCofinancements.ChangerStatutAsync(db, partDept, StatutsPart.Votee, null, "test", horloge, default)));

        // The CAF's account: its share and the totals, not the département's line; the page says the same.
        var vuCaf = (await app.AvecDb(db => RequetesCofinancements.LireAsync(db, planId, new PerimetreFinancement(false, caf, []), default)))!;
        vuCaf.PartsVisibles.Select(x => x.Id).ShouldBe([partCaf]);
        vuCaf.Cout.ShouldBe(1_970_000);
        (await app.AvecDb(db => RequetesCofinancements.LireAsync(db, planId, new PerimetreFinancement(false, -5, []), default))).ShouldBeNull();
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        await app.AvecDb(async db =>
        {
            var uid = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Add(new ProfilCompte { UtilisateurId = uid, FinanceurId = caf });
            return await db.SaveChangesAsync();
        });
        var client = await Formulaires.ConnecterAsync(app, email, mdp);
        var page = await Formulaires.PageAsync(client, $"/admin/financement/cofinancements/{planId}");
        page.QuerySelector("#parts")!.TextContent.ShouldNotContain("Département");
        page.QuerySelector("#nouvelle-part").ShouldBeNull();
        var mediateur = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        (await mediateur.GetAsync($"/admin/financement/cofinancements/{planId}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Des_parts_ajoutees_en_parallele_ne_depassent_jamais_le_cout()
    {
        var porteur = await Scenario.StructureAsync(app);
        var financeurs = new List<int>();
        for (var i = 0; i < 12; i++) financeurs.Add(await Financement.FinanceurAsync(app, $"Financeur parallèle {i} ({Guid.NewGuid():N})"));
        var planId = await app.AvecDb(async db => (await GestionCofinancements.CreerAsync(db, new SaisiePlan("Action (parallèle)", porteur, 2024, BasesCout.Ht, 1_000_000), "test", TimeProvider.System, default)).Id);
        // 12 shares of 100 000 cents against a 1 000 000 cost: exactly 10 fit.
        var resultats = await Task.WhenAll(financeurs.Select(f => Task.Run(async () =>
        {
            try { await app.AvecDb(db => GestionCofinancements.AjouterPartAsync(db, planId, new SaisiePart(f, 100_000, null, null, null, null), "test", TimeProvider.System, default)); return true; }
            catch (RegleMetierException) { return false; }
        })));
        resultats.Count(r => r).ShouldBe(10);
        var (total, somme) = await app.AvecDb(async db => (await db.Set<PlanFinancement>().Where(p => p.Id == planId).Select(p => p.PartsCentimes).SingleAsync(),
            await db.Set<PartFinancement>().Where(p => p.PlanId == planId).SumAsync(p => p.MontantCentimes)));
        (total, somme).ShouldBe((1_000_000L, 1_000_000L));
    }

    [Fact]
    public async Task Le_plan_parait_sur_la_page_360_du_porteur_et_dans_l_API_avec_les_regles_de_sa_page()
    {
        var caf = await Financement.FinanceurAsync(app, "CAF (360, test)");
        var dept = await Financement.FinanceurAsync(app, "Département (360, test)");
        var porteur = await Scenario.StructureAsync(app);
        var grant = await Financement.SubventionAsync(app, caf, porteur, 985_000, exercice: 2022);
        var horloge = TimeProvider.System;
        var planId = await app.AvecDb(async db =>
        {
            var p = await GestionCofinancements.CreerAsync(db, new SaisiePlan("Étude 360 (test)", porteur, 2022, BasesCout.Ttc, 1_970_000), "test", horloge, default);
            await GestionCofinancements.AjouterPartAsync(db, p.Id, new SaisiePart(caf, null, 5_000, StatutsPart.Notifiee, grant, null), "test", horloge, default);
            await GestionCofinancements.AjouterPartAsync(db, p.Id, new SaisiePart(dept, 300_000, null, StatutsPart.Demandee, null, null), "test", horloge, default);
            return p.Id;
        });
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, $"/admin/financement/structures/{porteur}");
        var plans = page.QuerySelector("#plans-structure")!;
        plans.QuerySelectorAll($"a[href='/admin/financement/cofinancements/{planId}']").Length.ShouldBe(1);
        plans.TextContent.ShouldContain("Département (360, test)");
        plans.TextContent.ShouldContain("(50 %)");
        page.QuerySelector("#postes-structure").ShouldNotBeNull();
        page.QuerySelector("#rapports-structure").ShouldNotBeNull();

        var apiAdmin = await app.ClientApiAsync(Roles.Administrateur);
        var liste = await apiAdmin.GetFromJsonAsync<List<PlanDto>>($"/api/v1/cofinancements?porteur={porteur}");
        liste!.ShouldHaveSingleItem().PartsVisibles.Count.ShouldBe(2);
        var mauvais = await apiAdmin.GetAsync("/api/v1/cofinancements?porteur=x");
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mauvais.Content.ReadAsStringAsync()).ShouldContain("identifiant");
        (await apiAdmin.GetAsync("/api/v1/cofinancements/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The CAF reads its own share and the totals (not the département's), on the API as on the 360° page.
        var compteCaf = await Financement.CompteFinanceurAsync(app, "CAF (360, test)");
        var vu = await compteCaf.GetFromJsonAsync<PlanDto>($"/api/v1/cofinancements/{planId}");
        vu!.PartsVisibles.ShouldHaveSingleItem().FinanceurId.ShouldBe(caf);
        vu.Parts.ShouldBe(1_285_000);
        var autre = await Financement.CompteFinanceurAsync(app, "Financeur sans part (360, test)");
        (await autre.GetAsync($"/api/v1/cofinancements/{planId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await autre.GetFromJsonAsync<List<PlanDto>>("/api/v1/cofinancements"))!.ShouldBeEmpty();
        (await (await app.ClientApiAsync(Roles.Mediateur)).GetAsync("/api/v1/cofinancements")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientAnonyme().GetAsync("/api/v1/cofinancements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
