using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Data;

namespace Passerelle.Web;

/// <summary>A background job's lease (table <c>BauxTaches</c>): the instance named <see cref="Titulaire"/> alone runs the job
/// <see cref="Nom"/> until <see cref="ExpireLe"/> (UTC). Several Passerelle instances on one database thus run each job one at a
/// time; a holder that crashed loses the job when its lease expires.</summary>
public sealed class BailTache
{
    public string Nom { get; set; } = "";
    public string Titulaire { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime PrisLe { get; set; }
    /// <summary>UTC; after it, any instance may take the lease.</summary>
    public DateTime ExpireLe { get; set; }
}

sealed class BailTacheConfiguration : IEntityTypeConfiguration<BailTache>
{
    public void Configure(EntityTypeBuilder<BailTache> b)
    {
        b.ToTable("BauxTaches");
        b.HasKey(x => x.Nom);
        b.Property(x => x.Nom).HasMaxLength(100);
        b.Property(x => x.Titulaire).HasMaxLength(200);
    }
}

/// <summary>This process's name among the instances sharing a database: machine, process id and a random part, so that a
/// restarted process is a new holder.</summary>
public sealed class Instance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}" is var id && id.Length > 200 ? id[^200..] : id;
}

/// <summary>Leases taken and given back by one conditional statement each, so two instances never both believe they hold one.</summary>
public static class Baux
{
    /// <summary>Takes or renews the lease <paramref name="nom"/> for <paramref name="titulaire"/> until now + <paramref name="duree"/>:
    /// true when this instance holds it after the call. Renewing one's own lease always succeeds; another's succeeds only once it
    /// has expired. The first taker inserts the row; of two simultaneous inserts the primary key keeps one.</summary>
    public static async Task<bool> TenterAsync(AppDbContext db, string nom, string titulaire, TimeSpan duree, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var fin = maintenant + duree;
        var pris = await db.Set<BailTache>().Where(b => b.Nom == nom && (b.Titulaire == titulaire || b.ExpireLe <= maintenant))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Titulaire, titulaire).SetProperty(b => b.PrisLe, maintenant).SetProperty(b => b.ExpireLe, fin), ct);
        if (pris == 1) return true;
        if (await db.Set<BailTache>().AnyAsync(b => b.Nom == nom, ct)) return false;
        db.Set<BailTache>().Add(new BailTache { Nom = nom, Titulaire = titulaire, PrisLe = maintenant, ExpireLe = fin });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another instance inserted it first
        }
    }

    /// <summary>Gives the lease back (at shutdown) so another instance takes the job at its next tick, not after expiry.</summary>
    public static Task<int> RendreAsync(AppDbContext db, string nom, string titulaire, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        return db.Set<BailTache>().Where(b => b.Nom == nom && b.Titulaire == titulaire).ExecuteUpdateAsync(u => u.SetProperty(b => b.ExpireLe, maintenant), ct);
    }
}

/// <summary>A job run every <see cref="Periode"/> by one instance at a time: at each tick the instance takes or renews the job's
/// lease for two periods and runs only if it holds it; errors are logged and the loop goes on; at shutdown the lease is given
/// back. A holder that died is replaced at most two periods later.</summary>
public abstract class TachePeriodique(IServiceScopeFactory scopes, TimeProvider horloge, Instance instance, ILogger log) : BackgroundService
{
    /// <summary>The application's clock, for the pass.</summary>
    protected TimeProvider Horloge => horloge;
    /// <summary>The job's logger, for the pass.</summary>
    protected ILogger Journal => log;
    /// <summary>The lease's name, unique per job (100 characters at most).</summary>
    protected abstract string Nom { get; }
    protected abstract TimeSpan Periode { get; }
    /// <summary>One pass of the job, in its own scope.</summary>
    protected abstract Task ExecuterAsync(IServiceProvider services, CancellationToken ct);
    /// <summary>Called after each tick: <paramref name="execute"/> is true when this instance held the lease and ran the pass.</summary>
    protected virtual void ApresPassage(bool execute) { }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Periode, horloge);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var tenu = await Baux.TenterAsync(db, Nom, instance.Id, Periode * 2, horloge, ct);
                if (tenu) await ExecuterAsync(scope.ServiceProvider, ct);
                ApresPassage(tenu);
            }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Tâche {Tache}", Nom); }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        await base.StopAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            await Baux.RendreAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Nom, instance.Id, horloge, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Bail de la tâche {Tache} non rendu", Nom); }
    }
}
