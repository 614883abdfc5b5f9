using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>The public slot search page (<c>/rendez-vous</c>): the same limit per address as the API's search
/// (<see cref="Web.Authentification.LimiteLecture"/>); beyond it, the French « too many attempts » page.</summary>
[EnableRateLimiting(Web.Authentification.LimiteLecture)]
public sealed class RechercheModel(AppDbContext db, AnnuaireEnMemoire annuaire, CompterRecherche compter, TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public int? Lieu { get; set; }
    [BindProperty(SupportsGet = true)] public int? Motif { get; set; }
    public List<Motif> Motifs { get; private set; } = [];
    public List<CreneauLibre>? Creneaux { get; private set; }
    public int Total { get; private set; }
    public string? NomLieu { get; private set; }
    public Suggestion? Suggestion { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Motifs = await db.Motifs.AsNoTracking().Where(m => !m.Collectif && m.QuiReserve != QuiReserve.EquipeSeulement).OrderBy(m => m.Id).ToListAsync(ct);
        if (Lieu is not null) NomLieu = await db.Lieux.Where(l => l.Id == Lieu).Select(l => l.Nom).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(Commune) && Lieu is null) return;
        if ((Commune?.Length ?? 0) > 100) { ModelState.AddModelError(nameof(Commune), "Nom de commune trop long."); return; }
        var lue = await CommuneCherchee.LireAsync(db, Commune, ct);
        (Total, Creneaux) = await RechercheCreneaux.ExecuterAsync(db, Lieu, Motif, lue, null, null, 60, horloge, ct);
        if (Lieu is null) await compter.ExecuterAsync(HttpContext, lue?.Designee, Motif, Creneaux, ct);
        if (Creneaux.Count == 0 && Lieu is null) Suggestion = SuggestionCommune.Proposer(await annuaire.EntreesAsync(ct), Commune);
    }
}
