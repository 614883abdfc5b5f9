using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary><c>/admin/financement/structures/{id}</c>: a beneficiary's 360° view — every grant it received, from every funder and
/// year, with the payments of each; then its co-financing plans, subsidised posts, conventions and funder reports (view components
/// of those features). A funder sees only its own grants to the structure; a manager only its own structures.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class StructureModel(AppDbContext db) : PageModel
{
    public int Id { get; private set; }
    public string Nom { get; private set; } = "";
    public string? Siret { get; private set; }
    public List<SubventionDto> Subventions { get; private set; } = [];
    public Dictionary<int, List<MouvementDto>> Mouvements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var s = await db.Structures.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Nom, x.Siret }).FirstOrDefaultAsync(ct);
        if (s is null) return NotFound();
        var p = await PerimetreFinancement.DeAsync(db, User, ct);
        Subventions = await RequetesFinancement.SubventionsDeStructureAsync(db, id, ct, p);
        // A manager outside the structure, or a funder that funds nothing there, learns nothing about it.
        if (!p.VoitStructure(id) && Subventions.Count == 0) return Forbid();
        (Id, Nom, Siret) = (id, s.Nom, s.Siret);
        var ids = Subventions.Select(x => x.Id).ToList();
        var avecAuteur = !p.EstFinanceur;
        Mouvements = (await db.Set<MouvementSubvention>().AsNoTracking().Where(m => ids.Contains(m.SubventionId)).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct))
            .GroupBy(m => m.SubventionId).ToDictionary(g => g.Key, g => g.Select(m => new MouvementDto(m.Id, m.Type, m.MontantCentimes, m.Date, m.Numero, m.EnregistreLe, avecAuteur ? m.EnregistrePar : null)).ToList());
        return Page();
    }
}
