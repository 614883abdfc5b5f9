using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>The counter of public slot searches keeps no personal data and resists repetition: only a postcode or a commune the
/// reference knows is stored (as the postcode or the INSEE code), once per client, Paris-local day, place and motif; HEAD and unknown
/// motifs are not counted; counters go after 36 months. Clock: Wednesday 12 March 2025, 10:00 UTC (11:00 in Paris).</summary>
public class CompteurRecherchesTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public CompteurRecherchesTests(AppFactory app) => _app = app;

    HttpClient Client(string ip)
    {
        var c = _app.ClientAnonyme();
        c.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return c;
    }

    Task<List<(DateOnly, string, string?, int, int)>> LignesAsync() => _app.AvecDb(async db =>
        (await db.Set<RecherchesDuJour>().AsNoTracking().ToListAsync()).OrderBy(r => r.Jour).ThenBy(r => r.Commune, StringComparer.Ordinal)
            .Select(r => (r.Jour, r.Commune, r.CodePostal, r.MotifId, r.Nombre)).ToList());

    Task ViderAsync() => _app.AvecDb(db => db.Set<RecherchesDuJour>().ExecuteDeleteAsync());

    [Fact]
    public async Task Un_texte_hostile_ou_inconnu_n_est_jamais_garde()
    {
        await ViderAsync();
        var client = Client("198.51.100.1");
        string[] hostiles = ["jean.dupont@exemple.fr", "12 rue de la Paix 06 12 34 56 78", "<script>alert(1)</script>", "Marseille 13003 0612345678", "99999", "Atlantide"];
        foreach (var t in hostiles)
        {
            (await client.GetAsync($"/api/v1/creneaux?commune={Uri.EscapeDataString(t)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync($"/rendez-vous?commune={Uri.EscapeDataString(t)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var long10000 = new string('a', 10_000);
        (await client.GetAsync($"/api/v1/creneaux?commune={long10000}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await client.GetAsync($"/rendez-vous?commune={long10000}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Nom de commune trop long");
        (await LignesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Une_commune_connue_garde_son_code_insee_un_code_postal_garde_le_code_postal()
    {
        await ViderAsync();
        var client = Client("198.51.100.2");
        foreach (var t in new[] { "Fos-sur-Mer", "Port St Louis", "marseille 3e", "13003", "st chamas" })
            (await client.GetAsync($"/api/v1/creneaux?commune={Uri.EscapeDataString(t)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The page counts too (same client, same key and motif as the API's « 13003 »: not counted twice).
        (await client.GetAsync("/rendez-vous?commune=Allauch")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/rendez-vous?commune=13003")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var jour = new DateOnly(2025, 3, 12);
        (await LignesAsync()).ShouldBe([
            (jour, "13002", null, 0, 1),          // Allauch
            (jour, "13039", null, 0, 1),          // Fos-sur-Mer
            (jour, "13078", null, 0, 1),          // Port-Saint-Louis-du-Rhône
            (jour, "13092", null, 0, 1),          // Saint-Chamas
            (jour, "13203", null, 0, 1),          // Marseille 3e Arrondissement
            (jour, "cp:13003", "13003", 0, 1),
        ]);
    }

    [Fact]
    public async Task Un_client_compte_une_fois_par_jour_de_Paris_pas_de_HEAD_ni_de_motif_inconnu()
    {
        await ViderAsync();
        var motif = await _app.AvecDb(db => db.Motifs.Select(m => m.Id).FirstAsync());
        var a = Client("198.51.100.3");
        var b = Client("2001:db8:1:2::5");
        var bVoisin = Client("2001:db8:1:2::6");   // same /64: the same client
        try
        {
            for (var i = 0; i < 3; i++) await a.GetAsync("/api/v1/creneaux?commune=13270");
            await b.GetAsync("/api/v1/creneaux?commune=13270");
            await bVoisin.GetAsync("/api/v1/creneaux?commune=13270");
            await a.GetAsync($"/api/v1/creneaux?commune=13270&motif={motif}");   // another motif: counted
            await a.GetAsync("/api/v1/creneaux?commune=13270&motif=987654");      // unknown motif: not counted
            (await a.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/rendez-vous?commune=Fos-sur-Mer"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            var jour = new DateOnly(2025, 3, 12);
            (await LignesAsync()).ShouldBe([(jour, "cp:13270", "13270", 0, 2), (jour, "cp:13270", "13270", motif, 1)]);

            // 22:30 UTC is 23:30 in Paris, still the 12th: not counted again; 23:30 UTC is 00:30 on the 13th in Paris: a new day, counted again, on the Paris date.
            _app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 22, 30, 0, TimeSpan.Zero));
            await a.GetAsync("/api/v1/creneaux?commune=13270");
            (await LignesAsync()).ShouldBe([(jour, "cp:13270", "13270", 0, 2), (jour, "cp:13270", "13270", motif, 1)]);
            _app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 23, 30, 0, TimeSpan.Zero));
            await a.GetAsync("/api/v1/creneaux?commune=13270");
            await a.GetAsync("/api/v1/creneaux?commune=13270");
            (await LignesAsync()).ShouldBe([(jour, "cp:13270", "13270", 0, 2), (jour, "cp:13270", "13270", motif, 1), (jour.AddDays(1), "cp:13270", "13270", 0, 1)]);
        }
        finally { _app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }

    [Fact]
    public void Au_dela_des_limites_rien_n_est_compte()
    {
        var clients = new ClientsDuJour();
        var jour = new DateOnly(2025, 3, 12);
        var ip = IPAddress.Parse("203.0.113.9");
        Enumerable.Range(0, ClientsDuJour.ParClient).All(i => clients.Premiere(ip, $"cp:{13000 + i}", 0, jour)).ShouldBeTrue();
        clients.Premiere(ip, "cp:13999", 0, jour).ShouldBeFalse();
        clients.Premiere(IPAddress.Parse("203.0.113.10"), "cp:13999", 0, jour).ShouldBeTrue();
        clients.Premiere(ip, "cp:13999", 0, jour.AddDays(1)).ShouldBeTrue();
        // A late request still carrying the day before neither counts nor sends the day back (which would empty the set again).
        clients.Premiere(IPAddress.Parse("203.0.113.11"), "cp:13999", 0, jour).ShouldBeFalse();
        clients.Premiere(ip, "cp:13999", 0, jour.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void Le_texte_tape_n_est_pas_garde_en_memoire()
    {
        var tape = $"jean.dupont.{Guid.NewGuid():N}@exemple.fr";
        Passerelle.Features.Referentiels.Territoires.RechercheCommunes.Interpreter(tape);
        Passerelle.Features.Referentiels.Territoires.RechercheCommunes.Cle(tape);
        var cache = (System.Collections.Concurrent.ConcurrentDictionary<string, string>)typeof(Passerelle.Features.Referentiels.Territoires.RechercheCommunes)
            .GetField("Cles", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        cache.Keys.ShouldNotContain(k => k.Contains(tape));
    }

    [Fact]
    public async Task Les_compteurs_de_plus_de_36_mois_sont_purges()
    {
        await ViderAsync();
        await _app.AvecDb(async db =>
        {
            db.AddRange(new RecherchesDuJour { Jour = new(2025, 3, 11), Commune = "13039", MotifId = 0, DelaiJours = 5, Nombre = 4 },
                new RecherchesDuJour { Jour = new(2025, 3, 12), Commune = "cp:13230", CodePostal = "13230", MotifId = 0, DelaiJours = -1, Nombre = 2 },
                // Typed text kept before the counter resolved communes: purged at once.
                new RecherchesDuJour { Jour = new(2025, 3, 12), Commune = "jean dupont exemple fr", MotifId = 0, DelaiJours = -1, Nombre = 1 });
            await db.SaveChangesAsync();
        });
        // 12 March 2028, 10:00 UTC: 36 months after 12 March 2025, the 11th is older, the 12th not yet.
        await _app.AvecDb(db => Retention.ExecuterAsync(db, new HorlogeTest(new DateTimeOffset(2028, 3, 12, 10, 0, 0, TimeSpan.Zero)), 12, CancellationToken.None));
        (await LignesAsync()).ShouldBe([(new DateOnly(2025, 3, 12), "cp:13230", "13230", 0, 2)]);
        await _app.AvecDb(db => Retention.ExecuterAsync(db, new HorlogeTest(new DateTimeOffset(2028, 3, 13, 10, 0, 0, TimeSpan.Zero)), 12, CancellationToken.None));
        (await LignesAsync()).ShouldBeEmpty();
    }
}
