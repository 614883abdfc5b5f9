using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Former.Parcours.ScenarioParcours;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14 through the API, on SQLite and PostgreSQL: application → decision → admission with a referent → exit → outcomes,
/// the one-active-referent and one-outcome-per-moment guarantees under concurrency, private notes, access.</summary>
public class ParcoursTests(AppFactory app) : IClassFixture<AppFactory>
{
    static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Candidature_decision_admission_referent_sortie_et_resultats()
    {
        var e = await EcoleAsync(app);
        // The public form: consent required, a clear French 400.
        var sans = await app.ClientAnonyme().PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/candidatures", Candidature(consentement: false));
        sans.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await sans.Content.ReadAsStringAsync()).ShouldContain("Votre accord est nécessaire");
        var id = await CandidatAsync(app, e);

        // A mediator of the school may not decide; no admission without a referent.
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/decision", Admission(e.ReferentId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var sansReferent = await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/decision", new { admettre = true, situation = new { niveauQualification = "bac" } });
        sansReferent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await sansReferent.Content.ReadAsStringAsync()).ShouldContain("Pas d'admission sans référent");
        var ok = await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/decision", Admission(e.ReferentId));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var fiche = await JsonAsync(ok);
        fiche.GetProperty("statut").GetString().ShouldBe("admis");
        fiche.GetProperty("referent").GetProperty("mediateurId").GetInt32().ShouldBe(e.ReferentId);
        var entree = fiche.GetProperty("situations")[0];
        (entree.GetProperty("residentQpv").GetBoolean(), entree.GetProperty("moinsDe26").GetBoolean(), entree.GetProperty("femme").GetBoolean()).ShouldBe((true, true, true));
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/decision", Admission(e.ReferentId))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The database refuses an admitted enrolment without a referent, whatever the code does.
        await Should.ThrowAsync<DbUpdateException>(() => app.AvecDb(async db =>
        {
            var i = await db.Set<Inscription>().SingleAsync(x => x.Id == id);
            i.ReferentId = null;
            await db.SaveChangesAsync();
        }));

        // Changing the referent closes the old membership with its date and reason.
        var put = await e.Responsable.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/referent", new { referentId = e.CipId, motif = "Départ de la référente" });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await JsonAsync(put)).GetProperty("mediateurId").GetInt32().ShouldBe(e.CipId);
        var equipe = (await e.Responsable.GetFromJsonAsync<FicheParcoursDto>($"/api/v1/parcours/inscriptions/{id}"))!.Equipe;
        equipe.Where(m => m.Role == "referent").Select(m => (m.MediateurId, m.Fin is null, m.MotifFin)).ShouldBe([(e.CipId, true, null), (e.ReferentId, false, "Départ de la référente")]);
        // A referent outside the school: a field error.
        var autre = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        (await e.Responsable.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/referent", new { referentId = autre.MediateurId })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Outcomes need the exit; then one per moment, typed.
        var avant = await e.Cip.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/resultats", new { moment = "sortie", type = "CDI", date = "2025-03-12", source = "declaratif" });
        avant.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await e.Cip.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/sortie", new { statut = "termine", le = "2025-03-12" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mauvais = await e.Cip.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/resultats", new { moment = "12mois", type = "CDD", date = "2025-03-12", source = "oui" });
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var champs = (await JsonAsync(mauvais)).GetProperty("errors");
        champs.GetProperty("Moment")[0].GetString()!.ShouldContain("Moment inconnu");
        champs.GetProperty("Type")[0].GetString()!.ShouldContain("CDD_6_PLUS"); // the codes to send, with every wrong field at once
        champs.GetProperty("Source")[0].GetString()!.ShouldContain("justificatif");
        var r = await e.Cip.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/resultats", new { moment = "sortie", type = "FORMATION", date = "2025-03-12", source = "justificatif" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var double_ = await e.Cip.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/resultats", new { moment = "sortie", type = "CDI", date = "2025-03-12", source = "declaratif" });
        double_.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonAsync(double_)).GetProperty("detail").GetString()!.ShouldContain("déjà enregistré");

        // The cohort list (contract shape).
        var liste = await e.Responsable.GetFromJsonAsync<JsonElement>("/api/v1/parcours/cohortes");
        liste.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("id").GetInt32(), c.GetProperty("nom").GetString(), c.GetProperty("statut").GetString()))
            .ShouldContain((e.CohorteId, "Promo printemps 2025", "recrutement"));
    }

    [Fact]
    public async Task Un_seul_referent_actif_sous_reaffectations_concurrentes()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e);
        var candidats = new List<int> { e.ReferentId, e.CipId };
        for (var k = 0; k < 4; k++) candidats.Add((await Scenario.EquipierAsync(app, e.StructureId)).MediateurId!.Value);
        var reponses = await Task.WhenAll(Enumerable.Range(0, 24).Select(k =>
            e.Responsable.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/referent", new { referentId = candidats[k % candidats.Count], motif = $"essai {k}" })));
        reponses.ShouldAllBe(x => x.StatusCode == HttpStatusCode.OK || x.StatusCode == HttpStatusCode.Conflict);
        reponses.Count(x => x.StatusCode == HttpStatusCode.OK).ShouldBeGreaterThan(0);
        await app.AvecDb(async db =>
        {
            var actifs = await db.Set<MembreEquipe>().Where(m => m.InscriptionId == id && m.Role == "referent" && m.Fin == null).ToListAsync();
            actifs.Count.ShouldBe(1);
            (await db.Set<Inscription>().SingleAsync(i => i.Id == id)).ReferentId.ShouldBe(actifs[0].MediateurId);
        });
        // And the database itself refuses a second active referent.
        await Should.ThrowAsync<DbUpdateException>(() => app.AvecDb(async db =>
        {
            db.Add(new MembreEquipe { InscriptionId = id, MediateurId = e.ReferentId, Role = "referent", Debut = DateTime.UtcNow.AddYears(-1) });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Un_seul_resultat_par_moment_sous_saisies_concurrentes()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e);
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/sortie", new { statut = "termine", le = "2025-03-12" })).EnsureSuccessStatusCode();
        var reponses = await Task.WhenAll(Enumerable.Range(0, 12).Select(k =>
            e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/resultats", new { moment = "sortie", type = k % 2 == 0 ? "CDI" : "INCONNU", date = "2025-03-12", source = "declaratif" })));
        reponses.Count(x => x.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        reponses.Count(x => x.StatusCode == HttpStatusCode.Conflict).ShouldBe(11);
        (await app.AvecDb(db => db.Set<Resultat>().CountAsync(r => r.InscriptionId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task La_note_privee_ne_se_lit_que_par_son_auteur_et_chaque_ouverture_est_journalisee()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e);
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/equipe", new { mediateurId = e.CipId, role = "cip" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        const string secret = "Situation familiale difficile, en parler avec l'assistante sociale";
        var j = await e.Cip.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new
        {
            le = "2025-03-12", support = "entretien", synthese = "Point sur le projet professionnel", notePrivee = secret, prochaineEtape = "Envoyer le CV", prochaineEtapeLe = "2025-03-20",
        });
        j.StatusCode.ShouldBe(HttpStatusCode.Created, await j.Content.ReadAsStringAsync());

        (await e.Cip.GetFromJsonAsync<FicheParcoursDto>($"/api/v1/parcours/inscriptions/{id}"))!.Journal.Single().NotePrivee.ShouldBe(secret);
        foreach (var (client, url) in new[] { (e.Referent, $"/api/v1/parcours/inscriptions/{id}"), (e.Responsable, $"/api/v1/parcours/inscriptions/{id}"),
                     (e.Referent, $"/api/v1/parcours/inscriptions/{id}/export"), (e.Responsable, $"/api/v1/parcours/inscriptions/{id}/export") })
        {
            var r = await client.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
            var texte = await r.Content.ReadAsStringAsync();
            texte.ShouldContain("Point sur le projet professionnel");
            texte.ShouldNotContain("Situation familiale");
        }
        // The pages: the referent's view of the file never shows it; the learner's page neither.
        var page = await (await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp)).GetAsync($"/parcours/inscriptions/{id}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Point sur le projet professionnel");
        html.ShouldNotContain("Situation familiale");
        (await (await Formulaires.ConnecterAsync(app, e.CipEmail, e.CipMdp)).GetStringAsync($"/parcours/inscriptions/{id}")).ShouldContain("Situation familiale");
        var lien = (await e.Cip.GetFromJsonAsync<FicheParcoursDto>($"/api/v1/parcours/inscriptions/{id}"))!.Lien;
        var moi = await app.ClientAnonyme().GetStringAsync(lien);
        moi.ShouldContain("Envoyer le CV");
        moi.ShouldNotContain("Situation familiale");

        (await app.AvecDb(db => db.Journal.Where(x => x.Objet == LireInscription.ObjetJournal && x.ObjetId == id).Select(x => x.Action).ToListAsync()))
            .ShouldContain("export");
        (await app.AvecDb(db => db.Journal.CountAsync(x => x.Objet == LireInscription.ObjetJournal && x.ObjetId == id && x.Action == "consultation"))).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Reaffectation_en_bloc_au_depart_d_un_referent()
    {
        var e = await EcoleAsync(app);
        var ids = new[] { await AdmisAsync(app, e, "Alice", "Un"), await AdmisAsync(app, e, "Bruno", "Deux") };
        var sansMotif = await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/reaffectation", new { deId = e.ReferentId, versId = e.CipId });
        sansMotif.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/reaffectation", new { deId = e.ReferentId, versId = e.CipId, motif = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var r = await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/reaffectation", new { deId = e.ReferentId, versId = e.CipId, motif = "Départ de l'équipe" });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await JsonAsync(r)).GetProperty("nombre").GetInt32().ShouldBe(2);
        foreach (var id in ids)
            (await e.Responsable.GetFromJsonAsync<FicheParcoursDto>($"/api/v1/parcours/inscriptions/{id}"))!.Equipe
                .Where(m => m.Role == "referent").Select(m => (m.MediateurId, m.MotifFin)).ShouldBe([(e.CipId, null), (e.ReferentId, "Départ de l'équipe")]);
    }

    [Fact]
    public async Task Hors_de_l_ecole_et_de_l_equipe_refuse()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e);
        var ailleurs = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        (await ailleurs.Api.GetAsync($"/api/v1/parcours/inscriptions/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ailleurs.Api.GetAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/indicateurs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ailleurs.Api.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-03-12", synthese = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var financeur = await app.ClientApiAsync(Roles.Financeur);
        (await financeur.GetAsync($"/api/v1/parcours/inscriptions/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await financeur.GetAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/indicateurs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientAnonyme().GetAsync($"/api/v1/parcours/inscriptions/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.ClientAnonyme().GetAsync($"/api/v1/parcours/cohortes")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
