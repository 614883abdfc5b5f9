using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Activites;

/// <summary>A record may name a workshop session or a place only within the mediator's work (review of 1 December 2026: a
/// mediator wrote the record of another structure's session and so blocked its real animator).</summary>
public class PerimetreActivitesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Un_compte_rendu_ne_peut_nommer_ni_la_session_ni_le_lieu_d_une_autre_structure()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var autreStructure = await Scenario.StructureAsync(app);
        var autreLieu = await Scenario.LieuAsync(app, "Marseille", "13002");
        await app.AvecDb(async db => { (await db.Lieux.SingleAsync(l => l.Id == autreLieu.Id)).StructureId = autreStructure; await db.SaveChangesAsync(); });
        var sessionAutre = await Scenario.SessionAsync(app, autreLieu.Id, new DateTime(2025, 3, 11, 9, 0, 0, DateTimeKind.Utc), 10);

        var session = await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Atelier collectif", date = "2025-03-11", duree = 120, typeLieu = "Lieu d'activité",
            lieuId = m.LieuId, sessionAtelierId = sessionAutre.Id, themes = new[] { "E-mail" }, participantsAnonymes = 3 });
        session.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await session.Content.ReadAsStringAsync()).ShouldContain("sessionAtelierId", Case.Insensitive);

        var lieu = await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = "2025-03-11", duree = 30, typeLieu = "Lieu d'activité",
            lieuId = autreLieu.Id, themes = new[] { "E-mail" } });
        lieu.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await lieu.Content.ReadAsStringAsync()).ShouldContain("ceux où vous intervenez");

        // The session stays free for its own animator; the mediator's own place is accepted.
        (await app.AvecDb(db => db.Activites.AnyAsync(a => a.SessionAtelierId == sessionAutre.Id))).ShouldBeFalse();
        (await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = "2025-03-11", duree = 30, typeLieu = "Lieu d'activité",
            lieuId = m.LieuId, themes = new[] { "E-mail" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
