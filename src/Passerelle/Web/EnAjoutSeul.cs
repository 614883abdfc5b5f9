using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passerelle.Web;

/// <summary>Registers written once (a device's history, a ledger, a journal): any save that would change or delete an entity
/// <paramref name="concerne"/> accepts is refused before it reaches the database with <paramref name="message"/>
/// (<see cref="RegleMetierException"/>, so 409 on the API). A feature derives one per register and adds it as an
/// <see cref="IInterceptor"/> singleton.</summary>
public abstract class EnAjoutSeul(Func<object, bool> concerne, string message) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Verifier(e.Context);
        return base.SavingChangesAsync(e, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        Verifier(e.Context);
        return base.SavingChanges(e, result);
    }

    void Verifier(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(x => x.State is EntityState.Modified or EntityState.Deleted && concerne(x.Entity)))
            throw new RegleMetierException(message);
    }
}
