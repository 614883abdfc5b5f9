using Passerelle.Data;

namespace Passerelle.Features.Comptes;

/// <summary>The funders a Financeur account can be tied to (decision 0026). Owned by the accounts, implemented by the funding
/// chain, so that accounts do not depend on funding (decision 0016).</summary>
public interface IFinanceursDesComptes
{
    /// <summary>Every funder, by name: (id, name).</summary>
    Task<IReadOnlyList<(int Id, string Nom)>> ListerAsync(AppDbContext db, CancellationToken ct);
}
