using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Lieux;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Demo;

public class TerritoireDemoTests(AppFactoryDemo app) : IClassFixture<AppFactoryDemo>
{
    [Fact]
    public async Task Le_territoire_de_demo_contient_les_france_services_reelles_et_la_maison_de_port_saint_louis()
    {
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.Source == FranceServices.Source))).ShouldBe(34);
        var mfs = await app.AvecDb(db => db.Lieux.SingleAsync(l => l.IdLocal == "demo-mfs-port-saint-louis"));
        mfs.Adresse.ShouldBe("4 rue Jean Rouget");
        mfs.Commune.ShouldBe("Port-Saint-Louis-du-Rhône");
        (await app.AvecDb(db => db.Mediateurs.CountAsync())).ShouldBeGreaterThan(20);
        // Every demo place exports cleanly in the national standard.
        var lignes = await app.AvecDb(db => ExporterLieux.LignesAsync(db, CancellationToken.None));
        foreach (var l in lignes)
        {
            var problemes = new List<Probleme>();
            ValidateurLieu.Valider(l.VersDictionnaire().ToDictionary(kv => kv.Key, kv => (string?)kv.Value), 0, problemes).ShouldNotBeNull();
            problemes.Where(p => p.Bloquant).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Un_compte_par_role_avec_un_mot_de_passe_genere_qui_fonctionne()
    {
        var fichier = app.Services.GetRequiredService<IConfiguration>()["Demo:FichierComptes"]!;
        var lignes = await File.ReadAllLinesAsync(fichier);
        lignes.Select(l => l.Split(' ')[0]).ShouldBe(["administrateur", "gestionnaire", "mediateur", "financeur"], ignoreOrder: true);
        var client = app.ClientAnonyme();
        foreach (var ligne in lignes)
        {
            var (email, mdp) = (ligne.Split(' ')[1], ligne.Split(' ')[2]);
            mdp.Length.ShouldBeGreaterThanOrEqualTo(16);
            var r = await client.PostAsync("/api/v1/auth/login", new StringContent($"{{\"email\":\"{email}\",\"password\":\"{mdp}\"}}", System.Text.Encoding.UTF8, "application/json"));
            r.IsSuccessStatusCode.ShouldBeTrue(email);
        }
        // Another seed does not regenerate anything.
        (await Passerelle.Features.Demo.TerritoireDemo.SemerAsync(app.Services, force: true, CancellationToken.None)).ShouldBeNull();
    }
}
