using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Permanences;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Rendezvous;

public class PermanencesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Permanence_mensuelle_absence_et_fermeture_par_l_api()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 2);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var r = await admin.PostAsJsonAsync("/api/v1/permanences", new
        {
            lieuId = lieu.Id, motifId = 1, type = "Mensuelle", rang = 1, jourDuMois = "Wednesday", heureDebut = "14:00:00", heureFin = "16:00:00",
            dateDebut = "2025-01-01", mediateurIds = m.Select(x => x.Id),
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var p = (await r.Content.ReadFromJsonAsync<PermanenceDto>())!;
        p.Description.ShouldBe("le premier mercredi du mois");
        // 1 April, 7 May, 4 June 2025 within 13 weeks of 12 March; two 60-minute slots each, two seats each.
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == p.Id).OrderBy(c => c.Debut).ToListAsync());
        creneaux.Select(c => c.Debut.Date).Distinct().ShouldBe([new DateTime(2025, 4, 2), new DateTime(2025, 5, 7), new DateTime(2025, 6, 4)]);
        creneaux.ShouldAllBe(c => c.Capacite == 2);

        (await admin.PostAsJsonAsync("/api/v1/absences", new { mediateurId = m[0].Id, dateDebut = "2025-05-07", dateFin = "2025-05-07" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == p.Id && c.Debut.Date == new DateTime(2025, 5, 7)).Select(c => c.Capacite).ToListAsync())).ShouldAllBe(c => c == 1);
        (await admin.PostAsJsonAsync("/api/v1/fermetures", new { lieuId = lieu.Id, dateDebut = "2025-06-01", dateFin = "2025-06-30", raison = "Travaux" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.PermanenceId == p.Id && c.Debut.Month == 6))).ShouldBe(0);

        var invalide = await admin.PostAsJsonAsync("/api/v1/permanences", new { lieuId = lieu.Id, motifId = 1, type = "Hebdomadaire", heureDebut = "16:00:00", heureFin = "14:00:00", dateDebut = "2025-01-01", mediateurIds = Array.Empty<int>() });
        invalide.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var texte = await invalide.Content.ReadAsStringAsync();
        texte.ShouldContain("heure de fin");
        texte.ShouldContain("médiateurs");
        (await (await app.ClientApiAsync(Roles.Financeur)).PostAsJsonAsync("/api/v1/fermetures", new { lieuId = lieu.Id, dateDebut = "2025-06-01", dateFin = "2025-06-30" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
