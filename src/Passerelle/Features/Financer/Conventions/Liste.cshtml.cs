using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Conventions;

public sealed class ListeModel(AppDbContext db) : PageModel
{
    public List<Convention> Conventions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Conventions = await db.Conventions.AsNoTracking().Include(c => c.Partenaire).Include(c => c.Lieu).OrderByDescending(c => c.DateDebut).ToListAsync(ct);
}
