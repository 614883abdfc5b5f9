using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>Permanences across the clock changes of Europe/Paris: the hour that does not exist in spring, the hour that happens twice in autumn.</summary>
public class ChangementHeureTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Reported case 04 (Donnees/cas-signales): a night permanence on Sunday 28 March 2027, 01:00–03:00, whose second
    /// slot would start at 02:00, an hour the clocks skip. It answered 500 and left the permanence without its slots.</summary>
    [Fact]
    public async Task Cas_04_creneau_dans_l_heure_qui_n_existe_pas()
    {
        app.Horloge.Regler(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.Zero));
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        var cas = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Donnees", "cas-signales", "04-permanence-nuit-changement-heure.json")))!;
        cas["lieuId"] = lieu.Id;
        cas["mediateurIds"] = new JsonArray(m[0].Id);
        var admin = await app.ClientApiAsync(Roles.Administrateur);

        var r = await admin.PostAsJsonAsync("/api/v1/permanences", cas);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var p = (await r.Content.ReadFromJsonAsync<PermanenceDto>())!;
        p.CreneauxGeneres.ShouldBe(1);
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == p.Id).OrderBy(c => c.Debut).ToListAsync());
        // 01:00 winter time (00:00 UTC) for its real 60 minutes, ending at 03:00 summer time; 02:00 does not exist that night.
        creneaux.ShouldHaveSingleItem().Debut.ShouldBe(new DateTime(2027, 3, 28, 0, 0, 0));
        creneaux[0].Fin.ShouldBe(new DateTime(2027, 3, 28, 1, 0, 0));
        // The hourly job passes over it without failing, and adds nothing twice.
        var bilan = await app.AvecDb(db => GenererCreneaux.GenererAsync(db, app.Horloge, null, null, null, CancellationToken.None));
        bilan.Echecs.ShouldBe(0);
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.PermanenceId == p.Id))).ShouldBe(1);
        (await app.AvecDb(db => db.Permanences.CountAsync(x => x.LieuId == lieu.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Heure_repetee_d_octobre_ni_doublon_ni_creneau_ambigu()
    {
        app.Horloge.Regler(new DateTimeOffset(2027, 10, 20, 10, 0, 0, TimeSpan.Zero));
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var r = await admin.PostAsJsonAsync("/api/v1/permanences", new
        {
            lieuId = lieu.Id, motifId = 1, type = "Hebdomadaire", jours = new[] { "Sunday" }, heureDebut = "01:00", heureFin = "04:00",
            dateDebut = "2027-10-31", dateFin = "2027-10-31", mediateurIds = new[] { m[0].Id },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var p = (await r.Content.ReadFromJsonAsync<PermanenceDto>())!;
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(c => c.PermanenceId == p.Id).OrderBy(c => c.Debut).ToListAsync());
        // 01:00 summer time, then 03:00 winter time; 02:00 happens twice that night and would name two instants: skipped.
        creneaux.Select(c => c.Debut).ShouldBe([new DateTime(2027, 10, 30, 23, 0, 0), new DateTime(2027, 10, 31, 2, 0, 0)]);
        creneaux.ShouldAllBe(c => c.Fin == c.Debut.AddHours(1));
        var bilan = await app.AvecDb(db => GenererCreneaux.GenererAsync(db, app.Horloge, null, null, null, CancellationToken.None));
        bilan.Echecs.ShouldBe(0);
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.PermanenceId == p.Id))).ShouldBe(2);
    }
}
