using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Lieux.Admin;

public sealed class EditionModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public LieuSaisie Saisie { get; set; } = new();
    public int? Id { get; private set; }
    public List<(int Id, string Nom)> Structures { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var lieu = await db.Lieux.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
            if (lieu is null) return NotFound();
            if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, User, ct), lieu.StructureId)) return Forbid();
            Saisie = LieuSaisie.Depuis(lieu);
        }
        else Saisie = new LieuSaisie { Pivot = "", Itinerance = ["Fixe"], FraisACharge = ["Gratuit"], ModalitesAcces = ["Se présenter"] };
        await ChargerStructuresAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        if (id is not null)
        {
            var actuelle = await db.Lieux.Where(l => l.Id == id).Select(l => new { l.StructureId }).FirstOrDefaultAsync(ct);
            if (actuelle is null) return NotFound();
            if (!Perimetre.Autorise(perimetre, actuelle.StructureId)) return Forbid();
        }
        if (!Perimetre.Autorise(perimetre, Saisie.StructureId))
            Erreurs[nameof(LieuSaisie.StructureId)] = ["Choisissez une des structures que vous gérez."];
        if (!ModelState.IsValid)
            foreach (var (cle, etat) in ModelState.Where(m => m.Value!.Errors.Count > 0))
                Erreurs[cle.Replace("Saisie.", "")] = ["Valeur mal écrite (un nombre est attendu)."];
        if (Erreurs.Count == 0)
        {
            try
            {
                var (lieu, erreurs) = await EnregistrerLieu.ExecuterAsync(db, id, Saisie, horloge, ct);
                if (lieu is not null)
                {
                    TempData["Message"] = id is null ? $"Le lieu « {lieu.Nom} » est créé et visible dans l'annuaire." : $"Le lieu « {lieu.Nom} » est enregistré.";
                    return Redirect("/admin/lieux");
                }
                Erreurs = erreurs;
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        await ChargerStructuresAsync(ct);
        return Page();
    }

    async Task ChargerStructuresAsync(CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        var q = db.Structures.AsNoTracking().Where(s => !s.Archivee);
        if (perimetre is not null) q = q.Where(s => perimetre.Contains(s.Id));
        Structures = (await q.OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct)).Select(s => (s.Id, s.Nom)).ToList();
    }
}
