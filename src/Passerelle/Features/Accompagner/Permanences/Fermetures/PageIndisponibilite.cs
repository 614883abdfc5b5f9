using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Permanences.Fermetures;

/// <summary>What the pages of one closure and of one absence share: a period taken out of booking for one target (a place, a mediator),
/// shown for change (GET), changed (POST) or removed (POST handler <c>Supprimer</c>), in the manager's perimeter. Unknown id: 404;
/// a target outside the perimeter: 403; after a change or a removal, Post-Redirect-Get to <c>/admin/fermetures/fait</c> with a French
/// summary. Each page says what its target is, how it is read and saved, and its texts.</summary>
public abstract class PageIndisponibilite(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    protected AppDbContext Db { get; } = db;
    protected NotificationsOptions Options { get; } = options;
    protected TimeProvider Horloge { get; } = horloge;

    [BindProperty] public DateOnly? Du { get; set; }
    [BindProperty] public DateOnly? Au { get; set; }
    [BindProperty] public string? Raison { get; set; }
    /// <summary>Errors keyed by the use case's fields (<c>DateDebut</c>, <c>DateFin</c>, <c>Raison</c>, the target's id).</summary>
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    /// <summary>The chosen place or mediator (the page's own bound property).</summary>
    protected abstract int Cible { get; set; }
    /// <summary>The object as stored, or null when the id is unknown.</summary>
    protected abstract Task<(int Cible, DateOnly Du, DateOnly Au, string? Raison)?> LireAsync(int id, CancellationToken ct);
    protected abstract Task<bool> CibleGereeAsync(int cible, HashSet<int>? perimetre, CancellationToken ct);
    /// <summary>Fills the form's list of places or mediators.</summary>
    protected abstract Task ChargerChoixAsync(HashSet<int>? perimetre, CancellationToken ct);
    /// <summary>Before the form is read: false when the object is gone (404); by default the use case tells.</summary>
    protected virtual Task<bool> AvantSaisieAsync(int id, CancellationToken ct) => Task.FromResult(true);
    protected abstract Task<ResultatFermeture> EnregistrerAsync(int id, DateOnly du, DateOnly au, HashSet<int>? perimetre, CancellationToken ct);
    protected abstract Task<ResultatFermeture> SupprimerAsync(int id, HashSet<int>? perimetre, CancellationToken ct);
    /// <summary>The error shown when the first day is missing or not a date.</summary>
    protected abstract string DateDebutManquante { get; }
    /// <summary>Title and summary after a change (<paramref name="au"/> inclusive).</summary>
    protected abstract Task<(string Titre, string Bilan)> ModifieeAsync(ResultatFermeture r, DateOnly du, DateOnly au, CancellationToken ct);
    /// <summary>Title and summary after a removal.</summary>
    protected abstract (string Titre, string Bilan) Supprimee { get; }

    Task<HashSet<int>?> PerimetreAsync(CancellationToken ct) => Perimetre.StructuresGereesAsync(Db, User, ct);

    IActionResult Fait(string titre, string bilan)
    {
        TempData["Titre"] = titre;
        TempData["Bilan"] = bilan;
        return Redirect("/admin/fermetures/fait");
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LireAsync(id, ct) is not { } lu) return NotFound();
        var perimetre = await PerimetreAsync(ct);
        if (!await CibleGereeAsync(lu.Cible, perimetre, ct)) return Forbid();
        (Cible, Du, Au, Raison) = (lu.Cible, lu.Du, lu.Au, lu.Raison);
        await ChargerChoixAsync(perimetre, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var perimetre = await PerimetreAsync(ct);
        if (!await AvantSaisieAsync(id, ct)) return NotFound();
        if (Du is null || !ModelState.IsValid) Erreurs["DateDebut"] = [DateDebutManquante];
        else
        {
            var au = Au ?? Du.Value;
            var r = await EnregistrerAsync(id, Du.Value, au, perimetre, ct);
            if (r.Introuvable) return NotFound();
            if (r.Interdit) return Forbid();
            if (r.Id is not null)
            {
                var (titre, bilan) = await ModifieeAsync(r, Du.Value, au, ct);
                return Fait(titre, bilan);
            }
            Erreurs = r.Erreurs;
        }
        await ChargerChoixAsync(perimetre, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken ct)
    {
        var r = await SupprimerAsync(id, await PerimetreAsync(ct), ct);
        if (r.Introuvable) return NotFound();
        if (r.Interdit) return Forbid();
        return Fait(Supprimee.Titre, Supprimee.Bilan);
    }
}
