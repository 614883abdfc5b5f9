using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Subventions;

/// <summary>Grants through the API: creation and its French 400s, status changes with their journal, and who sees what
/// (administrators all, a funder its own grants, a manager its structures', mediators nothing).</summary>
public class SubventionsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Un_administrateur_cree_une_subvention_la_fait_voter_et_le_journal_garde_la_trace()
    {
        var f = await Financement.FinanceurAsync(app);
        var structure = await Scenario.StructureAsync(app);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var r = await admin.PostAsJsonAsync("/api/v1/subventions", new { financeurId = f, beneficiaireId = structure, exercice = 2021, objet = "École du numérique", montant = 9_000_000, budgetAction = 222_407_000 });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var cree = (await r.Content.ReadFromJsonAsync<SubventionDetailDto>())!.Subvention;
        cree.Statut.ShouldBe(StatutsSubvention.Demandee);
        cree.Reste.ShouldBe(9_000_000);

        var saut = await admin.PostAsJsonAsync($"/api/v1/subventions/{cree.Id}/statut", new { statut = "versee" });
        saut.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await saut.Content.ReadAsStringAsync()).ShouldContain("ne peut passer qu'à");
        (await admin.PostAsJsonAsync($"/api/v1/subventions/{cree.Id}/statut", new { statut = "votee" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var journal = await app.AvecDb(db => db.Set<JournalFinancement>().Where(j => j.Objet == Journal.Subvention && j.ObjetId == cree.Id).OrderBy(j => j.Id).ToListAsync());
        journal.Select(j => j.Champ).ShouldBe(["création", "statut"]);
        journal[1].Ancien.ShouldBe("Demandée");
        journal[1].Nouveau.ShouldBe("Votée");
        journal[1].Par.ShouldContain("administrateur");

        var invalide = await admin.PostAsJsonAsync("/api/v1/subventions", new { financeurId = 999_999, beneficiaireId = structure, exercice = 1999, objet = "", montant = -5 });
        invalide.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var texte = await invalide.Content.ReadAsStringAsync();
        foreach (var champ in new[] { "financeurId", "exercice", "objet", "montant" }) texte.ShouldContain(champ);
        texte.ShouldContain("Choisissez un financeur connu.");
        (await admin.GetAsync("/api/v1/subventions?statut=inconnu")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Chacun_voit_son_perimetre()
    {
        var caf = await Financement.FinanceurAsync(app, "CAF des Bouches-du-Rhône (test)");
        var autre = await Financement.FinanceurAsync(app, "Autre financeur (test)");
        var s1 = await Scenario.StructureAsync(app);
        var s2 = await Scenario.StructureAsync(app);
        var deCaf = await Financement.SubventionAsync(app, caf, s1, 985_000, exercice: 2022);
        var dAutre = await Financement.SubventionAsync(app, autre, s2, 100_000, exercice: 2022);

        var financeur = await Financement.CompteFinanceurAsync(app, "caf des bouches-du-rhône (TEST)");
        var vus = (await financeur.GetFromJsonAsync<List<SubventionDto>>("/api/v1/subventions?annee=2022"))!;
        vus.Select(s => s.Id).ShouldBe([deCaf]);
        (await financeur.GetAsync($"/api/v1/subventions/{dAutre}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await financeur.GetFromJsonAsync<SubventionDetailDto>($"/api/v1/subventions/{deCaf}"))!.Subvention.Montant.ShouldBe(985_000);
        (await financeur.PostAsJsonAsync($"/api/v1/subventions/{deCaf}/mouvements", new { type = "mandat", montant = 1, date = "2022-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var (gestion, _, _, _, _) = await Scenario.EquipierAsync(app, s2, Roles.Gestionnaire);
        (await gestion.GetFromJsonAsync<List<SubventionDto>>("/api/v1/subventions"))!.Select(s => s.Id).ShouldBe([dAutre]);
        var (mediateur, _, _, _, _) = await Scenario.EquipierAsync(app, s1);
        (await mediateur.GetAsync("/api/v1/subventions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientAnonyme().GetAsync("/api/v1/subventions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A funder account whose organisation is unknown sees nothing.
        (await (await Financement.CompteFinanceurAsync(app, "Inconnu")).GetFromJsonAsync<List<SubventionDto>>("/api/v1/subventions"))!.ShouldBeEmpty();
        // Filters: by funder id, by beneficiary id.
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        (await admin.GetFromJsonAsync<List<SubventionDto>>($"/api/v1/subventions?financeur={caf}&beneficiaire={s1}&statut=votee"))!.Select(s => s.Id).ShouldBe([deCaf]);
    }
}
