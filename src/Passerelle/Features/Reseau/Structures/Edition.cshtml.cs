using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Structures;

public sealed class EditionModel(AppDbContext db) : PageModel
{
    [BindProperty] public StructureSaisie Saisie { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) return Page();
        var s = await db.Structures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        Saisie = new StructureSaisie { Nom = s.Nom, Siret = s.Siret, Rna = s.Rna, Typologie = s.Typologie, Adresse = s.Adresse,
            CodePostal = s.CodePostal, Commune = s.Commune, Telephone = s.Telephone, Courriel = s.Courriel, SiteWeb = s.SiteWeb };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!ModelState.IsValid) return Page();
        var s = id is null ? new Structure() : await db.Structures.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        try
        {
            s.Modifier(Saisie);
            await StructuresApi.Doublon(db, s, ct);
        }
        catch (RegleMetierException e)
        {
            ModelState.AddModelError(e.Champ is null ? "" : $"Saisie.{e.Champ}", e.Message);
            return Page();
        }
        if (id is null) db.Structures.Add(s);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"La structure « {s.Nom} » est enregistrée.";
        return Redirect("/admin/structures");
    }
}
