using Passerelle.Data;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>What the place's public page shows of what other features offer there (bookable slots, coming workshops).
/// Those features register an implementation; the directory knows none of them (decision 0016). With none, the page shows the place only.</summary>
public interface IOffreDuLieu
{
    /// <summary>Whether at least one slot is free to book at the place.</summary>
    Task<bool> CreneauxLibresAsync(AppDbContext db, int lieuId, CancellationToken ct) => Task.FromResult(false);

    /// <summary>The next workshop sessions at the place (at most five, soonest first).</summary>
    Task<IReadOnlyList<AtelierProche>> AteliersAsync(AppDbContext db, int lieuId, CancellationToken ct) => Task.FromResult<IReadOnlyList<AtelierProche>>([]);
}

/// <summary>A coming workshop session at a place: its remaining seats.</summary>
public sealed record AtelierProche(int Id, string Titre, DateTime Debut, int PlacesRestantes);
