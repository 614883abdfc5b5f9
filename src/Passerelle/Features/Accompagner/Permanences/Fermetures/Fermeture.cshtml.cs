using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Permanences.Fermetures;

/// <summary>One closure: change its place, dates or reason, or remove it (the place reopens, its slots come back).</summary>
public sealed class FermetureModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    [BindProperty] public int LieuId { get; set; }
    [BindProperty] public DateOnly? Du { get; set; }
    [BindProperty] public DateOnly? Au { get; set; }
    [BindProperty] public string? Raison { get; set; }
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var f = await db.Fermetures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return NotFound();
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        if (!await DeclarerFermeture.LieuGereAsync(db, f.LieuId, perimetre, ct)) return Forbid();
        (LieuId, Du, Au, Raison) = (f.LieuId, f.DateDebut, f.DateFin, f.Raison);
        Lieux = await Choix.LieuxAsync(db, perimetre, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        if (Du is null || !ModelState.IsValid) Erreurs["DateDebut"] = ["Indiquez la date du premier jour de fermeture (jour/mois/année)."];
        else
        {
            var r = await DeclarerFermeture.EnregistrerAsync(db, id, new FermetureSaisie(LieuId, Du.Value, Au ?? Du.Value, Raison), perimetre, options, horloge, ct);
            if (r.Introuvable) return NotFound();
            if (r.Interdit) return Forbid();
            if (r.Id is not null)
            {
                var lieu = await db.Lieux.Where(l => l.Id == LieuId).Select(l => l.Nom).FirstAsync(ct);
                TempData["Titre"] = "Fermeture modifiée";
                TempData["Bilan"] = $"{lieu} est fermé {ListeModel.Periode(Du.Value, Au ?? Du.Value)}.\n" + Choix.Bilan(r, fermeture: true);
                return Redirect("/admin/fermetures/fait");
            }
            Erreurs = r.Erreurs;
        }
        Lieux = await Choix.LieuxAsync(db, perimetre, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken ct)
    {
        var r = await DeclarerFermeture.SupprimerAsync(db, id, await Perimetre.StructuresGereesAsync(db, User, ct), options, horloge, ct);
        if (r.Introuvable) return NotFound();
        if (r.Interdit) return Forbid();
        TempData["Titre"] = "Fermeture supprimée";
        TempData["Bilan"] = "Le lieu est de nouveau ouvert ces jours-là : les créneaux de ses permanences sont proposés à nouveau.\n"
            + "Les rendez-vous déjà annulés le restent (les personnes ont été prévenues).";
        return Redirect("/admin/fermetures/fait");
    }
}
