using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Passerelle.Web;

/// <summary>Settings of the metrics and traces (section <c>Observabilite</c>). Both exports are off unless configured:
/// nothing is collected, no endpoint is bound.</summary>
public sealed class ObservabiliteOptions
{
    public OtlpReglages Otlp { get; set; } = new();
    public PrometheusReglages Prometheus { get; set; } = new();

    public sealed class OtlpReglages
    {
        /// <summary>Absolute http(s) address of an OpenTelemetry collector receiving OTLP (e.g. <c>http://collecteur:4317</c>
        /// for gRPC; see <see cref="Protocole"/>). Empty: no OTLP export.</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (default) or <c>http</c> (OTLP over HTTP/protobuf, where the address ends before <c>/v1/…</c>).</summary>
        public string Protocole { get; set; } = "grpc";
    }

    public sealed class PrometheusReglages
    {
        /// <summary>Serves the metrics in Prometheus' text format at <see cref="Chemin"/>, without authentication: keep that
        /// path off the public reverse proxy.</summary>
        public bool Actif { get; set; }

        /// <summary>Path of the scrape endpoint; default <c>/metrics</c>.</summary>
        public string Chemin { get; set; } = "/metrics";
    }

    /// <summary>The French messages of what is wrong; empty when the settings can be used.</summary>
    public List<string> Erreurs()
    {
        var erreurs = new List<string>();
        if (!string.IsNullOrWhiteSpace(Otlp.Endpoint)
            && !(Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            erreurs.Add($"Observabilite:Otlp:Endpoint : « {Otlp.Endpoint} » n'est pas une adresse http(s) complète.");
        if (Otlp.Protocole is not ("grpc" or "http"))
            erreurs.Add($"Observabilite:Otlp:Protocole : « {Otlp.Protocole} » ; valeurs possibles : grpc, http.");
        if (Prometheus.Actif && !(Prometheus.Chemin.StartsWith('/') && Prometheus.Chemin.Length > 1))
            erreurs.Add($"Observabilite:Prometheus:Chemin : « {Prometheus.Chemin} » doit commencer par « / ».");
        return erreurs;
    }
}

/// <summary>Metrics and traces with OpenTelemetry: ASP.NET Core requests (traces and the <c>http.server.*</c> metrics),
/// EF Core commands (traces, both databases) and EF Core's own metrics; exported by OTLP and/or served to Prometheus.</summary>
public static class Observabilite
{
    /// <summary>Reads and validates <c>Observabilite</c> (a wrong setting stops the start with a French message) and switches
    /// on what is configured.</summary>
    public static void AddObservabilite(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Observabilite").Get<ObservabiliteOptions>() ?? new();
        var erreurs = options.Erreurs();
        if (erreurs.Count > 0) throw new InvalidOperationException(string.Join(" ", erreurs));
        var otlp = !string.IsNullOrWhiteSpace(options.Otlp.Endpoint);
        if (!otlp && !options.Prometheus.Actif) return;

        var telemetrie = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("passerelle"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddMeter("Microsoft.EntityFrameworkCore");
                if (options.Prometheus.Actif) m.AddPrometheusExporter();
            });
        if (options.Prometheus.Actif) builder.Services.AddSingleton<IStartupFilter>(new PointDeCollecte(options.Prometheus.Chemin));
        if (!otlp) return;
        var cible = new Uri(options.Otlp.Endpoint!);
        var protocole = options.Otlp.Protocole == "http" ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
        telemetrie.WithMetrics(m => m.AddOtlpExporter(o => { o.Endpoint = Signal(cible, protocole, "metrics"); o.Protocol = protocole; }))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => { o.Endpoint = Signal(cible, protocole, "traces"); o.Protocol = protocole; }));
    }

    /// <summary>Binds the scrape endpoint, only when Prometheus is switched on, first in the pipeline (before the pages'
    /// error handling and the sign-in), so that Program.cs needs no second call.</summary>
    sealed class PointDeCollecte(string chemin) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> suite) => app =>
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(chemin);
            suite(app);
        };
    }

    // Over HTTP each signal has its own path under the collector's address; gRPC takes the address as is.
    static Uri Signal(Uri cible, OpenTelemetry.Exporter.OtlpExportProtocol protocole, string signal) =>
        protocole == OpenTelemetry.Exporter.OtlpExportProtocol.Grpc ? cible : new Uri(cible, cible.AbsolutePath.TrimEnd('/') + "/v1/" + signal);
}
