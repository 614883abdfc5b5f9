using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary>One learner on the sheet: enrolment id, <see cref="Vocabulaire.StatutsPresence"/> code, hours attended (only when late).</summary>
public sealed record LignePresenceSaisie(int InscriptionId, string Statut, decimal? Heures = null);

/// <summary><c>POST /api/v1/parcours/cohortes/{id}/presences</c>: <c>{ "le": "2025-04-07", "seance": "matin", "heures": 3.5,
/// "signeePar": "…", "lignes": [{ "inscriptionId", "statut": "present"|"excuse"|"absent"|"retard", "heures" }] }</c> → 201
/// <c>{ "id" }</c>; 409 when the cohort already has a sheet for that day and session.</summary>
public sealed record FeuilleSaisie(DateOnly? Le, string? Seance, decimal? Heures, string? SigneePar, IReadOnlyList<LignePresenceSaisie>? Lignes);

/// <summary>Records a signed attendance sheet of a cohort (issue 14 §3). Minutes stored per line: the session's when present, what the
/// sheet says when late (more than 0, less than the session), 0 when absent (excused or not).</summary>
public static class SignerFeuille
{
    static readonly string[] Entrants = [Vocabulaire.Admis, Vocabulaire.EnFormation, Vocabulaire.Termine, Vocabulaire.Abandon];

    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Missing or wrong field, a learner not entered in this
    /// cohort, the day outside the cohort's dates or after today (a signed sheet records a session held), hours outside 0,5–12, an empty line (400).</exception>
    /// <exception cref="RegleMetierException">A sheet already exists for this day and session (409; the unique index decides).</exception>
    public static async Task<FeuillePresence> ExecuterAsync(AppDbContext db, int cohorteId, FeuilleSaisie s, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var c = await db.Set<Cohorte>().AsNoTracking().Where(x => x.Id == cohorteId).Select(x => new { x.Debut, x.Fin }).FirstOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException("Cohorte inconnue.");
        var e = new Dictionary<string, string[]>();
        if (s.Le is null) e["Le"] = ["Indiquez le jour de la séance."];
        else if (s.Le < c.Debut || s.Le > c.Fin) e["Le"] = [$"La séance se tient pendant la formation, du {c.Debut:dd/MM/yyyy} au {c.Fin:dd/MM/yyyy}."];
        else if (s.Le > Territoire.AujourdHui(horloge)) e["Le"] = ["Une feuille signée ne porte que sur une séance passée : la date tombe aujourd'hui au plus tard."];
        if (!Vocabulaire.Existe(Vocabulaire.Seances, s.Seance)) e["Seance"] = [$"Choisissez la séance : {Vocabulaire.Choix(Vocabulaire.Seances)}."];
        // Bounded before converting: a huge number of hours must be refused, not overflow.
        var minutes = s.Heures is { } h and > 0 and <= 12 ? (int)Math.Round(h * 60) : 0;
        if (minutes is <= 0 or > 720) e["Heures"] = ["La durée de la séance est un nombre d'heures entre 0,5 et 12, par exemple 3,5."];
        if (string.IsNullOrWhiteSpace(s.SigneePar) || s.SigneePar.Trim().Length > 200) e["SigneePar"] = ["Indiquez qui a signé la feuille (200 caractères au plus)."];
        if (s.Lignes?.Any(l => l is null) == true) e["Lignes"] = ["Une ligne de la feuille est vide : chaque ligne donne l'inscription et la présence."];
        var lignes = s.Lignes?.Where(l => l is not null).ToList() ?? [];
        if (lignes.Count == 0 && !e.ContainsKey("Lignes")) e["Lignes"] = ["La feuille liste au moins un apprenant."];
        if (lignes.Select(l => l.InscriptionId).Distinct().Count() != lignes.Count) e["Lignes"] = ["Un apprenant figure deux fois sur la feuille."];
        var inscrits = await db.Set<Inscription>().Where(i => i.CohorteId == cohorteId && Entrants.Contains(i.Statut)).Select(i => i.Id).ToListAsync(ct);
        var presences = new List<Presence>();
        foreach (var l in lignes)
        {
            var cle = $"Lignes[{l.InscriptionId}]";
            if (!inscrits.Contains(l.InscriptionId)) { e[cle] = ["Cette personne n'est pas entrée en formation dans cette cohorte."]; continue; }
            if (!Vocabulaire.Existe(Vocabulaire.StatutsPresence, l.Statut)) { e[cle] = [$"Choisissez : {Vocabulaire.Choix(Vocabulaire.StatutsPresence)}."]; continue; }
            var m = l.Statut switch { Vocabulaire.Present => minutes, Vocabulaire.Retard => l.Heures is { } x and > 0 and <= 12 ? (int)Math.Round(x * 60) : -1, _ => 0 };
            if (l.Statut == Vocabulaire.Retard && (m <= 0 || m >= minutes)) { e[cle] = ["En retard : indiquez les heures suivies, moins que la séance."]; continue; }
            presences.Add(new Presence { InscriptionId = l.InscriptionId, Statut = l.Statut, Minutes = m });
        }
        if (e.Count > 0) throw Valider.Invalide(e, "Feuille de présence incomplète");
        var existe = new RegleMetierException("Une feuille de présence est déjà enregistrée pour cette séance.", "Seance");
        if (await db.Set<FeuillePresence>().AnyAsync(f => f.CohorteId == cohorteId && f.Le == s.Le && f.Seance == s.Seance, ct)) throw existe;
        var feuille = new FeuillePresence
        {
            CohorteId = cohorteId, Le = s.Le!.Value, Seance = s.Seance!, MinutesPrevues = minutes, SigneePar = s.SigneePar!.Trim(), SaisiePar = auteur,
            SaisieLe = horloge.GetUtcNow().UtcDateTime, Presences = presences,
        };
        db.Add(feuille);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<FeuillePresence>().AnyAsync(f => f.CohorteId == cohorteId && f.Le == s.Le && f.Seance == s.Seance, ct)) throw existe;
            throw;
        }
        return feuille;
    }

    /// <summary>The API handler: the school's staff only (a funder of the programme is refused: 403).</summary>
    public static async Task<Created<CreeDto>> Api(int id, FeuilleSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        if (!await AccesParcours.VoitCohorteEnCompletAsync(db, u, id, horloge, ct))
            throw new AccesRefuseException("Seule l'équipe de l'école enregistre les feuilles de présence.");
        var f = await ExecuterAsync(db, id, s, u.Identity?.Name ?? "", horloge, ct);
        return TypedResults.Created($"/parcours/cohortes/{id}", new CreeDto(f.Id));
    }
}
