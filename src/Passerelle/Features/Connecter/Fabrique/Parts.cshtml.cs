using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary><c>/admin/connexion/diagnostics</c>: the territory's shares of people lacking each field (team accounts; not operators).</summary>
public sealed class PartsModel(AppDbContext db) : PageModel
{
    public List<PartFabrique> Communes { get; private set; } = [];
    public List<PartFabrique> Qpv { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.Operateur) && !Roles.Tous.Where(r => r != Roles.Operateur).Any(User.IsInRole)) return Forbid();
        (Communes, Qpv) = await PartsFabrique.ExecuterAsync(db, ct);
        return Page();
    }
}
