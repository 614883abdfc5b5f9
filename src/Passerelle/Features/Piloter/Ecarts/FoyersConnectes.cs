namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>Households connected through a connectivity programme (issue 13) living in a zone, as the programme holds them at
/// enrolment: the commune name as typed and the QPV code, with the number of enrolments active at some point of the period.
/// Aggregates only: no id, no name leaves the implementation.</summary>
public sealed record FoyersConnectesResidence(string? Commune, string? CodeQpv, int Foyers);

/// <summary>Owned by Piloter, implemented by the connecter feature (so Piloter does not depend on it): the households connected
/// per residence over a period (dates inclusive). Absent (not registered) → the gap table leaves the column empty.</summary>
public interface IFoyersConnectes
{
    Task<IReadOnlyList<FoyersConnectesResidence>> ParResidenceAsync(DateOnly du, DateOnly au, CancellationToken ct);
}
