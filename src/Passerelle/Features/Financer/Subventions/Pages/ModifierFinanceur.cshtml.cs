using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Referentiels;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary><c>/admin/financement/financeurs/{id}/modifier</c> (administrators): a funder's name, SIRET and kind. Each field
/// changed is journaled old → new. Accounts tied to the funder follow it by id, so a new name changes nothing to what they see.</summary>
[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class ModifierFinanceurModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public Financeur Financeur { get; private set; } = null!;
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Siret { get; set; }
    [BindProperty] public string? Genre { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Financeur>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) is not { } f) return NotFound();
        Financeur = f;
        (Nom, Siret, Genre) = (f.Nom, f.Siret, f.Genre);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Financeur>().FirstOrDefaultAsync(f => f.Id == id, ct) is not { } f) return NotFound();
        Financeur = f;
        var siret = string.IsNullOrWhiteSpace(Siret) ? null : Siret.Replace(" ", "").Trim();
        var nom = Nom?.Trim();
        if (string.IsNullOrEmpty(nom)) Erreurs["Nom"] = ["Indiquez le nom de l'organisme."];
        else if (nom.Length > 300) Erreurs["Nom"] = ["Le nom tient en 300 caractères."];
        if (siret is not null && !Identifiants.SiretValide(siret)) Erreurs["Siret"] = ["Ce SIRET n'est pas valide (14 chiffres et clé de contrôle)."];
        else if (siret is not null && await db.Set<Financeur>().AnyAsync(x => x.Siret == siret && x.Id != id, ct)) Erreurs["Siret"] = ["Un autre financeur porte déjà ce SIRET."];
        if (!GenresFinanceur.Existe(Genre)) Erreurs["Genre"] = ["Choisissez le genre de financeur."];
        if (Erreurs.Count > 0) return Page();
        var par = User.Identity?.Name ?? "inconnu";
        void Changer(string champ, string? ancien, string? nouveau) { if (ancien != nouveau) Journal.Ajouter(db, horloge, par, Journal.Financeur, id, champ, ancien, nouveau); }
        Changer("nom", f.Nom, nom);
        Changer("SIRET", f.Siret, siret);
        Changer("genre", GenresFinanceur.Libelle(f.Genre), GenresFinanceur.Libelle(Genre!));
        (f.Nom, f.Siret, f.Siren, f.Genre) = (nom!, siret, siret?[..9] ?? (siret is null && f.Siret is null ? f.Siren : null), Genre!);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Financeur « {f.Nom} » modifié.";
        return Redirect("/admin/financement/financeurs");
    }
}
