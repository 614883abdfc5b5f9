using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary>The buyer's receipt, opened by its secret link (no account).</summary>
public sealed class RecuModel(AppDbContext db) : PageModel
{
    public Vente Vente { get; private set; } = null!;
    public Appareil Appareil { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string jeton, CancellationToken ct)
    {
        var v = await db.Set<Vente>().AsNoTracking().FirstOrDefaultAsync(x => x.Jeton == jeton, ct);
        if (v is null) return NotFound();
        Vente = v;
        Appareil = await db.Set<Appareil>().AsNoTracking().SingleAsync(a => a.Id == v.AppareilId, ct);
        return Page();
    }
}
