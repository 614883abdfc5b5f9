using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Notifications;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Agenda;

public sealed record RdvAgenda(int ReservationId, DateTime Debut, DateTime Fin, string Lieu, string Fuseau, string Motif, string Personne,
    string? Telephone, string? Objet, string? Tiers, StatutReservation Statut, string Prenom = "");
public sealed record SessionAgenda(int SessionId, DateTime Debut, DateTime Fin, string Lieu, string Fuseau, string Titre, int Capacite, int Inscrits, int EnAttente);
public sealed record PlageLibre(DateTime Debut, string Lieu, string Motif, int Places);

/// <summary>A mediator's day or week (their permanences' bookings and the workshops at their places), and a place's agenda.</summary>
public static class Agendas
{
    public static async Task<(List<RdvAgenda> Rdv, List<SessionAgenda> Sessions)> MediateurAsync(AppDbContext db, int mediateurId, DateTime du, DateTime au, CancellationToken ct)
    {
        var permanences = await db.Permanences.Where(p => p.Mediateurs.Any(m => m.Id == mediateurId)).Select(p => p.Id).ToListAsync(ct);
        var lieux = await db.Mediateurs.Where(m => m.Id == mediateurId).SelectMany(m => m.Lieux.Select(l => l.Id)).ToListAsync(ct);
        var rdv = await db.Reservations.AsNoTracking()
            .Where(r => permanences.Contains(r.Creneau!.PermanenceId) && r.Creneau.Debut >= du && r.Creneau.Debut < au && r.Statut != StatutReservation.Annulee)
            .OrderBy(r => r.Creneau!.Debut)
            .Select(r => new RdvAgenda(r.Id, r.Creneau!.Debut, r.Creneau.Fin, r.Creneau.Lieu!.Nom, r.Creneau.Lieu.FuseauHoraire, r.Creneau.Motif!.Nom,
                r.Prenom + " " + r.Nom, r.Telephone, r.Objet, r.TiersNom, r.Statut, r.Prenom)).ToListAsync(ct);
        var lieuxPermanences = await db.Permanences.Where(p => permanences.Contains(p.Id)).Select(p => p.LieuId).Distinct().ToListAsync(ct);
        var tousLieux = lieux.Concat(lieuxPermanences).Distinct().ToList();
        var sessions = await Sessions(db, db.SessionsAteliers.Where(s => tousLieux.Contains(s.LieuId)), du, au, ct);
        return (rdv, sessions);
    }

    /// <summary>A place's agenda, for its manager: every booking of its permanences and its workshops.</summary>
    public static async Task<(List<RdvAgenda> Rdv, List<SessionAgenda> Sessions)> LieuAsync(AppDbContext db, int lieuId, DateTime du, DateTime au, CancellationToken ct)
    {
        var rdv = await db.Reservations.AsNoTracking()
            .Where(r => r.Creneau!.LieuId == lieuId && r.Creneau.Debut >= du && r.Creneau.Debut < au && r.Statut != StatutReservation.Annulee)
            .OrderBy(r => r.Creneau!.Debut)
            .Select(r => new RdvAgenda(r.Id, r.Creneau!.Debut, r.Creneau.Fin, r.Creneau.Lieu!.Nom, r.Creneau.Lieu.FuseauHoraire, r.Creneau.Motif!.Nom,
                r.Prenom + " " + r.Nom, r.Telephone, r.Objet, r.TiersNom, r.Statut)).ToListAsync(ct);
        return (rdv, await Sessions(db, db.SessionsAteliers.Where(s => s.LieuId == lieuId), du, au, ct));
    }

    public static async Task<List<SessionAgenda>> Sessions(AppDbContext db, IQueryable<SessionAtelier> q, DateTime du, DateTime au, CancellationToken ct) =>
        await q.AsNoTracking().Where(s => !s.Annulee && s.Debut >= du && s.Debut < au).OrderBy(s => s.Debut)
            .Select(s => new SessionAgenda(s.Id, s.Debut, s.Fin, s.Lieu!.Nom, s.Lieu.FuseauHoraire, s.Atelier!.Titre, s.Capacite, s.Inscrits,
                db.Inscriptions.Count(i => i.SessionId == s.Id && i.Statut == StatutInscription.ListeAttente))).ToListAsync(ct);

    /// <summary>Marks an appointment honoured, excused or no-show (only once it has started).</summary>
    public static async Task MarquerAsync(AppDbContext db, int reservationId, StatutReservation statut, TimeProvider horloge, CancellationToken ct)
    {
        if (statut is not (StatutReservation.Honoree or StatutReservation.Excusee or StatutReservation.Absente)) throw new RegleMetierException("Statut invalide.");
        var r = await db.Reservations.Include(x => x.Creneau).FirstOrDefaultAsync(x => x.Id == reservationId, ct) ?? throw new KeyNotFoundException();
        if (r.Statut == StatutReservation.Annulee) throw new RegleMetierException("Ce rendez-vous a été annulé.");
        if (r.Creneau!.Debut > horloge.GetUtcNow().UtcDateTime.AddHours(1)) throw new RegleMetierException("La présence se note le jour du rendez-vous.");
        r.Statut = statut;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks a registration of the given session (a registration of another session is not found).</summary>
    public static async Task MarquerInscriptionAsync(AppDbContext db, int sessionId, int inscriptionId, StatutInscription statut, TimeProvider horloge, CancellationToken ct)
    {
        if (statut is not (StatutInscription.Honoree or StatutInscription.Excusee or StatutInscription.Absente)) throw new RegleMetierException("Statut invalide.");
        var i = await db.Inscriptions.Include(x => x.Session).FirstOrDefaultAsync(x => x.Id == inscriptionId && x.SessionId == sessionId, ct) ?? throw new KeyNotFoundException();
        if (i.Statut is StatutInscription.Annulee or StatutInscription.ListeAttente) throw new RegleMetierException("Cette personne n'est pas inscrite à la session.");
        if (i.Session!.Debut > horloge.GetUtcNow().UtcDateTime.AddHours(1)) throw new RegleMetierException("La présence se note le jour de l'atelier.");
        i.Statut = statut;
        await db.SaveChangesAsync(ct);
    }

    public static string Libelle(StatutReservation s) => s switch
    {
        StatutReservation.Confirmee => "Prévu", StatutReservation.Honoree => "Venu(e)", StatutReservation.Excusee => "Excusé(e)",
        StatutReservation.Absente => "Absent(e)", _ => "Annulé",
    };
}

public static class AgendaIcs
{
    /// <summary>GET /agenda/{jeton}.ics: the mediator's next 13 weeks, for calendar apps.</summary>
    public static void MapAgendaIcs(this WebApplication app) => app.MapGet("/agenda/{jeton}.ics", async (string jeton, AppDbContext db, TimeProvider horloge, CancellationToken ct) =>
    {
        var m = await db.Mediateurs.AsNoTracking().FirstOrDefaultAsync(x => x.JetonAgenda == jeton && jeton != null && !x.Archive, ct); // the feed ends with the card
        if (m is null) return Results.NotFound();
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var (rdv, sessions) = await Agendas.MediateurAsync(db, m.Id, maintenant.AddDays(-7), maintenant.AddDays(91), ct);
        var evenements = rdv.Select(r => new Calendriers.Evenement($"rdv-{r.ReservationId}@passerelle",
                new Messages.Rdv($"{r.Motif} — {NomAffiche(r, m.AgendaNomsComplets)}", r.Debut, r.Fin, r.Lieu, "", r.Fuseau, m.AgendaNomsComplets ? r.Objet : null, "")))
            .Concat(sessions.Select(s => new Calendriers.Evenement($"session-{s.SessionId}@passerelle",
                new Messages.Rdv($"Atelier : {s.Titre} ({s.Inscrits}/{s.Capacite})", s.Debut, s.Fin, s.Lieu, "", s.Fuseau, null, ""))));
        return Results.Text(Calendriers.Flux(evenements, $"Passerelle — {m.Prenom} {m.Nom}", maintenant), "text/calendar; charset=utf-8");
    }).ExcludeFromDescription();

    /// <summary>What a calendar app (and whoever sees the phone) shows of the person: the first name only, unless the mediator chose
    /// full names on their agenda page; the booking's free-text purpose travels only with that choice.</summary>
    public static string NomAffiche(RdvAgenda r, bool complet) => complet || string.IsNullOrWhiteSpace(r.Prenom) ? r.Personne : r.Prenom;
}
