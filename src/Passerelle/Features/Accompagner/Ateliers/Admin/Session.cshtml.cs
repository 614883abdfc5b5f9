using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Ateliers.Admin;

/// <summary>One session after its creation: registrations, waiting list, capacity, cancellation.</summary>
public sealed class SessionModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    public SessionAtelier Session { get; private set; } = null!;
    public ParticipantsSessionDto Participants { get; private set; } = null!;
    [BindProperty] public int Capacite { get; set; }
    [BindProperty] public string? Motif { get; set; }
    /// <summary>The box that confirms a cancellation (one click must not cancel a session by mistake).</summary>
    [BindProperty] public bool Confirmation { get; set; }
    /// <summary>Errors by property name (Capacite, Motif, Confirmation), shown next to their field.</summary>
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Passee => Session.Debut <= horloge.GetUtcNow().UtcDateTime;

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        if (await GererSession.TrouverAsync(db, id, User, ct) is not { } s) return false;
        Session = s;
        Participants = await GererSession.ParticipantsAsync(db, s, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        Message = TempData["Message"] as string;
        Capacite = Session.Capacite;
        return Page();
    }

    public async Task<IActionResult> OnPostCapaciteAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        if (Valider.Objet(new CapaciteSaisie(Capacite)) is { } e) Erreurs["Capacite"] = e.SelectMany(x => x.Value).ToArray();
        else
        {
            try
            {
                var promues = await GererSession.ChangerCapaciteAsync(db, Session, Capacite, options, horloge, ct);
                TempData["Message"] = $"Capacité : {Capacite} places." + (promues > 0 ? $" {promues} personne(s) de la liste d'attente inscrite(s) et prévenue(s)." : "");
                return Redirect($"/admin/ateliers/sessions/{id}");
            }
            catch (RegleMetierException ex) { Erreurs["Capacite"] = [ex.Message]; }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAnnulerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct)) return NotFound();
        Capacite = Session.Capacite;
        if (Valider.Objet(new AnnulationSessionSaisie(Motif)) is { } e) Erreurs["Motif"] = e.SelectMany(x => x.Value).ToArray();
        else if (!Confirmation) Erreurs["Confirmation"] = ["Cochez la case pour confirmer l'annulation."];
        else
        {
            try
            {
                var prevenues = await GererSession.AnnulerAsync(db, Session, Motif, options, horloge, ct);
                TempData["Message"] = $"Session annulée. {prevenues} personne(s) prévenue(s).";
                return Redirect($"/admin/ateliers/sessions/{id}");
            }
            catch (RegleMetierException ex) { Erreurs["Motif"] = [ex.Message]; }
        }
        return Page();
    }
}
