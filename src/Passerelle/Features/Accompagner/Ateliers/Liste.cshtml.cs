using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Ateliers;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Web.Authentification.LimiteLecture)]
public sealed class ListeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    public List<SessionDto> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if ((Commune?.Length ?? 0) > 100) Commune = null;
        Sessions = (await ChercherSessions.ExecuterAsync(db, Commune, null, null, 100, horloge, ct)).Items.ToList();
    }
}
