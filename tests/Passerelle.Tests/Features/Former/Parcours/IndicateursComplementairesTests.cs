using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Data;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14 §5, the indicators beyond the contract's JSON, on a cohort computed by hand.</summary>
public class IndicateursComplementairesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static Inscription Sortant(Ecole e, int k, string statut, DateOnly sortie, params (string Moment, string Type, DateOnly Le)[] resultats)
    {
        var a = new Apprenant { StructureId = e.StructureId, Prenom = "Emploi" + k, Nom = "Délai" + k, Genre = "homme", ConsentementLe = DateTime.UtcNow };
        var i = new Inscription
        {
            Apprenant = a, CohorteId = e.CohorteId, CandidatureLe = DateTime.UtcNow, Jeton = Guid.NewGuid().ToString("N"), Statut = statut, ReferentId = e.ReferentId,
            AdmissionLe = new DateOnly(2025, 3, 1), SortieLe = sortie,
        };
        i.Equipe.Add(new MembreEquipe { MediateurId = e.ReferentId, Role = "referent", Debut = DateTime.UtcNow });
        foreach (var (m, t, le) in resultats) i.Resultats.Add(new Resultat { Moment = m, Type = t, Le = le, Source = "declaratif" });
        return i;
    }

    /// <summary>Six leavers: A's first job 20 days after exit (a short CDD, then a CDI); B trains first, CDI after 102 days; C finds an
    /// apprenticeship after 154 days; D creates a business on the exit day (0); E has no news (no job: left out); F dropped out on
    /// 2025-04-15 and signs a long CDD 30 days later. Days 0, 20, 30, 102, 154: five leavers with a job, median 30 days.</summary>
    [Fact]
    public async Task Delai_jusqu_au_premier_emploi_sur_une_cohorte_calculee_a_la_main()
    {
        var e = await ScenarioParcours.EcoleAsync(app);
        var fin = new DateOnly(2025, 6, 30);
        await app.AvecDb(async db =>
        {
            db.AddRange(
                Sortant(e, 1, "termine", fin, ("sortie", "CDD_MOINS_6", new(2025, 7, 20)), ("3mois", "CDI", new(2025, 9, 30))),
                Sortant(e, 2, "termine", fin, ("sortie", "FORMATION", fin), ("3mois", "CDI", new(2025, 10, 10))),
                Sortant(e, 3, "termine", fin, ("sortie", "SANS_SOLUTION", fin), ("3mois", "SANS_SOLUTION", new(2025, 9, 30)), ("6mois", "ALTERNANCE", new(2025, 12, 1))),
                Sortant(e, 4, "termine", fin, ("sortie", "CREATION", fin)),
                Sortant(e, 5, "termine", fin, ("sortie", "INCONNU", fin), ("3mois", "INCONNU", new(2025, 9, 30))),
                Sortant(e, 6, "abandon", new(2025, 4, 15), ("sortie", "CDD_6_PLUS", new(2025, 5, 15))));
            await db.SaveChangesAsync();
        });
        app.Horloge.Regler(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        try
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var i = await CalculerIndicateurs.CohorteAsync(db, e.CohorteId, false, app.Horloge, default);
            (i.EnEmploi, i.DelaiPremierEmploiJours).ShouldBe((5, 30));
            // Shared view: five people are not a small cell.
            var m = await CalculerIndicateurs.CohorteAsync(db, e.CohorteId, true, app.Horloge, default);
            (m.EnEmploi, m.DelaiPremierEmploiJours).ShouldBe((5, 30));
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }

    /// <summary>Two signed sheets of 7 April 2025 for five admitted learners A–E. Morning (3 h 30): A, B present, C late (2 h 30
    /// attended), D excused, E absent. Afternoon (3 h): B absent, the others present. Planned: 5 × 6 h 30 = 1 950 min; attended
    /// A 390, B 210, C 330, D 180, E 180 = 1 290 min → 66.2 %; excused: D's 210 min → 10.8 %.</summary>
    [Fact]
    public async Task Taux_d_assiduite_des_feuilles_signees_calcule_a_la_main()
    {
        var e = await ScenarioParcours.EcoleAsync(app);
        var ids = new List<int>();
        foreach (var nom in new[] { "A", "B", "C", "D", "E" }) ids.Add(await ScenarioParcours.AdmisAsync(app, e, "Présence", nom));
        var candidat = await ScenarioParcours.CandidatAsync(app, e, "Pas", "Admis");
        e = await ScenarioParcours.CoursCommenceAsync(app, e);
        object Ligne(int k, string statut, decimal? heures = null) => new { inscriptionId = ids[k], statut, heures };
        var matin = new { le = "2025-04-07", seance = "matin", heures = 3.5m, signeePar = "Formatrice Test",
            lignes = new[] { Ligne(0, "present"), Ligne(1, "present"), Ligne(2, "retard", 2.5m), Ligne(3, "excuse"), Ligne(4, "absent") } };
        var r = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", matin);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        // The same session twice: 409.
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", matin)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A candidate not admitted, late for longer than the session, a day outside the course: 400 with the field.
        var mauvaise = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", new { le = "2025-03-01", seance = "soir", heures = 2, signeePar = "X",
            lignes = new object[] { new { inscriptionId = candidat, statut = "present" }, Ligne(0, "retard", 3m) } });
        mauvaise.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var erreurs = (await mauvaise.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        erreurs.TryGetProperty("Le", out _).ShouldBeTrue();
        erreurs.TryGetProperty($"Lignes[{candidat}]", out _).ShouldBeTrue();
        erreurs.TryGetProperty($"Lignes[{ids[0]}]", out _).ShouldBeTrue();
        // Hostile numbers and an empty line: 400 in French, never an overflow (found by a fresh tester: 500 before).
        foreach (var corps in new object[]
        {
            new { le = "2025-04-08", seance = "matin", heures = 1e20, signeePar = "X", lignes = new[] { Ligne(0, "present") } },
            new { le = "2025-04-08", seance = "matin", heures = 79228162514264337593543950335m, signeePar = "X", lignes = new[] { Ligne(0, "present") } },
            new { le = "2025-04-08", seance = "matin", heures = 3, signeePar = "X", lignes = new[] { Ligne(0, "retard", 1e20m) } },
            new { le = "2025-04-08", seance = "matin", heures = 3, signeePar = "X", lignes = new object?[] { null } },
        })
        {
            var hostile = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", corps);
            hostile.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await hostile.Content.ReadAsStringAsync());
        }
        r = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", new { le = "2025-04-07", seance = "apres_midi", heures = 3, signeePar = "Formatrice Test",
            lignes = new[] { Ligne(0, "present"), Ligne(1, "absent"), Ligne(2, "present"), Ligne(3, "present"), Ligne(4, "present") } });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var i = await CalculerIndicateurs.CohorteAsync(db, e.CohorteId, false, app.Horloge, default);
        (i.Emarges, i.TauxAssiduite, i.TauxAbsencesJustifiees).ShouldBe((5, 66.2m, 10.8m));
        var page = await (await app.ClientApiAsync(e.ResponsableEmail, e.ResponsableMdp)).GetStringAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/indicateurs");
        page.ShouldNotContain("assiduite"); // the contract's JSON stays as it is
    }
}
