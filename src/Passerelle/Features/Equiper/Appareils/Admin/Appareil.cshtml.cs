using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils.Admin;

/// <summary>The device page: its media and their proof, the test, the next step, the history. Each form calls the API's use case.</summary>
[Authorize(Policy = Roles.PolitiqueAtelier)]
public sealed class AppareilModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Appareil Appareil { get; private set; } = null!;
    public List<EvenementAppareil> Historique { get; private set; } = [];
    public List<string> Suivants { get; private set; } = [];
    public DateTime Maintenant => horloge.GetUtcNow().UtcDateTime;
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public int SupportId { get; set; }
    [BindProperty] public string? Niveau { get; set; } = "purge";
    [BindProperty] public string? Methode { get; set; }
    [BindProperty] public string? Outil { get; set; }
    [BindProperty] public int Passes { get; set; } = 1;
    [BindProperty] public string? Verification { get; set; } = "complete";
    [BindProperty] public string? ZonesCachees { get; set; } = "absentes";
    [BindProperty] public string? Resultat { get; set; } = "reussi";
    [BindProperty] public DateTime? Debut { get; set; }
    [BindProperty] public DateTime? Fin { get; set; }
    [BindProperty] public List<string> Echecs { get; set; } = [];
    [BindProperty] public string? Grade { get; set; }
    [BindProperty] public int? SanteBatterie { get; set; }
    [BindProperty] public string? Vers { get; set; }
    [BindProperty] public string? Note { get; set; }

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var a = await db.Set<Appareil>().AsNoTracking().Include(x => x.Lot).Include(x => x.Supports).ThenInclude(s => s.Effacements).Include(x => x.Tests).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return false;
        Appareil = a;
        Historique = await db.Set<EvenementAppareil>().AsNoTracking().Where(e => e.AppareilId == id).OrderBy(e => e.Id).ToListAsync(ct);
        // The sale has its own page (eligibility, cap): it is not offered as a bare step here.
        Suivants = Etats.Suivants(a.Etat).Where(s => s is not (Etats.Vendu or Etats.Reserve) && Etats.Roles(s).Any(User.IsInRole)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    async Task<IActionResult> AgirAsync(int id, Func<Task> action, CancellationToken ct)
    {
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        if (Erreurs.Count == 0)
        {
            try { await action(); return Redirect($"/admin/equipement/appareils/{id}"); }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
            catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
            catch (AccesRefuseException e) { Erreurs[""] = [e.Message]; }
            catch (KeyNotFoundException) { return NotFound(); }
        }
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostEffacementAsync(int id, CancellationToken ct) => AgirAsync(id, async () =>
    {
        // A support of another device posted by hand is refused like an unknown one.
        if (!await db.Set<SupportStockage>().AnyAsync(s => s.Id == SupportId && s.AppareilId == id, ct)) throw Valider.Invalide(new() { ["supportId"] = ["Support de stockage inconnu."] });
        await EnregistrerEffacement.ExecuterAsync(db, new EffacementSaisie(SupportId, Niveau, Methode, Outil, null, Passes, Verification, ZonesCachees, Dons.HeureParis.VersUtc(Debut), Dons.HeureParis.VersUtc(Fin), Resultat), User, horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostTestAsync(int id, CancellationToken ct) =>
        AgirAsync(id, () => EnregistrerTest.ExecuterAsync(db, id, new TestSaisie(Echecs, SanteBatterie, Grade, null), User, horloge, ct), ct);

    public Task<IActionResult> OnPostTransitionAsync(int id, CancellationToken ct) =>
        AgirAsync(id, () => ChangerEtat.ExecuterAsync(db, id, new TransitionSaisie(Vers, Note), User, horloge, ct), ct);
}
