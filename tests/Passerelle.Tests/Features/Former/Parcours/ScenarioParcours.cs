using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>A school (structure), its manager, two mediators, a programme funded by « Métropole Test » and a recruiting cohort.</summary>
public sealed record Ecole(int StructureId, HttpClient Responsable, HttpClient Referent, int ReferentId, string ReferentEmail, string ReferentMdp,
    HttpClient Cip, int CipId, string CipEmail, string CipMdp, int ProgrammeId, int CohorteId, string ResponsableEmail, string ResponsableMdp)
{
    /// <summary>Bearer tokens expire with the clock: after moving it, sign in again.</summary>
    public Task<HttpClient> ResponsableAsync(AppFactory app) => app.ClientApiAsync(ResponsableEmail, ResponsableMdp);
    public Task<HttpClient> ReferentAsync(AppFactory app) => app.ClientApiAsync(ReferentEmail, ReferentMdp);
}

public static class ScenarioParcours
{
    public const string Financeur = "Métropole Test";

    /// <summary>The test clock's first day (a Wednesday): applications open, the course not started.</summary>
    public static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Puts the clock back on <see cref="Depart"/> (applications open), then creates the school.</summary>
    public static async Task<Ecole> EcoleAsync(AppFactory app)
    {
        app.Horloge.Regler(Depart);
        var s = await Scenario.StructureAsync(app);
        var resp = await Scenario.EquipierAsync(app, s, Roles.Gestionnaire);
        var referent = await Scenario.EquipierAsync(app, s);
        var cip = await Scenario.EquipierAsync(app, s);
        var p = await resp.Api.PostAsJsonAsync("/api/v1/parcours/programmes", new
        {
            nom = "Développeur web", structureId = s, labelGen = "GEN-2024-013", certification = "RNCP 37674 — niveau 5", financeurs = new[] { Financeur },
        });
        p.StatusCode.ShouldBe(HttpStatusCode.Created, await p.Content.ReadAsStringAsync());
        var programme = (await p.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var c = await resp.Api.PostAsJsonAsync("/api/v1/parcours/cohortes", new
        {
            programmeId = programme, nom = "Promo printemps 2025", debut = "2025-04-01", fin = "2025-10-31", heuresPrevues = 1200, capacite = 24,
            lieu = "Marseille", recrutementDebut = "2025-02-01", recrutementFin = "2025-03-25",
        });
        c.StatusCode.ShouldBe(HttpStatusCode.Created, await c.Content.ReadAsStringAsync());
        var cohorte = (await c.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return new Ecole(s, resp.Api, referent.Api, referent.MediateurId!.Value, referent.Email, referent.MotDePasse, cip.Api, cip.MediateurId!.Value,
            cip.Email, cip.MotDePasse, programme, cohorte, resp.Email, resp.MotDePasse);
    }

    public static object Candidature(string prenom = "Inès", string nom = "Benali", bool consentement = true) => new
    {
        prenom, nom, courriel = "ines@exemple.fr", dateNaissance = "2001-05-04", genre = "femme", commune = "Marseille", codeQpv = "QN01303I",
        motivation = "Je veux devenir développeuse.", consentement,
    };

    public static async Task<int> CandidatAsync(AppFactory app, Ecole e, string prenom = "Inès", string nom = "Benali")
    {
        var r = await app.ClientAnonyme().PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/candidatures", Candidature(prenom, nom));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static object Admission(int referentId) => new
    {
        admettre = true, motif = "Projet solide", referentId,
        situation = new { demandeurEmploi = true, demandeurEmploiDepuis = "2024-09-01", niveauQualification = "infra_bac", neet = true, allocations = new[] { "RSA" }, freins = new[] { "mobilite", "equipement" } },
    };

    /// <summary>Moves the clock into the course (10 April 2025, sessions of 7–9 April held): signed sheets are dated today at the latest.
    /// Returns the school with fresh bearer clients (tokens expire with the clock).</summary>
    public static async Task<Ecole> CoursCommenceAsync(AppFactory app, Ecole e)
    {
        app.Horloge.Regler(new DateTimeOffset(2025, 4, 10, 10, 0, 0, TimeSpan.Zero));
        return e with { Referent = await e.ReferentAsync(app), Responsable = await e.ResponsableAsync(app) };
    }

    public static async Task<int> AdmisAsync(AppFactory app, Ecole e, string prenom = "Inès", string nom = "Benali")
    {
        var id = await CandidatAsync(app, e, prenom, nom);
        var r = await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/decision", Admission(e.ReferentId));
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return id;
    }
}
