using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Passerelle.Data;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Web;

/// <summary>Issue 16, several instances: each background job runs on one instance at a time, held by a lease in the database;
/// a crashed holder's lease expires (moved clock), a stopped one is given back.</summary>
public class BauxTachesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly TimeSpan Duree = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Un_seul_titulaire_a_la_fois_et_le_bail_d_un_titulaire_disparu_expire()
    {
        var nom = "essai-" + Guid.NewGuid().ToString("N")[..8];
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, "A", Duree, app.Horloge, default))).ShouldBeTrue();
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, "B", Duree, app.Horloge, default))).ShouldBeFalse();
        // The holder renews its own lease.
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, "A", Duree, app.Horloge, default))).ShouldBeTrue();

        // A crashed: nobody renews; ten minutes later B takes the job, and A, back, no longer holds it.
        var depart = app.Horloge.GetUtcNow();
        app.Horloge.Regler(depart + Duree - TimeSpan.FromSeconds(1));
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, "B", Duree, app.Horloge, default))).ShouldBeFalse();
        app.Horloge.Regler(depart + Duree);
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, "B", Duree, app.Horloge, default))).ShouldBeTrue();
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, "A", Duree, app.Horloge, default))).ShouldBeFalse();

        // B stops and gives it back: A takes it at once.
        (await app.AvecDb(db => Baux.RendreAsync(db, nom, "B", app.Horloge, default))).ShouldBe(1);
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, "A", Duree, app.Horloge, default))).ShouldBeTrue();
        app.Horloge.Regler(depart);
    }

    [Fact]
    public async Task Vingt_instances_qui_demarrent_ensemble_un_seul_obtient_le_bail()
    {
        foreach (var tour in new[] { "nouveau", "expire" })
        {
            var nom = $"{tour}-{Guid.NewGuid():N}"[..20];
            if (tour == "expire")
                await app.AvecDb(db => Baux.TenterAsync(db, nom, "disparu", TimeSpan.FromSeconds(-1), app.Horloge, default));
            var resultats = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
                app.AvecDb(db => Baux.TenterAsync(db, nom, $"instance-{i}", Duree, app.Horloge, default)))));
            resultats.Count(x => x).ShouldBe(1, tour);
            var titulaire = await app.AvecDb(db => Task.FromResult(db.Set<BailTache>().Single(b => b.Nom == nom).Titulaire));
            titulaire.ShouldBe($"instance-{Array.IndexOf(resultats, true)}");
        }
    }

    /// <summary>A job of two instances sharing one database, each ticking at once at start: only one runs the pass.</summary>
    [Fact]
    public async Task Deux_instances_d_une_meme_tache_une_seule_execute_le_passage()
    {
        var compteur = new Compteur();
        var nom = "double-" + Guid.NewGuid().ToString("N")[..8];
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var instances = new[] { new Instance(), new Instance() };
        instances[0].Id.ShouldNotBe(instances[1].Id);
        var taches = instances.Select(i => new TacheEssai(nom, compteur, scopes, app.Horloge, i)).ToArray();
        await Task.WhenAll(taches.Select(t => t.StartAsync(default)));
        await Task.WhenAll(taches.Select(t => t.PremierPassage.Task));
        compteur.Valeur.ShouldBe(1);
        // The holder stops and gives the lease back: the other may now take it.
        var titulaire = taches.Single(t => t.AExecute);
        await titulaire.StopAsync(default);
        var autre = Array.FindIndex(taches, t => !t.AExecute);
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, instances[autre].Id, Duree, app.Horloge, default))).ShouldBeTrue();
        await taches[autre].StopAsync(default);
    }

    sealed class Compteur { public int Valeur; }

    sealed class TacheEssai(string nom, Compteur compteur, IServiceScopeFactory scopes, TimeProvider horloge, Instance instance)
        : TachePeriodique(scopes, horloge, instance, NullLogger.Instance)
    {
        public TaskCompletionSource PremierPassage { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool AExecute { get; private set; }
        protected override string Nom => nom;
        protected override TimeSpan Periode => TimeSpan.FromHours(1);

        protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
        {
            AExecute = true;
            Interlocked.Increment(ref compteur.Valeur);
            await Task.Delay(300, ct); // still running when the other instance ticks
        }

        protected override void ApresPassage(bool execute) => PremierPassage.TrySetResult();
    }
}
