using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Dons.Admin;

[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class OffreModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public OffreDon Offre { get; private set; } = null!;
    [BindProperty] public bool Accepter { get; set; }
    [BindProperty] public string? MotifRefus { get; set; }
    [BindProperty] public DateTime? EnlevementLe { get; set; }
    [BindProperty] public int NombreAppareils { get; set; }
    [BindProperty] public int PoidsKg { get; set; }
    /// <summary>The work site receiving the lot; proposed: the site of the last lot received.</summary>
    [BindProperty] public string? Site { get; set; }
    public List<string> Sites { get; private set; } = [];
    [BindProperty] public string? MontantEuros { get; set; }
    [BindProperty] public string? MethodeValorisation { get; set; } = "Valeur nette comptable déclarée par le donateur";
    [BindProperty] public string? FormeJuridique { get; set; }
    [BindProperty] public string? AdresseDonateur { get; set; }
    public RecuDon? Recu { get; private set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var o = await db.Set<OffreDon>().AsNoTracking().Include(x => x.Lignes).Include(x => x.Lot).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return false;
        Offre = o;
        if (NombreAppareils == 0) NombreAppareils = o.Quantite;
        EnlevementLe ??= o.EnlevementLe is { } le ? HeureParis.Depuis(le) : null;
        Recu = await db.Set<RecuDon>().AsNoTracking().FirstOrDefaultAsync(r => r.OffreDonId == id, ct);
        if (o.Lot is null)
        {
            // The sites of the lots already received (read here: the dashboard's list lives in Ventes, which depends on Dons).
            Sites = await db.Set<Lot>().Where(l => l.Site != null).Select(l => l.Site!).Distinct().OrderBy(x => x).ToListAsync(ct);
            Site ??= await db.Set<Lot>().Where(l => l.Site != null).OrderByDescending(l => l.Id).Select(l => l.Site).FirstOrDefaultAsync(ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    async Task<IActionResult> AgirAsync(int id, Func<Task> action, CancellationToken ct)
    {
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        if (Erreurs.Count == 0)
        {
            try { await action(); return Redirect($"/admin/equipement/offres/{id}"); }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
            catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
            catch (KeyNotFoundException) { return NotFound(); }
        }
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostQualifierAsync(int id, CancellationToken ct) =>
        AgirAsync(id, () => TraiterOffre.QualifierAsync(db, id, new QualificationSaisie(Accepter, MotifRefus), ct), ct);

    public Task<IActionResult> OnPostRecuAsync(int id, CancellationToken ct) =>
        AgirAsync(id, () => Euros.Lire(MontantEuros, out var centimes) && centimes > 0
            ? EtablirRecu.ExecuterAsync(db, id, new RecuSaisie(centimes.Value, MethodeValorisation, FormeJuridique, AdresseDonateur), horloge, ct)
            : throw new RegleMetierException("Indiquez la valeur du don en euros, plus de 0 : par exemple 120 ou 120,50.", "MontantCentimes"), ct);

    public Task<IActionResult> OnPostPlanifierAsync(int id, CancellationToken ct) =>
        AgirAsync(id, () => TraiterOffre.PlanifierAsync(db, id, new EnlevementSaisie(HeureParis.VersUtc(EnlevementLe)), horloge, ct), ct);

    public Task<IActionResult> OnPostRecevoirAsync(int id, CancellationToken ct) =>
        AgirAsync(id, () => TraiterOffre.ReceptionnerAsync(db, id, new ReceptionSaisie(NombreAppareils, PoidsKg, Site), User.Identity?.Name ?? "", horloge, ct), ct);
}
