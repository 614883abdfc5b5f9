using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>The conventions the dashboard's filter offers, as (id, title) sorted by title. The conventions feature registers it:
/// the statistics read activities and know conventions only by their id (decision 0016). Without it, no convention filter is offered.</summary>
public interface IChoixConventions
{
    Task<List<(int Id, string Nom)>> ListerAsync(AppDbContext db, CancellationToken ct);
}
