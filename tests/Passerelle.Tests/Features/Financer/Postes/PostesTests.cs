using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Postes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Tests.Features.Financer.Subventions;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features.Financer.Postes;

/// <summary>Per-post subsidies (issue 11 §5): instalments as rows, paid through the grant's ledger (a mandat, refused beyond what
/// is committed), one payment per instalment even under parallel requests; occupants and vacancy months; the board lists the
/// instalments due within 60 days and the vacant posts.</summary>
public class PostesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly TimeProvider Horloge = TimeProvider.System;

    async Task<(int Poste, int Subvention, int[] Echeances)> PosteAsync(long engage)
    {
        var etat = await Financement.FinanceurAsync(app, "État — ANCT (postes, test)");
        var structure = await Scenario.StructureAsync(app);
        var sub = await Financement.SubventionAsync(app, etat, structure, 5_000_000, exercice: 2021);
        return await app.AvecDb(async db =>
        {
            if (engage > 0) await Mouvements.EnregistrerAsync(db, sub, new SaisieMouvement(TypesMouvement.Engagement, engage, new DateOnly(2021, 3, 1), "EJ"), "test", Horloge, default);
            var p = await GestionPostes.CreerAsync(db, new SaisiePoste("Conseiller numérique", structure, new DateOnly(2021, 3, 1), null, sub), "test", Horloge, default);
            var aujourdHui = DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime); // the app's clock: the board counts 60 days from it
            var e1 = await GestionPostes.AjouterEcheanceAsync(db, p.Id, new SaisieEcheance(new DateOnly(2021, 3, 15), 2_000_000, "Convention signée"), "test", Horloge, default);
            var e2 = await GestionPostes.AjouterEcheanceAsync(db, p.Id, new SaisieEcheance(aujourdHui.AddDays(30), 1_500_000, "Poste pourvu"), "test", Horloge, default);
            var e3 = await GestionPostes.AjouterEcheanceAsync(db, p.Id, new SaisieEcheance(aujourdHui.AddDays(400), 1_500_000, "Bilan"), "test", Horloge, default);
            // More than the grant: refused.
            await Should.ThrowAsync<RegleMetierException>(() => GestionPostes.AjouterEcheanceAsync(db, p.Id, new SaisieEcheance(aujourdHui, 1, null), "test", Horloge, default));
            return (p.Id, sub, new[] { e1.Id, e2.Id, e3.Id });
        });
    }

    [Fact]
    public async Task Une_echeance_payee_passe_par_le_registre_une_seule_fois_meme_en_parallele()
    {
        var (poste, sub, ech) = await PosteAsync(3_500_000);
        // 8 simultaneous payments of the same instalment: one mandat, one paid instalment.
        var resultats = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try { await app.AvecDb(db => GestionPostes.PayerAsync(db, ech[0], new DateOnly(2021, 3, 30), $"M-{i}", "test", Horloge, default)); return true; }
            catch (RegleMetierException) { return false; }
        })));
        resultats.Count(r => r).ShouldBe(1);
        await app.AvecDb(db => GestionPostes.PayerAsync(db, ech[1], new DateOnly(2021, 10, 1), "M-2", "test", Horloge, default));
        // The third would pay beyond what is committed (3 500 000): refused, and the instalment stays « prévue ».
        var refus = await Should.ThrowAsync<RegleMetierException>(() => app.AvecDb(db => GestionPostes.PayerAsync(db, ech[2], new DateOnly(2022, 1, 1), "M-3", "test", Horloge, default)));
        refus.Message.ShouldContain("dépasse ce qui est engagé");
        var (paye, mandats, statuts) = await app.AvecDb(async db => (
            await db.Set<Subvention>().Where(s => s.Id == sub).Select(s => s.PayeCentimes).SingleAsync(),
            await db.Set<MouvementSubvention>().CountAsync(m => m.SubventionId == sub && m.Type == TypesMouvement.Mandat),
            await db.Set<EcheancePoste>().Where(e => e.PosteId == poste).OrderBy(e => e.Rang).Select(e => e.Statut).ToListAsync()));
        (paye, mandats).ShouldBe((3_500_000L, 2));
        statuts.ShouldBe([StatutsEcheance.Payee, StatutsEcheance.Payee, StatutsEcheance.Prevue]);
    }

    [Fact]
    public async Task Occupants_mois_de_vacance_et_tableau_de_bord()
    {
        var (poste, _, ech) = await PosteAsync(5_000_000);
        var (m1, m2) = await app.AvecDb(async db =>
        {
            var a = new Mediateur { Prenom = "Alex", Nom = "Poste-Test" }; var b = new Mediateur { Prenom = "Sam", Nom = "Poste-Test" };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        await app.AvecDb(async db =>
        {
            await GestionPostes.OccuperAsync(db, poste, m1, new DateOnly(2021, 4, 1), "test", Horloge, default);
            await GestionPostes.OccuperAsync(db, poste, m2, new DateOnly(2022, 1, 1), "test", Horloge, default);
            await GestionPostes.LibererAsync(db, poste, new DateOnly(2022, 6, 30), "test", Horloge, default);
        });
        // One open occupation at a time, held by the database.
        await Should.ThrowAsync<DbUpdateException>(() => app.AvecDb(async db =>
        {
            db.AddRange(new OccupationPoste { PosteId = poste, MediateurId = m1, Debut = new DateOnly(2023, 1, 1) }, new OccupationPoste { PosteId = poste, MediateurId = m2, Debut = new DateOnly(2023, 2, 1) });
            await db.SaveChangesAsync();
        }));
        RequetesPostes.JoursVacance(new DateOnly(2021, 3, 1), null, [(new DateOnly(2021, 4, 1), new DateOnly(2022, 6, 30))], new DateOnly(2022, 7, 30)).ShouldBe(31 + 30);

        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var tableau = await Formulaires.PageAsync(admin, "/admin/financement");
        tableau.QuerySelector("#echeances-dues")!.TextContent.ShouldContain("Poste pourvu");
        tableau.QuerySelector("#postes-vacants")!.QuerySelectorAll($"a[href='/admin/financement/postes/{poste}']").Length.ShouldBe(1);
        var fiche = await Formulaires.PageAsync(admin, $"/admin/financement/postes/{poste}");
        fiche.QuerySelector("#poste-etat")!.TextContent.ShouldBe("Vacant");
        fiche.QuerySelector("#occupants")!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe([$"/admin/mediateurs/{m1}/modifier", $"/admin/mediateurs/{m2}/modifier"]);
        fiche.QuerySelectorAll("#echeances tbody tr").Length.ShouldBe(3);
        // The page pays an instalment (the ledger's mandat) and a second post of the same form says it is already paid.
        var form = fiche.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form[action*='Payer']").First();
        (await Formulaires.SoumettreAsync(admin, form, [new("Date", "2021-03-30"), new("Numero", "M-PAGE")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var encore = await Formulaires.SoumettreAsync(admin, form, [new("Date", "2021-03-30"), new("Numero", "M-PAGE")]);
        encore.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await encore.Content.ReadAsStringAsync()).ShouldContain("déjà payée");
        (await app.AvecDb(db => db.Set<EcheancePoste>().Where(e => e.Id == ech[0]).Select(e => e.Statut).SingleAsync())).ShouldBe(StatutsEcheance.Payee);

        var mediateur = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        (await mediateur.GetAsync($"/admin/financement/postes/{poste}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Une_date_impossible_est_dite_invalide_et_le_poste_parait_sur_la_page_360_et_dans_l_API()
    {
        var (poste, _, _) = await PosteAsync(5_000_000);
        var structure = await app.AvecDb(db => db.Set<Poste>().Where(p => p.Id == poste).Select(p => p.StructureId).SingleAsync());
        var m = await app.AvecDb(async db => { var x = new Mediateur { Prenom = "Nom", Nom = "Cache-API" }; db.Add(x); await db.SaveChangesAsync(); return x.Id; });
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var fiche = await Formulaires.PageAsync(admin, $"/admin/financement/postes/{poste}");
        // 31 February: the binder leaves the date empty; the page must say it is invalid, not ask for it (tester's finding).
        foreach (var (selecteur, manque) in new[] { ("form[action*='Payer']", "Indiquez la date du mandat"), ("form[action*='Occuper']", "Indiquez la date de prise de poste"),
                     ("form[action*='Echeance']", "Indiquez la date prévue") })
        {
            var form = fiche.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>(selecteur).First();
            var reponse = await Formulaires.SoumettreAsync(admin, form, [new("Date", "2026-02-31"), new("MontantEur", "100"), new("Numero", "M-X"), new("MediateurId", m.ToString())]);
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
            var texte = (await Formulaires.DocumentAsync(reponse)).Body!.TextContent;
            texte.ShouldContain("« 2026-02-31 » est invalide");
            texte.ShouldNotContain(manque);
        }

        var page = await Formulaires.PageAsync(admin, $"/admin/financement/structures/{structure}");
        page.QuerySelector("#postes-de-la-structure")!.QuerySelectorAll($"a[href='/admin/financement/postes/{poste}']").Length.ShouldBe(1);

        var apiAdmin = await app.ClientApiAsync(Roles.Administrateur);
        var liste = await apiAdmin.GetFromJsonAsync<List<PosteDto>>($"/api/v1/postes?structure={structure}");
        liste!.ShouldHaveSingleItem().Echeances.Count.ShouldBe(3);
        (await apiAdmin.GetAsync("/api/v1/postes?structure=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await apiAdmin.GetAsync("/api/v1/postes/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The funder whose grant pays the post reads it, without its occupants; a mediator and an anonymous caller nothing.
        await app.AvecDb(db => GestionPostes.OccuperAsync(db, poste, m, new DateOnly(2021, 4, 1), "test", Horloge, default));
        (await apiAdmin.GetFromJsonAsync<PosteDto>($"/api/v1/postes/{poste}"))!.Occupants.ShouldHaveSingleItem();
        var financeur = await Financement.CompteFinanceurAsync(app, "État — ANCT (postes, test)");
        var vu = await financeur.GetFromJsonAsync<PosteDto>($"/api/v1/postes/{poste}");
        vu!.Occupants.ShouldBeEmpty();
        (await financeur.GetStringAsync("/api/v1/postes")).ShouldNotContain("Cache-API");
        var autre = await Financement.CompteFinanceurAsync(app, "Un autre financeur (postes, test)");
        (await autre.GetAsync($"/api/v1/postes/{poste}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientApiAsync(Roles.Mediateur)).GetAsync("/api/v1/postes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientAnonyme().GetAsync("/api/v1/postes")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
