using Passerelle.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Referentiels;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary><c>/admin/financement/financeurs</c> (administrators): the funders and their envelopes; adds a funder or an
/// envelope (a budget line of one exercise, possibly under another envelope). Every addition is journaled.</summary>
[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class FinanceursModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public List<Financeur> Financeurs { get; private set; } = [];
    public List<Enveloppe> Enveloppes { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Siret { get; set; }
    [BindProperty] public string? Genre { get; set; }
    [BindProperty] public int? FinanceurId { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public int? Exercice { get; set; }
    [BindProperty] public string? Libelle { get; set; }
    [BindProperty] public string? SousPolitique { get; set; }
    [BindProperty] public string? Chapitre { get; set; }
    [BindProperty] public string? NatureBudget { get; set; }
    [BindProperty] public string? Fonction { get; set; }
    [BindProperty] public string? PrevuEur { get; set; }

    async Task ChargerAsync(CancellationToken ct)
    {
        Financeurs = await db.Set<Financeur>().AsNoTracking().OrderBy(f => f.Nom).ToListAsync(ct);
        Enveloppes = await db.Set<Enveloppe>().AsNoTracking().OrderByDescending(e => e.Exercice).ThenBy(e => e.Libelle).Take(2000).ToListAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public async Task<IActionResult> OnPostFinanceurAsync(CancellationToken ct)
    {
        var siret = Vide(Siret)?.Replace(" ", "");
        if (Vide(Nom) is not { } nom) Erreurs["Nom"] = ["Indiquez le nom de l'organisme."];
        else if (nom.Length > 300) Erreurs["Nom"] = ["Le nom tient en 300 caractères."];
        if (siret is not null && !Identifiants.SiretValide(siret)) Erreurs["Siret"] = ["Ce SIRET n'est pas valide (14 chiffres et clé de contrôle)."];
        else if (siret is not null && await db.Set<Financeur>().AnyAsync(f => f.Siret == siret, ct)) Erreurs["Siret"] = ["Un financeur porte déjà ce SIRET."];
        if (!GenresFinanceur.Existe(Genre)) Erreurs["Genre"] = ["Choisissez le genre de financeur."];
        if (Erreurs.Count == 0)
        {
            var f = new Financeur { Nom = Nom!.Trim(), Siret = siret, Siren = siret?[..9], Genre = Genre! };
            db.Add(f);
            await db.SaveChangesAsync(ct);
            Journal.Ajouter(db, horloge, User.Identity?.Name ?? "inconnu", Journal.Financeur, f.Id, "création", null, f.Nom);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"Financeur « {f.Nom} » ajouté.";
            return RedirectToPage();
        }
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEnveloppeAsync(CancellationToken ct)
    {
        if (FinanceurId is null || !await db.Set<Financeur>().AnyAsync(f => f.Id == FinanceurId, ct)) Erreurs["FinanceurId"] = ["Choisissez le financeur."];
        if (Exercice is not (>= 2000 and <= 2100)) Erreurs["Exercice"] = ["L'exercice est une année entre 2000 et 2100."];
        if (Vide(Libelle) is not { Length: <= 300 }) Erreurs["Libelle"] = ["Indiquez le libellé de la ligne (300 caractères au plus)."];
        if (Vide(SousPolitique) is { Length: > 20 }) Erreurs["SousPolitique"] = ["20 caractères au plus."];
        foreach (var (cle, v) in new[] { ("Chapitre", Chapitre), ("NatureBudget", NatureBudget), ("Fonction", Fonction) })
            if (Vide(v) is { Length: > 10 }) Erreurs[cle] = ["10 caractères au plus."];
        if (!Euros.Lire(PrevuEur, out var prevu) || prevu is < 0) Erreurs["PrevuEur"] = ["Le montant prévu est un nombre d'euros positif."];
        if (ParentId is { } p && !await db.Set<Enveloppe>().AnyAsync(e => e.Id == p && e.FinanceurId == FinanceurId && e.Exercice == Exercice, ct))
            Erreurs["ParentId"] = ["L'enveloppe parente est du même financeur et du même exercice."];
        if (Erreurs.Count == 0)
        {
            var e = new Enveloppe
            {
                FinanceurId = FinanceurId!.Value, ParentId = ParentId, Exercice = Exercice!.Value, Libelle = Libelle!.Trim(), SousPolitique = Vide(SousPolitique),
                Chapitre = Vide(Chapitre), Nature = Vide(NatureBudget), Fonction = Vide(Fonction), MontantPrevuCentimes = prevu ?? 0,
            };
            db.Add(e);
            await db.SaveChangesAsync(ct);
            Journal.Ajouter(db, horloge, User.Identity?.Name ?? "inconnu", Journal.Enveloppe, e.Id, "création", null, $"{e.Libelle}, {e.Exercice}, prévu {Montants.Euros(e.MontantPrevuCentimes)}");
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"Enveloppe « {e.Libelle} » ajoutée.";
            return RedirectToPage();
        }
        await ChargerAsync(ct);
        return Page();
    }
}
