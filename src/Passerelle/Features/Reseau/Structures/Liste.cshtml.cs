using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Reseau.Structures;

public sealed class ListeModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Archivees { get; set; }
    public List<Structure> Structures { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Structures = await db.Structures.AsNoTracking().Where(s => s.Archivee == Archivees).OrderBy(s => s.Nom).Take(2000).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostArchiverAsync(int id, bool archivee, CancellationToken ct)
    {
        if (await db.Structures.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Archivee, archivee), ct) == 0) return NotFound();
        TempData["Message"] = archivee ? "Structure archivée." : "Structure rétablie.";
        return RedirectToPage();
    }
}
