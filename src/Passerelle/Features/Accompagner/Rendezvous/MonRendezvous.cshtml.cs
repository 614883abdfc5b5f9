using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>The page behind the secret link: a booking or a workshop registration, to view, cancel or move.</summary>
public sealed class MonRendezvousModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    public Reservation? Reservation { get; private set; }
    public Inscription? Inscription { get; private set; }
    public List<CreneauLibre> Autres { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Erreur { get; private set; }
    public bool Nouveau { get; private set; }
    public bool Modifiable { get; private set; }
    /// <summary>The cancel button leads here first (?annuler=oui): a second, explicit step, without JavaScript.</summary>
    public bool ConfirmerAnnulation { get; private set; }
    /// <summary>Same for a move (?deplacer=slot): the chosen free slot, confirmed by a second step.</summary>
    public CreneauLibre? Deplacement { get; private set; }
    public int PositionAttente { get; private set; }
    /// <summary>For a cycle: every session of the registration.</summary>
    public List<SessionAtelier> Seances { get; private set; } = [];

    async Task<bool> ChargerAsync(string jeton, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        Reservation = await db.Reservations.AsNoTracking().Include(r => r.Creneau).ThenInclude(c => c!.Lieu).Include(r => r.Creneau).ThenInclude(c => c!.Motif)
            .FirstOrDefaultAsync(r => r.Jeton == jeton && r.AnonymiseeLe == null, ct);
        if (Reservation is not null)
        {
            Modifiable = Reservation.Statut == StatutReservation.Confirmee && Reservation.Creneau!.Debut > maintenant;
            if (Modifiable)
                Autres = (await RechercheCreneaux.ExecuterAsync(db, Reservation.Creneau!.LieuId, Reservation.Creneau.MotifId, null, null, null, 12, horloge, ct)).Items;
            return true;
        }
        Inscription = await db.Inscriptions.AsNoTracking().Include(i => i.Session).ThenInclude(s => s!.Atelier).Include(i => i.Session).ThenInclude(s => s!.Lieu)
            .FirstOrDefaultAsync(i => i.Jeton == jeton && i.AnonymiseeLe == null, ct);
        if (Inscription is null) return false;
        if (Inscription.Groupe is not null)
            Seances = await db.Inscriptions.AsNoTracking().Where(i => i.Groupe == Inscription.Groupe).OrderBy(i => i.Session!.Debut)
                .Select(i => i.Session!).ToListAsync(ct);
        Modifiable = Inscription.Statut is StatutInscription.Inscrit or StatutInscription.ListeAttente && Inscription.Session!.Debut > maintenant;
        if (Inscription.Statut == StatutInscription.ListeAttente)
            PositionAttente = 1 + await db.Inscriptions.CountAsync(i => i.SessionId == Inscription.SessionId && i.Statut == StatutInscription.ListeAttente
                && (i.CreeLe < Inscription.CreeLe || (i.CreeLe == Inscription.CreeLe && i.Id < Inscription.Id)), ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string jeton, bool nouveau, string? annuler, int? deplacer, CancellationToken ct)
    {
        Nouveau = nouveau;
        ConfirmerAnnulation = annuler == "oui";
        Message = TempData["Message"] as string;
        if (!await ChargerAsync(jeton, ct)) return NotFound();
        if (deplacer is not null && Reservation is not null)
        {
            Deplacement = Autres.FirstOrDefault(a => a.Id == deplacer && a.Id != Reservation.CreneauId);
            if (Deplacement is null && Modifiable) Erreur = "Ce créneau n'est plus libre : choisissez-en un autre.";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAnnulerAsync(string jeton, CancellationToken ct)
    {
        try
        {
            var fait = await Reserver.AnnulerAsync(db, jeton, options, horloge, ct) || await Inscrire.AnnulerAsync(db, jeton, options, horloge, ct);
            if (!fait) return NotFound();
            TempData["Message"] = "C'est annulé. Merci d'avoir prévenu : la place est libérée pour quelqu'un d'autre.";
            return Redirect($"/mon-rendez-vous/{jeton}");
        }
        catch (RegleMetierException e)
        {
            Erreur = e.Message;
            return await ChargerAsync(jeton, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostDeplacerAsync(string jeton, int creneauId, CancellationToken ct)
    {
        try
        {
            await Reserver.DeplacerAsync(db, jeton, creneauId, options, horloge, ct);
            TempData["Message"] = "Votre rendez-vous a été déplacé. Une nouvelle confirmation vous est envoyée.";
            return Redirect($"/mon-rendez-vous/{jeton}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (RegleMetierException e)
        {
            Erreur = e.Message;
            return await ChargerAsync(jeton, ct) ? Page() : NotFound();
        }
    }
}
