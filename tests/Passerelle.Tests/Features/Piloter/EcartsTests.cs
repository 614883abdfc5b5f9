using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Comptes;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Features.Referentiels.Territoires;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>The gap table on a hand-computed small territory (Port-Saint-Louis-du-Rhône, 8 573 inhabitants, census 2023, COG 2026),
/// over two weeks (Monday 3 to Sunday 16 March 2025).</summary>
public class EcartsTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public EcartsTests(AppFactory app) => _app = app;

    static readonly DateOnly Du = new(2025, 3, 3), Au = new(2025, 3, 16);

    async Task PreparerAsync()
    {
        var lieu = await Scenario.LieuAsync(_app);   // at 43.38, 4.80
        var structure = await Scenario.StructureAsync(_app);
        await _app.AvecDb(async db =>
        {
            await db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Services, "aide-aux-demarches-administratives").SetProperty(l => l.CodeInsee, "13078"));
            // The commune's reference point 0.1° east of the place: 8.08 km by haversine.
            await db.Set<Commune>().Where(c => c.CodeInsee == "13078").ExecuteUpdateAsync(s => s.SetProperty(c => c.Latitude, 43.38).SetProperty(c => c.Longitude, 4.90));
            var m = new Passerelle.Features.Reseau.Mediateurs.Mediateur { Prenom = "Ana", Nom = "Test", ConseillerNumerique = true };
            db.Mediateurs.Add(m);
            await db.SaveChangesAsync();
            // Monday 9–12 and Wednesday 14–16, weekly: 10 h over the two weeks; the place is closed Monday 10 March (−3 h), the only
            // mediator is away Wednesday 5 March (−2 h): 5 h held, 2.5 h a week.
            db.Permanences.Add(new Permanence
            {
                LieuId = lieu.Id, MotifId = Motif.IdDemarches, Type = TypeRecurrence.Hebdomadaire, JoursSemaine = Recurrence.Masque(DayOfWeek.Monday),
                HeureDebut = new TimeOnly(9, 0), HeureFin = new TimeOnly(12, 0), DateDebut = new DateOnly(2025, 1, 1), Mediateurs = [m],
            });
            db.Permanences.Add(new Permanence
            {
                LieuId = lieu.Id, MotifId = Motif.IdDemarches, Type = TypeRecurrence.Hebdomadaire, JoursSemaine = Recurrence.Masque(DayOfWeek.Wednesday),
                HeureDebut = new TimeOnly(14, 0), HeureFin = new TimeOnly(16, 0), DateDebut = new DateOnly(2025, 1, 1), Mediateurs = [m],
            });
            db.Fermetures.Add(new Fermeture { LieuId = lieu.Id, DateDebut = new DateOnly(2025, 3, 10), DateFin = new DateOnly(2025, 3, 10) });
            db.Absences.Add(new Absence { MediateurId = m.Id, DateDebut = new DateOnly(2025, 3, 5), DateFin = new DateOnly(2025, 3, 5) });
            await db.SaveChangesAsync();
            var permanence = await db.Permanences.Where(p => p.LieuId == lieu.Id).Select(p => p.Id).FirstAsync();
            // Seats: 3 slots of 2 seats in the period, one of them closed, one outside: 4 seats, 2 a week, 0.23 per 1 000.
            foreach (var (jour, ferme) in new[] { (3, false), (12, false), (10, true), (20, false) })
                db.Creneaux.Add(new Creneau
                {
                    PermanenceId = permanence, LieuId = lieu.Id, MotifId = Motif.IdDemarches, Debut = new DateTime(2025, 3, jour, 9, 0, 0, DateTimeKind.Utc),
                    Fin = new DateTime(2025, 3, jour, 9, 30, 0, DateTimeKind.Utc), Capacite = 2, Ferme = ferme, CodePostal = "13230",
                });
            // A full workshop session with one person left on its waiting list: unmet demand 2.
            var atelier = new Atelier { Titre = "Premiers pas" };
            db.Add(atelier);
            await db.SaveChangesAsync();
            var session = new SessionAtelier { AtelierId = atelier.Id, LieuId = lieu.Id, Debut = new DateTime(2025, 3, 6, 13, 0, 0, DateTimeKind.Utc), Fin = new DateTime(2025, 3, 6, 15, 0, 0, DateTimeKind.Utc), Capacite = 2, Inscrits = 2 };
            db.SessionsAteliers.Add(session);
            await db.SaveChangesAsync();
            db.Inscriptions.Add(new Inscription { SessionId = session.Id, Jeton = Guid.NewGuid().ToString("N"), Prenom = "X", Nom = "Y", Statut = StatutInscription.ListeAttente, CreeLe = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc) });
            // Demand by residence: 6 residents of Port-Saint-Louis (typed « Port St Louis du Rhone »), 7 records (one person twice),
            // one of them already seen in February: 5 first-time people. Two residents of Fos-sur-Mer: masked.
            var personnes = Enumerable.Range(0, 6).Select(i => new Beneficiaire { StructureId = structure, Commune = "Port St Louis du Rhone", CodePostal = "13230", Suivi = false })
                .Concat(Enumerable.Range(0, 2).Select(i => new Beneficiaire { StructureId = structure, Commune = "Fos-sur-Mer", CodePostal = "13270", Suivi = false })).ToList();
            db.Beneficiaires.AddRange(personnes);
            await db.SaveChangesAsync();
            Activite A(Beneficiaire b, int jour, int mois = 3) => new() { MediateurId = m.Id, BeneficiaireId = b.Id, Date = new DateOnly(2025, mois, jour), DureeMinutes = 30, LieuId = lieu.Id };
            db.Activites.AddRange(personnes.Select((b, i) => A(b, 4 + i % 5)));
            db.Activites.Add(A(personnes[0], 12));
            db.Activites.Add(A(personnes[1], 10, 2));
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Chaque_indicateur_sur_un_petit_territoire_calcule_a_la_main()
    {
        await PreparerAsync();
        var table = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, "200054807", CancellationToken.None));
        table.Lignes.Count.ShouldBe(92);
        var psl = table.Lignes.Single(l => l.Code == "13078");
        psl.Population.ShouldBe(8573);
        psl.AnneePopulation.ShouldBe(2023);
        psl.AnneeCog.ShouldBe(2026);
        psl.Lieux.ShouldBe(1);
        psl.HeuresHebdo.ShouldBe(2.5);
        psl.CreneauxHebdo.ShouldBe(2);
        psl.CreneauxPour1000.ShouldBe(0.23);
        psl.Mediateurs.ShouldBe(1);
        psl.ConseillersNumeriques.ShouldBe(1);
        psl.DistanceMinKm.ShouldBe(8.1);
        psl.DemandeObservee.ShouldBe(7);
        psl.Personnes.ShouldBe(6);
        psl.PremieresVisites.ShouldBe(5);
        psl.ListeAttenteNonServie.ShouldBe(1);
        psl.SessionsCompletes.ShouldBe(1);
        psl.DemandeNonSatisfaite.ShouldBe(2);
        // (8 573 ÷ 1 000 × 1 + 2) ÷ (1 + 2.5) = 3.02
        psl.IndicePriorite.ShouldBe(3.02);
        psl.Masques.ShouldBeEmpty();

        var fos = table.Lignes.Single(l => l.Code == "13039");
        fos.Personnes.ShouldBeNull();
        fos.DemandeObservee.ShouldBeNull();
        fos.Masques.ShouldContain("personnes");
        // Fos-sur-Mer's shipped reference point (GeoNames, 43.43774, 4.94457) to the place (43.38, 4.80): 13.33 km by haversine.
        fos.DistanceMinKm.ShouldBe(13.3);
        table.Lignes.Single(l => l.Code == "13090").DistanceMinKm.ShouldBeNull();   // Saint-Antonin-sur-Bayon: no reference point
    }

    [Fact]
    public async Task Les_qpv_ont_leur_distance_depuis_leur_point_de_reference_livre()
    {
        await PreparerAsync();
        var table = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Qpv, Du, Au, "200054807", CancellationToken.None));
        // Port-Saint-Louis' QPV takes the town centre (43.38734, 4.82609): 2.26 km from the place, beyond the 500 m that count as
        // its own offer.
        var psl = table.Lignes.Single(l => l.Code == "QN01371N");
        psl.DistanceMinKm.ShouldBe(2.3);
        psl.Lieux.ShouldBe(0);
        // Les Aygalades (Marseille 15e, 43.35711, 5.37116): 46.24 km, no place within 5 km.
        table.Lignes.Single(l => l.Code == "QN01358I").DistanceMinKm.ShouldBe(46.2);
        // A QPV with no shipped point (Jas-de-Bouffan, Aix-en-Provence) has no distance.
        table.Lignes.Single(l => l.Code == "QN01313M").DistanceMinKm.ShouldBeNull();
    }

    [Fact]
    public async Task La_page_de_zone_restreinte_a_son_epci_donne_les_memes_chiffres_que_le_tableau_national()
    {
        await PreparerAsync();
        await _app.AvecDb(async db =>
        {
            // Outside the Métropole: Arles (another EPCI), with a place offering a service and residents, so that the national table
            // reads more than the zone's EPCI.
            db.Add(new Commune { CodeInsee = "13004", Nom = "Arles", Type = Commune.TypeCommune, CodesPostaux = "13200|13280", Population = 51000,
                AnneePopulation = 2023, AnneeCog = 2026, EpciSiren = "241300417", CodeRegion = "93", Latitude = 43.6767, Longitude = 4.6278 });
            var arles = new Passerelle.Features.Reseau.Lieux.Lieu { Source = "Test", IdLocal = "arles", Nom = "Médiathèque d'Arles", Commune = "Arles", CodePostal = "13200",
                CodeInsee = "13004", Latitude = 43.6767, Longitude = 4.6278, Services = "aide-aux-demarches-administratives" };
            db.Lieux.Add(arles);
            db.Beneficiaires.AddRange(Enumerable.Range(0, 6).Select(_ => new Beneficiaire { StructureId = db.Structures.First().Id, Commune = "Arles", CodePostal = "13200", Suivi = false }));
            await db.SaveChangesAsync();
        });
        (await _app.AvecDb(db => ZoneModel.PerimetreDeLaZoneAsync(db, CalculEcarts.Commune, "13078", CancellationToken.None))).ShouldBe(("200054807", (string?)null));
        (await _app.AvecDb(db => ZoneModel.PerimetreDeLaZoneAsync(db, CalculEcarts.Qpv, "QN01371N", CancellationToken.None))).ShouldBe(("200054807", (string?)null));
        (await _app.AvecDb(db => ZoneModel.PerimetreDeLaZoneAsync(db, CalculEcarts.Commune, "13004", CancellationToken.None))).ShouldBe(("241300417", (string?)null));
        foreach (var (niveau, code) in new[] { (CalculEcarts.Commune, "13078"), (CalculEcarts.Commune, "13039"), (CalculEcarts.Qpv, "QN01371N") })
        {
            var national = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, niveau, Du, Au, null, CancellationToken.None));
            var restreint = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, niveau, Du, Au, "200054807", CancellationToken.None));
            national.Lignes.Count.ShouldBeGreaterThan(restreint.Lignes.Count);
            System.Text.Json.JsonSerializer.Serialize(restreint.Lignes.Single(l => l.Code == code))
                .ShouldBe(System.Text.Json.JsonSerializer.Serialize(national.Lignes.Single(l => l.Code == code)));
            restreint.LieuxParZone[code].ShouldBe(national.LieuxParZone[code]);
        }
    }

    [Fact]
    public async Task L_api_et_le_csv_publient_les_agregats_avec_leur_millesime_et_refusent_une_mauvaise_saisie()
    {
        var api = await _app.ClientApiAsync(Roles.Financeur);
        var r = await api.GetAsync("/api/v1/pilotage/ecarts?niveau=commune&du=2025-03-03&au=2025-03-16&epci=200054807");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await r.Content.ReadAsStringAsync();
        foreach (var champ in new[] { "\"code\"", "\"nom\"", "\"population\"", "\"heuresHebdo\"", "\"creneauxPour1000\"", "\"distanceMinKm\"", "\"demandeObservee\"", "\"demandeNonSatisfaite\"", "\"indicePriorite\"", "\"anneePopulation\"", "\"anneeCog\"" })
            json.ShouldContain(champ);
        json.ShouldNotContain("lieuxParZone");
        (await api.GetAsync("/api/v1/pilotage/ecarts?niveau=iris")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync("/api/v1/pilotage/ecarts?du=2025-04-01&au=2025-03-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync("/api/v1/pilotage/ecarts?epci=12")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _app.ClientAnonyme().GetAsync("/api/v1/pilotage/ecarts")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await (await _app.ClientApiAsync(Roles.Mediateur)).GetAsync("/api/v1/pilotage/ecarts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var csv = await _app.ClientAnonyme().GetStringAsync("/donnees/ecarts-territoriaux.csv?du=2025-03-03&au=2025-03-16&epci=200054807");
        csv.Split('\n')[0].ShouldStartWith("\"niveau\",\"code\",\"nom\",\"du\",\"au\",\"population\",\"annee_population\",\"annee_cog\"");
        csv.ShouldContain("\"commune\",\"13078\",\"Port-Saint-Louis-du-Rhône\",\"2025-03-03\",\"2025-03-16\",\"8573\",\"2023\",\"2026\"");
        (await _app.ClientAnonyme().GetStringAsync("/donnees")).ShouldContain("/donnees/ecarts-territoriaux.csv");
    }
}
