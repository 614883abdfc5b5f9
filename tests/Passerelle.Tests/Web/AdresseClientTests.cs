using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Web;

/// <summary>Rate limits and sign-in delays recognise an IPv6 client by its /64 (one subscriber's network), so that changing the last
/// 64 bits at each request does not escape them; IPv4 stays whole.</summary>
public class AdresseClientTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Une_adresse_ipv6_est_lue_par_son_prefixe_et_une_ipv4_entiere()
    {
        AdresseClient.Cle(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).ShouldBe("2001:db8:1:2::");
        AdresseClient.Cle(IPAddress.Parse("2001:db8:1:3::1")).ShouldBe("2001:db8:1:3::");
        AdresseClient.Cle(IPAddress.Parse("2001:db8:1:2:aaaa::1"), 48).ShouldBe("2001:db8:1::");
        AdresseClient.Cle(IPAddress.Parse("::ffff:198.51.100.7")).ShouldBe("198.51.100.7");
        AdresseClient.Cle(IPAddress.Parse("198.51.100.7")).ShouldBe("198.51.100.7");
        AdresseClient.Cle(null).ShouldBe("local");
        AdresseClient.Cle(null, sansAdresse: "inconnue").ShouldBe("inconnue");
    }

    [Fact]
    public async Task Changer_d_adresse_dans_le_meme_slash_64_ne_contourne_pas_la_limite_publique()
    {
        using var limitee = app.WithWebHostBuilder(b => b.UseSetting("RateLimit:RecherchesParMinute", "2"));
        HttpClient Client(string ip) => limitee.DepuisAdresse(ip);
        (await Client("2001:db8:77:1::1").GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client("2001:db8:77:1::2").GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client("2001:db8:77:1:ffff::3").GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // The next /64 is another subscriber.
        (await Client("2001:db8:77:2::1").GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task La_page_de_recherche_publique_suit_la_limite_des_recherches_avec_une_page_en_francais()
    {
        using var limitee = app.WithWebHostBuilder(b => b.UseSetting("RateLimit:RecherchesParMinute", "2"));
        var client = limitee.DepuisAdresse("198.51.100.140");
        for (var i = 0; i < 2; i++) (await client.GetAsync("/rendez-vous?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refus = await client.GetAsync("/rendez-vous?commune=13270");
        refus.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refus.Content.ReadAsStringAsync()).ShouldContain("Patientez une minute avant de réessayer.");
    }

    [Fact]
    public async Task L_equipe_connectee_n_est_pas_tenue_par_la_limite_publique_de_son_adresse()
    {
        var (email, mdp) = await app.CreerCompteAsync(Passerelle.Features.Comptes.Roles.Mediateur);
        using var limitee = app.WithWebHostBuilder(b => b.UseSetting("RateLimit:RecherchesParMinute", "1"));
        var equipe = limitee.DepuisAdresse("198.51.100.150");
        var jeton = await (await equipe.PostAsJsonAsync("/api/v1/auth/login", new { email, password = mdp })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        equipe.DefaultRequestHeaders.Authorization = new("Bearer", jeton.GetProperty("accessToken").GetString());
        for (var i = 0; i < 3; i++) (await equipe.GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The public behind the same office address is limited.
        var public_ = limitee.DepuisAdresse("198.51.100.150");
        (await public_.GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await public_.GetAsync("/api/v1/creneaux?commune=13270")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
