using System.Net;
using Microsoft.AspNetCore.Hosting;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Web;

/// <summary>The app with the Prometheus scrape endpoint switched on.</summary>
public sealed class AppFactoryPrometheus : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Observabilite:Prometheus:Actif", "true");
    }
}

public class ObservabiliteTests
{
    [Fact]
    public async Task Sans_reglage_aucune_mesure_n_est_exposee()
    {
        using var app = new AppFactory();
        var client = app.ClientAnonyme();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Prometheus_active_expose_la_duree_des_requetes_http()
    {
        using var app = new AppFactoryPrometheus();
        var client = app.ClientAnonyme();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reponse = await client.GetAsync("/metrics");
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = await reponse.Content.ReadAsStringAsync();
        texte.ShouldContain("http_server_request_duration_seconds");
        texte.ShouldContain("http_route=\"/health\"");
    }

    [Fact]
    public void Un_reglage_faux_est_refuse_au_demarrage_en_francais()
    {
        new ObservabiliteOptions().Erreurs().ShouldBeEmpty();
        new ObservabiliteOptions { Otlp = { Endpoint = "http://collecteur:4317" }, Prometheus = { Actif = true } }.Erreurs().ShouldBeEmpty();
        new ObservabiliteOptions { Otlp = { Endpoint = "collecteur:4317" } }.Erreurs().Single().ShouldContain("n'est pas une adresse http(s) complète");
        new ObservabiliteOptions { Otlp = { Protocole = "udp" } }.Erreurs().Single().ShouldContain("grpc, http");
        new ObservabiliteOptions { Prometheus = { Actif = true, Chemin = "metrics" } }.Erreurs().Single().ShouldContain("doit commencer par « / »");
        using var socle = new AppFactory();
        using var app = socle.WithWebHostBuilder(b => b.UseSetting("Observabilite:Otlp:Endpoint", "ftp://collecteur"));
        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("Observabilite:Otlp:Endpoint");
    }
}
