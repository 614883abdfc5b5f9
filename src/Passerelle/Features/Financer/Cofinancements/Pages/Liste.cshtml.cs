using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Cofinancements.Pages;

/// <summary><c>/admin/financement/cofinancements</c>: the co-financing plans the account sees (administrators all; a funder those
/// where it has a share, with its share and the totals only; a manager its structures'); administrators add a plan.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class ListeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public List<PlanDto> Plans { get; private set; } = [];
    public List<(int Id, string Nom)> Structures { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public bool Administrateur => User.IsInRole(Roles.Administrateur);
    [BindProperty] public string? Action { get; set; }
    [BindProperty] public int? PorteurId { get; set; }
    [BindProperty] public int? Exercice { get; set; }
    [BindProperty] public string? Base { get; set; }
    [BindProperty] public string? CoutEur { get; set; }

    async Task ChargerAsync(CancellationToken ct)
    {
        Plans = await RequetesCofinancements.ListerAsync(db, await PerimetreFinancement.DeAsync(db, User, ct), ct);
        if (Administrateur)
            Structures = (await db.Structures.AsNoTracking().Where(s => !s.Archivee).OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).Take(5000).ToListAsync(ct)).Select(s => (s.Id, s.Nom)).ToList();
    }

    public Task OnGetAsync(CancellationToken ct) => ChargerAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Administrateur) return Forbid();
        long? cout = Euros.Lire(CoutEur, out var c) ? c : null;
        var saisie = new SaisiePlan(Action, PorteurId, Exercice, Base, cout);
        Erreurs = GestionCofinancements.Verifier(saisie);
        if (Erreurs.Count == 0)
        {
            try
            {
                var p = await GestionCofinancements.CreerAsync(db, saisie, User.Identity?.Name ?? "inconnu", horloge, ct);
                return Redirect($"/admin/financement/cofinancements/{p.Id}");
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        await ChargerAsync(ct);
        return Page();
    }
}
