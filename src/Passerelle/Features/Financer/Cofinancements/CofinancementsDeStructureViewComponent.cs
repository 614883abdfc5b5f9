using Microsoft.AspNetCore.Mvc;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Cofinancements;

/// <summary>The co-financing plans a structure carries, on its 360° page (<c>/admin/financement/structures/{id}</c>, issue 11 §8):
/// inside the account's perimeter (<see cref="RequetesCofinancements"/>: a funder sees the plans where it has a share, with its own
/// share and the plan's totals only). Invoked by name from the page, so that grants do not depend on co-financing (decision 0016).</summary>
public sealed class CofinancementsDeStructureViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int structureId)
    {
        var p = await PerimetreFinancement.DeAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted);
        var plans = await RequetesCofinancements.ListerAsync(db, p, HttpContext.RequestAborted, structureId);
        return View("~/Features/Financer/Cofinancements/_CofinancementsDeStructure.cshtml", plans);
    }
}
