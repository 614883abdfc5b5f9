using Passerelle.Data;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>An instalment due, as the board lists it: planned date, amount in cents, the post and its host structure.
/// <c>Fictif</c>: an amount invented for the demo.</summary>
public sealed record EcheanceDue(int Id, int PosteId, string Poste, string Structure, int Rang, DateOnly DatePrevue, long Montant, string? Condition, bool Fictif);

/// <summary>A vacant post as the board lists it: since when, and the months of vacancy since it opened (they cost the territory money).</summary>
public sealed record PosteVacant(int Id, string Programme, string Structure, DateOnly VacantDepuis, int MoisVacance);

/// <summary>What the funding board shows of the per-post subsidies, owned here and implemented by the posts feature
/// (no dependency cycle, decision 0016). Both lists are inside the account's perimeter.</summary>
public interface IPostesDuTableau
{
    /// <summary>Instalments still « prévue » whose planned date is on or before <paramref name="jusquAu"/> (overdue ones included), oldest first.</summary>
    Task<IReadOnlyList<EcheanceDue>> EcheancesDuesAsync(AppDbContext db, PerimetreFinancement p, DateOnly jusquAu, CancellationToken ct);
    /// <summary>Open posts without an occupant on <paramref name="aujourdHui"/>.</summary>
    Task<IReadOnlyList<PosteVacant>> PostesVacantsAsync(AppDbContext db, PerimetreFinancement p, DateOnly aujourdHui, CancellationToken ct);
}
