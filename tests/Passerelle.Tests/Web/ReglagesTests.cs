using Microsoft.AspNetCore.Hosting;
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
    [InlineData("Database:MigrerAuDemarrage", "oui", "Réglage « Database » illisible")]
    [InlineData("Demo:Enabled", "peut-être", "Demo:Enabled")]
    [InlineData("Proxy:Adresses:0", "proxy.interne", "Proxy:Adresses : « proxy.interne » n'est pas une adresse IP.")]
    [InlineData("Taches:Actives", "parfois", "Réglage « Taches » illisible")]
    [InlineData("Notifications:RappelHeuresAvant", "0", "Notifications:RappelHeuresAvant doit être compris entre 1 et 336.")]
    [InlineData("Notifications:PeriodeSecondes", "0", "Notifications:PeriodeSecondes doit être compris entre 1 et 3600.")]
    [InlineData("Notifications:UrlPublique", "passerelle.fr", "Notifications:UrlPublique : « passerelle.fr » n'est pas une adresse http(s) complète.")]
    [InlineData("DataProtection:Certificat:Chemin", "/nulle-part/cle.pfx", "DataProtection:Certificat:Chemin : le fichier « /nulle-part/cle.pfx » est introuvable.")]
    // Validated when the container is built (ValidateOnStart).
    [InlineData("RateLimit:ConnexionsParMinute", "0", "RateLimit:ConnexionsParMinute doit être compris entre 1 et 1 000 000.")]
    [InlineData("RateLimit:ReservationsParMinute", "-5", "RateLimit:ReservationsParMinute doit être compris entre 1 et 1 000 000.")]
    [InlineData("Annuaire:DureeCacheSecondes", "-1", "Annuaire:DureeCacheSecondes doit être compris entre 0 et 3600.")]
    public void Une_valeur_fausse_arrete_le_demarrage_avec_un_message_en_francais(string cle, string valeur, string message)
    {
        using var socle = new AppFactory();
        using var app = socle.WithWebHostBuilder(b => b.UseSetting(cle, valeur));
        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain(message);
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
