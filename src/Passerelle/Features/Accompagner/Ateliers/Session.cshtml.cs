using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Ateliers;

public sealed class SessionModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge, LimiteFormulairesPublics limite) : PageModel
{
    [BindProperty] public InscriptionSaisie Saisie { get; set; } = new();
    public SessionAtelier Session { get; private set; } = null!;
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var s = await db.SessionsAteliers.AsNoTracking().Include(x => x.Atelier).Include(x => x.Lieu).FirstOrDefaultAsync(x => x.Id == id && !x.Annulee, ct);
        if (s is null) return false;
        Session = s;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        if (!limite.Accepter(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Erreurs[""] = [LimiteFormulairesPublics.Message];
            return Page();
        }
        Erreurs = Inscrire.Verifier(Saisie);
        if (Erreurs.Count > 0) return Page();
        try
        {
            var i = await Inscrire.ExecuterAsync(db, id, Saisie, options, horloge, ct);
            return Redirect($"/mon-rendez-vous/{i.Jeton}?nouveau=true");
        }
        catch (RegleMetierException e) { Erreurs[""] = [e.Message]; return Page(); }
    }
}
