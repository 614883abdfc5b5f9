using Microsoft.AspNetCore.Mvc;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Postes;

/// <summary>The subsidised posts a structure hosts, on its 360° page (<c>/admin/financement/structures/{id}</c>, issue 11 §8): state,
/// vacancy months, subsidy paid and instalments, inside the account's perimeter (<see cref="RequetesPostes"/>); no occupant's name
/// (the post's own page shows them to those allowed). Invoked by name from the page, so that grants do not depend on posts.</summary>
public sealed class PostesDeStructureViewComponent(AppDbContext db, TimeProvider horloge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int structureId)
    {
        var p = await PerimetreFinancement.DeAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted);
        var postes = await RequetesPostes.ListerAsync(db, p, Passerelle.Features.Referentiels.Territoire.AujourdHui(horloge), HttpContext.RequestAborted, structureId);
        return View("~/Features/Financer/Postes/_PostesDeStructure.cshtml", postes);
    }
}
