using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>/parcours/referent</c>: the signed-in referent's learners, the outcomes due this week, who was not seen for three weeks.</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class ReferentModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public FileReferentDto Suivi { get; private set; } = null!;
    public async Task OnGetAsync(CancellationToken ct) => Suivi = await FileReferent.ExecuterAsync(db, User, horloge, ct);
}
