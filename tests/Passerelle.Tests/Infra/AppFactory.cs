using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Tests.Infra;

/// <summary>The real app on a real database: a fresh SQLite file, or a fresh PostgreSQL database
/// when PASSERELLE_TEST_DB=postgres (the test script starts the server).</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public static bool Postgres => Environment.GetEnvironmentVariable("PASSERELLE_TEST_DB") == "postgres";
    public HorlogeTest Horloge { get; } = new(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
    readonly string _connexion;
    /// <summary>The test database's connection string (a replica's stand-in in <c>LectureRepliqueTests</c>).</summary>
    public string Connexion => _connexion;
    readonly string? _base;
    readonly string? _fichier;
    protected virtual bool Demo => false;
    /// <summary>As in production behind a reverse proxy on the same host: Proxy:Adresses = 127.0.0.1, and every test request
    /// arrives from 127.0.0.1 (the test server has no peer address), so that X-Forwarded-For names the client.</summary>
    protected virtual bool AvecProxy => true;

    public AppFactory()
    {
        if (Postgres)
        {
            var serveur = Environment.GetEnvironmentVariable("PASSERELLE_TEST_PG")
                ?? throw new InvalidOperationException("PASSERELLE_TEST_DB=postgres mais PASSERELLE_TEST_PG est absent : le serveur PostgreSQL n'a pas démarré.");
            _base = "t_" + Guid.NewGuid().ToString("N");
            using (var c = new NpgsqlConnection(serveur))
            {
                c.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {_base}", c);
                cmd.ExecuteNonQuery();
            }
            _connexion = new NpgsqlConnectionStringBuilder(serveur) { Database = _base, MaxPoolSize = 150 }.ToString();
        }
        else
        {
            _fichier = Path.Combine(Path.GetTempPath(), $"passerelle-test-{Guid.NewGuid():N}.db");
            _connexion = $"Data Source={_fichier}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Postgres ? "Postgres" : "Sqlite");
        builder.UseSetting(Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite", _connexion);
        builder.UseSetting("Database:MigrerAuDemarrage", "true");
        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Demo:FichierComptes", Path.Combine(Path.GetTempPath(), $"demo-comptes-{Guid.NewGuid():N}.txt"));
        builder.UseSetting("RateLimit:ConnexionsParMinute", "100000");
        builder.UseSetting("RateLimit:EcrituresParMinute", "100000");
        builder.UseSetting("RateLimit:ReservationsParMinute", "100000");
        builder.UseSetting("RateLimit:RecherchesParMinute", "100000");
        builder.UseSetting("Taches:Actives", "false");
        if (AvecProxy) builder.UseSetting("Proxy:Adresses:0", "127.0.0.1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Horloge);
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, AdresseBouclage>();
        });
    }

    public async Task<T> AvecDb<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task AvecDb(Func<AppDbContext, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<(string Email, string MotDePasse)> CreerCompteAsync(string role)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.fr";
        var mdp = Comptes.GenererMotDePasse();
        var (ok, erreur) = await Comptes.CreerAsync(users, email, mdp, role);
        if (!ok) throw new InvalidOperationException(erreur);
        // Administrators must use two-factor authentication: their test accounts have it set up, as a real one would.
        if (role == Roles.Administrateur) ClesTotp[email] = await ActiverDoubleAuthentificationAsync(users, email);
        return (email, mdp);
    }

    /// <summary>Authenticator keys of the accounts the tests set up with two-factor authentication, by e-mail.</summary>
    public Dictionary<string, string> ClesTotp { get; } = [];

    public static async Task<string> ActiverDoubleAuthentificationAsync(UserManager<IdentityUser> users, string email)
    {
        var u = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(u);
        await users.SetTwoFactorEnabledAsync(u, true);
        return (await users.GetAuthenticatorKeyAsync(u))!;
    }

    /// <summary>An API client carrying a bearer token obtained from /api/v1/auth/login.</summary>
    public async Task<HttpClient> ClientApiAsync(string role)
    {
        var (email, mdp) = await CreerCompteAsync(role);
        return await ClientApiAsync(email, mdp);
    }

    public async Task<HttpClient> ClientApiAsync(string email, string mdp)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var reponse = await client.PostAsJsonAsync("/api/v1/auth/login",
            ClesTotp.TryGetValue(email, out var cle) ? new { email, password = mdp, twoFactorCode = Totp.Code(cle) } : (object)new { email, password = mdp });
        reponse.EnsureSuccessStatusCode();
        var jeton = await reponse.Content.ReadFromJsonAsync<JetonDto>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton!.AccessToken);
        return client;
    }

    sealed record JetonDto(string AccessToken);

    public HttpClient ClientAnonyme() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (_base is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("PASSERELLE_TEST_PG"));
            c.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_base} WITH (FORCE)", c);
            cmd.ExecuteNonQuery();
        }
        if (_fichier is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _fichier, _fichier + "-wal", _fichier + "-shm" }) try { File.Delete(f); } catch (IOException) { }
        }
    }
}

public sealed class AppFactoryDemo : AppFactory
{
    protected override bool Demo => true;
}

/// <summary>A deployment without a configured proxy (the README's run command): forwarded headers must be ignored.</summary>
public sealed class AppFactorySansProxy : AppFactory
{
    protected override bool AvecProxy => false;
}

/// <summary>Gives test requests the peer address a real connection has (127.0.0.1), before any of the app's middleware.</summary>
sealed class AdresseBouclage : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> suite) => app =>
    {
        app.Use(next => ctx => { ctx.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback; return next(ctx); });
        suite(app);
    };
}

/// <summary>A clock the tests move by hand.</summary>
public sealed class HorlogeTest(DateTimeOffset depart) : TimeProvider
{
    DateTimeOffset _maintenant = depart;
    public override DateTimeOffset GetUtcNow() => _maintenant;
    public void Regler(DateTimeOffset instant) => _maintenant = instant;
}
