using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>Unmet demand by residence on a hand-computed small territory: the public slot search counts itself (no personal data),
/// referrals refused for capacity are counted by the person's residence, and the gap table adds them to <c>demandeNonSatisfaite</c>
/// with the median wait. Clock: Wednesday 12 March 2025, 10:00 UTC; period Monday 3 to Sunday 16 March 2025.</summary>
public class DemandeNonSatisfaiteTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public DemandeNonSatisfaiteTests(AppFactory app) => _app = app;

    static readonly DateOnly Du = new(2025, 3, 3), Au = new(2025, 3, 16);

    [Fact]
    public async Task Recherches_sans_creneau_orientations_refusees_et_attente_mediane_par_zone()
    {
        // A place in Fos-sur-Mer (13270) with a Monday permanence: the first free slot is Monday 17 March, 5 days after the search.
        var fos = await Scenario.LieuAsync(_app, "Fos-sur-Mer", "13270");
        var mediateurs = await Scenario.MediateursAsync(_app, 1);
        await Scenario.PermanenceAsync(_app, fos.Id, mediateurs.Select(m => m.Id), [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(12, 0));
        var anonyme = _app.ClientAnonyme();
        async Task Chercher(string url) => (await anonyme.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Chercher("/api/v1/creneaux?commune=13270");
        await Chercher("/api/v1/creneaux?commune=13270");                       // the same client again: counted once
        var autre = _app.ClientAnonyme();
        autre.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");
        (await autre.GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Chercher("/api/v1/creneaux?commune=Fos-sur-Mer");
        await Chercher("/api/v1/creneaux?commune=13230");                       // Port-Saint-Louis: nothing free at all
        await Chercher("/rendez-vous?commune=Port-Saint-Louis-du-Rh%C3%B4ne");  // the page counts too
        await Chercher("/api/v1/creneaux?commune=13230&du=2025-03-20");        // a search for later dates is not counted
        await Chercher($"/api/v1/creneaux?lieu={fos.Id}");                      // nor a search by place

        var lignes = (await _app.AvecDb(db => db.Set<RecherchesDuJour>().AsNoTracking().ToListAsync())).OrderBy(r => r.Commune, StringComparer.Ordinal).ToList();
        lignes.Select(r => (r.Jour, r.Commune, r.CodePostal, r.MotifId, r.DelaiJours, r.Nombre)).ShouldBe([
            (new DateOnly(2025, 3, 12), "13039", null, 0, 5, 1),                   // Fos-sur-Mer by its INSEE code
            (new DateOnly(2025, 3, 12), "13078", null, 0, -1, 1),                  // Port-Saint-Louis-du-Rhône
            (new DateOnly(2025, 3, 12), "cp:13230", "13230", 0, -1, 1),
            (new DateOnly(2025, 3, 12), "cp:13270", "13270", 0, 5, 2),
        ]);

        await _app.AvecDb(async db =>
        {
            // Earlier days of the period for Port-Saint-Louis: 3 searches whose first free slot was 20 days away (beyond 14: unmet),
            // 1 that found one 2 days away; and one search of February, outside the period.
            db.AddRange(new RecherchesDuJour { Jour = new(2025, 3, 5), Commune = "cp:13230", CodePostal = "13230", DelaiJours = 20, Nombre = 3 },
                new RecherchesDuJour { Jour = new(2025, 3, 5), Commune = "cp:13230", CodePostal = "13230", DelaiJours = 2, Nombre = 1 },
                new RecherchesDuJour { Jour = new(2025, 2, 20), Commune = "cp:13230", CodePostal = "13230", DelaiJours = -1, Nombre = 7 });
            await db.SaveChangesAsync();
        });

        // Referrals: two residents of Port-Saint-Louis refused for capacity, one whose referral did not lead anywhere (not counted).
        var structure = await Scenario.StructureAsync(_app);
        var equipe = await Scenario.EquipierAsync(_app, structure);
        for (var i = 0; i < 3; i++)
        {
            var b = await _app.AvecDb(async db =>
            {
                var p = new Beneficiaire { StructureId = structure, Commune = "Port-Saint-Louis-du-Rhône", CodePostal = "13230", Suivi = false };
                db.Beneficiaires.Add(p);
                await db.SaveChangesAsync();
                return p.Id;
            });
            var o = await equipe.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{b}/orientations",
                new { categorie = "Structure d'aide aux démarches administratives (France Services…)", destinataire = "France Services", motif = "Dossier de retraite" });
            o.StatusCode.ShouldBe(HttpStatusCode.Created, await o.Content.ReadAsStringAsync());
            var id = (await o.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
            (await equipe.Api.PutAsJsonAsync($"/api/v1/beneficiaires/orientations/{id}/resultat", new { resultat = i < 2 ? "Refusée (capacité)" : "Non aboutie" }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var table = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, "200054807", CancellationToken.None));
        var psl = table.Lignes.Single(l => l.Code == "13078");
        // Searches without a free slot within 14 days: 1 (13230) + 1 (page, by name) + 3 (20 days) = 5; refused referrals 2.
        psl.RecherchesSansCreneau.ShouldBe(5);
        psl.OrientationsRefusees.ShouldBe(2);
        psl.DemandeNonSatisfaite.ShouldBe(7);
        // Waits of the searches that found a slot: 2 days once, 20 days three times → median (2nd of 4) 20 days.
        psl.AttenteMedianeJours.ShouldBe(20);
        // (8 573 ÷ 1 000 + 7) ÷ (1 + 0) = 15.57
        psl.IndicePriorite.ShouldBe(15.57);
        var ligneFos = table.Lignes.Single(l => l.Code == "13039");
        ligneFos.RecherchesSansCreneau.ShouldBe(0);
        ligneFos.AttenteMedianeJours.ShouldBe(5);
        ligneFos.DemandeNonSatisfaite.ShouldBe(0);

        var qpv = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Qpv, Du, Au, "200054807", CancellationToken.None));
        qpv.Lignes.ShouldAllBe(l => l.RecherchesSansCreneau == null);

        var financeur = await _app.ClientApiAsync(Passerelle.Features.Comptes.Roles.Financeur);
        var json = await financeur.GetStringAsync("/api/v1/pilotage/ecarts?niveau=commune&du=2025-03-03&au=2025-03-16&epci=200054807");
        json.ShouldContain("\"recherchesSansCreneau\":5");
        json.ShouldContain("\"formuleDemandeNonSatisfaite\"");
        var csv = await anonyme.GetStringAsync("/donnees/ecarts-territoriaux.csv?du=2025-03-03&au=2025-03-16&epci=200054807");
        csv.ShouldContain("\"recherches_sans_creneau\",\"orientations_refusees\",\"attente_mediane_jours\",\"masque\"");
        var navigateur = await Formulaires.ConnecterAsync(_app, Passerelle.Features.Comptes.Roles.Financeur);
        var page = WebUtility.HtmlDecode(await navigateur.GetStringAsync("/pilotage/zones/13078"));
        page.ShouldContain("orientations refusées faute de capacité (par résidence) : 2");
        page.ShouldContain("recherches de rendez-vous sans créneau libre sous 14 jours");
    }

    [Fact]
    public async Task Les_recherches_lues_sont_celles_des_codes_de_la_zone()
    {
        await _app.AvecDb(async db =>
        {
            await db.Set<RecherchesDuJour>().ExecuteDeleteAsync();
            var jour = new DateOnly(2025, 3, 4);
            db.AddRange(new RecherchesDuJour { Jour = jour, Commune = "13039", DelaiJours = 5, Nombre = 2 },                       // Fos-sur-Mer: in
                new RecherchesDuJour { Jour = jour, Commune = "13203", DelaiJours = -1, Nombre = 1 },                               // Marseille 3e: in
                new RecherchesDuJour { Jour = jour, Commune = "cp:13270", CodePostal = "13270", DelaiJours = 3, Nombre = 4 },       // in
                new RecherchesDuJour { Jour = jour, Commune = "cp:75001", CodePostal = "75001", DelaiJours = 3, Nombre = 9 },       // out
                new RecherchesDuJour { Jour = jour, Commune = "83137", DelaiJours = 3, Nombre = 9 },                                // Toulon: out
                new RecherchesDuJour { Jour = jour, Commune = "jean dupont exemple fr", DelaiJours = -1, Nombre = 9 });            // old typed text: out
            await db.SaveChangesAsync();
        });
        var lues = await _app.AvecDb(db => DemandeNonSatisfaite.RecherchesAsync(db, Du, Au, ["13270", "13003"],
            PerimetreEcarts.Pour("200054807", null).CodesInsee(db), CancellationToken.None));
        lues.OrderBy(r => r.Cle, StringComparer.Ordinal).Select(r => (r.Cle, r.DelaiJours, r.Nombre))
            .ShouldBe([("13039", 5, 2), ("13203", -1, 1), ("cp:13270", 3, 4)]);
        await _app.AvecDb(db => db.Set<RecherchesDuJour>().ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Un_resultat_d_orientation_inconnu_est_une_erreur_400_qui_liste_les_codes()
    {
        var structure = await Scenario.StructureAsync(_app);
        var equipe = await Scenario.EquipierAsync(_app, structure);
        var b = await _app.AvecDb(async db =>
        {
            var p = new Beneficiaire { StructureId = structure, Commune = "Fos-sur-Mer", CodePostal = "13270", Suivi = false };
            db.Beneficiaires.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var o = await equipe.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{b}/orientations",
            new { categorie = "Structure d'aide aux démarches administratives (France Services…)", destinataire = "France Services", motif = "Dossier de retraite" });
        var id = (await o.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        foreach (var mauvais in new object[] { new { resultat = "Refusée" }, new { resultat = (string?)null }, new { resultat = "<script>" } })
        {
            var r = await equipe.Api.PutAsJsonAsync($"/api/v1/beneficiaires/orientations/{id}/resultat", mauvais);
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var corps = await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            corps.GetProperty("title").GetString().ShouldBe("Résultat d'orientation invalide");
            corps.GetProperty("errors").GetProperty("resultat")[0].GetString()
                .ShouldBe("Résultat d'orientation inconnu. Codes acceptés : « En attente », « Aboutie », « Non aboutie », « Refusée (capacité) », « Inconnu ».");
        }
        (await _app.AvecDb(db => db.Orientations.SingleAsync(x => x.Id == id))).Resultat.ShouldBe(ResultatsOrientation.EnAttente);
    }

    [Theory]
    [InlineData(new int[0], new int[0], null)]
    [InlineData(new[] { 3 }, new[] { 1 }, 3)]
    [InlineData(new[] { 1, 4 }, new[] { 1, 1 }, 1)]
    [InlineData(new[] { 0, 2, 9 }, new[] { 2, 1, 2 }, 2)]
    [InlineData(new[] { -1, 6 }, new[] { 50, 1 }, 6)]
    public void Attente_mediane_ponderee(int[] jours, int[] nombres, int? attendue) =>
        DemandeNonSatisfaite.Mediane(jours.Zip(nombres)).ShouldBe(attendue);
}
