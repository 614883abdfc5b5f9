using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Activites;

/// <summary>The record form: pre-filled from an honoured appointment, a workshop session, a record to duplicate, or
/// the mediator's usual place and duration, so that a practised mediator confirms with the keyboard in seconds.</summary>
public sealed class NouvelleModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public ActiviteSaisie Saisie { get; set; } = new();
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public bool SansFiche { get; private set; }

    async Task<int?> ChargerAsync(CancellationToken ct)
    {
        var mediateur = await ActivitesApi.MediateurAsync(db, User, ct);
        if (mediateur is null) { SansFiche = true; return null; }
        var siens = await db.Mediateurs.Where(m => m.Id == mediateur).SelectMany(m => m.Lieux.Select(l => new { l.Id, l.Nom })).ToListAsync(ct);
        Lieux = siens.Select(l => (l.Id, l.Nom)).ToList();
        return mediateur;
    }

    public async Task OnGetAsync(int? reservation, int? session, int? copie, CancellationToken ct)
    {
        if (await ChargerAsync(ct) is not { } mediateur) return;
        Saisie = await EnregistrerActivite.ProposerAsync(db, mediateur, reservation, session, copie, horloge, ct);
        if (Saisie.LieuId is { } id && Lieux.All(l => l.Id != id))
            Lieux.Insert(0, (id, await db.Lieux.Where(l => l.Id == id).Select(l => l.Nom).FirstAsync(ct)));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ChargerAsync(ct) is not { } mediateur) return Page();
        if (!ModelState.IsValid)
            foreach (var (cle, _) in ModelState.Where(m => m.Value!.Errors.Count > 0)) Erreurs[cle.Replace("Saisie.", "")] = ["Valeur mal écrite."];
        if (Erreurs.Count == 0)
        {
            try
            {
                var (a, erreurs) = await EnregistrerActivite.ExecuterAsync(db, mediateur, Saisie, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, horloge, ct);
                if (a is not null)
                {
                    TempData["Message"] = $"Compte rendu enregistré : {a.Type.ToLowerInvariant()} du {a.Date:dd/MM/yyyy}, {a.DureeMinutes} min.";
                    return Redirect("/activites");
                }
                Erreurs = erreurs;
            }
            catch (RegleMetierException e) { Erreurs[""] = [e.Message]; }
        }
        if (Saisie.LieuId is { } id && Lieux.All(l => l.Id != id) && await db.Lieux.AnyAsync(l => l.Id == id, ct))
            Lieux.Insert(0, (id, await db.Lieux.Where(l => l.Id == id).Select(l => l.Nom).FirstAsync(ct)));
        return Page();
    }
}
