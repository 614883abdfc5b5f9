using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Web;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Rapports;

/// <summary><c>/admin/financement/rapports</c>: the funder reports the account may see — due, late, to review (submitted), all —
/// most urgent first. Same roles as the board.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class ListeModel(AppDbContext db, TimeProvider horloge, CatalogueIndicateurs catalogue) : PageModel
{
    public const string ARendre = "a-rendre", EnRetard = "en-retard", AExaminer = "a-examiner", Tous = "tous";
    public List<LigneListeRapports> Rapports { get; private set; } = [];
    public string Filtre { get; private set; } = ARendre;
    public DateOnly AujourdHui { get; private set; }
    /// <summary>Grants whose report an administrator may open (voted or later), newest first.</summary>
    public List<(int Id, string Nom, int Exercice)> Subventions { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public int? SubventionId { get; set; }
    [BindProperty] public int? Exercice { get; set; }

    /// <summary>An administrator opens the report of a grant for an exercise (idempotent), then lands on it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Administrateur)) return Forbid();
        if (SubventionId is null) Erreurs["SubventionId"] = ["Choisissez la subvention."];
        if (Exercice is null or < 2000 or > 2100) Erreurs["Exercice"] = ["L'exercice est une année entre 2000 et 2100."];
        if (Erreurs.Count == 0)
        {
            var r = await GestionRapports.OuvrirAsync(db, SubventionId!.Value, Exercice!.Value, catalogue, User.Identity?.Name ?? "inconnu", horloge, ct);
            if (r is not null) return Redirect($"/admin/financement/rapports/{r.Id}");
            Erreurs["SubventionId"] = ["Cette subvention n'existe pas."];
        }
        await OnGetAsync(null, ct);
        return Page();
    }

    public async Task OnGetAsync(string? filtre, CancellationToken ct)
    {
        AujourdHui = Territoire.AujourdHui(horloge);
        Filtre = filtre is ARendre or EnRetard or AExaminer or Tous ? filtre : ARendre;
        var p = await PerimetreFinancement.DeAsync(db, User, ct);
        var tous = await AccesRapports.ListerAsync(db, p, ct);
        if (p.Tout)
            Subventions = (await db.Set<Subvention>().AsNoTracking().Where(s => GestionSubventions.Votes.Contains(s.Statut)).OrderByDescending(s => s.Exercice).ThenBy(s => s.Id)
                .Select(s => new { s.Id, Nom = s.Beneficiaire!.Nom + " — " + s.Financeur!.Nom, s.Exercice }).Take(500).ToListAsync(ct)).Select(s => (s.Id, s.Nom, s.Exercice)).ToList();
        Rapports = Filtre switch
        {
            EnRetard => tous.Where(r => r.EnRetard(AujourdHui)).ToList(),
            AExaminer => tous.Where(r => r.Statut == StatutsRapport.Soumis).ToList(),
            ARendre => tous.Where(r => StatutsRapport.Modifiables.Contains(r.Statut)).ToList(),
            _ => tous,
        };
    }
}
