using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Permanences.Fermetures;

/// <summary>Closures of the places and absences of the mediators one manages: list, declare, then change or remove each.</summary>
public sealed class ListeModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    public sealed record LigneFermeture(int Id, string Lieu, DateOnly Du, DateOnly Au, string? Raison);
    public sealed record LigneAbsence(int Id, string Mediateur, DateOnly Du, DateOnly Au, string? Raison, bool Partielle);

    public List<LigneFermeture> Fermetures { get; private set; } = [];
    public List<LigneAbsence> Absences { get; private set; } = [];
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];
    public List<(int Id, string Nom)> Mediateurs { get; private set; } = [];
    public Dictionary<string, string[]> ErreursFermeture { get; private set; } = [];
    public Dictionary<string, string[]> ErreursAbsence { get; private set; } = [];

    async Task ChargerAsync(CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        Lieux = await Choix.LieuxAsync(db, perimetre, ct);
        Mediateurs = await Choix.MediateursAsync(db, perimetre, ct);
        var aujourdHui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime).AddDays(-1);
        var lieux = Lieux.Select(l => l.Id).ToList();
        var mediateurs = Mediateurs.Select(m => m.Id).ToList();
        Fermetures = await db.Fermetures.AsNoTracking().Where(f => lieux.Contains(f.LieuId) && f.DateFin >= aujourdHui)
            .Join(db.Lieux, f => f.LieuId, l => l.Id, (f, l) => new { f, l.Nom, l.Commune }).OrderBy(x => x.f.DateDebut).ThenBy(x => x.Nom).Take(500)
            .Select(x => new LigneFermeture(x.f.Id, x.Nom + " (" + x.Commune + ")", x.f.DateDebut, x.f.DateFin, x.f.Raison)).ToListAsync(ct);
        Absences = await db.Absences.AsNoTracking().Where(a => mediateurs.Contains(a.MediateurId) && a.DateFin >= aujourdHui)
            .Join(db.Mediateurs, a => a.MediateurId, m => m.Id, (a, m) => new { a, m.Prenom, m.Nom }).OrderBy(x => x.a.DateDebut).ThenBy(x => x.Nom).Take(500)
            .Select(x => new LigneAbsence(x.a.Id, x.Prenom + " " + x.Nom, x.a.DateDebut, x.a.DateFin, x.a.Raison, x.a.JoursSemaine != 0x7F || x.a.HeureDebut != null))
            .ToListAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostFermetureAsync(int lieuId, DateOnly? du, DateOnly? au, string? raison, CancellationToken ct)
    {
        if (du is null || !ModelState.IsValid)
        {
            ErreursFermeture["DateDebut"] = ["Indiquez la date du premier jour de fermeture (jour/mois/année)."];
            await ChargerAsync(ct);
            return Page();
        }
        var r = await DeclarerFermeture.EnregistrerAsync(db, null, new FermetureSaisie(lieuId, du.Value, au ?? du.Value, raison),
            await Perimetre.StructuresGereesAsync(db, User, ct), options, horloge, ct);
        if (r.Interdit) return Forbid();
        if (r.Id is null) { ErreursFermeture = r.Erreurs; await ChargerAsync(ct); return Page(); }
        var lieu = await db.Lieux.Where(l => l.Id == lieuId).Select(l => l.Nom).FirstAsync(ct);
        TempData["Titre"] = "Fermeture enregistrée";
        TempData["Bilan"] = $"{lieu} est fermé {Periode(du.Value, au ?? du.Value)}.\n" + Choix.Bilan(r, fermeture: true);
        return Redirect("/admin/fermetures/fait");
    }

    public async Task<IActionResult> OnPostAbsenceAsync(int mediateurId, DateOnly? du, DateOnly? au, string? raison, CancellationToken ct)
    {
        if (du is null || !ModelState.IsValid)
        {
            ErreursAbsence["DateDebut"] = ["Indiquez la date du premier jour d'absence (jour/mois/année)."];
            await ChargerAsync(ct);
            return Page();
        }
        var r = await DeclarerAbsence.EnregistrerAsync(db, null, new AbsenceSaisie(mediateurId, du.Value, au ?? du.Value, null, null, null, raison),
            await Perimetre.StructuresGereesAsync(db, User, ct), options, horloge, ct);
        if (r.Interdit) return Forbid();
        if (r.Id is null) { ErreursAbsence = r.Erreurs; await ChargerAsync(ct); return Page(); }
        var nom = await db.Mediateurs.Where(m => m.Id == mediateurId).Select(m => m.Prenom + " " + m.Nom).FirstAsync(ct);
        TempData["Titre"] = "Absence enregistrée";
        TempData["Bilan"] = $"{nom} est absent(e) {Periode(du.Value, au ?? du.Value)}.\n" + Choix.Bilan(r, fermeture: false);
        return Redirect("/admin/fermetures/fait");
    }

    public static string Periode(DateOnly du, DateOnly au) => du == au ? $"le {du:dd/MM/yyyy}" : $"du {du:dd/MM/yyyy} au {au:dd/MM/yyyy}";
}
