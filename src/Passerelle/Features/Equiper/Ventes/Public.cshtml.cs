using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Equiper.Ventes;

public sealed class PublicModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public List<PlafondPrix> Plafonds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var jour = Passerelle.Features.Referentiels.Territoire.AujourdHui(horloge);
        var tous = await db.Set<PlafondPrix>().AsNoTracking().Where(p => p.Depuis <= jour).ToListAsync(ct);
        Plafonds = tous.GroupBy(p => p.Type).Select(g => g.OrderByDescending(p => p.Depuis).First())
            .OrderBy(p => Array.FindIndex(Dons.Materiel.Types, t => t.Code == p.Type)).ToList();
    }
}
