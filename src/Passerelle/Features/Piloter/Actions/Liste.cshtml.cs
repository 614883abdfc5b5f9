using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Web;

namespace Passerelle.Features.Piloter.Actions;

/// <summary>One zone of an action, its indicators over the period before the action (same length, at most 12 months) and since.</summary>
public sealed record AvantApres(string Code, string Nom, LigneEcart? Avant, LigneEcart? Apres);

/// <summary>An action and its zones' indicators side by side.</summary>
public sealed record ActionAffichee(ActionTerritoriale Action, DateOnly AvantDu, DateOnly AvantAu, DateOnly ApresAu, IReadOnlyList<AvantApres> Zones);

/// <summary><c>/pilotage/actions</c>: the action plan. Administrators, funders and managers read it; administrators and managers
/// add actions (Post-Redirect-Get, French errors per field). No personal data: zones, owners as organisations, amounts.</summary>
public sealed class ListeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public ActionSaisie Saisie { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    public IReadOnlyDictionary<string, string[]> Erreurs { get; private set; } = Formulaire.Aucune;
    public List<ActionAffichee> Actions { get; private set; } = [];
    public bool PeutAjouter => User.IsInRole(Roles.Administrateur) || User.IsInRole(Roles.Gestionnaire);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Zone is { Length: <= 12 }) Saisie = new ActionSaisie { Zones = Zone.Trim().ToUpperInvariant(), Type = "itinerance", Debut = Territoire.AujourdHui(horloge) };
        await ChargerAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!PeutAjouter) return Forbid();
        var (erreurs, zones) = await SaisieAction.ValiderAsync(db, Saisie, ModelState, ct);
        if (erreurs.Count > 0) { Erreurs = erreurs; await ChargerAsync(ct); return Page(); }
        var action = new ActionTerritoriale { CreeLe = horloge.GetUtcNow().UtcDateTime, CreePar = ActionTerritoriale.Auteur(User) };
        SaisieAction.Appliquer(action, Saisie, zones);
        db.Add(action);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Action ajoutée au plan.";
        return RedirectToPage();
    }

    async Task ChargerAsync(CancellationToken ct)
    {
        var aujourdhui = Territoire.AujourdHui(horloge);
        foreach (var a in await db.Set<ActionTerritoriale>().AsNoTracking().OrderByDescending(a => a.Debut).ThenBy(a => a.Id).Take(50).ToListAsync(ct))
        {
            var apresAu = a.Fin is { } f && f < aujourdhui ? f : aujourdhui;
            if (apresAu < a.Debut) apresAu = a.Debut;
            var jours = Math.Min(365, apresAu.DayNumber - a.Debut.DayNumber + 1);
            var (avantDu, avantAu) = (a.Debut.AddDays(-jours), a.Debut.AddDays(-1));
            var zones = new List<AvantApres>();
            foreach (var niveau in a.CodesZones.GroupBy(z => z.StartsWith("QN", StringComparison.Ordinal) ? CalculEcarts.Qpv : CalculEcarts.Commune))
            {
                var avant = await PilotageApi.PourAsync(db, User, new DemandeEcarts(niveau.Key, avantDu, avantAu, null), ct);
                var apres = await PilotageApi.PourAsync(db, User, new DemandeEcarts(niveau.Key, a.Debut, apresAu, null), ct);
                foreach (var code in niveau)
                {
                    var (av, ap) = (avant.Lignes.FirstOrDefault(l => l.Code == code), apres.Lignes.FirstOrDefault(l => l.Code == code));
                    if (av is null && ap is null && !User.IsInRole(Roles.Administrateur) && !User.IsInRole(Roles.Financeur)) continue;
                    zones.Add(new AvantApres(code, av?.Nom ?? ap?.Nom ?? code, av, ap));
                }
            }
            Actions.Add(new ActionAffichee(a, avantDu, avantAu, apresAu, zones));
        }
    }
}
