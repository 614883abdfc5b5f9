using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_fichier}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:FichierComptes", FichierComptes);
        builder.UseSetting("Taches:Actives", "false");
        builder.UseSetting("RateLimit:ReservationsParMinute", "10000");
        builder.UseSetting("RateLimit:ConnexionsParMinute", "10000");
        // No tile server is reachable here: the list must work without the map's tiles.
        builder.UseSetting("Carte:UrlTuiles", "http://127.0.0.1:9/{z}/{x}/{y}.png");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Database:MigrerAuDemarrage", "true");
        builder.UseSetting("Notifications:SmtpHote", "127.0.0.1");
        builder.UseSetting("Notifications:SmtpPort", Smtp.Port.ToString());
    }

    /// <summary>Runs the outbox sender once, as its background job would.</summary>
    public async Task<int> EnvoyerCourrielsAsync()
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        return await Passerelle.Features.Notifications.EnvoiNotifications.TraiterAsync(sp.GetRequiredService<Passerelle.Data.AppDbContext>(),
            sp.GetRequiredService<Passerelle.Features.Notifications.IEnvoiEmail>(), sp.GetRequiredService<Passerelle.Features.Notifications.IEnvoiSms>(),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
    }

    /// <summary>After "Se connecter": types the authenticator code when asked, or enrols an administrator who has
    /// no second factor yet (reading the key shown on /compte/securite, as a person would with their app).</summary>
    public async Task DoubleAuthentificationAsync(IPage page, string email)
    {
        await page.WaitForURLAsync(u => !u.EndsWith("/connexion"), new() { Timeout = 60_000 });
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
            await page.WaitForURLAsync("**/compte/securite?fait=1");
            await page.GotoAsync("/admin");
        }
    }

    public async Task InitializeAsync()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        Adresse = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NouvellePageAsync()
    {
        var contexte = await Chromium.NewContextAsync(new() { Locale = "fr-FR", TimezoneId = "Europe/Paris", BaseURL = Adresse, BypassCSP = true });
        // A busy CI machine can take more than Playwright's default 30 s for a page with a cold database cache.
        contexte.SetDefaultTimeout(60_000);
        contexte.SetDefaultNavigationTimeout(60_000);
        return await contexte.NewPageAsync();
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
            await page.WaitForURLAsync("**/admin", new() { Timeout = 60_000 });
        }
        catch (TimeoutException) { throw new InvalidOperationException($"Connexion de {email} non aboutie, page {page.Url} : {await page.Locator("main").InnerTextAsync()}"); }
        return page;
    }

    /// <summary>Runs axe-core (vendored from npm) on the page and fails on any violation.</summary>
    public static async Task VerifierAccessibiliteAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") });
        var resultat = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { runOnly: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice'] }); return r.violations.map(v => v.id + ': ' + v.help + ' → ' + v.nodes.map(n => n.target.join(' ')).slice(0,3).join(' | ')); }");
        var violations = resultat.EnumerateArray().Select(v => v.GetString()).ToList();
        violations.ShouldBeEmpty($"Violations axe sur {page.Url}");
    }

    public new async Task DisposeAsync()
    {
        await Chromium.CloseAsync();
        _playwright?.Dispose();
        Dispose();
        Smtp.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { File.Delete(_fichier); } catch (IOException) { }
    }
}

[CollectionDefinition("navigateur")]
public sealed class CollectionNavigateur : ICollectionFixture<Navigateur>;
