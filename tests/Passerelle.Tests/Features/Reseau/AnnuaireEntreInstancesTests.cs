using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau;

/// <summary>Issue 16, several instances: a place saved by one instance shows in another instance's in-memory directory
/// through PostgreSQL LISTEN/NOTIFY, without waiting for the cache's duration (the test clock never moves, so only the
/// notification can refresh the second instance).</summary>
public class AnnuaireEntreInstancesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Un_lieu_modifie_par_une_instance_apparait_dans_l_annuaire_de_l_autre()
    {
        if (!AppFactory.Postgres)
        {
            // One process per SQLite file: no listener is started, the directory refreshes itself in-process.
            app.Services.GetServices<IHostedService>().OfType<EcouteAnnuaire>().ShouldBeEmpty();
            return;
        }
        var lieu = await Scenario.LieuAsync(app);

        // The second instance: its own directory and its own listener, on the same database.
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var autre = new AnnuaireEnMemoire(scopes, Options.Create(new AnnuaireOptions { DureeCacheSecondes = 3600 }), app.Horloge);
        var ecoute = new EcouteAnnuaire(autre, app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), NullLogger<EcouteAnnuaire>.Instance);
        await ecoute.StartAsync(default);
        try
        {
            await Attendre(() => Task.FromResult(ecoute.Ecoute));
            (await autre.EntreesAsync(default)).ShouldContain(e => e.Id == lieu.Id && e.Nom == lieu.Nom);

            var nouveauNom = lieu.Nom + " (rénové)";
            await app.AvecDb(async db =>
            {
                var l = await db.Lieux.FindAsync(lieu.Id);
                l!.Nom = nouveauNom;
                await db.SaveChangesAsync();
            });
            await Attendre(async () => (await autre.EntreesAsync(default)).Any(e => e.Id == lieu.Id && e.Nom == nouveauNom));

            // A change rolled back is never announced: the other instance keeps the committed name.
            await app.AvecDb(async db =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                (await db.Lieux.FindAsync(lieu.Id))!.Nom = "Jamais validé";
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            });
            (await autre.EntreesAsync(default)).ShouldContain(e => e.Id == lieu.Id && e.Nom == nouveauNom);
        }
        finally { await ecoute.StopAsync(default); }
    }

    /// <summary>Polls a condition for up to 20 s (a bound on a loaded machine, not a measured time).</summary>
    static async Task Attendre(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        (await condition()).ShouldBeTrue("la notification n'est pas arrivée en 20 s");
    }
}
