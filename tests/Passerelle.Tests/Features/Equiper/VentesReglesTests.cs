using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Ventes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>The sale rules that depend on time, with the clock moved by hand (own factory: the clock is not shared): the proof of
/// eligibility expires, reservations expire, one purchase per household per period.</summary>
public class VentesReglesTests : IDisposable
{
    readonly AppFactory app = new();
    public void Dispose() { app.Dispose(); GC.SuppressFinalize(this); }

    /// <summary>Moves the clock and signs in again: the bearer token expires with the moved clock.</summary>
    async Task<HttpClient> SeReconnecterAsync(DateTimeOffset instant)
    {
        app.Horloge.Regler(instant);
        return await app.ClientApiAsync(Roles.Gestionnaire);
    }

    static object Vente(int appareilId, string date, string? foyer = null, string nom = "Inès R.") => new
    {
        appareilId, prix = 9000, eligibilite = new { motif = "rsa", justificatif = "attestation CAF", date }, acheteur = new { nom, commune = "Aubagne", foyer },
    };

    [Fact]
    public async Task Justificatif_expire_quand_l_horloge_avance_et_un_achat_par_foyer()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var lot = await EquipementTests.LotAsync(app, equipe);
        var a = await EquipementTests.EnStockAsync(equipe, lot);
        var b = await EquipementTests.EnStockAsync(equipe, lot);
        // RSA attestation of 1 March: valid 3 months, until 1 June included, by the day in Paris. At 00:30 on 2 June in Paris
        // (22:30 UTC on 1 June) it has expired; at 23:30 on 1 June in Paris it has not.
        equipe = await SeReconnecterAsync(new DateTimeOffset(2025, 6, 1, 22, 30, 0, TimeSpan.Zero));
        var expire = await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, "2025-03-01"));
        expire.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await expire.Content.ReadAsStringAsync()).ShouldContain("expiré");
        equipe = await SeReconnecterAsync(new DateTimeOffset(2025, 6, 1, 21, 30, 0, TimeSpan.Zero));
        var ok = await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, "2025-03-01", "CAF 1234567"));
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());

        // The same household (reference typed otherwise) six months later: refused; thirteen months later: accepted.
        equipe = await SeReconnecterAsync(new DateTimeOffset(2025, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var deja = await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(b.Id, "2025-11-20", "caf1234567", "Autre nom"));
        deja.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await deja.Content.ReadAsStringAsync()).ShouldContain("un achat par foyer tous les 12 mois");
        equipe = await SeReconnecterAsync(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));
        (await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(b.Id, "2026-06-20", "CAF 1234567"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Une_reservation_expire_et_l_appareil_revient_en_stock()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var a = await EquipementTests.EnStockAsync(equipe, await EquipementTests.LotAsync(app, equipe));
        (await EquipementTests.VersAsync(equipe, a.Id, "reserve")).StatusCode.ShouldBe(HttpStatusCode.Conflict); // only with its holder and length
        var r = await equipe.PostAsJsonAsync("/api/v1/equipement/reservations", new { appareilId = a.Id, pour = "Nadia K.", jours = 3 });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var lu = await r.Content.ReadFromJsonAsync<JsonElement>();
        lu.GetProperty("etat").GetString().ShouldBe("reserve");
        lu.GetProperty("reserveJusquAu").GetDateTime().ShouldBe(new DateTime(2025, 3, 15, 10, 0, 0));
        var deux = await equipe.PostAsJsonAsync("/api/v1/equipement/reservations", new { appareilId = a.Id, pour = "Autre" });
        deux.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await equipe.PostAsJsonAsync("/api/v1/equipement/reservations", new { appareilId = a.Id, pour = "", jours = 90 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        equipe = await SeReconnecterAsync(new DateTimeOffset(2025, 3, 16, 10, 0, 0, TimeSpan.Zero));
        (await app.AvecDb(db => LibererReservations.ExecuterAsync(db, app.Horloge, CancellationToken.None))).ShouldBe(1);
        var apres = (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{a.Id}"))!;
        apres.Etat.ShouldBe("en_stock");
        apres.Historique.Last().Note.ShouldBe("Réservation expirée");
        (await equipe.PostAsJsonAsync("/api/v1/equipement/reservations", new { appareilId = a.Id, pour = "Autre" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Le_tableau_de_bord_compte_la_chaine_et_s_exporte_en_csv()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var lot = await EquipementTests.LotAsync(app, equipe);
        var a = await EquipementTests.EnStockAsync(equipe, lot);
        await EquipementTests.EnStockAsync(equipe, lot);
        equipe = await SeReconnecterAsync(new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.Zero));
        (await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, "2025-03-10", "F-DASH"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var t = await app.AvecDb(db => TableauDeBord.CalculerAsync(db, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), CancellationToken.None));
        t.Entrees.Single(e => e.Etat == "recu").Appareils.ShouldBe(2);
        t.Entrees.Single(e => e.Etat == "reconditionne").Appareils.ShouldBe(2);
        t.Entrees.Single(e => e.Etat == "vendu").Appareils.ShouldBe(1);
        t.Ventes.ShouldBe(1);
        t.DelaiMedianJours.ShouldBe(8);
        t.Stock.Single().ShouldBe(("portable", "B", 1));
        var page = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        var csv = await page.GetAsync("/admin/equipement/tableau-de-bord?handler=csv&du=2025-03-01&au=2025-03-31");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = await csv.Content.ReadAsStringAsync();
        texte.ShouldContain("\"appareils_entres_dans_l_etat\",\"vendu\",\"1\"");
        texte.ShouldContain("\"stock\",\"portable/B\",\"1\"");
        (await page.GetAsync("/admin/equipement/tableau-de-bord?du=2025-03-31&au=2025-03-01")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
