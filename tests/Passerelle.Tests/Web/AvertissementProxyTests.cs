using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Web;

/// <summary>In Production without <c>Proxy:Adresses</c>, the start says once that rate limits and the search counter see a reverse
/// proxy as one client; with a proxy configured, or in another environment, it says nothing of it.</summary>
public class AvertissementProxyTests(AppFactorySansProxy sansProxy) : IClassFixture<AppFactorySansProxy>
{
    static async Task<List<string>> AvertissementsAuDemarrageAsync(AppFactory app, string environnement)
    {
        var capteur = new Capteur();
        using var f = app.WithWebHostBuilder(b => b.UseEnvironment(environnement).ConfigureLogging(l => l.AddProvider(capteur)));
        (await f.CreateClient().GetAsync("/health")).ShouldNotBeNull();
        return capteur.Avertissements.Where(m => m.StartsWith("Proxy:Adresses")).ToList();
    }

    [Fact]
    public async Task Sans_proxy_en_production_un_avertissement_au_demarrage()
    {
        (await AvertissementsAuDemarrageAsync(sansProxy, "Production")).ShouldBe([Production.MessageSansProxy]);
        (await AvertissementsAuDemarrageAsync(sansProxy, "Development")).ShouldBeEmpty();
        using var avecProxy = new AppFactory();
        (await AvertissementsAuDemarrageAsync(avecProxy, "Production")).ShouldBeEmpty();
    }

    sealed class Capteur : ILoggerProvider
    {
        public ConcurrentQueue<string> Avertissements { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Journal(this);
        public void Dispose() { }

        sealed class Journal(Capteur capteur) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning) capteur.Avertissements.Enqueue(formatter(state, exception));
            }
        }
    }
}
