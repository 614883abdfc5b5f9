using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Tests.Features.Comptes;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features.Financer.Subventions;

/// <summary>The ledger of a grant (issue 11 §6): balances always add up, guaranteed by the database (one conditional UPDATE of
/// the running total in the movement's transaction, CHECK constraints); nothing paid beyond the grant under 50 parallel
/// requests (run on PostgreSQL by the test script); movements are never edited or deleted.</summary>
public class MouvementsTests(AppFactory app) : IClassFixture<AppFactory>
{
    static object M(string type, long montant, string numero = "M-1") => new { type, montant, date = "2023-06-30", numero };

    static async Task<(long Montant, long Engage, long Paye, long SommePaye, long SommeEngage)> EtatAsync(AppFactory app, int id) => await app.AvecDb(async db =>
    {
        var s = await db.Set<Subvention>().AsNoTracking().SingleAsync(x => x.Id == id);
        var m = await db.Set<MouvementSubvention>().AsNoTracking().Where(x => x.SubventionId == id).ToListAsync();
        return (s.MontantCentimes, s.EngageCentimes, s.PayeCentimes,
            m.Where(x => TypesMouvement.SurPaye(x.Type)).Sum(x => x.MontantCentimes), m.Where(x => !TypesMouvement.SurPaye(x.Type)).Sum(x => x.MontantCentimes));
    });

    [Fact]
    public async Task Cinquante_mandats_en_parallele_sur_les_derniers_euros_ne_paient_jamais_au_dela()
    {
        var f = await Financement.FinanceurAsync(app);
        var id = await Financement.SubventionAsync(app, f, await Scenario.StructureAsync(app), 1_000_000);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("engagement", 1_000_000))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("mandat", 990_000))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // 10 000 cents remain; 50 payments of 700 cents: 14 fit (9 800), the 36 others must be refused.
        var reponses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("mandat", 700, $"M-{i}"))));
        var codes = reponses.Select(r => r.StatusCode).ToList();
        codes.Count(c => c == HttpStatusCode.Created).ShouldBe(14);
        codes.Count(c => c == HttpStatusCode.Conflict).ShouldBe(36);
        var refus = await reponses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        refus.ShouldContain("paierait plus que ce qui reste");
        var e = await EtatAsync(app, id);
        e.Paye.ShouldBe(999_800);
        e.SommePaye.ShouldBe(e.Paye);
        e.Paye.ShouldBeLessThanOrEqualTo(e.Montant);
    }

    [Fact]
    public async Task Engagements_mandats_et_reversements_melanges_en_parallele_les_totaux_egalent_la_somme_des_mouvements()
    {
        var f = await Financement.FinanceurAsync(app);
        var id = await Financement.SubventionAsync(app, f, await Scenario.StructureAsync(app), 300_000);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var demandes = Enumerable.Range(0, 60).Select(i => (i % 4) switch
        {
            0 => M("engagement", 20_000), 1 => M("mandat", 15_000), 2 => M("reversement", 5_000), _ => M("annulation", -3_000),
        });
        var reponses = await Task.WhenAll(demandes.Select(d => admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", d)));
        reponses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var e = await EtatAsync(app, id);
        e.SommePaye.ShouldBe(e.Paye);
        e.SommeEngage.ShouldBe(e.Engage);
        e.Paye.ShouldBeInRange(0, e.Montant);
        e.Engage.ShouldBeInRange(0, e.Montant);
        e.Paye.ShouldBeLessThanOrEqualTo(e.Engage);
    }

    [Fact]
    public async Task Reversement_au_dela_du_paye_et_mouvement_avant_le_vote_sont_refuses_en_francais()
    {
        var f = await Financement.FinanceurAsync(app);
        var structure = await Scenario.StructureAsync(app);
        var id = await Financement.SubventionAsync(app, f, structure, 500_000);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("engagement", 500_000))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("mandat", 200_000))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var r = await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("reversement", 300_000));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("reprendre que ce qui a été payé");
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("reversement", 50_000))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await EtatAsync(app, id)).Paye.ShouldBe(150_000);
        // A negative mandat, an unknown type, no date: 400 with the field named.
        var bad = await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("mandat", -10));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("annulation ou un reversement");
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", new { type = "cadeau", montant = 10 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/subventions/999999/mouvements", M("mandat", 10))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var demandee = await Financement.SubventionAsync(app, f, structure, 500_000, StatutsSubvention.Demandee);
        var avant = await admin.PostAsJsonAsync($"/api/v1/subventions/{demandee}/mouvements", M("mandat", 10));
        avant.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await avant.Content.ReadAsStringAsync()).ShouldContain("avant son vote");
    }

    [Fact]
    public async Task Le_registre_des_mouvements_est_en_ajout_seul()
    {
        var f = await Financement.FinanceurAsync(app);
        var id = await Financement.SubventionAsync(app, f, await Scenario.StructureAsync(app), 100_000);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("engagement", 10_000))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("mandat", 10_000))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Should.ThrowAsync<RegleMetierException>(() => app.AvecDb(async db =>
        {
            var m = await db.Set<MouvementSubvention>().FirstAsync(x => x.SubventionId == id);
            m.MontantCentimes = 1;
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<RegleMetierException>(() => app.AvecDb(async db =>
        {
            db.Remove(await db.Set<MouvementSubvention>().FirstAsync(x => x.SubventionId == id));
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<RegleMetierException>(() => app.AvecDb(async db =>
        {
            db.Remove(await db.Set<JournalFinancement>().FirstAsync(x => x.ObjetId == id && x.Objet == Journal.Subvention));
            await db.SaveChangesAsync();
        }));
        (await EtatAsync(app, id)).SommePaye.ShouldBe(10_000);
        // No route edits or deletes a movement.
        AccesTests.Routes(app.Services).Where(r => r.Route.Contains("mouvements")).ShouldAllBe(r => r.Methode == "POST");
        // The database refuses a paid total above the grant even without the use case (CHECK constraint).
        await Should.ThrowAsync<DbUpdateException>(() => app.AvecDb(async db =>
        {
            var s = await db.Set<Subvention>().SingleAsync(x => x.Id == id);
            s.PayeCentimes = s.MontantCentimes + 1;
            await db.SaveChangesAsync();
        }));
        // Nor a paid total above the committed one (commitment first, decision 0026).
        await Should.ThrowAsync<DbUpdateException>(() => app.AvecDb(async db =>
        {
            var s = await db.Set<Subvention>().SingleAsync(x => x.Id == id);
            s.EngageCentimes = 5_000;
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Un_mandat_au_dela_de_l_engage_est_refuse_en_409_meme_en_parallele()
    {
        var f = await Financement.FinanceurAsync(app);
        var id = await Financement.SubventionAsync(app, f, await Scenario.StructureAsync(app), 1_000_000);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var sans = await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("mandat", 100));
        sans.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await sans.Content.ReadAsStringAsync()).ShouldContain("dépasse ce qui est engagé");
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("engagement", 10_000))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // 30 payments of 700 cents against 10 000 committed: 14 fit, 16 are refused; paid never passes committed.
        var reponses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("mandat", 700, $"M-{i}"))));
        reponses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(14);
        reponses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(16);
        // A cancellation cannot release what is already paid.
        var annul = await admin.PostAsJsonAsync($"/api/v1/subventions/{id}/mouvements", M("annulation", -1_000));
        annul.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await annul.Content.ReadAsStringAsync()).ShouldContain("pas encore payé");
        var e = await EtatAsync(app, id);
        (e.Paye, e.Engage, e.SommePaye, e.SommeEngage).ShouldBe((9_800L, 10_000L, 9_800L, 10_000L));
    }
}
