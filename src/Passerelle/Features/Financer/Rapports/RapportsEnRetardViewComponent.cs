using Microsoft.AspNetCore.Mvc;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>The board's « rapports en retard » block (issue 11 §8): the late reports the account may see, with a link to each;
/// included by one line in the board page so that the reports stay in their own folder.</summary>
public sealed class RapportsEnRetardViewComponent(AppDbContext db, TimeProvider horloge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var aujourdHui = Territoire.AujourdHui(horloge);
        var p = await PerimetreFinancement.DeAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted);
        var late = (await AccesRapports.ListerAsync(db, p, HttpContext.RequestAborted)).Where(r => r.EnRetard(aujourdHui)).ToList();
        return View("~/Features/Financer/Rapports/_RapportsEnRetard.cshtml", late);
    }
}
