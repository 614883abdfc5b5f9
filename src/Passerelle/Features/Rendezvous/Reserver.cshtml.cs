using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Rendezvous;

public sealed class ReserverModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    [BindProperty] public ReservationSaisie Saisie { get; set; } = new();
    [BindProperty] public bool PourUnTiers { get; set; }
    public Creneau Creneau { get; private set; } = null!;
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public bool Equipe => User.IsInRole(Roles.Mediateur) || User.IsInRole(Roles.Gestionnaire) || User.IsInRole(Roles.Administrateur);

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var c = await db.Creneaux.AsNoTracking().Include(x => x.Lieu).Include(x => x.Motif).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Creneau = c;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        Saisie = Saisie with { CreneauId = id };
        Erreurs = Reserver.Verifier(Saisie);
        if (PourUnTiers && string.IsNullOrWhiteSpace(Saisie.TiersNom)) Erreurs["TiersNom"] = ["Indiquez votre nom et votre structure."];
        if (Erreurs.Count > 0) return Page();
        try
        {
            var equipe = Equipe ? User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value : null;
            var r = await Reserver.ExecuterAsync(db, Saisie, equipe, options, horloge, ct);
            return Redirect($"/mon-rendez-vous/{r.Jeton}?nouveau=true");
        }
        catch (RegleMetierException e)
        {
            Erreurs[e.Champ ?? "CreneauId"] = [e.Message];
            return Page();
        }
    }
}
