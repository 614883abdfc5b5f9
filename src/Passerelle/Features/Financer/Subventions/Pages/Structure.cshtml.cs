using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary>All the grants of a structure inside the account's perimeter, summed by one grouped query: how many, and over the
/// voted statuses (<see cref="GestionSubventions.Votes"/>) the amount voted and paid, in cents.</summary>
public sealed record ResumeStructure(int Nombre, long Vote, long Paye)
{
    public long Reste => Vote - Paye;
}

/// <summary><c>/admin/financement/structures/{id}?page=N</c>: a beneficiary's 360° view — the totals of every grant it received,
/// from every funder and year (one grouped query), then the grants <see cref="ParPage"/> at a time, newest first, each with its
/// payments (plain links to the previous and next pages, no script); then its co-financing plans, subsidised posts, conventions
/// and funder reports (view components of those features). A funder sees only its own grants to the structure; a manager only
/// its own structures. A page number out of range shows the last page.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class StructureModel(AppDbContext db) : PageModel
{
    /// <summary>Grants per page: a structure may hold hundreds of grants (bench: 746 with 7 460 movements).</summary>
    public const int ParPage = 50;

    public int Id { get; private set; }
    public string Nom { get; private set; } = "";
    public string? Siret { get; private set; }
    public ResumeStructure Resume { get; private set; } = new(0, 0, 0);
    public int NumeroPage { get; private set; } = 1;
    public int NombrePages => Math.Max(1, (Resume.Nombre + ParPage - 1) / ParPage);
    public List<SubventionDto> Subventions { get; private set; } = [];
    public Dictionary<int, List<MouvementDto>> Mouvements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var s = await db.Structures.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Nom, x.Siret }).FirstOrDefaultAsync(ct);
        if (s is null) return NotFound();
        var p = await PerimetreFinancement.DeAsync(db, User, ct);
        var subventions = p.Filtrer(db.Set<Subvention>().AsNoTracking()).Where(x => x.BeneficiaireId == id);
        var votes = GestionSubventions.Votes;
        Resume = await subventions.GroupBy(_ => 1)
            .Select(g => new ResumeStructure(g.Count(), g.Sum(x => votes.Contains(x.Statut) ? x.MontantCentimes : 0), g.Sum(x => votes.Contains(x.Statut) ? x.PayeCentimes : 0)))
            .FirstOrDefaultAsync(ct) ?? new(0, 0, 0);
        // A manager outside the structure, or a funder that funds nothing there, learns nothing about it.
        if (!p.VoitStructure(id) && Resume.Nombre == 0) return Forbid();
        (Id, Nom, Siret) = (id, s.Nom, s.Siret);
        // Read by hand: "page" is also the route value Razor Pages uses for the page's own path.
        NumeroPage = Math.Clamp(int.TryParse(Request.Query["page"], out var n) ? n : 1, 1, NombrePages);
        Subventions = await RequetesFinancement.Projeter(subventions.OrderByDescending(x => x.Exercice).ThenBy(x => x.Financeur!.Nom).ThenBy(x => x.Id)
            .Skip((NumeroPage - 1) * ParPage).Take(ParPage)).ToListAsync(ct);
        var ids = Subventions.Select(x => x.Id).ToList();
        var avecAuteur = !p.EstFinanceur;
        Mouvements = (await db.Set<MouvementSubvention>().AsNoTracking().Where(m => ids.Contains(m.SubventionId)).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct))
            .GroupBy(m => m.SubventionId).ToDictionary(g => g.Key, g => g.Select(m => new MouvementDto(m.Id, m.Type, m.MontantCentimes, m.Date, m.Numero, m.EnregistreLe, avecAuteur ? m.EnregistrePar : null)).ToList());
        return Page();
    }
}
