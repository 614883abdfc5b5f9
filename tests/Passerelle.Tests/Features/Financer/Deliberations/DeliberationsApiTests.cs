using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Deliberations;

public class DeliberationsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Un_administrateur_ajoute_une_deliberation_que_l_equipe_lit_et_cherche()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var saisie = Actes.Subventions();
        var r = await admin.PostAsJsonAsync("/api/v1/deliberations", saisie);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var cree = (await r.Content.ReadFromJsonAsync<DeliberationDto>())!;
        cree.Version.ShouldBe(1);
        cree.TotalEur.ShouldBe(70_000.5m);
        cree.MatiereNom.ShouldBe("finances locales/subventions");
        (await app.AvecDb(db => db.Deliberations.Where(d => d.Id == cree.Id).SelectMany(d => d.Montants).Select(m => m.MontantCentimes).ToListAsync()))
            .ShouldBe([3_000_000L, 4_000_050L], ignoreOrder: true);

        var financeur = await app.ClientApiAsync(Roles.Financeur);
        var lu = (await financeur.GetFromJsonAsync<DeliberationDto>($"/api/v1/deliberations/{cree.Id}"))!;
        lu.Acte.Numero.ShouldBe(saisie.Numero);
        lu.Versions.ShouldHaveSingleItem().EnregistreePar.ShouldContain("administrateur");
        var page = (await financeur.GetFromJsonAsync<PageDeliberations>($"/api/v1/deliberations?collectivite={Actes.SiretMetropole}&annee=2023&q=fabrique%20inclusion"))!;
        page.Items.ShouldContain(i => i.Id == cree.Id);
        (await financeur.GetFromJsonAsync<PageDeliberations>("/api/v1/deliberations?annee=2019"))!.Items.ShouldNotContain(i => i.Id == cree.Id);
        (await financeur.GetFromJsonAsync<PageDeliberations>("/api/v1/deliberations?collectivite=aix-marseille&q=" + saisie.Numero))!.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Roles_anonyme_401_equipe_ne_cree_pas_403()
    {
        (await app.ClientAnonyme().GetAsync("/api/v1/deliberations")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var gestionnaire = await app.ClientApiAsync(Roles.Gestionnaire);
        (await gestionnaire.GetAsync("/api/v1/deliberations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gestionnaire.PostAsJsonAsync("/api/v1/deliberations", Actes.Subventions())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var mediateur = await app.ClientApiAsync(Roles.Mediateur);
        (await mediateur.PostAsJsonAsync("/api/v1/deliberations", Actes.Subventions())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await mediateur.GetAsync("/api/v1/deliberations/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    static async Task<Dictionary<string, string[]>> ErreursAsync(HttpResponseMessage r)
    {
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await r.Content.ReadAsStringAsync());
        var corps = await r.Content.ReadFromJsonAsync<JsonElement>();
        return corps.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task Saisie_incoherente_refusee_en_francais_sans_rien_ecrire()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var avant = await app.AvecDb(db => db.Deliberations.CountAsync());
        var s = Actes.Subventions();
        s.CollectiviteSiret = "20005480700018";
        s.MatiereCode = "4.12";
        s.VotePour = 40; // 40 + 1 + 1 + 1 not taking part > 34 present or represented
        s.BudgetNom = null;
        s.DateTransmission = new DateOnly(2023, 5, 1);
        var e = await ErreursAsync(await admin.PostAsJsonAsync("/api/v1/deliberations", s));
        e["CollectiviteSiret"][0].ShouldContain("SIRET");
        e["MatiereCode"][0].ShouldContain("ACTES");
        e["VotePour"].ShouldContain(m => m.Contains("dépassent les membres présents"));
        e["BudgetNom"][0].ShouldContain("Budget principal");
        e["DateTransmission"][0].ShouldContain("précéder la séance");

        // The ACTES identifier must name the body's SIREN, the session's date and a deliberation.
        var c = Actes.Commune("DG20_" + Random.Shared.Next(100, 999));
        c.IdentifiantActes = "033-213304497-20201217-DG20_174-AR";
        var ei = await ErreursAsync(await admin.PostAsJsonAsync("/api/v1/deliberations", c));
        ei["IdentifiantActes"].Length.ShouldBe(3);
        ei["IdentifiantActes"][0].ShouldContain("SIREN 213304497");

        // A rejected act authorises nothing; unanimity allows no vote against.
        var rejete = Actes.Subventions();
        rejete.Adoptee = false;
        rejete.Unanimite = true;
        var er = await ErreursAsync(await admin.PostAsJsonAsync("/api/v1/deliberations", rejete));
        er["Montants"][0].ShouldContain("rejeté");
        er["Unanimite"][0].ShouldContain("unanimité");
        (await ErreursAsync(await admin.PostAsJsonAsync("/api/v1/deliberations", new { numero = "x" }))).Keys.ShouldContain("CollectiviteNom");

        // A session after today (the test clock's day in Paris) is not an adopted act yet.
        var futur = Actes.Subventions();
        futur.DateSeance = Passerelle.Features.Referentiels.Territoire.AujourdHui(app.Horloge).AddDays(1);
        futur.DateTransmission = null;
        futur.IdentifiantActes = null;
        (await ErreursAsync(await admin.PostAsJsonAsync("/api/v1/deliberations", futur)))["DateSeance"][0].ShouldContain("dans le futur");
        (await app.AvecDb(db => db.Deliberations.CountAsync())).ShouldBe(avant);
    }

    [Fact]
    public async Task Une_correction_est_une_nouvelle_version_et_le_numero_reste_unique()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var s = Actes.Commune("DG20_" + Random.Shared.Next(100, 999) + "X");
        s.IdentifiantActes = null;
        var cree = (await (await admin.PostAsJsonAsync("/api/v1/deliberations", s)).Content.ReadFromJsonAsync<DeliberationDto>())!;
        var doublon = await ErreursAsync(await admin.PostAsJsonAsync("/api/v1/deliberations", s));
        doublon["Numero"][0].ShouldContain("déjà au registre");

        cree.Versions.ShouldHaveSingleItem().Motif.ShouldBe("Création");

        app.Horloge.Regler(app.Horloge.GetUtcNow().AddMinutes(10));
        s.Objet = "Conseillers numériques : candidature (objet corrigé)";
        // Without a reason, a correction is refused in French and nothing changes.
        var sansMotif = await admin.PutAsJsonAsync($"/api/v1/deliberations/{cree.Id}", s);
        sansMotif.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErreursAsync(sansMotif))["Motif"][0].ShouldContain("motif");
        (await app.AvecDb(db => db.Deliberations.SingleAsync(d => d.Id == cree.Id))).Version.ShouldBe(1);
        s.Motif = "Objet recopié de l'acte signé";
        var corrige = await admin.PutAsJsonAsync($"/api/v1/deliberations/{cree.Id}", s);
        corrige.StatusCode.ShouldBe(HttpStatusCode.OK, await corrige.Content.ReadAsStringAsync());
        var v2 = (await corrige.Content.ReadFromJsonAsync<DeliberationDto>())!;
        v2.Version.ShouldBe(2);
        v2.Versions.Select(v => v.Version).ShouldBe([2, 1]);
        v2.Versions[0].Motif.ShouldBe("Objet recopié de l'acte signé");
        // The first version keeps the old subject.
        var premiere = await app.AvecDb(db => db.VersionsDeliberations.SingleAsync(v => v.DeliberationId == cree.Id && v.Version == 1));
        DeliberationsApi.ContenuVersion(premiere)!.Objet.ShouldBe("Conseillers numériques");
        // Same values again: no empty version.
        (await (await admin.PutAsJsonAsync($"/api/v1/deliberations/{cree.Id}", s)).Content.ReadFromJsonAsync<DeliberationDto>())!.Version.ShouldBe(2);
        (await admin.DeleteAsync($"/api/v1/deliberations/{cree.Id}")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Un_meme_siret_sous_deux_noms_est_signale_sans_etre_refuse_et_la_liste_montre_un_seul_nom()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var siret = "21330449600010";
        var premier = Actes.Commune("SN_" + Random.Shared.Next(1000, 9999));
        premier.IdentifiantActes = null;
        (await admin.PostAsJsonAsync("/api/v1/deliberations", premier)).StatusCode.ShouldBe(HttpStatusCode.Created);
        app.Horloge.Regler(app.Horloge.GetUtcNow().AddMinutes(1));
        var second = Actes.Commune("SN_" + Random.Shared.Next(10000, 99999));
        (second.IdentifiantActes, second.CollectiviteNom, second.DateSeance, second.DateTransmission) = (null, "Ville de Saint-Médard-en-Jalles", new DateOnly(2021, 1, 20), null);
        var reponse = await admin.PostAsJsonAsync("/api/v1/deliberations", second);
        reponse.StatusCode.ShouldBe(HttpStatusCode.Created, await reponse.Content.ReadAsStringAsync());
        var dto = (await reponse.Content.ReadFromJsonAsync<DeliberationDto>())!;
        dto.Avertissements.ShouldContain(a => a.Contains(siret) && a.Contains("Commune de Saint-Médard-en-Jalles"));
        // The register shows one name for one SIRET: the one of its latest act.
        var page = (await admin.GetFromJsonAsync<PageDeliberations>($"/api/v1/deliberations?collectivite={siret}&taille=100"))!;
        page.Items.Select(i => i.CollectiviteNom).Distinct().ShouldBe(["Ville de Saint-Médard-en-Jalles"]);
    }
}
