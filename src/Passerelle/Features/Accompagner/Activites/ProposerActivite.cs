using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>What the record form proposes before the mediator types anything: the record being changed, a record to duplicate, an
/// honoured appointment, a workshop session, or else the mediator's habits (last duration, usual place).</summary>
public static class ProposerActivite
{
    /// <param name="modifierId">A record of the mediator to change (unknown: <see cref="KeyNotFoundException"/>).</param>
    /// <param name="copieId">A record of the mediator to duplicate, dated today.</param>
    /// <param name="reservationId">An appointment: its day in the place's time zone, its reason's duration, its purpose.</param>
    /// <param name="sessionId">A workshop session: its day, the workshop's duration and themes, the people who came.</param>
    public static async Task<ActiviteSaisie> ExecuterAsync(AppDbContext db, int mediateurId, int? reservationId, int? sessionId, int? copieId, TimeProvider horloge,
        CancellationToken ct, int? beneficiaireId = null, int? modifierId = null)
    {
        var aujourdHui = Territoire.AujourdHui(horloge);
        if (modifierId is { } m) return await ExistantAsync(db, mediateurId, m, ct);
        if (copieId is { } c && await CopieAsync(db, mediateurId, c, aujourdHui, ct) is { } copie) return copie;
        if (reservationId is { } r && await RendezVousAsync(db, r, ct) is { } rdv) return rdv;
        if (sessionId is { } s && await SessionAsync(db, s, ct) is { } session) return session;
        var derniere = await db.Activites.AsNoTracking().Where(a => a.MediateurId == mediateurId).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var lieuHabituel = derniere?.LieuId ?? await db.Mediateurs.Where(x => x.Id == mediateurId).SelectMany(x => x.Lieux.Select(l => (int?)l.Id)).FirstOrDefaultAsync(ct);
        return new ActiviteSaisie { Type = VocabulaireCoop.Individuel, Date = aujourdHui, Duree = derniere?.DureeMinutes ?? 45, TypeLieu = VocabulaireCoop.LieuActivite,
            LieuId = lieuHabituel, BeneficiaireId = beneficiaireId };
    }

    static async Task<ActiviteSaisie> ExistantAsync(AppDbContext db, int mediateurId, int id, CancellationToken ct)
    {
        var m = await db.Activites.AsNoTracking().Include(a => a.Participants).Include(a => a.Decomptes).FirstOrDefaultAsync(a => a.Id == id && a.MediateurId == mediateurId, ct)
            ?? throw new KeyNotFoundException("Compte rendu inconnu parmi les vôtres.");
        return new ActiviteSaisie { Type = m.Type, Date = m.Date, Duree = m.DureeMinutes, TypeLieu = m.TypeLieu, LieuId = m.LieuId, Commune = m.Commune,
            Materiel = Separer(m.Materiel), Themes = Separer(m.Themes), ThemesDemarches = Separer(m.ThemesDemarches), NomDemarche = m.NomDemarche, Autonomie = m.Autonomie,
            Niveau = m.Niveau, Orientation = m.Orientation, BeneficiaireId = m.BeneficiaireId, Participants = m.Participants.Select(p => p.BeneficiaireId).ToArray(),
            ParticipantsAnonymes = m.Type == VocabulaireCoop.Collectif ? m.ParticipantsAnonymes : null, Notes = m.Notes, Etiquettes = Separer(m.Etiquettes),
            DecomptesAnonymes = m.Decomptes.Select(d => new DecompteSaisie(d.Critere, d.Valeur, d.Nombre)).ToArray(), ReservationId = m.ReservationId, SessionAtelierId = m.SessionAtelierId };
    }

    /// <summary>The form of a past record, without its people, notes or links, dated today.</summary>
    static async Task<ActiviteSaisie?> CopieAsync(AppDbContext db, int mediateurId, int id, DateOnly aujourdHui, CancellationToken ct) =>
        await db.Activites.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.MediateurId == mediateurId, ct) is { } c
            ? new ActiviteSaisie { Type = c.Type, Date = aujourdHui, Duree = c.DureeMinutes, TypeLieu = c.TypeLieu, LieuId = c.LieuId, Commune = c.Commune,
                Materiel = Separer(c.Materiel), Themes = Separer(c.Themes), ThemesDemarches = Separer(c.ThemesDemarches), Autonomie = c.Autonomie, Niveau = c.Niveau,
                ParticipantsAnonymes = c.Type == VocabulaireCoop.Collectif ? c.ParticipantsAnonymes : null, Etiquettes = Separer(c.Etiquettes) }
            : null;

    static async Task<ActiviteSaisie?> RendezVousAsync(AppDbContext db, int id, CancellationToken ct)
    {
        if (await db.Reservations.AsNoTracking().Include(r => r.Creneau).ThenInclude(x => x!.Motif).Include(r => r.Creneau).ThenInclude(x => x!.Lieu)
                .FirstOrDefaultAsync(r => r.Id == id, ct) is not { } r) return null;
        var demarches = r.Creneau!.MotifId == Motifs.Motif.IdDemarches;
        return new ActiviteSaisie { Type = VocabulaireCoop.Individuel, Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.Creneau.Debut, Territoire.Zone(r.Creneau.Lieu!.FuseauHoraire))),
            Duree = r.Creneau.Motif!.DureeMinutes, TypeLieu = VocabulaireCoop.LieuActivite, LieuId = r.Creneau.LieuId, ReservationId = r.Id,
            Themes = demarches ? [VocabulaireCoop.ThemeDemarches] : null, NomDemarche = demarches ? r.Objet : null, Notes = demarches ? null : r.Objet };
    }

    static async Task<ActiviteSaisie?> SessionAsync(AppDbContext db, int id, CancellationToken ct)
    {
        if (await db.SessionsAteliers.AsNoTracking().Include(x => x.Atelier).Include(x => x.Lieu).FirstOrDefaultAsync(x => x.Id == id, ct) is not { } s) return null;
        var presents = await db.Inscriptions.CountAsync(i => i.SessionId == s.Id && i.Statut == StatutInscription.Honoree, ct);
        return new ActiviteSaisie { Type = VocabulaireCoop.Collectif, Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s.Debut, Territoire.Zone(s.Lieu!.FuseauHoraire))),
            Duree = s.Atelier!.DureeMinutes, TypeLieu = VocabulaireCoop.LieuActivite, LieuId = s.LieuId, SessionAtelierId = s.Id,
            Themes = Separer(s.Atelier.Themes)?.Where(VocabulaireCoop.Themes.Contains).ToArray(), Niveau = s.Atelier.Niveau, ParticipantsAnonymes = presents };
    }

    static string[]? Separer(string? v) => v?.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
