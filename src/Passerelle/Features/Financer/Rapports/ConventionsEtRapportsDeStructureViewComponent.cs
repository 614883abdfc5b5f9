using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>A convention as the 360° page lists it: period, amount per year in cents, signature date, its grant if any.</summary>
public sealed record ConventionDeStructure(int Id, string Intitule, DateOnly Debut, DateOnly Fin, long MontantAnnuel, DateOnly? Signee, int? SubventionId);

/// <summary>What the 360° page shows of conventions and funder reports for one structure;
/// <c>TotalConventions</c> counts them all when only the <see cref="ConventionsEtRapportsDeStructureViewComponent.ConventionsMax"/> most recent are listed.</summary>
public sealed record ConventionsEtRapports(IReadOnlyList<ConventionDeStructure> Conventions, IReadOnlyList<LigneListeRapports> Rapports, bool LienConventions, int TotalConventions = 0);

/// <summary>The conventions and funder reports of a structure on its 360° page (<c>/admin/financement/structures/{id}</c>, issue 11 §8),
/// inside the account's perimeter: the conventions of the grants the account sees (and, for an administrator or the structure's
/// manager, its free partnership conventions), the reports of those grants. Invoked by name from the page (decision 0016).</summary>
public sealed class ConventionsEtRapportsDeStructureViewComponent(AppDbContext db) : ViewComponent
{
    /// <summary>The most recent conventions listed; the others are counted (a structure may hold hundreds).</summary>
    public const int ConventionsMax = 50;

    public async Task<IViewComponentResult> InvokeAsync(int structureId)
    {
        var ct = HttpContext.RequestAborted;
        var p = await PerimetreFinancement.DeAsync(db, UserClaimsPrincipal, ct);
        var subventions = p.Filtrer(db.Set<Subvention>().AsNoTracking()).Where(s => s.BeneficiaireId == structureId).Select(s => s.Id);
        var voitStructure = p.VoitStructure(structureId);
        var q = db.Conventions.AsNoTracking()
            .Where(c => (c.SubventionId != null && subventions.Contains(c.SubventionId.Value)) || (voitStructure && c.SubventionId == null && c.PartenaireId == structureId));
        var total = await q.CountAsync(ct);
        var conventions = await q.OrderByDescending(c => c.DateDebut).ThenBy(c => c.Id).Take(ConventionsMax)
            .Select(c => new ConventionDeStructure(c.Id, c.Intitule, c.DateDebut, c.DateFin, c.MontantAnnuelCentimes, c.DateSignature, c.SubventionId)).ToListAsync(ct);
        var rapports = await AccesRapports.ListerAsync(db, p, ct, structureId);
        return View("~/Features/Financer/Rapports/_ConventionsEtRapportsDeStructure.cshtml", new ConventionsEtRapports(conventions, rapports, !p.EstFinanceur, total));
    }
}
