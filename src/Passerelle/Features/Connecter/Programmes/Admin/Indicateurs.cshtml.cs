using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes.Admin;

/// <summary><c>/admin/connexion/programmes/{id}/indicateurs</c>: the programme's aggregates, at the account's level (<see cref="AccesConnexion.VueAsync"/>).</summary>
public sealed class IndicateursModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public IndicateursDto Indicateurs { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var p = await db.Set<ProgrammeConnexion>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound();
        var vue = await AccesConnexion.VueAsync(db, User, p, horloge, ct);
        if (vue is null) return Forbid();
        try { Indicateurs = await IndicateursProgramme.ExecuterAsync(db, p, Du, Au, vue.Value, horloge, ct); }
        catch (System.ComponentModel.DataAnnotations.ValidationException e)
        {
            Erreurs = Valider.Erreurs(e);
            Du = Au = null;
            Indicateurs = await IndicateursProgramme.ExecuterAsync(db, p, null, null, vue.Value, horloge, ct);
        }
        return Page();
    }
}
