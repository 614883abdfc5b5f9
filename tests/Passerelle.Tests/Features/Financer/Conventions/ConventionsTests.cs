using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Conventions;

public class ConventionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Creer_une_convention_genere_son_planning_et_suit_sa_realisation()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        var (metropole, commune, atelier) = await app.AvecDb(async db =>
        {
            var a = new Structure { Nom = "Métropole", Siret = "43493312300029", Typologie = "EPCI" };
            var b = new Structure { Nom = "Commune", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "MUNI" };
            var at = new Passerelle.Features.Accompagner.Ateliers.Atelier { Titre = "Premiers pas", DureeMinutes = 120 };
            db.AddRange(a, b, at);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, at.Id);
        });
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var corps = new
        {
            intitule = "Médiation à la Maison France Service", coordinateurId = metropole, partenaireId = commune, lieuId = lieu.Id,
            dateDebut = "2025-03-01", dateFin = "2025-09-01", creneauxParSemaine = 5, ateliersParMois = 1, dateSignature = "2025-02-15",
            referenceDeliberation = "Délibération n° 2025-012",
            planning = new { jourPermanence = "Tuesday", heureDebut = "09:00:00", motifId = 2, mediateurIds = new[] { m[0].Id }, atelierId = atelier,
                rangAtelier = 1, jourAtelier = "Wednesday", heureAtelier = "14:00:00", capaciteAtelier = 8 },
        };
        var r = await admin.PostAsJsonAsync("/api/v1/conventions", corps);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var c = (await r.Content.ReadFromJsonAsync<ConventionDto>())!;
        // 5 slots of 45 min on Tuesdays 09:00–12:45, from now (12 March 2025) to the 13-week horizon; sessions on first Wednesdays.
        var creneaux = await app.AvecDb(db => db.Creneaux.Where(x => x.Permanence!.ConventionId == c.Id).ToListAsync());
        creneaux.GroupBy(x => x.Debut.Date).ShouldAllBe(g => g.Count() == 5);
        (await app.AvecDb(db => db.SessionsAteliers.CountAsync(s => s.ConventionId == c.Id))).ShouldBe(6);
        var mars = c.Livraison.Single(x => x.Mois == new DateOnly(2025, 3, 1));
        mars.CreneauxEngages.ShouldBe(25); // five weeks start in March 2025
        mars.CreneauxPlanifies.ShouldBe(10); // slots exist from "now" on: Tuesdays 18 and 25 March
        c.Livraison.Single(x => x.Mois == new DateOnly(2025, 8, 1)).Planifie.ShouldBeFalse();

        // A booking and a no-show appear in the month's figures.
        var premier = creneaux.OrderBy(x => x.Debut).First();
        var res = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(premier.Id))).Content.ReadFromJsonAsync<Passerelle.Features.Accompagner.Rendezvous.ReservationCreeeDto>())!;
        var lu = (await admin.GetFromJsonAsync<ConventionDto>($"/api/v1/conventions/{c.Id}"))!;
        lu.Livraison.Single(x => x.Mois == new DateOnly(2025, 3, 1)).Reserves.ShouldBe(1);
        var page = await Formulaires.PageAsync(await Formulaires.ConnecterAsync(app, Roles.Financeur), $"/admin/conventions/{c.Id}");
        page.QuerySelector("#livraison tbody tr th")!.TextContent.ShouldBe("mars 2025");
        page.QuerySelector("#alerte-livraison")!.TextContent.ShouldContain("en dessous des engagements");
    }

    [Fact]
    public async Task Convention_invalide_refusee_sans_rien_ecrire()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var avant = await app.AvecDb(db => db.Conventions.CountAsync());
        var r = await admin.PostAsJsonAsync("/api/v1/conventions", new { intitule = "", coordinateurId = 1, partenaireId = 1, lieuId = 999999, dateDebut = "2025-09-01", dateFin = "2025-03-01", creneauxParSemaine = 5, ateliersParMois = 1 });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.AvecDb(db => db.Conventions.CountAsync())).ShouldBe(avant);
        (await app.ClientAnonyme().GetAsync("/api/v1/conventions/1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Creer_une_convention_par_le_formulaire()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        var (a, b) = await app.AvecDb(async db =>
        {
            var x = new Structure { Nom = "Métropole test", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "EPCI" };
            var y = new Structure { Nom = "Commune test", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "MUNI" };
            db.AddRange(x, y);
            await db.SaveChangesAsync();
            await db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.StructureId, y.Id));
            return (x.Id, y.Id);
        });
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/conventions/nouvelle");
        var form = page.QuerySelector("main form") as AngleSharp.Html.Dom.IHtmlFormElement;
        var r = await Formulaires.SoumettreAsync(client, form!, [new("Intitule", "Convention par formulaire"), new("CoordinateurId", a.ToString()), new("PartenaireId", b.ToString()),
            new("LieuId", lieu.Id.ToString()), new("DateDebut", "2025-03-01"), new("DateFin", "2026-03-01"), new("CreneauxParSemaine", "4"), new("AteliersParMois", "0"),
            new("Generer", "true"), new("JourPermanence", "Monday"), new("HeureDebut", "09:00"), new("MotifId", "1"), new("MediateurIds", m[0].Id.ToString())]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Formulaires.DocumentAsync(r)).QuerySelector("[role=alert]")?.TextContent);
        var fiche = await Formulaires.PageAsync(client, r.Headers.Location!.ToString());
        fiche.QuerySelector("h1")!.TextContent.ShouldBe("Convention par formulaire");
        // Mondays 09:00–13:00, 60-minute slots: 13 Mondays ahead, minus Easter Monday (21 April) and Whit Monday (9 June).
        (await app.AvecDb(db => db.Creneaux.CountAsync(c => c.LieuId == lieu.Id))).ShouldBe(11 * 4);
    }
}
