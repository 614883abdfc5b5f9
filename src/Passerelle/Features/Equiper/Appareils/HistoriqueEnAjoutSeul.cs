using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary>A device's history and its erasure proof are written once: any save that would change or delete an
/// <see cref="EvenementAppareil"/> or an <see cref="Effacement"/> is refused before it reaches the database.</summary>
public sealed class HistoriqueEnAjoutSeul : SaveChangesInterceptor
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

    static void Verifier(DbContext? db)
    {
        if (db is null) return;
        if (db.ChangeTracker.Entries().Any(x => x.Entity is EvenementAppareil or Effacement && x.State is EntityState.Modified or EntityState.Deleted))
            throw new RegleMetierException("L'historique d'un appareil et ses preuves d'effacement ne se modifient pas : ajoutez une nouvelle entrée.");
    }
}
