using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;

namespace Passerelle.Features.Connecter.Programmes.Admin;

/// <summary><c>/admin/connexion</c>: the programmes whose indicators the account may see (every team account, operators their own);
/// the staff of a managing structure also open the programme's enrolments.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public List<(ProgrammeConnexion Programme, bool Gere)> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var structures = await AccesConnexion.StructuresAsync(db, User, horloge, ct);
        Programmes = (await AccesConnexion.ProgrammesVisiblesAsync(db, User, horloge, ct)).Select(p => (p, structures.Contains(p.StructureGestionnaireId))).ToList();
    }
}
