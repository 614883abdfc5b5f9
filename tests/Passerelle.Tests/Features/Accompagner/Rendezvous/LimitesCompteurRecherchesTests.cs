using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

/// <summary>What bounds the counter of public searches (ADR 0037): the client is an IPv4 whole or an IPv6 by its /48, at most
/// <see cref="ClientsDuJour.ParClient"/> counts a client, <see cref="ClientsDuJour.ParCle"/> a place and motif and a capacity of
/// entries a day, each limit reached logged once; the API search is rate limited; concurrent counts add up exactly.
/// Clock: Wednesday 12 March 2025, 10:00 UTC.</summary>
public class LimitesCompteurRecherchesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateOnly Jour = new(2025, 3, 12);

    HttpClient Client(string ip) => app.DepuisAdresse(ip);

    Task<int> NombreAsync(string cle) => app.AvecDb(db => db.Set<RecherchesDuJour>().Where(r => r.Commune == cle).SumAsync(r => r.Nombre));

    [Fact]
    public void Le_client_est_l_ipv4_entiere_l_ipv6_par_son_56_une_adresse_absente_un_seul_client()
    {
        ClientsDuJour.Identite(IPAddress.Parse("2001:db8:1:2::5")).ShouldBe("2001:db8:1::");
        ClientsDuJour.Identite(IPAddress.Parse("2001:db8:1:ff:1:2:3:4")).ShouldBe("2001:db8:1::");
        ClientsDuJour.Identite(IPAddress.Parse("2001:db8:1:ffff:1:2:3:4")).ShouldBe("2001:db8:1:ff00::");
        ClientsDuJour.Identite(IPAddress.Parse("2001:db8:2::1")).ShouldBe("2001:db8:2::");
        ClientsDuJour.Identite(IPAddress.Parse("::ffff:203.0.113.9")).ShouldBe("203.0.113.9");
        ClientsDuJour.Identite(IPAddress.Parse("203.0.113.9")).ShouldBe("203.0.113.9");
        ClientsDuJour.Identite(IPAddress.Parse("203.0.113.10")).ShouldBe("203.0.113.10");
        ClientsDuJour.Identite(null).ShouldBe("?");

        var clients = new ClientsDuJour();
        clients.Premiere(IPAddress.Parse("203.0.113.9"), "cp:13270", 0, Jour).ShouldBeTrue();
        clients.Premiere(IPAddress.Parse("::ffff:203.0.113.9"), "cp:13270", 0, Jour).ShouldBeFalse();   // the same IPv4
        clients.Premiere(IPAddress.Parse("2001:db8:7:1::1"), "cp:13270", 0, Jour).ShouldBeTrue();
        clients.Premiere(IPAddress.Parse("2001:db8:7:2::1"), "cp:13270", 0, Jour).ShouldBeFalse();      // another /64 of the same /56
        clients.Premiere(IPAddress.Parse("2001:db8:8::1"), "cp:13270", 0, Jour).ShouldBeTrue();
        // Requests without an address are one client: once per place, 30 places a day in all.
        clients.Premiere(null, "cp:13270", 0, Jour).ShouldBeTrue();
        clients.Premiere(null, "cp:13270", 0, Jour).ShouldBeFalse();
        Enumerable.Range(1, 29).Count(i => clients.Premiere(null, $"cp:{13000 + i}", 0, Jour)).ShouldBe(29);
        clients.Premiere(null, "cp:13999", 0, Jour).ShouldBeFalse();
    }

    [Fact]
    public void Au_dela_de_trente_recherches_un_client_n_est_plus_compte_meme_pour_un_autre_motif()
    {
        var clients = new ClientsDuJour();
        var ip = IPAddress.Parse("198.51.100.30");
        Enumerable.Range(0, 40).Count(i => clients.Premiere(ip, "cp:13270", i, Jour)).ShouldBe(30);
        clients.Premiere(IPAddress.Parse("198.51.100.31"), "cp:13270", 35, Jour).ShouldBeTrue();
    }

    [Fact]
    public void La_capacite_atteinte_arrete_le_comptage_jusqu_au_lendemain_avec_un_seul_avertissement()
    {
        var journal = new Journal();
        var clients = new ClientsDuJour(journal, capacite: 3);
        Enumerable.Range(1, 5).Count(i => clients.Premiere(IPAddress.Parse($"198.51.100.{i}"), "cp:13270", 0, Jour)).ShouldBe(3);
        // A client already counted stays refused; a new place is refused too: the set is full.
        clients.Premiere(IPAddress.Parse("198.51.100.1"), "cp:13003", 0, Jour).ShouldBeFalse();
        journal.Avertissements.Count.ShouldBe(1);
        journal.Avertissements[0].ShouldContain("3 entrées atteintes");
        clients.Premiere(IPAddress.Parse("198.51.100.4"), "cp:13270", 0, Jour.AddDays(1)).ShouldBeTrue();
    }

    [Fact]
    public void Une_commune_ne_recoit_pas_plus_de_2000_comptes_par_jour_et_par_motif()
    {
        var journal = new Journal();
        var clients = new ClientsDuJour(journal);
        // 2 100 /56 prefixes (a holder of many addresses): 2 000 counted, then nothing for this place and motif.
        Enumerable.Range(0, 2_100).Count(i => clients.Premiere(IPAddress.Parse($"2001:db8:{i:x}::1"), "13039", 0, Jour)).ShouldBe(2_000);
        clients.Premiere(IPAddress.Parse("2001:db8:ffff::1"), "13039", 3, Jour).ShouldBeTrue();    // another motif
        clients.Premiere(IPAddress.Parse("2001:db8:ffff::1"), "13092", 0, Jour).ShouldBeTrue();    // another commune
        journal.Avertissements.Count.ShouldBe(1);
        journal.Avertissements[0].ShouldContain("13039 (motif 0) a reçu 2000 recherches");
        clients.Premiere(IPAddress.Parse("2001:db8:fffe::1"), "13039", 0, Jour).ShouldBeFalse();
        journal.Avertissements.Count.ShouldBe(1);   // once for this place
        // A second place pushed to its cap is reported too (1 already counted above).
        Enumerable.Range(0, 2_100).Count(i => clients.Premiere(IPAddress.Parse($"2001:db9:{i:x}::1"), "13092", 0, Jour)).ShouldBe(1_999);
        journal.Avertissements.Count.ShouldBe(2);
        journal.Avertissements[1].ShouldContain("13092 (motif 0)");
        clients.Premiere(IPAddress.Parse("2001:db8:ffff::2"), "13039", 0, Jour.AddDays(1)).ShouldBeTrue();
    }

    [Fact]
    public async Task Changer_de_64_dans_le_meme_56_ne_compte_pas_deux_fois()
    {
        await app.AvecDb(db => db.Set<RecherchesDuJour>().Where(r => r.Commune == "cp:13230").ExecuteDeleteAsync());
        foreach (var ip in new[] { "2001:db8:48:1::1", "2001:db8:48:2::1", "2001:db8:48:ff::9", "2001:db8:48:100::1", "2001:db8:49::1", "::ffff:192.0.2.48", "192.0.2.48" })
            (await Client(ip).GetAsync("/api/v1/creneaux?commune=13230")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NombreAsync("cp:13230")).ShouldBe(4);   // 2001:db8:48::/56, 2001:db8:48:100::/56, 2001:db8:49::/56, 192.0.2.48
    }

    [Fact]
    public async Task Trente_deux_recherches_simultanees_de_clients_differents_font_trente_deux()
    {
        await app.AvecDb(db => db.Set<RecherchesDuJour>().Where(r => r.Commune == "13039").ExecuteDeleteAsync());
        var reponses = await Task.WhenAll(Enumerable.Range(1, 32).Select(i => Client($"203.0.113.{100 + i}").GetAsync("/api/v1/creneaux?commune=Fos-sur-Mer")));
        reponses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await NombreAsync("13039")).ShouldBe(32);
        (await app.AvecDb(db => db.Set<RecherchesDuJour>().CountAsync(r => r.Commune == "13039"))).ShouldBe(1);
    }

    [Fact]
    public async Task La_recherche_publique_par_l_api_est_limitee_par_adresse_avec_un_message_en_francais()
    {
        using var limitee = app.WithWebHostBuilder(b => b.UseSetting("RateLimit:RecherchesParMinute", "3"));
        HttpClient ClientLimite(string ip) => limitee.DepuisAdresse(ip);
        var client = ClientLimite("198.51.100.120");
        for (var i = 0; i < 3; i++) (await client.GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refus = await client.GetAsync("/api/v1/creneaux?commune=13270");
        refus.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refus.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        var probleme = await refus.Content.ReadFromJsonAsync<JsonElement>();
        probleme.GetProperty("title").GetString().ShouldBe("Trop de requêtes : réessayez dans une minute");
        probleme.GetProperty("detail").GetString().ShouldBe(Authentification.MessageLimite);
        (await ClientLimite("198.51.100.121").GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    sealed class Journal : ILogger<ClientsDuJour>
    {
        public List<string> Avertissements { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Avertissements.Add(formatter(state, exception));
        }
    }
}
