using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Ateliers;
using Passerelle.Features.Rendezvous;
using Passerelle.Web;

namespace Passerelle.Features.Activites;

public static class EnregistrerActivite
{
    static string? Joindre(string[]? v) => v is null || v.Length == 0 ? null : string.Join('|', v.Distinct());

    /// <summary>Checks a record against the national lists; messages in French, keyed by the input's field names.</summary>
    public static Dictionary<string, string[]> Verifier(ActiviteSaisie s, DateOnly aujourdHui)
    {
        var e = new Dictionary<string, string[]>();
        void Hors(string champ, IEnumerable<string>? valeurs, string[] liste)
        {
            var fautives = (valeurs ?? []).Where(v => !liste.Contains(v)).ToList();
            if (fautives.Count > 0) e[champ] = [$"Valeur hors de la liste nationale : {string.Join(", ", fautives)}."];
        }
        if (s.Type is null || !VocabulaireCoop.Types.Contains(s.Type)) e["Type"] = [$"Type attendu : {string.Join(" ou ", VocabulaireCoop.Types)}."];
        if (s.Date is null) e["Date"] = ["La date est obligatoire."];
        else if (s.Date > aujourdHui) e["Date"] = ["La date ne peut pas être dans le futur."];
        else if (s.Date < aujourdHui.AddYears(-2)) e["Date"] = ["Date trop ancienne (deux ans au plus)."];
        if (s.Duree is null or < 1 or > 1440) e["Duree"] = ["Durée en minutes, de 1 à 1 440."];
        if (s.TypeLieu is null || !VocabulaireCoop.TypesLieu.Contains(s.TypeLieu)) e["TypeLieu"] = [$"Lieu attendu : {string.Join(", ", VocabulaireCoop.TypesLieu)}."];
        else if (s.TypeLieu == VocabulaireCoop.LieuActivite && s.LieuId is null) e["LieuId"] = ["Choisissez le lieu d'activité."];
        else if (s.TypeLieu is VocabulaireCoop.Domicile or VocabulaireCoop.AutreLieu && string.IsNullOrWhiteSpace(s.Commune)) e["Commune"] = ["Indiquez la commune."];
        Hors("Materiel", s.Materiel, VocabulaireCoop.Materiel);
        if (s.Themes is null || s.Themes.Length == 0) e["Themes"] = ["Choisissez au moins un thème."];
        else Hors("Themes", s.Themes, VocabulaireCoop.Themes);
        Hors("ThemesDemarches", s.ThemesDemarches, VocabulaireCoop.ThemesDemarches);
        if (s.ThemesDemarches is { Length: > 0 } && s.Themes?.Contains(VocabulaireCoop.ThemeDemarches) != true)
            e["ThemesDemarches"] = ["Les thèmes de démarches vont avec le thème « Aide aux démarches administratives »."];
        if (s.Autonomie is not null) Hors("Autonomie", [s.Autonomie], VocabulaireCoop.Autonomie);
        if (s.Niveau is not null) Hors("Niveau", [s.Niveau], VocabulaireCoop.Niveaux);
        if (s.Orientation is not null) Hors("Orientation", [s.Orientation], VocabulaireCoop.Orientations);
        if (s.Type == VocabulaireCoop.Individuel && (s.ParticipantsAnonymes ?? 0) != 0) e["ParticipantsAnonymes"] = ["Un accompagnement individuel n'a pas de participants anonymes."];
        if (s.Type == VocabulaireCoop.Collectif && s.ParticipantsAnonymes is null or < 1 or > 500) e["ParticipantsAnonymes"] = ["Indiquez le nombre de participants (1 à 500)."];
        if (s.Type == VocabulaireCoop.Collectif && s.Autonomie is not null) e["Autonomie"] = ["L'autonomie se note pour un accompagnement individuel."];
        if (s.BeneficiaireId is not null) e["BeneficiaireId"] = ["Les fiches bénéficiaires ne sont pas encore disponibles dans Passerelle : laissez ce champ vide."];
        foreach (var (champ, max) in new[] { ("Commune", 200), ("NomDemarche", 200), ("Notes", 2000) })
        {
            var v = champ switch { "Commune" => s.Commune, "NomDemarche" => s.NomDemarche, _ => s.Notes };
            if ((v?.Length ?? 0) > max) e[champ] = [$"{max} caractères au plus."];
        }
        return e;
    }

    public static async Task<(Activite? Activite, Dictionary<string, string[]> Erreurs)> ExecuterAsync(AppDbContext db, int mediateurId, ActiviteSaisie s,
        string? utilisateur, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var erreurs = Verifier(s, DateOnly.FromDateTime(maintenant));
        if (s.LieuId is { } lieuId && !await db.Lieux.AnyAsync(l => l.Id == lieuId && !l.Archive, ct)) erreurs["LieuId"] = ["Lieu inconnu."];
        if (s.ReservationId is { } rid)
        {
            var r = await db.Reservations.Where(x => x.Id == rid).Select(x => new { x.Statut, Mediateurs = x.Creneau!.Permanence!.Mediateurs.Select(m => m.Id) }).FirstOrDefaultAsync(ct);
            if (r is null || !r.Mediateurs.Contains(mediateurId)) erreurs["ReservationId"] = ["Rendez-vous inconnu dans votre agenda."];
            else if (r.Statut != StatutReservation.Honoree) erreurs["ReservationId"] = ["Notez d'abord que la personne est venue."];
            else if (await db.Activites.AnyAsync(a => a.ReservationId == rid, ct)) erreurs["ReservationId"] = ["Ce rendez-vous a déjà son compte rendu."];
        }
        if (s.SessionAtelierId is { } sid)
        {
            if (!await db.SessionsAteliers.AnyAsync(x => x.Id == sid, ct)) erreurs["SessionAtelierId"] = ["Session inconnue."];
            else if (await db.Activites.AnyAsync(a => a.SessionAtelierId == sid, ct)) erreurs["SessionAtelierId"] = ["Cette session a déjà son compte rendu."];
        }
        if (erreurs.Count > 0) return (null, erreurs);
        var a = new Activite
        {
            MediateurId = mediateurId, Type = s.Type!, Date = s.Date!.Value, DureeMinutes = s.Duree!.Value, TypeLieu = s.TypeLieu!,
            LieuId = s.TypeLieu == VocabulaireCoop.LieuActivite ? s.LieuId : null, Commune = string.IsNullOrWhiteSpace(s.Commune) ? null : s.Commune.Trim(),
            Materiel = Joindre(s.Materiel), Themes = Joindre(s.Themes), ThemesDemarches = Joindre(s.ThemesDemarches),
            NomDemarche = string.IsNullOrWhiteSpace(s.NomDemarche) ? null : s.NomDemarche.Trim(), Autonomie = s.Autonomie, Niveau = s.Niveau,
            Orientation = s.Orientation, ParticipantsAnonymes = s.ParticipantsAnonymes ?? 0, Notes = string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim(),
            ReservationId = s.ReservationId, SessionAtelierId = s.SessionAtelierId, CreeLe = maintenant, ModifieLe = maintenant, CreePar = utilisateur,
        };
        db.Activites.Add(a);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (s.ReservationId is not null || s.SessionAtelierId is not null)
        {
            throw new RegleMetierException("Ce rendez-vous ou cette session vient d'être saisi(e) par ailleurs.");
        }
        return (a, []);
    }

    /// <summary>What the form proposes: from an honoured appointment, a workshop session, a record to duplicate, or the mediator's habits.</summary>
    public static async Task<ActiviteSaisie> ProposerAsync(AppDbContext db, int mediateurId, int? reservationId, int? sessionId, int? copieId, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdHui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        var derniere = await db.Activites.AsNoTracking().Where(a => a.MediateurId == mediateurId).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var lieuHabituel = derniere?.LieuId ?? await db.Mediateurs.Where(m => m.Id == mediateurId).SelectMany(m => m.Lieux.Select(l => (int?)l.Id)).FirstOrDefaultAsync(ct);
        if (copieId is not null && await db.Activites.AsNoTracking().FirstOrDefaultAsync(a => a.Id == copieId && a.MediateurId == mediateurId, ct) is { } c)
            return new ActiviteSaisie { Type = c.Type, Date = aujourdHui, Duree = c.DureeMinutes, TypeLieu = c.TypeLieu, LieuId = c.LieuId, Commune = c.Commune,
                Materiel = Separer(c.Materiel), Themes = Separer(c.Themes), ThemesDemarches = Separer(c.ThemesDemarches), Autonomie = c.Autonomie, Niveau = c.Niveau,
                ParticipantsAnonymes = c.Type == VocabulaireCoop.Collectif ? c.ParticipantsAnonymes : null };
        if (reservationId is not null && await db.Reservations.AsNoTracking().Include(r => r.Creneau).ThenInclude(x => x!.Motif).Include(r => r.Creneau).ThenInclude(x => x!.Lieu)
                .FirstOrDefaultAsync(r => r.Id == reservationId, ct) is { } r)
        {
            var demarches = r.Creneau!.MotifId == Motifs.Motif.IdDemarches;
            return new ActiviteSaisie { Type = VocabulaireCoop.Individuel, Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.Creneau.Debut, Horaires.Territoire.Zone(r.Creneau.Lieu!.FuseauHoraire))),
                Duree = r.Creneau.Motif!.DureeMinutes, TypeLieu = VocabulaireCoop.LieuActivite, LieuId = r.Creneau.LieuId, ReservationId = r.Id,
                Themes = demarches ? [VocabulaireCoop.ThemeDemarches] : null, NomDemarche = demarches ? r.Objet : null, Notes = demarches ? null : r.Objet };
        }
        if (sessionId is not null && await db.SessionsAteliers.AsNoTracking().Include(x => x.Atelier).Include(x => x.Lieu).FirstOrDefaultAsync(x => x.Id == sessionId, ct) is { } s)
        {
            var presents = await db.Inscriptions.CountAsync(i => i.SessionId == s.Id && i.Statut == StatutInscription.Honoree, ct);
            return new ActiviteSaisie { Type = VocabulaireCoop.Collectif, Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s.Debut, Horaires.Territoire.Zone(s.Lieu!.FuseauHoraire))),
                Duree = s.Atelier!.DureeMinutes, TypeLieu = VocabulaireCoop.LieuActivite, LieuId = s.LieuId, SessionAtelierId = s.Id,
                Themes = Separer(s.Atelier.Themes)?.Where(VocabulaireCoop.Themes.Contains).ToArray(), Niveau = s.Atelier.Niveau, ParticipantsAnonymes = presents };
        }
        return new ActiviteSaisie { Type = VocabulaireCoop.Individuel, Date = aujourdHui, Duree = derniere?.DureeMinutes ?? 45, TypeLieu = VocabulaireCoop.LieuActivite, LieuId = lieuHabituel };
    }

    static string[]? Separer(string? v) => v?.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
