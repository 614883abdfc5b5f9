using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>The funder indicators on a cohort computed by hand (denominators, « sans nouvelles », masking), and retention with a moved clock.</summary>
public class IndicateursParcoursTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Ten entrants (6 women, 4 QPV, 3 under 26), one candidate and one refused (not entrants). Eight completed on 2025-06-30,
    /// one dropped out on 2025-04-15, one still in course. Outcomes (· = not recorded):
    /// exit: CDI CDI FORMATION SANS SANS SANS INCONNU · | drop-out SANS → positives 3 / 9, no news 1 / 9;
    /// +3: CDI CDI CDI CDD- CDD- ALTERNANCE INCONNU INCONNU | INCONNU → 6 / 9, no news 3 / 9;
    /// +6: CDI CDI CDI CDI CREATION INCONNU SANS · | · → 5 / 9, no news 1 / 9, 2 to record.</summary>
    internal static async Task<int> CohorteCalculeeAsync(AppFactory app, Ecole e)
    {
        string?[] sortie = ["CDI", "CDI", "FORMATION", "SANS_SOLUTION", "SANS_SOLUTION", "SANS_SOLUTION", "INCONNU", null, "SANS_SOLUTION"];
        string?[] trois = ["CDI", "CDI", "CDI", "CDD_MOINS_6", "CDD_MOINS_6", "ALTERNANCE", "INCONNU", "INCONNU", "INCONNU"];
        string?[] six = ["CDI", "CDI", "CDI", "CDI", "CREATION", "INCONNU", "SANS_SOLUTION", null, null];
        await app.AvecDb(async db =>
        {
            for (var k = 0; k < 12; k++)
            {
                var a = new Apprenant
                {
                    StructureId = e.StructureId, Prenom = "Apprenant" + k, Nom = "Calcul" + k, Genre = k < 6 ? "femme" : "homme", CodeQpv = k is >= 2 and < 6 ? "QN01303I" : null,
                    DateNaissance = k < 3 ? new DateOnly(2003, 1, 1) : new DateOnly(1990, 1, 1), ConsentementLe = DateTime.UtcNow,
                };
                var i = new Inscription { Apprenant = a, CohorteId = e.CohorteId, CandidatureLe = DateTime.UtcNow, Jeton = Guid.NewGuid().ToString("N") };
                if (k == 10) { db.Add(i); continue; }
                if (k == 11) { i.Statut = "refuse"; i.MotifDecision = "Complet"; db.Add(i); continue; }
                i.Statut = k < 8 ? "termine" : k == 8 ? "abandon" : "en_formation";
                i.ReferentId = e.ReferentId;
                i.AdmissionLe = new DateOnly(2025, 3, 1);
                i.SortieLe = k < 8 ? new DateOnly(2025, 6, 30) : k == 8 ? new DateOnly(2025, 4, 15) : null;
                i.Situations.Add(Decider.Instantane(a, new SituationSaisie { NiveauQualification = "infra_bac", Neet = true }, new DateOnly(2025, 3, 1)));
                i.Equipe.Add(new MembreEquipe { MediateurId = e.ReferentId, Role = "referent", Debut = DateTime.UtcNow });
                if (k < 9)
                    foreach (var (moment, types) in new[] { ("sortie", sortie), ("3mois", trois), ("6mois", six) })
                        if (types[k] is { } t) i.Resultats.Add(new Resultat { Moment = moment, Type = t, Le = i.SortieLe!.Value, Source = "declaratif" });
                db.Add(i);
            }
            await db.SaveChangesAsync();
        });
        return e.CohorteId;
    }

    static void Fraction(JsonElement p, string moment, int? n, int? d)
    {
        var f = p.GetProperty(moment);
        f.EnumerateObject().Select(x => x.Name).ShouldBe(["n", "d"]);
        (f.GetProperty("n").ValueKind == JsonValueKind.Null ? null : (int?)f.GetProperty("n").GetInt32()).ShouldBe(n, moment);
        (f.GetProperty("d").ValueKind == JsonValueKind.Null ? null : (int?)f.GetProperty("d").GetInt32()).ShouldBe(d, moment);
    }

    static int? Nombre(JsonElement j, string nom) => j.GetProperty(nom).ValueKind == JsonValueKind.Null ? null : j.GetProperty(nom).GetInt32();

    [Fact]
    public async Task Indicateurs_d_une_cohorte_calculee_a_la_main()
    {
        var e = await ScenarioParcours.EcoleAsync(app);
        var id = await CohorteCalculeeAsync(app, e);
        app.Horloge.Regler(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        try
        {
            var responsable = await e.ResponsableAsync(app);
            var j = await responsable.GetFromJsonAsync<JsonElement>($"/api/v1/parcours/cohortes/{id}/indicateurs");
            j.EnumerateObject().Select(x => x.Name).ShouldBe(["apprenants", "femmes", "qpv", "moins26", "sortiesPositives", "sansNouvelles"]);
            (Nombre(j, "apprenants"), Nombre(j, "femmes"), Nombre(j, "qpv"), Nombre(j, "moins26")).ShouldBe((10, 6, 4, 3));
            var p = j.GetProperty("sortiesPositives");
            p.EnumerateObject().Select(x => x.Name).ShouldBe(["sortie", "3mois", "6mois"]);
            Fraction(p, "sortie", 3, 9); Fraction(p, "3mois", 6, 9); Fraction(p, "6mois", 5, 9);
            var s = j.GetProperty("sansNouvelles");
            Fraction(s, "sortie", 1, 9); Fraction(s, "3mois", 3, 9); Fraction(s, "6mois", 1, 9);

            // Before the +6-month measures are due (2025-12-30 for the completers), only the drop-out counts at +6 months.
            app.Horloge.Regler(new DateTimeOffset(2025, 12, 15, 10, 0, 0, TimeSpan.Zero));
            Fraction((await (await e.ResponsableAsync(app)).GetFromJsonAsync<JsonElement>($"/api/v1/parcours/cohortes/{id}/indicateurs")).GetProperty("sortiesPositives"), "6mois", 0, 1);
            app.Horloge.Regler(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));

            // The programme's funder sees aggregates with small cells masked, and no name.
            var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
            await app.AvecDb(async db =>
            {
                var uid = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
                db.Add(new ProfilCompte { UtilisateurId = uid, Financeur = ScenarioParcours.Financeur });
                await db.SaveChangesAsync();
            });
            var financeur = await app.ClientApiAsync(email, mdp);
            var r = await financeur.GetAsync($"/api/v1/parcours/cohortes/{id}/indicateurs");
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
            var texte = await r.Content.ReadAsStringAsync();
            texte.ShouldNotContain("Calcul");
            var m = JsonDocument.Parse(texte).RootElement;
            // 10 entrants shown; 6 women would reveal 4 men, 4 QPV and 3 under-26 are under 5: masked.
            (Nombre(m, "apprenants"), Nombre(m, "femmes"), Nombre(m, "qpv"), Nombre(m, "moins26")).ShouldBe((10, null, null, null));
            Fraction(m.GetProperty("sortiesPositives"), "sortie", null, 9);
            Fraction(m.GetProperty("sortiesPositives"), "3mois", null, 9);
            Fraction(m.GetProperty("sansNouvelles"), "6mois", null, 9);
            (await financeur.GetFromJsonAsync<JsonElement>("/api/v1/parcours/cohortes")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ShouldContain(id);

            // The referent's queue at 2025-09-29 (Monday): the +3-month measures of 2025-09-30 are due this week and all recorded,
            // the exit measure of learner 7 is late.
            app.Horloge.Regler(new DateTimeOffset(2025, 9, 29, 10, 0, 0, TimeSpan.Zero));
            var file = (await (await e.ReferentAsync(app)).GetFromJsonAsync<FileReferentDto>("/api/v1/parcours/referent"))!;
            file.MesuresDues.Select(d => (d.Nom, d.Moment, d.EnRetard)).ShouldBe([("Apprenant7 Calcul7", "sortie", true)]);
            file.Apprenants.Count.ShouldBe(10);
            file.SansNouvellesDepuis3Semaines.Select(a => a.Nom).ShouldBe(["Apprenant9 Calcul9"]);
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }

    [Fact]
    public async Task Retention_anonymise_apres_six_mois_plus_le_delai_et_garde_les_agregats()
    {
        var e = await ScenarioParcours.EcoleAsync(app);
        var id = await ScenarioParcours.AdmisAsync(app, e, "Yanis", "Retenu");
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/sortie", new { statut = "termine", le = "2025-03-12" })).EnsureSuccessStatusCode();
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-03-12", synthese = "Bilan de fin", notePrivee = "note" })).EnsureSuccessStatusCode();
        app.Horloge.Regler(new DateTimeOffset(2025, 9, 12, 10, 0, 0, TimeSpan.Zero)); // the +6-month measure is taken on its day, never ahead
        (await (await e.ReferentAsync(app)).PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/resultats", new { moment = "6mois", type = "CDI", date = "2025-09-12", source = "tiers", organisme = "Société Exemple" })).EnsureSuccessStatusCode();
        int Executer(DateTimeOffset le)
        {
            app.Horloge.Regler(le);
            using var scope = app.Services.CreateScope();
            return AnonymiserParcours.ExecuterAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), app.Horloge, 12, default).GetAwaiter().GetResult();
        }
        try
        {
            // Exit 2025-03-12 + 6 months + 12 months = 2026-09-12: the day before, nothing moves.
            Executer(new DateTimeOffset(2026, 9, 11, 10, 0, 0, TimeSpan.Zero)).ShouldBe(0);
            var responsable = await e.ResponsableAsync(app);
            var avant = await responsable.GetStringAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/indicateurs");
            avant.ShouldContain("\"6mois\":{\"n\":1,\"d\":1}");
            Executer(new DateTimeOffset(2026, 9, 12, 10, 0, 0, TimeSpan.Zero)).ShouldBeGreaterThanOrEqualTo(1);
            await app.AvecDb(async db =>
            {
                var i = await db.Set<Inscription>().Include(x => x.Apprenant).Include(x => x.Resultats).SingleAsync(x => x.Id == id);
                (i.Apprenant!.Nom, i.Apprenant.Prenom, i.Apprenant.Courriel, i.Apprenant.DateNaissance).ShouldBe((null, null, null, null));
                i.Apprenant.AnonymiseLe.ShouldNotBeNull();
                i.Resultats.Single().Organisme.ShouldBeNull();
                (await db.Set<EntreeJournal>().CountAsync(x => x.InscriptionId == id)).ShouldBe(0);
            });
            responsable = await e.ResponsableAsync(app);
            (await responsable.GetStringAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/indicateurs")).ShouldBe(avant);
            (await responsable.GetStringAsync($"/api/v1/parcours/inscriptions/{id}")).ShouldNotContain("Retenu");
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }
}
