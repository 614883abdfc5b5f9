using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Subventions;

/// <summary>Funders and accounts (decision 0026): a Financeur account is invited with its funder chosen from the list and follows
/// it by id (a renamed funder changes nothing to what it sees); funders and envelopes are edited by administrators, journaled old → new.</summary>
public class FinanceursTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Un_compte_financeur_invite_depuis_la_liste_suit_son_financeur_renomme()
    {
        var caf = await Financement.FinanceurAsync(app, "CAF (invitation test)");
        var s = await Scenario.StructureAsync(app);
        var sub = await Financement.SubventionAsync(app, caf, s, 100_000, exercice: 2022);
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var comptes = await Formulaires.PageAsync(admin, "/admin/comptes");
        comptes.QuerySelector<IHtmlSelectElement>("#invitation-financeur-id")!.Options.Select(o => o.Text).ShouldContain("CAF (invitation test)");
        var api = await app.ClientApiAsync(Roles.Administrateur);
        var email = $"caf-{Guid.NewGuid():N}@exemple.test";
        (await api.PostAsJsonAsync("/api/v1/comptes/invitations", new { email, role = "financeur", financeurId = caf })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var profil = await app.AvecDb(db => db.Set<ProfilCompte>().Where(p => p.UtilisateurId == db.Users.Where(u => u.Email == email).Select(u => u.Id).First()).SingleAsync());
        (profil.FinanceurId, profil.Financeur).ShouldBe(((int?)caf, "CAF (invitation test)"));
        (await api.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = "x" + email, role = "financeur", financeurId = 999_999 })).StatusCode.ShouldNotBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/v1/comptes/invitations", new { email = "y" + email, role = "financeur" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Renamed: the account still sees the funder's grant (tied by id, no longer by name).
        var page = await Formulaires.PageAsync(admin, $"/admin/financement/financeurs/{caf}/modifier");
        var r = await Formulaires.SoumettreAsync(admin, page.QuerySelector<IHtmlFormElement>("#modifier-financeur")!, [new("Nom", "Caisse d'allocations familiales (renommée, test)")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var perimetre = new PerimetreFinancement(false, profil.FinanceurId, []);
        (await app.AvecDb(db => perimetre.Filtrer(db.Set<Subvention>()).Select(x => x.Id).ToListAsync())).ShouldBe([sub]);
        var journal = await app.AvecDb(db => db.Set<JournalFinancement>().Where(j => j.Objet == Journal.Financeur && j.ObjetId == caf && j.Champ == "nom").SingleAsync());
        (journal.Ancien, journal.Nouveau).ShouldBe(("CAF (invitation test)", "Caisse d'allocations familiales (renommée, test)"));
        var mauvais = await Formulaires.SoumettreAsync(admin, page.QuerySelector<IHtmlFormElement>("#modifier-financeur")!, [new("Siret", "12345678901234")]);
        mauvais.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mauvais.Content.ReadAsStringAsync()).ShouldContain("SIRET n&#x27;est pas valide");
    }

    [Fact]
    public async Task Une_enveloppe_modifiee_est_journalisee_et_reservee_aux_administrateurs()
    {
        var f = await Financement.FinanceurAsync(app, "Métropole (enveloppes test)");
        var id = await app.AvecDb(async db =>
        {
            var e = new Enveloppe { FinanceurId = f, Exercice = 2024, Libelle = "Ligne test", MontantPrevuCentimes = 1_000_000 };
            db.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, $"/admin/financement/enveloppes/{id}/modifier");
        var form = page.QuerySelector<IHtmlFormElement>("#modifier-enveloppe")!;
        (await Formulaires.SoumettreAsync(admin, form, [new("PrevuEur", "-3")])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.SoumettreAsync(admin, form, [new("PrevuEur", "12 500"), new("SousPolitique", "E111")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var e = await app.AvecDb(db => db.Set<Enveloppe>().SingleAsync(x => x.Id == id));
        (e.MontantPrevuCentimes, e.SousPolitique).ShouldBe((1_250_000L, "E111"));
        (await app.AvecDb(db => db.Set<JournalFinancement>().CountAsync(j => j.Objet == Journal.Enveloppe && j.ObjetId == id))).ShouldBe(2);
        var gestion = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        (await gestion.GetAsync($"/admin/financement/enveloppes/{id}/modifier")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
