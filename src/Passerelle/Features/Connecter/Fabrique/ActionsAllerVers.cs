using System.Security.Claims;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary>An outreach event as the diagnostic page shows it: date, place, commune, and the address of the events' page.</summary>
public sealed record ActionAllerVers(int Id, DateOnly Date, string Lieu, string Commune, string Lien);

/// <summary>What the three-field diagnostic needs from the outreach events (issue 13 §5), owned here so that the diagnostic does not
/// depend on the events' feature, which already depends on it (decision 0016); implemented by <c>Connecter.AllerVers</c>.</summary>
public interface IActionsAllerVers
{
    /// <summary>The structure's events from <paramref name="depuis"/> to today, newest first (20 at most).</summary>
    Task<IReadOnlyList<ActionAllerVers>> RecentesAsync(int structureId, DateOnly depuis, CancellationToken ct);

    /// <summary>The event a diagnostic was made at, or null.</summary>
    Task<ActionAllerVers?> DuDiagnosticAsync(int diagnosticId, CancellationToken ct);

    /// <summary>Links a diagnostic to an event of its structure (linking twice changes nothing).</summary>
    /// <exception cref="Web.RegleMetierException">Diagnostic of another structure (409).</exception>
    /// <exception cref="Web.AccesRefuseException">An event of a structure the account does not work for (403).</exception>
    /// <exception cref="KeyNotFoundException">Unknown event (404).</exception>
    Task LierAsync(int evenementId, int diagnosticId, ClaimsPrincipal qui, CancellationToken ct);
}
