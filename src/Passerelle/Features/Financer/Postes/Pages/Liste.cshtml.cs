using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Postes.Pages;

/// <summary><c>/admin/financement/postes</c>: subsidised posts (programme, host structure, occupied or vacant, months of vacancy,
/// subsidy paid) inside the funding perimeter; administrators open a post.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class ListeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public List<PosteDto> Postes { get; private set; } = [];
    public List<(int Id, string Nom)> Structures { get; private set; } = [];
    public List<(int Id, string Libelle)> Subventions { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public bool Administrateur => User.IsInRole(Roles.Administrateur);
    [BindProperty] public string? Programme { get; set; }
    [BindProperty] public int? StructureId { get; set; }
    [BindProperty] public DateOnly? OuvertLe { get; set; }
    [BindProperty] public string? NumeroNational { get; set; }
    [BindProperty] public int? SubventionId { get; set; }

    async Task ChargerAsync(CancellationToken ct)
    {
        Postes = await RequetesPostes.ListerAsync(db, await PerimetreFinancement.DeAsync(db, User, ct), Referentiels.Territoire.AujourdHui(horloge), ct);
        if (!Administrateur) return;
        Structures = (await db.Structures.AsNoTracking().Where(s => !s.Archivee).OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).Take(5000).ToListAsync(ct)).Select(s => (s.Id, s.Nom)).ToList();
        Subventions = (await db.Set<Subvention>().AsNoTracking().Where(s => !db.Set<Poste>().Any(p => p.SubventionId == s.Id)).OrderByDescending(s => s.Exercice)
            .Select(s => new { s.Id, B = s.Beneficiaire!.Nom, F = s.Financeur!.Nom, s.Exercice, s.MontantCentimes }).Take(500).ToListAsync(ct))
            .Select(s => (s.Id, $"{s.B} — {s.F}, {s.Exercice}, {Montants.Euros(s.MontantCentimes)}")).ToList();
    }

    public Task OnGetAsync(CancellationToken ct) => ChargerAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Administrateur) return Forbid();
        try
        {
            var p = await GestionPostes.CreerAsync(db, new SaisiePoste(Programme, StructureId, OuvertLe, NumeroNational, SubventionId), User.Identity?.Name ?? "inconnu", horloge, ct);
            return Redirect($"/admin/financement/postes/{p.Id}");
        }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        await ChargerAsync(ct);
        return Page();
    }
}
