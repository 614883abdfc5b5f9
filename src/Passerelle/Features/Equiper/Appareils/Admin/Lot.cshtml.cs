using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils.Admin;

/// <summary>A received lot and the intake loop: the type, brand and model stay filled in after each device, the serial field
/// takes the next scan (a barcode reader types it and presses Enter).</summary>
[Authorize(Policy = Roles.PolitiqueAtelier)]
public sealed class LotModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Lot Lot { get; private set; } = null!;
    public List<Appareil> Appareils { get; private set; } = [];
    public int? Cree { get; private set; }
    [BindProperty] public string? NumeroSerie { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; } = "portable";
    [BindProperty(SupportsGet = true)] public string? Marque { get; set; }
    [BindProperty(SupportsGet = true)] public string? Modele { get; set; }
    [BindProperty(SupportsGet = true)] public string? Processeur { get; set; }
    [BindProperty(SupportsGet = true)] public int? MemoireGo { get; set; }
    [BindProperty(SupportsGet = true)] public string? SupportType { get; set; } = "ssd";
    [BindProperty] public string? SupportSerie { get; set; }
    [BindProperty(SupportsGet = true)] public int SupportGo { get; set; } = 256;
    [BindProperty] public string? EtatGeneral { get; set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        ["numeroSerie"] = "numeroserie", ["type"] = "type", ["marque"] = "marque", ["modele"] = "modele", ["processeur"] = "processeur",
        ["memoireGo"] = "memoirego", ["supports"] = "supporttype", ["etatGeneral"] = "etatgeneral", ["lotId"] = "type",
    };

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var l = await db.Set<Lot>().AsNoTracking().Include(x => x.Offre).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (l is null) return false;
        Lot = l;
        Appareils = await db.Set<Appareil>().AsNoTracking().Where(a => a.LotId == id).OrderByDescending(a => a.Id).Take(1000).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, int? cree, CancellationToken ct)
    {
        Cree = cree;
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary(e => e.Key.Length == 0 ? "" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value);
        if (Erreurs.Count == 0)
        {
            var supports = string.IsNullOrEmpty(SupportType) ? [] : new List<SupportSaisie> { new(SupportType, SupportSerie, SupportGo) };
            try
            {
                var a = await EnregistrerAppareil.ExecuterAsync(db, new AppareilSaisie(id, Type, Marque, Modele, NumeroSerie, supports, Processeur, MemoireGo, EtatGeneral), User, horloge, ct);
                var q = Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?> { ["cree"] = a.Id.ToString(), ["Type"] = Type, ["Marque"] = Marque, ["Modele"] = Modele,
                    ["Processeur"] = Processeur, ["MemoireGo"] = MemoireGo?.ToString(), ["SupportType"] = SupportType, ["SupportGo"] = SupportGo.ToString() });
                return Redirect($"/admin/equipement/lots/{id}{q}#numeroserie");
            }
            catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }
}
