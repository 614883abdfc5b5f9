using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Browser;

/// <summary>The app on real Kestrel (SQLite file, demo territory) and Debian's Chromium driven by Playwright.</summary>
public sealed class Navigateur : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly string _fichier = Path.Combine(Path.GetTempPath(), $"passerelle-navigateur-{Guid.NewGuid():N}.db");
    public string FichierComptes { get; } = Path.Combine(Path.GetTempPath(), $"demo-comptes-{Guid.NewGuid():N}.txt");
    IPlaywright? _playwright;
    public IBrowser Chromium { get; private set; } = null!;
    public string Adresse { get; private set; } = "";
    /// <summary>The e-mail server of the journeys: the app sends to it through SMTP, the journey reads what arrived.</summary>
    public ServeurSmtp Smtp { get; } = new();
    /// <summary>Authenticator keys of administrators (created with two-factor authentication, or enrolled during a journey).</summary>
    readonly Dictionary<string, string> _clesTotp = [];
    /// <summary>The browser contexts opened by the journey under way, closed when it ends (<see cref="FermerPagesAsync"/>).</summary>
    readonly List<IBrowserContext> _contextes = [];

    /// <summary>The app's clock: Tuesday 17 November 2026, 10:00 in Paris, then running at the real pace. Journeys read
    /// "now" from it (<see cref="Maintenant"/>), never from the machine: a run at 00:05 or in 2028 sees the same day, far
    /// from midnight and inside the demo convention's period. Identity's authenticator codes and lockouts keep the real
    /// clock (Identity reads it itself), and so does <see cref="Totp"/>.</summary>
    public HorlogeParcours Horloge { get; } = new(new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero));
    /// <summary>The app's "now", UTC.</summary>
    public DateTime Maintenant => Horloge.GetUtcNow().UtcDateTime;
    /// <summary>The territory's day (Europe/Paris) on the app's clock.</summary>
    public DateOnly Aujourdhui => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(Maintenant, "Europe/Paris"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_fichier}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:FichierComptes", FichierComptes);
        builder.UseSetting("Taches:Actives", "false");
        builder.UseSetting("RateLimit:ReservationsParMinute", "10000");
        builder.UseSetting("RateLimit:RecherchesParMinute", "10000");
        builder.UseSetting("RateLimit:ConnexionsParMinute", "10000");
        // No tile server is reachable here: the list must work without the map's tiles.
        builder.UseSetting("Carte:UrlTuiles", "http://127.0.0.1:9/{z}/{x}/{y}.png");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Database:MigrerAuDemarrage", "true");
        builder.UseSetting("Notifications:SmtpHote", "127.0.0.1");
        builder.UseSetting("Notifications:SmtpPort", Smtp.Port.ToString());
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Horloge);
        });
    }

    /// <summary>Runs the outbox sender once, as its background job would.</summary>
    public async Task<int> EnvoyerCourrielsAsync()
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        return await Passerelle.Features.Notifications.EnvoiNotifications.TraiterAsync(sp.GetRequiredService<Passerelle.Data.AppDbContext>(),
            sp.GetRequiredService<Passerelle.Features.Notifications.IEnvoiEmail>(), sp.GetRequiredService<Passerelle.Features.Notifications.IEnvoiSms>(),
            Horloge, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
    }

    /// <summary>After "Se connecter": types the authenticator code when asked, or enrols an administrator who has
    /// no second factor yet (reading the key shown on /compte/securite, as a person would with their app).</summary>
    public async Task DoubleAuthentificationAsync(IPage page, string email)
    {
        await page.AttendreAdresseAsync(new System.Text.RegularExpressions.Regex("^(?!.*/connexion$)"));
        if (page.Url.Contains("/connexion/code"))
        {
            await page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(_clesTotp[email]));
            await page.GetByRole(AriaRole.Button, new() { Name = "Valider le code" }).ClickAsync();
        }
        else if (page.Url.Contains("/compte/securite"))
        {
            var cle = (await page.Locator("#cle-totp").TextContentAsync())!;
            _clesTotp[email] = cle;
            await page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(cle));
            await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
            await page.AttendreAdresseAsync("**/compte/securite?fait=1");
            await page.GotoAsync("/admin");
        }
    }

    /// <summary>How long one step may take (an action, a navigation, an awaited address or element) before the journey
    /// fails: a ceiling for a stuck page, never a pace — journeys wait for conditions, not for time.</summary>
    public const float Delai = 30_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Delai);
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        // Returns once the app has migrated, seeded the demo territory and listens.
        StartServer();
        Adresse = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await ChaufferServeurAsync();
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        // The browser's first page (renderer start, fonts, style sheet) is paid here, not by the first journey.
        var page = await NouvellePageAsync();
        await page.GotoAsync("/");
        await FermerPagesAsync();
    }

    /// <summary>Asks once for the public pages every journey goes through, so that the first journey does not pay for
    /// the JIT, the compiled queries and the page caches on a busy machine; fails at once if the app is not healthy.</summary>
    async Task ChaufferServeurAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Adresse), Timeout = TimeSpan.FromMinutes(2) };
        foreach (var url in new[] { "/health", "/", "/lieux", "/lieux?commune=13230", "/rendez-vous", "/connexion", "/statistiques/public", "/css/site.css" })
        {
            var r = await http.GetAsync(url);
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"Le serveur des parcours répond {(int)r.StatusCode} à {url} : {await r.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A new browser context (its own cookies) with one page on the app, French and in Paris' time zone.
    /// Closed with the other contexts of the journey when it ends.</summary>
    public async Task<IPage> NouvellePageAsync(bool javaScript = true)
    {
        var contexte = await Chromium.NewContextAsync(new() { Locale = "fr-FR", TimezoneId = "Europe/Paris", BaseURL = Adresse, BypassCSP = true, JavaScriptEnabled = javaScript });
        contexte.SetDefaultTimeout(Delai);
        contexte.SetDefaultNavigationTimeout(Delai);
        _contextes.Add(contexte);
        return await contexte.NewPageAsync();
    }

    /// <summary>Closes every context the journey opened: pages left open keep their renderer processes (and their
    /// scripts) alive, and would take the CPU of the journeys that follow.</summary>
    public async Task FermerPagesAsync()
    {
        foreach (var c in _contextes) await c.CloseAsync();
        _contextes.Clear();
    }

    public async Task<(string Email, string MotDePasse)> CompteAsync(string role)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.fr";
        var mdp = Comptes.GenererMotDePasse();
        (await Comptes.CreerAsync(users, email, mdp, role)).Ok.ShouldBeTrue();
        if (role == Roles.Administrateur)
        {
            var u = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(u);
            await users.SetTwoFactorEnabledAsync(u, true);
            _clesTotp[email] = (await users.GetAuthenticatorKeyAsync(u))!;
        }
        return (email, mdp);
    }

    public async Task<T> AvecDb<T>(Func<Passerelle.Data.AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<Passerelle.Data.AppDbContext>());
    }

    public async Task<IPage> ConnecterAsync(string email, string motDePasse)
    {
        var page = await NouvellePageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(motDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        try
        {
            await DoubleAuthentificationAsync(page, email);
            await page.AttendreAdresseAsync("**/admin");
        }
        catch (PlaywrightException e) { throw new InvalidOperationException($"Connexion de {email} non aboutie, page {page.Url} : {await page.Locator("main").InnerTextAsync()}", e); }
        return page;
    }

    /// <summary>Runs axe-core (vendored from npm) on the page and fails on any violation.</summary>
    public static async Task VerifierAccessibiliteAsync(IPage page)
    {
        // Contrast and layout rules need the style sheets: the page must have loaded, not only started to.
        await page.AttendreChargementAsync();
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") });
        var resultat = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { runOnly: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice'] }); return r.violations.map(v => v.id + ': ' + v.help + ' → ' + v.nodes.map(n => n.target.join(' ')).slice(0,3).join(' | ')); }");
        var violations = resultat.EnumerateArray().Select(v => v.GetString()).ToList();
        violations.ShouldBeEmpty($"Violations axe sur {page.Url}");
    }

    public new async Task DisposeAsync()
    {
        // InitializeAsync may have failed before the browser started: its own error is the one to see.
        if (_playwright is not null && Chromium is not null)
        {
            await FermerPagesAsync();
            await Chromium.CloseAsync();
        }
        _playwright?.Dispose();
        Dispose();
        Smtp.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { File.Delete(_fichier); } catch (IOException) { }
    }
}

[CollectionDefinition("navigateur")]
public sealed class CollectionNavigateur : ICollectionFixture<Navigateur>;

/// <summary>The app's clock in the journeys: starts at a fixed instant and runs at the real pace (a stopwatch), so that
/// durations still pass but the day and the hour never depend on when the suite runs.</summary>
public sealed class HorlogeParcours(DateTimeOffset depart) : TimeProvider
{
    readonly long _top = Stopwatch.GetTimestamp();
    public override DateTimeOffset GetUtcNow() => depart + Stopwatch.GetElapsedTime(_top);
}
