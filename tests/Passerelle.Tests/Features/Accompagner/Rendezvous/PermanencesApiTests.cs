using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

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
        // A manager of no structure cannot close this place, declare these mediators absent or stop this permanence.
        var gestionnaire = await app.ClientApiAsync(Roles.Gestionnaire);
        (await gestionnaire.PostAsJsonAsync("/api/v1/fermetures", new { lieuId = lieu.Id, dateDebut = "2025-06-01", dateFin = "2025-06-30" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gestionnaire.PostAsJsonAsync("/api/v1/absences", new { mediateurId = m[1].Id, dateDebut = "2025-05-07", dateFin = "2025-05-07" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gestionnaire.DeleteAsync($"/api/v1/permanences/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.DeleteAsync($"/api/v1/permanences/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.PermanenceId == p.Id && c.Reserves == 0))).ShouldBe(0);
    }
}

public class PermanencesPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Creer_une_permanence_par_le_formulaire()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await app.AvecDb(async db =>
        {
            var s = new Passerelle.Features.Reseau.Structures.Structure { Nom = "Asso", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "ASSO" };
            db.Structures.Add(s);
            await db.SaveChangesAsync();
            await db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.StructureId, s.Id));
        });
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/permanences");
        var form = page.QuerySelectorAll("main form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.TextContent.Contains("Créer la permanence"));
        var r = await Formulaires.SoumettreAsync(client, form, [new("LieuId", lieu.Id.ToString()), new("MotifId", "1"), new("Type", "Hebdomadaire"),
            new("Jours", "Friday"), new("HeureDebut", "14:00"), new("HeureFin", "16:00"), new("DateDebut", "2025-03-01"), new("MediateurIds", m[0].Id.ToString())]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var liste = await Formulaires.PageAsync(client, "/admin/permanences");
        liste.QuerySelector("[role=status]")!.TextContent.ShouldContain("les vendredis");
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.LieuId == lieu.Id))).ShouldBe(26); // 13 Fridays × two 60-minute slots
        var vide = await Formulaires.SoumettreAsync(client, (await Formulaires.PageAsync(client, "/admin/permanences")).QuerySelectorAll("main form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.TextContent.Contains("Créer la permanence")),
            [new("LieuId", lieu.Id.ToString()), new("Type", "Hebdomadaire"), new("HeureDebut", "14:00"), new("HeureFin", "16:00")]);
        vide.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await vide.Content.ReadAsStringAsync()).ShouldContain("Choisissez au moins un jour");
    }
}
