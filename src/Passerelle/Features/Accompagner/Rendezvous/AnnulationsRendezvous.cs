using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>Bookings answer what Permanences announces: a slot kept because bookings refer to it, seats taken back on a day
/// that closes (closure, absent mediator).</summary>
public sealed class AnnulationsRendezvous : IAnnoncesPermanences
{
    public async Task<IReadOnlyCollection<int>> CreneauxRetenusAsync(AppDbContext db, int permanenceId, DateTime apres, CancellationToken ct) =>
        await db.Reservations.Where(r => r.Creneau!.PermanenceId == permanenceId && r.Creneau.Debut > apres).Select(r => r.CreneauId).Distinct().ToListAsync(ct);

    /// <summary>Cancels the last <paramref name="places"/> active bookings of a slot already taken out of booking (latest booked
    /// first) with conditional updates, so a person cancelling at the same moment is never counted twice.</summary>
    public async Task<int> PlacesRetireesAsync(AppDbContext db, Creneau c, int places, string raison, NotificationsOptions options, DateTime maintenant,
        CancellationToken ct)
    {
        var actives = await db.Reservations.AsNoTracking().Where(r => r.CreneauId == c.Id && r.Statut == StatutReservation.Confirmee)
            .OrderByDescending(r => r.CreeLe).ThenByDescending(r => r.Id).Take(places).ToListAsync(ct);
        var n = 0;
        foreach (var r in actives)
        {
            if (await db.Reservations.Where(x => x.Id == r.Id && x.Statut == StatutReservation.Confirmee)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Statut, StatutReservation.Annulee).SetProperty(x => x.AnnuleeLe, maintenant)
                        .SetProperty(x => x.MotifAnnulation, raison).SetProperty(x => x.Sequence, x => x.Sequence + 1), ct) == 0) continue;
            await db.Creneaux.Where(x => x.Id == c.Id && x.Reserves > 0).ExecuteUpdateAsync(u => u.SetProperty(x => x.Reserves, x => x.Reserves - 1), ct);
            await db.Notifications.Where(x => x.ReservationId == r.Id && x.Etat == EtatNotification.EnAttente)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Etat, EtatNotification.Abandonnee).SetProperty(x => x.DerniereErreur, "Rendez-vous annulé par l'équipe."), ct);
            r.Sequence++;
            AvisRendezvous.PlanifierAnnulation(db, r, c, options, maintenant, raison);
            n++;
        }
        return n;
    }
}
