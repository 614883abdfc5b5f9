using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Equiper.Appareils.Admin;

[Authorize(Policy = Roles.PolitiqueAtelier)]
public sealed class EtiquettesModel(AppDbContext db) : PageModel
{
    public int LotId { get; private set; }
    public string Base { get; private set; } = "";
    public List<Appareil> Appareils { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await db.Set<Dons.Lot>().AnyAsync(l => l.Id == id, ct)) return NotFound();
        LotId = id;
        Base = $"{Request.Scheme}://{Request.Host}";
        Appareils = await db.Set<Appareil>().AsNoTracking().Where(a => a.LotId == id).OrderBy(a => a.Id).Take(1000).ToListAsync(ct);
        return Page();
    }
}
