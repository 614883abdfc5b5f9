using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Web;

/// <summary>Every section is bound to an Options class and validated when the app starts: a wrong value stops the start
/// with a French message that names the key, whether the setting decides registrations (read before the container exists)
/// or is validated by <c>ValidateOnStart</c>.</summary>
public class ReglagesTests
{
    [Theory]
    // Read before the container exists: they decide what is registered.
    [InlineData("Database:Provider", "Oracle", "Database:Provider « Oracle » inconnu : Sqlite ou Postgres.")]
    [InlineData("Database:MigrerAuDemarrage", "oui", "Réglage Database:MigrerAuDemarrage : « oui » n'est ni « true » ni « false ».")]
    [InlineData("Demo:Enabled", "peut-être", "Demo:Enabled")]
    [InlineData("Proxy:Adresses:0", "proxy.interne", "Proxy:Adresses : « proxy.interne » n'est pas une adresse IP.")]
    [InlineData("Taches:Actives", "parfois", "Réglage Taches:Actives : « parfois » n'est ni « true » ni « false ».")]
    [InlineData("Notifications:SmtpPort", "vingt-cinq", "Réglage Notifications:SmtpPort : « vingt-cinq » n'est pas un nombre entier.")]
    [InlineData("Notifications:RappelHeuresAvant", "0", "Notifications:RappelHeuresAvant doit être compris entre 1 et 336.")]
    [InlineData("Notifications:PeriodeSecondes", "0", "Notifications:PeriodeSecondes doit être compris entre 1 et 3600.")]
    [InlineData("Notifications:UrlPublique", "passerelle.fr", "Notifications:UrlPublique : « passerelle.fr » n'est pas une adresse http(s) complète.")]
    [InlineData("DataProtection:Certificat:Chemin", "/nulle-part/cle.pfx", "DataProtection:Certificat:Chemin : le fichier « /nulle-part/cle.pfx » est introuvable.")]
    // Validated when the container is built (ValidateOnStart).
    [InlineData("RateLimit:ConnexionsParMinute", "0", "RateLimit:ConnexionsParMinute doit être compris entre 1 et 1 000 000.")]
    [InlineData("RateLimit:ReservationsParMinute", "-5", "RateLimit:ReservationsParMinute doit être compris entre 1 et 1 000 000.")]
    [InlineData("Annuaire:DureeCacheSecondes", "-1", "Annuaire:DureeCacheSecondes doit être compris entre 0 et 3600.")]
    // A value of the wrong type, in every section bound with AddReglages: the key and what was expected, in French.
    [InlineData("Connexion:PremierDelaiSecondes", "abc", "Réglage Connexion:PremierDelaiSecondes : « abc » n'est pas un nombre entier.")]
    [InlineData("RateLimit:ConnexionsParMinute", "20/min", "Réglage RateLimit:ConnexionsParMinute : « 20/min » n'est pas un nombre entier.")]
    [InlineData("Annuaire:DureeCacheSecondes", "30s", "Réglage Annuaire:DureeCacheSecondes : « 30s » n'est pas un nombre entier.")]
    [InlineData("Retention:MoisBeneficiaires", "deux ans", "Réglage Retention:MoisBeneficiaires : « deux ans » n'est pas un nombre entier.")]
    [InlineData("Accessibilite:TauxConformite", "98,6", "Réglage Accessibilite:TauxConformite : « 98,6 » n'est pas un nombre (avec un point pour les décimales).")]
    [InlineData("Accessibilite:DateDeclaration", "1er décembre 2026", "Réglage Accessibilite:DateDeclaration : « 1er décembre 2026 » n'est pas une date (année-mois-jour, par exemple 2026-12-01).")]
    public void Une_valeur_fausse_arrete_le_demarrage_avec_un_message_en_francais(string cle, string valeur, string message)
    {
        using var socle = new AppFactory();
        using var app = socle.WithWebHostBuilder(b => b.UseSetting(cle, valeur));
        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain(message);
    }

    [Fact]
    public void Le_message_nomme_la_valeur_refusee_dans_une_liste_et_ignore_les_cles_inconnues()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["S:Inconnue"] = "x", ["S:Nombres:0"] = "1", ["S:Nombres:1"] = "deux", ["S:Texte"] = "libre", ["S:Peut"] = "",
        }).Build();
        Passerelle.Web.Reglages.ValeurRefusee(config.GetSection("S"), typeof(Essai)).ShouldBe("Réglage S:Nombres:1 : « deux » n'est pas un nombre entier.");
        config["S:Nombres:1"] = "2";
        Passerelle.Web.Reglages.ValeurRefusee(config.GetSection("S"), typeof(Essai)).ShouldBeNull();
        var essai = new Essai();
        Passerelle.Web.Reglages.Lier(config.GetSection("S"), essai);
        essai.Nombres.ShouldBe([1, 2]);
        (essai.Texte, essai.Peut).ShouldBe(("libre", (int?)null));
    }

    sealed class Essai
    {
        public List<int> Nombres { get; set; } = [];
        public string? Texte { get; set; }
        public int? Peut { get; set; }
    }

    [Fact]
    public void Chaque_section_passe_par_AddReglages()
    {
        // BindConfiguration would report a wrong type with the binder's English message.
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Passerelle.slnx"))) d = d.Parent;
        var sources = Path.Combine(d!.FullName, "src");
        var fautifs = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith($"Web{Path.DirectorySeparatorChar}Reglages.cs", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains(".BindConfiguration(", StringComparison.Ordinal)).Select(f => Path.GetRelativePath(sources, f)).ToList();
        fautifs.ShouldBeEmpty("Lier une section par services.AddReglages<T>(section) (Web/Reglages.cs).");
    }

    [Fact]
    public void Les_valeurs_par_defaut_sont_celles_du_readme()
    {
        var notifications = new Passerelle.Features.Notifications.NotificationsOptions();
        (notifications.RappelHeuresAvant, notifications.PeriodeSecondes, notifications.SmtpPort, notifications.UrlPublique)
            .ShouldBe((48, 30, 25, "http://localhost:5080"));
        var limites = new Passerelle.Web.RateLimitOptions();
        (limites.ConnexionsParMinute, limites.EcrituresParMinute, limites.ReservationsParMinute).ShouldBe((20, 600, 30));
        new Passerelle.Features.Reseau.Lieux.AnnuaireOptions().DureeCacheSecondes.ShouldBe(30);
        new Passerelle.Data.DatabaseOptions().ShouldSatisfyAllConditions(o => o.Provider.ShouldBe("Sqlite"), o => o.MigrerAuDemarrage.ShouldBeFalse());
        new Passerelle.Web.TachesOptions().Actives.ShouldBeTrue();
    }

    [Fact]
    public async Task Des_reglages_justes_laissent_demarrer_et_sont_lus()
    {
        using var socle = new AppFactory();
        using var app = socle.WithWebHostBuilder(b => b.UseSetting("Proxy:Adresses:0", "10.0.0.1").UseSetting("Notifications:PeriodeSecondes", "5")
            .UseSetting("Database:Provider", AppFactory.Postgres ? "POSTGRES" : "sqlite"));
        (await app.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        app.Services.GetRequiredService<Passerelle.Features.Notifications.NotificationsOptions>().PeriodeSecondes.ShouldBe(5);
    }
}
