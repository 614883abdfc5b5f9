using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Permanences.Fermetures;

/// <summary>One absence: change its mediator, dates or reason (days and hours set through the API are kept), or remove it.</summary>
public sealed class AbsenceModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    [BindProperty] public int MediateurId { get; set; }
    [BindProperty] public DateOnly? Du { get; set; }
    [BindProperty] public DateOnly? Au { get; set; }
    [BindProperty] public string? Raison { get; set; }
    public List<(int Id, string Nom)> Mediateurs { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var a = await db.Absences.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return NotFound();
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        if (!await DeclarerAbsence.MediateurGereAsync(db, a.MediateurId, perimetre, ct)) return Forbid();
        (MediateurId, Du, Au, Raison) = (a.MediateurId, a.DateDebut, a.DateFin, a.Raison);
        Mediateurs = await Choix.MediateursAsync(db, perimetre, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        var actuelle = await db.Absences.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (actuelle is null) return NotFound();
        if (Du is null || !ModelState.IsValid) Erreurs["DateDebut"] = ["Indiquez la date du premier jour d'absence (jour/mois/année)."];
        else
        {
            DayOfWeek[] jours = [.. Enum.GetValues<DayOfWeek>().Where(j => (actuelle.JoursSemaine & 1 << (((int)j + 6) % 7)) != 0)];
            var r = await DeclarerAbsence.EnregistrerAsync(db, id, new AbsenceSaisie(MediateurId, Du.Value, Au ?? Du.Value, jours, actuelle.HeureDebut, actuelle.HeureFin, Raison),
                perimetre, options, horloge, ct);
            if (r.Introuvable) return NotFound();
            if (r.Interdit) return Forbid();
            if (r.Id is not null)
            {
                var nom = await db.Mediateurs.Where(m => m.Id == MediateurId).Select(m => m.Prenom + " " + m.Nom).FirstAsync(ct);
                TempData["Titre"] = "Absence modifiée";
                TempData["Bilan"] = $"{nom} est absent(e) {ListeModel.Periode(Du.Value, Au ?? Du.Value)}.\n" + Choix.Bilan(r, fermeture: false);
                return Redirect("/admin/fermetures/fait");
            }
            Erreurs = r.Erreurs;
        }
        Mediateurs = await Choix.MediateursAsync(db, perimetre, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken ct)
    {
        var r = await DeclarerAbsence.SupprimerAsync(db, id, await Perimetre.StructuresGereesAsync(db, User, ct), options, horloge, ct);
        if (r.Introuvable) return NotFound();
        if (r.Interdit) return Forbid();
        TempData["Titre"] = "Absence supprimée";
        TempData["Bilan"] = "Les places de ce médiateur sont de nouveau proposées ces jours-là.\nLes rendez-vous déjà annulés le restent (les personnes ont été prévenues).";
        return Redirect("/admin/fermetures/fait");
    }
}
