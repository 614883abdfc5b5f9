using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Comptes;
using Passerelle.Features.Demo;
using Passerelle.Features.Notifications;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Web;

public class ProductionTests(AppFactory app) : IClassFixture<AppFactory>
{
    static IConfiguration Config(params (string Cle, string? Valeur)[] reglages) =>
        new ConfigurationBuilder().AddInMemoryCollection(reglages.Select(r => new KeyValuePair<string, string?>(r.Cle, r.Valeur))).Build();

    [Fact]
    public void La_demo_n_est_active_que_demandee_ou_sur_la_base_embarquee_par_defaut()
    {
        // The README's run command: shipped settings, nothing configured.
        DemoOptions.Actif(Config(("Database:Provider", "Sqlite"), ("ConnectionStrings:Sqlite", DemoOptions.BaseEmbarquee))).ShouldBeTrue();
        // Production: PostgreSQL, or another SQLite file, never gets demo accounts unless asked.
        DemoOptions.Actif(Config(("Database:Provider", "Postgres"), ("ConnectionStrings:Sqlite", DemoOptions.BaseEmbarquee))).ShouldBeFalse();
        DemoOptions.Actif(Config(("Database:Provider", "Sqlite"), ("ConnectionStrings:Sqlite", "Data Source=/srv/passerelle.db"))).ShouldBeFalse();
        DemoOptions.Actif(Config(("Database:Provider", "Sqlite"), ("ConnectionStrings:Sqlite", DemoOptions.BaseEmbarquee), ("Demo:Enabled", "false"))).ShouldBeFalse();
        DemoOptions.Actif(Config(("Database:Provider", "Postgres"), ("Demo:Enabled", "true"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Les_pages_personnelles_ne_sont_jamais_mises_en_cache_les_fichiers_statiques_si()
    {
        var equipe = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await equipe.GetAsync("/admin");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var api = await (await app.ClientApiAsync(Roles.Administrateur)).GetAsync("/api/v1/structures");
        api.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var css = await equipe.GetAsync("/css/site.css");
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        (css.Headers.CacheControl?.NoStore ?? false).ShouldBeFalse();
    }

    [Fact]
    public async Task Une_requete_trop_volumineuse_est_refusee_en_francais_sans_rien_lire()
    {
        var client = await app.ClientApiAsync(Roles.Administrateur);
        var contenu = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        contenu.Headers.ContentType = new("text/csv");
        var reponse = await client.PostAsync("/api/v1/qpv/import", contenu);
        reponse.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await reponse.Content.ReadAsStringAsync()).ShouldContain("taille maximale");
    }

    [Fact]
    public async Task La_boite_d_envoi_ne_montre_pas_les_liens_secrets_des_reservations()
    {
        var lieu = await Scenario.LieuAsync(app);
        var m = await Scenario.MediateursAsync(app, 1);
        await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var creneau = await app.AvecDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Creneaux.Where(c => c.LieuId == lieu.Id)));
        var reponse = await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneau.Id, email: "secret@exemple.fr"));
        reponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        var jeton = await app.AvecDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Reservations.Where(r => r.CreneauId == creneau.Id).Select(r => r.Jeton)));
        // The message really holds the link…
        (await app.AvecDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Notifications, n => n.Corps.Contains(jeton)))).ShouldBeTrue();
        // …the administrator's outbox does not show it.
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var html = await (await admin.GetAsync("/admin/notifications")).Content.ReadAsStringAsync();
        html.ShouldContain("secret@exemple.fr");
        html.ShouldNotContain(jeton);
        html.ShouldContain("/mon-rendez-vous/•••");
    }

    [Fact]
    public async Task Les_cles_de_protection_sont_dans_la_base_et_servent_a_une_autre_instance()
    {
        var jeton = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("essai").Protect("bonjour");
        (await app.AvecDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DataProtectionKeys))).ShouldBeGreaterThan(0);
        // A second instance on the same database (another server, or after a restart) reads what the first protected.
        using var autre = app.WithWebHostBuilder(_ => { });
        autre.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("essai").Unprotect(jeton).ShouldBe("bonjour");
        // A session opened on one instance is valid on the other.
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        var cookie = await CookieAsync(email, mdp);
        var ailleurs = autre.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        ailleurs.DefaultRequestHeaders.Add("Cookie", cookie);
        (await ailleurs.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Avec_un_certificat_les_cles_sont_chiffrees_dans_la_base()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"passerelle-cle-{Guid.NewGuid():N}.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var demande = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Passerelle essais", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificat = demande.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificat.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "secret-essai"));
        }
        try
        {
            // A fresh database: its first key is made under the certificate.
            using var neuve = new AppFactory();
            using var protegee = neuve.WithWebHostBuilder(b => b
                .UseSetting("DataProtection:Certificat:Chemin", pfx).UseSetting("DataProtection:Certificat:MotDePasse", "secret-essai"));
            var protecteur = protegee.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("essai");
            protecteur.Unprotect(protecteur.Protect("bonjour")).ShouldBe("bonjour");
            using var scope = protegee.Services.CreateScope();
            var cles = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                scope.ServiceProvider.GetRequiredService<Passerelle.Data.AppDbContext>().DataProtectionKeys);
            cles.ShouldNotBeEmpty();
            cles.ShouldAllBe(c => c.Xml!.Contains("encryptedSecret") && !c.Xml.Contains("unencrypted"));
        }
        finally { File.Delete(pfx); }
    }

    /// <summary>The session cookie set by the sign-in form, as "name=value".</summary>
    async Task<string> CookieAsync(string email, string mdp)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/connexion");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var doc = await Formulaires.DocumentAsync(page);
        var jeton = doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var requete = new HttpRequestMessage(HttpMethod.Post, "/connexion")
        {
            Content = new FormUrlEncodedContent([new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp), new("__RequestVerificationToken", jeton)]),
        };
        requete.Headers.Add("Cookie", string.Join("; ", antiforgery));
        var r = await client.SendAsync(requete);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return r.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("passerelle="));
    }

    [Fact]
    public void Le_masquage_garde_les_liens_ordinaires()
    {
        ListeModel.MasquerLiens("Voir http://localhost:5080/lieux/12 et https://x.fr/compte/activer/Q2FtaWxsZS1NZWRpYXRyaWNlLWp3dA?e=1")
            .ShouldBe("Voir http://localhost:5080/lieux/12 et https://x.fr/compte/activer/•••?e=1");
    }
}

public class AntiforgeryApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Une_ecriture_api_par_cookie_sans_jeton_est_refusee_par_jeton_d_acces_acceptee()
    {
        var corps = new { nom = "Association Les Clés du Numérique", typologie = "ASSO", rna = "W133000123", commune = "Marseille", codePostal = "13001" };
        // Signed in by the form: the session cookie alone, as a foreign site could make a browser send it.
        var cookie = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var refuse = await cookie.PostAsJsonAsync("/api/v1/structures", corps);
        refuse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refuse.Content.ReadAsStringAsync()).ShouldContain("anti-falsification");
        (await app.AvecDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Structures, s => s.Nom == corps.nom))).ShouldBe(0);
        // Reads by cookie stay open; writes by bearer token pass.
        (await cookie.GetAsync("/api/v1/structures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var bearer = await app.ClientApiAsync(Roles.Administrateur);
        var accepte = await bearer.PostAsJsonAsync("/api/v1/structures", corps);
        accepte.StatusCode.ShouldBe(HttpStatusCode.Created, await accepte.Content.ReadAsStringAsync());
    }
}
