using System.Net;
using AngleSharp.Dom;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Connecter;

/// <summary>Enrolments and the top-up ledger through the API (issue 13's contract), on SQLite and PostgreSQL.</summary>
public class ConnexionTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task De_l_adhesion_a_la_recharge_avec_chaque_refus()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var fiche = await s.FicheAsync(app);
        var url = "/api/v1/connexion/adhesions";

        // Eligibility missing, expired (RSA proof: 3 months), or a route the file does not support: 409 with the reason.
        var sans = await s.Mediateur.PostAsJsonAsync(url, new { programme = s.Programme, beneficiaire = fiche });
        sans.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ScenarioConnexion.DetailAsync(sans)).ShouldContain("Éligibilité manquante");
        var expire = await s.Mediateur.PostAsJsonAsync(url, ScenarioConnexion.Adhesion(s.Programme, fiche, date: "2024-11-01"));
        expire.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ScenarioConnexion.DetailAsync(expire)).ShouldContain("expiré le 01/02/2025");
        var qpv = await s.Mediateur.PostAsJsonAsync(url, ScenarioConnexion.Adhesion(s.Programme, fiche, motif: "resident_qpv"));
        qpv.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ScenarioConnexion.DetailAsync(qpv)).ShouldContain("quartier prioritaire");
        // An unknown rule is malformed input: 400 listing the codes.
        var inconnu = await s.Mediateur.PostAsJsonAsync(url, ScenarioConnexion.Adhesion(s.Programme, fiche, motif: "riche"));
        inconnu.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inconnu.Content.ReadAsStringAsync()).ShouldContain("locataire_partenaire");
        // An anonymous file cannot be enrolled.
        (await s.Mediateur.PostAsJsonAsync(url, ScenarioConnexion.Adhesion(s.Programme, await s.FicheAsync(app, suivi: false)))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var ok = await s.Mediateur.PostAsJsonAsync(url, ScenarioConnexion.Adhesion(s.Programme, fiche));
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        var id = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await s.Mediateur.PostAsJsonAsync(url, ScenarioConnexion.Adhesion(s.Programme, fiche))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // 30 € a month: 20 + 10 pass, one more cent does not.
        (await s.RechargerAsync(id, 2000)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var premiere = await app.AvecDb(db => db.Set<MouvementRecharge>().Where(m => m.AdhesionId == id).Select(m => m.Id).SingleAsync());
        (await s.RechargerAsync(id, 1000, reference: null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var trop = await s.RechargerAsync(id, 1);
        trop.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ScenarioConnexion.DetailAsync(trop)).ShouldContain("Plafond mensuel dépassé");
        (await s.RechargerAsync(id, 0)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var liste = await s.Mediateur.GetFromJsonAsync<JsonElement>($"{url}?programme={s.Programme}&statut=active");
        var item = liste.GetProperty("items")[0];
        (item.GetProperty("id").GetInt32(), item.GetProperty("statut").GetString(), item.GetProperty("plafondMensuel").GetInt64(), item.GetProperty("consommeMois").GetInt64())
            .ShouldBe((id, "active", 3000L, 3000L));
        item.GetProperty("nom").GetString().ShouldStartWith("Nadia");
        (await s.Mediateur.GetAsync($"{url}?statut=ouverte")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A refund is a negative movement in the refunded month: it frees room under the cap.
        var rembourse = await s.Mediateur.PostAsJsonAsync($"{url}/{id}/remboursements", new { mouvement = premiere, montant = 500, reference = "AVOIR-1" });
        rembourse.StatusCode.ShouldBe(HttpStatusCode.Created, await rembourse.Content.ReadAsStringAsync());
        (await rembourse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("montant").GetInt64().ShouldBe(-500);
        (await s.RechargerAsync(id, 500)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.RechargerAsync(id, 1)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = await s.Mediateur.GetFromJsonAsync<JsonElement>($"{url}/{id}");
        detail.GetProperty("mouvements").EnumerateArray().Sum(m => m.GetProperty("montant").GetInt64()).ShouldBe(3000);
        detail.GetProperty("mouvements").EnumerateArray().Count(m => m.GetProperty("sansReference").GetBoolean()).ShouldBe(1);

        // Next month, the cap starts again.
        app.Horloge.Regler(new DateTimeOffset(2025, 4, 2, 9, 0, 0, TimeSpan.Zero));
        s = await s.ReconnecterAsync(app);
        (await s.RechargerAsync(id, 3000)).StatusCode.ShouldBe(HttpStatusCode.Created);
        // The counter always equals the ledger's sum for the month.
        var parMois = await app.AvecDb(db => db.Set<MouvementRecharge>().Where(m => m.AdhesionId == id).GroupBy(m => m.Mois).Select(g => new { g.Key, S = g.Sum(m => m.MontantCentimes) }).ToListAsync());
        var compteurs = await app.AvecDb(db => db.Set<ConsommationMensuelle>().Where(c => c.AdhesionId == id).ToListAsync());
        compteurs.Select(c => (c.Mois, c.ConsommeCentimes)).OrderBy(x => x.Mois).ShouldBe(parMois.Select(p => (p.Key, p.S)).OrderBy(x => x.Key));

        // Suspended: no top-up; ended: final.
        (await s.Gestion.PostAsJsonAsync($"{url}/{id}/statut", new { statut = "suspendue" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.RechargerAsync(id, 100)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Gestion.PostAsJsonAsync($"{url}/{id}/statut", new { statut = "terminee" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Gestion.PostAsJsonAsync($"{url}/{id}/statut", new { statut = "terminee", motifSortie = "Fin de parcours", offreSortie = "Tarif social, numéro conservé" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Gestion.PostAsJsonAsync($"{url}/{id}/statut", new { statut = "active" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Quarante_recharges_en_parallele_ne_depassent_jamais_le_plafond()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var id = await s.AdhererAsync(app);
        var reponses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => s.RechargerAsync(id, 100, $"BON-{i}")));
        var codes = reponses.Select(r => r.StatusCode).ToList();
        codes.Count(c => c == HttpStatusCode.Created).ShouldBe(30, string.Join(", ", codes));
        codes.Count(c => c == HttpStatusCode.Conflict).ShouldBe(10, string.Join(", ", codes));
        (await app.AvecDb(db => db.Set<MouvementRecharge>().Where(m => m.AdhesionId == id).SumAsync(m => m.MontantCentimes))).ShouldBe(3000);
        (await app.AvecDb(db => db.Set<ConsommationMensuelle>().Where(c => c.AdhesionId == id).Select(c => c.ConsommeCentimes).SingleAsync())).ShouldBe(3000);
    }

    [Fact]
    public async Task Le_journal_des_recharges_ne_se_modifie_pas()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var id = await s.AdhererAsync(app);
        (await s.RechargerAsync(id, 500)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Should.ThrowAsync<Passerelle.Web.RegleMetierException>(() => app.AvecDb(async db =>
        {
            var m = await db.Set<MouvementRecharge>().FirstAsync(x => x.AdhesionId == id);
            m.MontantCentimes = 1;
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<Passerelle.Web.RegleMetierException>(() => app.AvecDb(async db =>
        {
            db.Remove(await db.Set<MouvementRecharge>().FirstAsync(x => x.AdhesionId == id));
            await db.SaveChangesAsync();
        }));
        // A negative "top-up" or a refund without the top-up it reverses is refused by the database itself.
        await Should.ThrowAsync<DbUpdateException>(() => app.AvecDb(async db =>
        {
            var o = await db.Set<MouvementRecharge>().AsNoTracking().FirstAsync(x => x.AdhesionId == id);
            db.Add(new MouvementRecharge { AdhesionId = id, OffreId = o.OffreId, Type = TypesMouvements.Remboursement, Le = o.Le, Mois = o.Mois, MontantCentimes = -100, Auteur = "x" });
            await db.SaveChangesAsync();
        }));
        (await app.AvecDb(db => db.Set<MouvementRecharge>().Where(m => m.AdhesionId == id).Select(m => m.MontantCentimes).ToListAsync())).ShouldBe([500L]);
    }

    [Fact]
    public async Task L_eligibilite_expire_avec_le_temps_et_le_renouvellement_demande_un_justificatif_recent()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        // Proof of 20 December 2024: valid until 20 March 2025.
        var avant = await s.Mediateur.PostAsJsonAsync("/api/v1/connexion/adhesions", ScenarioConnexion.Adhesion(s.Programme, await s.FicheAsync(app), date: "2024-12-20"));
        avant.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await avant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 21, 9, 0, 0, TimeSpan.Zero));
        s = await s.ReconnecterAsync(app);
        var apres = await s.Mediateur.PostAsJsonAsync("/api/v1/connexion/adhesions", ScenarioConnexion.Adhesion(s.Programme, await s.FicheAsync(app), date: "2024-12-20"));
        apres.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ScenarioConnexion.DetailAsync(apres)).ShouldContain("expiré le 20/03/2025");

        // Nine months later, at the review: the old proof has expired, a recent one renews.
        app.Horloge.Regler(new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.Zero));
        s = await s.ReconnecterAsync(app);
        var url = $"/api/v1/connexion/adhesions/{id}/renouvellement";
        (await s.Gestion.PostAsJsonAsync(url, new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Gestion.PostAsJsonAsync(url, new { dateJustificatif = "2025-11-15" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var a = await app.AvecDb(db => db.Set<Adhesion>().SingleAsync(x => x.Id == id));
        (a.Fin, a.Renouvellements, a.EligibleJusquAu).ShouldBe((new DateOnly(2026, 9, 12), 1, new DateOnly(2026, 2, 15)));
        (await s.Gestion.PostAsJsonAsync(url, new { dateJustificatif = "2025-11-15" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Une_adhesion_dont_le_justificatif_a_expire_ne_prend_plus_de_recharge()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        // Proof of 20 December 2024 (RSA, three months): valid until 20 March 2025.
        var r = await s.Mediateur.PostAsJsonAsync("/api/v1/connexion/adhesions", ScenarioConnexion.Adhesion(s.Programme, await s.FicheAsync(app), date: "2024-12-20"));
        r.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await s.RechargerAsync(id, 500)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The day after the expiry: 409 in French on the API, the same message on the page, nothing recorded.
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 21, 9, 0, 0, TimeSpan.Zero));
        s = await s.ReconnecterAsync(app);
        var refus = await s.RechargerAsync(id, 500);
        refus.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ScenarioConnexion.DetailAsync(refus)).ShouldContain("justificatif d'éligibilité a expiré le 20/03/2025");
        var client = await Formulaires.ConnecterAsync(app, s.EmailMediateur, s.MotDePasseMediateur);
        var page = await Formulaires.PageAsync(client, $"/admin/connexion/adhesions/{id}");
        var html = await Formulaires.SoumettreAsync(client, page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action*=Recharger]")!,
            [new("Offre", s.OffreRecharge.ToString()), new("MontantEuros", "5")]);
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await html.Content.ReadAsStringAsync()).ShouldContain("a expiré le 20/03/2025");
        (await app.AvecDb(db => db.Set<MouvementRecharge>().CountAsync(m => m.AdhesionId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task Un_rappel_part_une_fois_a_la_date_de_revue_et_encore_apres_un_renouvellement()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var fiche = await s.FicheAsync(app);
        var courriel = $"rappel-{Guid.NewGuid():N}@exemple.fr";
        await app.AvecDb(async db => { (await db.Beneficiaires.SingleAsync(b => b.Id == fiche)).Courriel = courriel; await db.SaveChangesAsync(); });
        var r = await s.Mediateur.PostAsJsonAsync("/api/v1/connexion/adhesions", ScenarioConnexion.Adhesion(s.Programme, fiche));
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // Nine months from 12 March 2025: ends 12 December, review (30 days before) from 12 November.
        (await app.AvecDb(db => db.Set<Adhesion>().Where(a => a.Id == id).Select(a => a.RevueLe).SingleAsync())).ShouldBe(new DateOnly(2025, 11, 12));
        Task<int> Rappels() => app.AvecDb(db => RappelsRevue.ExecuterAsync(db, app.Horloge, CancellationToken.None));
        Task<List<Passerelle.Features.Notifications.Notification>> Messages() =>
            app.AvecDb(db => db.Notifications.Where(n => n.Destinataire == courriel && n.Type == RappelsRevue.TypeAvis).ToListAsync());

        app.Horloge.Regler(new DateTimeOffset(2025, 11, 11, 9, 0, 0, TimeSpan.Zero));
        await Rappels();
        (await Messages()).Count.ShouldBe(0);
        // Two runs at once on the review day: one message.
        app.Horloge.Regler(new DateTimeOffset(2025, 11, 12, 9, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(Rappels(), Rappels());
        await Rappels();
        var m = (await Messages()).ShouldHaveSingleItem();
        m.Sujet.ShouldContain("se termine le 12/12/2025");
        m.PerimeLe.ShouldBe(new DateTime(2025, 12, 12, 23, 0, 0));

        // Renewed with a recent proof: the next review gets its own reminder, once.
        s = await s.ReconnecterAsync(app);
        (await s.Gestion.PostAsJsonAsync($"/api/v1/connexion/adhesions/{id}/renouvellement", new { dateJustificatif = "2025-11-10" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rappels();
        (await Messages()).Count.ShouldBe(1);
        app.Horloge.Regler(new DateTimeOffset(2026, 8, 14, 9, 0, 0, TimeSpan.Zero));
        await Rappels();
        await Rappels();
        (await Messages()).Select(x => x.Sujet).Last().ShouldContain("se termine le 12/09/2026");
        (await Messages()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task La_retention_efface_lignes_numeros_et_justificatifs_et_garde_les_agregats()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app, retentionMois: 12);
        var id = await s.AdhererAsync(app);
        var url = $"/api/v1/connexion/adhesions/{id}";
        (await s.Gestion.PostAsJsonAsync($"{url}/lignes", new { iccid = "8933150319000001234", numero = "06 12 34 56 78", operateur = "Opérateur Sud", activeeLe = "2025-03-12" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.Gestion.PostAsJsonAsync($"{url}/box", new { bailleur = "Habitat Marseille Provence", residence = "Les Cèdres", referenceLogement = "B12-045", offre = s.OffreBox, activeeLe = "2025-03-12" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        // Lines are the managing structure's: the mediator of the same structure sees them, a mediator elsewhere sees nothing at all.
        (await s.Mediateur.GetFromJsonAsync<JsonElement>(url)).GetProperty("lignes")[0].GetProperty("numero").GetString().ShouldBe("+33612345678");
        var ailleurs = (await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app))).Api;
        (await ailleurs.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.RechargerAsync(id, 500, client: ailleurs)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.RechargerAsync(id, 500)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.Gestion.PostAsJsonAsync($"{url}/statut", new { statut = "terminee", motifSortie = "Fin de parcours" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Eleven months after the end: nothing erased yet; thirteen: erased.
        app.Horloge.Regler(new DateTimeOffset(2026, 2, 12, 9, 0, 0, TimeSpan.Zero));
        (await app.AvecDb(db => RetentionConnexion.ExecuterAsync(db, app.Horloge, CancellationToken.None))).ShouldBe(0);
        app.Horloge.Regler(new DateTimeOffset(2026, 4, 13, 9, 0, 0, TimeSpan.Zero));
        (await app.AvecDb(db => RetentionConnexion.ExecuterAsync(db, app.Horloge, CancellationToken.None))).ShouldBe(1);
        var a = await app.AvecDb(db => db.Set<Adhesion>().SingleAsync(x => x.Id == id));
        (a.Justificatif, a.DateJustificatif, a.Prescripteur, a.BeneficiaireId, a.EffaceeLe).ShouldBe((null, null, null, null, new DateTime(2026, 4, 13, 9, 0, 0)));
        var l = await app.AvecDb(db => db.Set<LigneMobile>().SingleAsync(x => x.AdhesionId == id));
        (l.Iccid, l.Numero).ShouldBe((null, null));
        var b = await app.AvecDb(db => db.Set<ActivationBox>().SingleAsync(x => x.AdhesionId == id));
        (b.Residence, b.ReferenceLogement).ShouldBe((null, null));
        // The aggregates stay.
        s = await s.ReconnecterAsync(app);
        var ind = await s.Gestion.GetFromJsonAsync<JsonElement>($"/api/v1/connexion/programmes/{s.Programme}/indicateurs?du=2025-03-01&au=2025-03-31");
        ind.GetProperty("parMois")[0].GetProperty("montant").GetInt64().ShouldBe(500);
        ind.GetProperty("parMois")[0].GetProperty("lignesActives").GetInt32().ShouldBe(1);
        // One box in the month: a household, masked by the small-cells rule.
        ind.GetProperty("parMois")[0].GetProperty("boxActivees").ValueKind.ShouldBe(JsonValueKind.Null);
        ind.GetProperty("parMois")[0].GetProperty("libelle").GetString().ShouldBe("mars 2025");
        (await app.AvecDb(db => db.Set<ActivationBox>().CountAsync(x => x.AdhesionId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task Un_operateur_ne_voit_que_les_agregats_de_ses_programmes()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var id = await s.AdhererAsync(app);
        (await s.RechargerAsync(id, 500)).StatusCode.ShouldBe(HttpStatusCode.Created);
        // An account of the partner landlord, kind Operateur.
        var (email, mdp) = await app.CreerCompteAsync(Roles.Operateur);
        await app.AvecDb(async db =>
        {
            db.GestionsStructures.Add(new() { UtilisateurId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), StructureId = s.StructureBailleur });
            await db.SaveChangesAsync();
        });
        var operateur = await app.ClientApiAsync(email, mdp);
        var url = $"/api/v1/connexion/programmes/{s.Programme}/indicateurs?du=2025-01-01&au=2025-03-31";
        var vue = await operateur.GetFromJsonAsync<JsonElement>(url);
        vue.GetProperty("vue").GetString().ShouldBe("partenaire");
        vue.GetProperty("adhesions").GetInt32().ShouldBe(1);
        vue.GetProperty("personnesParRegle").ValueKind.ShouldBe(JsonValueKind.Null);
        vue.GetProperty("coutParPersonne").ValueKind.ShouldBe(JsonValueKind.Null);
        (await operateur.GetAsync("/api/v1/connexion/adhesions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operateur.GetAsync($"/api/v1/connexion/adhesions/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.RechargerAsync(id, 100, client: operateur)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operateur.GetFromJsonAsync<JsonElement>("/api/v1/connexion/programmes")).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ShouldBe([s.Programme]);
        // An operator who is not a partner of the programme: refused.
        (await (await app.ClientApiAsync(Roles.Operateur)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The funder sees the complete view, small cells masked: one person by route is not shown.
        var financeur = await (await app.ClientApiAsync(Roles.Financeur)).GetFromJsonAsync<JsonElement>(url);
        financeur.GetProperty("vue").GetString().ShouldBe("complete");
        financeur.GetProperty("coutParPersonne").GetInt64().ShouldBe(300);
        financeur.GetProperty("personnesParRegle")[0].GetProperty("nombre").ValueKind.ShouldBe(JsonValueKind.Null);
        financeur.GetProperty("subventionParSource")[0].GetProperty("cle").GetString().ShouldBe("Métropole");
        (await operateur.GetAsync($"/api/v1/connexion/programmes/{s.Programme}/indicateurs?du=2025-04-01&au=2025-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
