using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary><c>/admin/financement/enveloppes/{id}/modifier</c> (administrators): an envelope's label, imputation codes and
/// planned amount (the funder, exercise and parent stay: grants are charged to it). Each field changed is journaled old → new.</summary>
[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class ModifierEnveloppeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public Enveloppe Enveloppe { get; private set; } = null!;
    [BindProperty] public string? Libelle { get; set; }
    [BindProperty] public string? SousPolitique { get; set; }
    [BindProperty] public string? Chapitre { get; set; }
    [BindProperty] public string? NatureBudget { get; set; }
    [BindProperty] public string? Fonction { get; set; }
    [BindProperty] public string? PrevuEur { get; set; }

    static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Enveloppe>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e) return NotFound();
        Enveloppe = e;
        (Libelle, SousPolitique, Chapitre, NatureBudget, Fonction) = (e.Libelle, e.SousPolitique, e.Chapitre, e.Nature, e.Fonction);
        PrevuEur = (e.MontantPrevuCentimes / 100m).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Enveloppe>().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e) return NotFound();
        Enveloppe = e;
        if (Vide(Libelle) is not { Length: <= 300 }) Erreurs["Libelle"] = ["Indiquez le libellé de la ligne (300 caractères au plus)."];
        if (Vide(SousPolitique) is { Length: > 20 }) Erreurs["SousPolitique"] = ["20 caractères au plus."];
        foreach (var (cle, v) in new[] { ("Chapitre", Chapitre), ("NatureBudget", NatureBudget), ("Fonction", Fonction) })
            if (Vide(v) is { Length: > 10 }) Erreurs[cle] = ["10 caractères au plus."];
        if (!Euros.Lire(PrevuEur, out var prevu) || prevu is null or < 0) Erreurs["PrevuEur"] = ["Le montant prévu est un nombre d'euros positif."];
        if (Erreurs.Count > 0) return Page();
        var par = User.Identity?.Name ?? "inconnu";
        void Changer(string champ, string? ancien, string? nouveau) { if (ancien != nouveau) Journal.Ajouter(db, horloge, par, Journal.Enveloppe, id, champ, ancien, nouveau); }
        Changer("libellé", e.Libelle, Vide(Libelle));
        Changer("sous-politique", e.SousPolitique, Vide(SousPolitique));
        Changer("chapitre", e.Chapitre, Vide(Chapitre));
        Changer("nature", e.Nature, Vide(NatureBudget));
        Changer("fonction", e.Fonction, Vide(Fonction));
        Changer("prévu", Montants.Euros(e.MontantPrevuCentimes), Montants.Euros(prevu!.Value));
        (e.Libelle, e.SousPolitique, e.Chapitre, e.Nature, e.Fonction, e.MontantPrevuCentimes) = (Vide(Libelle)!, Vide(SousPolitique), Vide(Chapitre), Vide(NatureBudget), Vide(Fonction), prevu.Value);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Enveloppe « {e.Libelle} » modifiée.";
        return Redirect($"/admin/financement/enveloppes/{id}");
    }
}
