using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary><c>/admin/financement/enveloppes/{id}</c>: one budget line — planned, voted, committed, paid and remaining, its
/// sub-envelopes rolled up, and its grants. Administrators and the envelope's funder.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class EnveloppeModel(AppDbContext db) : PageModel
{
    public Enveloppe Enveloppe { get; private set; } = null!;
    public string Financeur { get; private set; } = "";
    public Totaux Totaux { get; private set; } = Totaux.Zero;
    public List<(Enveloppe Enveloppe, Totaux Totaux)> Sous { get; private set; } = [];
    public List<SubventionDto> Subventions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var p = await PerimetreFinancement.DeAsync(db, User, ct);
        var e = await p.Filtrer(db.Set<Enveloppe>().AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return await db.Set<Enveloppe>().AnyAsync(x => x.Id == id, ct) ? Forbid() : NotFound();
        Enveloppe = e;
        Financeur = await db.Set<Financeur>().Where(f => f.Id == e.FinanceurId).Select(f => f.Nom).FirstAsync(ct);
        (Totaux, var ids) = await RequetesFinancement.TotauxEnveloppeAsync(db, e, ct);
        foreach (var s in await db.Set<Enveloppe>().AsNoTracking().Where(x => x.ParentId == id).OrderBy(x => x.Libelle).ToListAsync(ct))
            Sous.Add((s, (await RequetesFinancement.TotauxEnveloppeAsync(db, s, ct)).Totaux));
        Subventions = await RequetesFinancement.Projeter(db.Set<Subvention>().AsNoTracking().Where(s => s.EnveloppeId != null && ids.Contains(s.EnveloppeId.Value))
            .OrderBy(s => s.Beneficiaire!.Nom).Take(1000)).ToListAsync(ct);
        return Page();
    }
}
