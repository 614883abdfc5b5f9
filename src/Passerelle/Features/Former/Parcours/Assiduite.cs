using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Former.Parcours;

/// <summary>One learner's attendance from the signed sheets of the cohort: sessions listed on, minutes attended, planned and excused
/// (same rule as the cohort's rate in <see cref="CalculerIndicateurs"/>). <see cref="Taux"/> and <see cref="TauxExcuse"/> are in % of the
/// planned minutes with one decimal, null when no sheet lists the learner.</summary>
public sealed record AssiduiteApprenant(int Seances, int MinutesSuivies, int MinutesPrevues, int MinutesExcusees)
{
    public decimal? Taux => MinutesPrevues == 0 ? null : Math.Round(100m * MinutesSuivies / MinutesPrevues, 1);
    public decimal? TauxExcuse => MinutesPrevues == 0 ? null : Math.Round(100m * MinutesExcusees / MinutesPrevues, 1);
}

/// <summary>A recorded sheet, for the cohort page's list: day, session, length in minutes, signer, learners listed and present (or late).</summary>
public sealed record FeuilleResume(int Id, DateOnly Le, string Seance, int MinutesPrevues, string SigneePar, int Listes, int Presents);

/// <summary>Attendance read back from the signed sheets (<see cref="FeuillePresence"/>) of one cohort, for its staff page (issue 14 §3:
/// « the rate shown per learner »). The caller checks access (<see cref="AccesParcours.VoitCohorteEnCompletAsync"/>).</summary>
public static class Assiduite
{
    /// <summary>Per enrolment id of the cohort listed on at least one sheet.</summary>
    public static async Task<Dictionary<int, AssiduiteApprenant>> ParInscriptionAsync(AppDbContext db, int cohorteId, CancellationToken ct) =>
        (await (from p in db.Set<Presence>()
                join f in db.Set<FeuillePresence>() on p.FeuillePresenceId equals f.Id
                where f.CohorteId == cohorteId
                group new { p.Minutes, f.MinutesPrevues, Excusees = p.Statut == Vocabulaire.Excuse ? f.MinutesPrevues : 0 } by p.InscriptionId into g
                select new { Id = g.Key, Seances = g.Count(), Suivies = g.Sum(x => x.Minutes), Prevues = g.Sum(x => x.MinutesPrevues), Excusees = g.Sum(x => x.Excusees) })
            .ToListAsync(ct))
        .ToDictionary(x => x.Id, x => new AssiduiteApprenant(x.Seances, x.Suivies, x.Prevues, x.Excusees));

    /// <summary>The cohort's last <paramref name="nombre"/> sheets, the most recent session first.</summary>
    public static Task<List<FeuilleResume>> DernieresFeuillesAsync(AppDbContext db, int cohorteId, int nombre, CancellationToken ct) =>
        db.Set<FeuillePresence>().AsNoTracking().Where(f => f.CohorteId == cohorteId).OrderByDescending(f => f.Le).ThenByDescending(f => f.Id).Take(nombre)
            .Select(f => new FeuilleResume(f.Id, f.Le, f.Seance, f.MinutesPrevues, f.SigneePar, f.Presences.Count,
                f.Presences.Count(p => p.Statut == Vocabulaire.Present || p.Statut == Vocabulaire.Retard)))
            .ToListAsync(ct);
}
