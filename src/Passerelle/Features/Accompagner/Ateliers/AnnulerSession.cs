using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Ateliers;

/// <summary>Cancels a workshop session (the place closes that day): every registration and waiting-list place is
/// cancelled, and each person gets a message with the reason (and, if they held a seat, the calendar file that removes it).</summary>
public static class AnnulerSession
{
    /// <param name="session">Tracked, with its workshop and place.</param>
    /// <returns>How many people were told.</returns>
    public static async Task<int> ExecuterAsync(AppDbContext db, SessionAtelier session, string raison, NotificationsOptions options, DateTime maintenant, CancellationToken ct)
    {
        if (session.Annulee) return 0;
        session.Annulee = true;
        session.MotifAnnulation = raison;
        var inscriptions = await db.Inscriptions.AsNoTracking()
            .Where(i => i.SessionId == session.Id && (i.Statut == StatutInscription.Inscrit || i.Statut == StatutInscription.ListeAttente)).ToListAsync(ct);
        var n = 0;
        foreach (var i in inscriptions)
        {
            if (await db.Inscriptions.Where(x => x.Id == i.Id && x.Statut == i.Statut)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Statut, StatutInscription.Annulee).SetProperty(x => x.AnnuleeLe, maintenant), ct) == 0) continue;
            await db.Notifications.Where(x => x.InscriptionId == i.Id && x.Etat == EtatNotification.EnAttente)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Etat, EtatNotification.Abandonnee).SetProperty(x => x.DerniereErreur, "Session annulée."), ct);
            var rdv = Inscrire.Rdv(session, i.Jeton, options);
            var ics = i.Statut == StatutInscription.Inscrit ? Calendriers.Rendezvous(new(Inscrire.Uid(i), rdv, 1, Annule: true), maintenant) : null;
            Avis.Planifier(db, Avis.Annulation, new Avis.Contact(i.Email, i.Telephone), rdv, Messages.AnnulationParEquipe(raison), maintenant, null, inscriptionId: i.Id, ics: ics);
            n++;
        }
        return n;
    }
}
