using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>Who may act on a booking (see <see cref="Autorisations"/>).</summary>
public static class AutorisationsRendezvous
{
    /// <summary>A booking (attendance, pre-filled record): the mediators of its permanence and the managers of its place's structure.</summary>
    public static async Task<bool> ReservationAsync(AppDbContext db, ClaimsPrincipal user, int reservationId, CancellationToken ct)
    {
        var r = await db.Reservations.Where(x => x.Id == reservationId)
            .Select(x => new { x.Creneau!.Lieu!.StructureId, Mediateurs = x.Creneau.Permanence!.Mediateurs.Select(m => m.Id).ToList() }).FirstOrDefaultAsync(ct);
        if (r is null) return false;
        if (r.StructureId is { } structure && (await Autorisations.StructuresResponsableAsync(db, user, ct)).Contains(structure)) return true;
        return await AutorisationsMediateurs.FicheAsync(db, user, ct) is { } fiche && r.Mediateurs.Contains(fiche);
    }
}
