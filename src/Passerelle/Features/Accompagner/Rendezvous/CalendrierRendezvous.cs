using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Rendezvous;

public static class CalendrierRendezvous
{
    /// <summary>GET /mon-rendez-vous/{jeton}.ics: "add to my calendar" from the link page; once cancelled, the file that removes
    /// the event (same UID, METHOD:CANCEL, higher SEQUENCE).</summary>
    public static void MapCalendrierRendezvous(this WebApplication app) => app.MapGet("/mon-rendez-vous/{jeton}.ics",
        async (string jeton, AppDbContext db, NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
    {
        var r = await db.Reservations.AsNoTracking().Include(x => x.Creneau).ThenInclude(c => c!.Lieu).Include(x => x.Creneau).ThenInclude(c => c!.Motif)
            .FirstOrDefaultAsync(x => x.Jeton == jeton && x.AnonymiseeLe == null, ct);
        if (r is null) return Results.NotFound();
        var ics = Calendriers.Rendezvous(new(AvisRendezvous.Uid(r), AvisRendezvous.Rdv(r.Creneau!, r.Jeton, options), r.Sequence, r.Statut == StatutReservation.Annulee),
            horloge.GetUtcNow().UtcDateTime);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "rendez-vous.ics");
    }).ExcludeFromDescription();
}
