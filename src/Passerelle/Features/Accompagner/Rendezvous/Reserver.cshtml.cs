using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Rendezvous;

public sealed class ReserverModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge, LimiteFormulairesPublics limite) : PageModel
{
    [BindProperty] public ReservationSaisie Saisie { get; set; } = new();
    [BindProperty] public bool PourUnTiers { get; set; }
    public Creneau Creneau { get; private set; } = null!;
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    /// <summary>Why this slot cannot be booked any more (past, full, outside the online window), shown instead of the form.</summary>
    public string? Indisponible { get; private set; }
    public bool Equipe => User.IsInRole(Roles.Mediateur) || User.IsInRole(Roles.Gestionnaire) || User.IsInRole(Roles.Administrateur);

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var c = await db.Creneaux.AsNoTracking().Include(x => x.Lieu).Include(x => x.Motif).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Creneau = c;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        Indisponible = c.Debut <= maintenant ? "Ce créneau est passé : il ne peut plus être réservé."
            : c.Reserves >= c.Capacite ? "Ce créneau est complet : la dernière place vient d'être prise."
            : Equipe ? null
            : !c.EnLigne ? "Ce créneau se réserve seulement auprès du lieu, par téléphone ou sur place."
            : maintenant > c.FermetureEnLigne ? "Ce créneau est trop proche pour être réservé en ligne : appelez le lieu."
            : maintenant < c.OuvertureEnLigne ? "Ce créneau n'est pas encore ouvert à la réservation en ligne."
            : null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        if (Indisponible is not null) return Page();
        if (!limite.Accepter(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Erreurs[""] = [LimiteFormulairesPublics.Message];
            return Page();
        }
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
            Erreurs[e.Champ ?? ""] = [e.Message];
            await ChargerAsync(id, ct);
            if (Indisponible is not null) Erreurs.Clear();
            return Page();
        }
    }
}
