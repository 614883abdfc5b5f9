using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Reseau.Mediateurs;

public sealed class ListeModel(AppDbContext db) : PageModel
{
    public sealed record Ligne(int Id, string Prenom, string Nom, bool ConseillerNumerique, bool AidantsConnect, List<string> Structures);
    public List<Ligne> Mediateurs { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>A gestionnaire sees the mediators employed by the structures they manage.</summary>
    public static async Task<IQueryable<Mediateur>> VisiblesAsync(AppDbContext db, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, user, ct);
        var q = db.Mediateurs.Where(m => !m.Archive);
        return perimetre is null ? q : q.Where(m => m.Emplois.Any(e => perimetre.Contains(e.StructureId)));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Mediateurs = await (await VisiblesAsync(db, User, ct)).AsNoTracking().OrderBy(m => m.Nom).ThenBy(m => m.Prenom).Take(2000)
            .Select(m => new Ligne(m.Id, m.Prenom, m.Nom, m.ConseillerNumerique, m.AidantsConnect, m.Emplois.Select(e => e.Structure!.Nom).ToList()))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostArchiverAsync(int id, CancellationToken ct)
    {
        if (await (await VisiblesAsync(db, User, ct)).Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Archive, true), ct) == 0)
            return NotFound();
        TempData["Message"] = "Médiateur archivé.";
        return RedirectToPage();
    }
}
