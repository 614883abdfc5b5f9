using Microsoft.EntityFrameworkCore.Infrastructure;
using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Permanences;

/// <summary>What Permanences announces to the features that take people on its days (decision 0016): bookings hold seats of its
/// slots, workshop sessions are held at its places. Rendezvous and Ateliers implement it and register it
/// (<c>AddSingleton&lt;IAnnoncesPermanences, …&gt;</c>); each method has a default that does nothing, so an implementation answers
/// only what concerns it. Every call runs inside the caller's transaction.</summary>
public interface IAnnoncesPermanences
{
    /// <summary>Ids of the permanence's slots starting after <paramref name="apres"/> (UTC) that something refers to (a booking,
    /// even cancelled): such a slot is closed, never deleted.</summary>
    Task<IReadOnlyCollection<int>> CreneauxRetenusAsync(AppDbContext db, int permanenceId, DateTime apres, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<int>>([]);

    /// <summary>A slot already taken out of booking loses <paramref name="places"/> seats (closure, absent mediator): cancel that many
    /// of what holds them, latest first, tell the people with <paramref name="raison"/>, and give the seats back on the slot.</summary>
    /// <returns>How many were cancelled.</returns>
    Task<int> PlacesRetireesAsync(AppDbContext db, Creneau creneau, int places, string raison, NotificationsOptions options, DateTime maintenant,
        CancellationToken ct) => Task.FromResult(0);

    /// <summary>The place closes (<paramref name="fermeture"/>): cancel what is held there on those days after <paramref name="maintenant"/>
    /// (UTC) and tell the people.</summary>
    /// <returns>Sessions cancelled and people told.</returns>
    Task<(int Sessions, int Personnes)> LieuFermeAsync(AppDbContext db, Fermeture fermeture, NotificationsOptions options, DateTime maintenant,
        CancellationToken ct) => Task.FromResult((0, 0));
}

/// <summary>The registered <see cref="IAnnoncesPermanences"/>, as one. The use cases of Permanences are static and receive the
/// context: they find this through it (<see cref="De"/>), that is through the application's services that created the context.</summary>
public sealed class AnnoncesPermanences(IEnumerable<IAnnoncesPermanences> abonnes)
{
    readonly IAnnoncesPermanences[] abonnes = abonnes.ToArray();

    /// <summary>The announcements of the application that created <paramref name="db"/>; throws <see cref="InvalidOperationException"/>
    /// for a context built outside the application's services (a cancellation must never be skipped silently).</summary>
    public static AnnoncesPermanences De(AppDbContext db) => db.GetService<AnnoncesPermanences>();

    public async Task<HashSet<int>> CreneauxRetenusAsync(AppDbContext db, int permanenceId, DateTime apres, CancellationToken ct)
    {
        var ids = new HashSet<int>();
        foreach (var a in abonnes) ids.UnionWith(await a.CreneauxRetenusAsync(db, permanenceId, apres, ct));
        return ids;
    }

    public async Task<int> PlacesRetireesAsync(AppDbContext db, Creneau creneau, int places, string raison, NotificationsOptions options, DateTime maintenant,
        CancellationToken ct)
    {
        var n = 0;
        foreach (var a in abonnes) if (n < places) n += await a.PlacesRetireesAsync(db, creneau, places - n, raison, options, maintenant, ct);
        return n;
    }

    public async Task<(int Sessions, int Personnes)> LieuFermeAsync(AppDbContext db, Fermeture fermeture, NotificationsOptions options, DateTime maintenant,
        CancellationToken ct)
    {
        int sessions = 0, personnes = 0;
        foreach (var a in abonnes)
        {
            var (s, p) = await a.LieuFermeAsync(db, fermeture, options, maintenant, ct);
            sessions += s;
            personnes += p;
        }
        return (sessions, personnes);
    }
}
