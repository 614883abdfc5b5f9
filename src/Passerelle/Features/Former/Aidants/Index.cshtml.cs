using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Former.Aidants;

/// <summary><c>/parcours/aidants</c>: helpers' progress per association and per helper over the training cohorts the account follows
/// (<see cref="AccesAidants.CohortesAsync"/>: the training's structure, the trainers of the support teams, administrators).</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class IndexAidantsModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public List<LigneAidant> Aidants { get; private set; } = [];
    public List<LigneAssociation> Associations { get; private set; } = [];
    public bool Administrateur { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Administrateur = User.IsInRole(Roles.Administrateur);
        Aidants = await ProgressionAidants.ParAidantAsync(db, await AccesAidants.CohortesAsync(db, User, horloge, ct), ct);
        Associations = ProgressionAidants.ParAssociation(Aidants);
    }
}
