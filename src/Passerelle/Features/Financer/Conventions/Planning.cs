using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Accompagner.Rendezvous;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>How a convention's commitments are turned into a schedule.</summary>
public sealed record PlanningSaisie(DayOfWeek JourPermanence, TimeOnly HeureDebut, int MotifId, int[] MediateurIds,
    int? AtelierId, int RangAtelier, DayOfWeek JourAtelier, TimeOnly HeureAtelier, int CapaciteAtelier);

public sealed record MoisLivraison(DateOnly Mois, int CreneauxEngages, int CreneauxPlanifies, int Reserves, int Honores, int Annules, int Absents,
    int AteliersEngages, int AteliersPlanifies, int Participants, bool Planifie, bool Insuffisant);

public static class Planning
{
    /// <summary>A weekly permanence long enough for the committed slots, and the monthly workshop sessions of the period.</summary>
    public static async Task GenererAsync(AppDbContext db, Convention c, PlanningSaisie p, TimeProvider horloge, CancellationToken ct)
    {
        var motif = await db.Motifs.FirstAsync(m => m.Id == p.MotifId, ct);
        var mediateurs = await db.Mediateurs.Where(m => p.MediateurIds.Contains(m.Id)).ToListAsync(ct);
        var lieu = await db.Lieux.FirstAsync(l => l.Id == c.LieuId, ct);
        if (c.CreneauxParSemaine > 0)
        {
            var duree = c.CreneauxParSemaine * (motif.DureeMinutes + motif.TamponMinutes) / Math.Max(1, mediateurs.Count);
            var permanence = new Permanence
            {
                LieuId = lieu.Id, MotifId = motif.Id, ConventionId = c.Id, Type = TypeRecurrence.Hebdomadaire, JoursSemaine = Recurrence.Masque(p.JourPermanence),
                HeureDebut = p.HeureDebut, HeureFin = p.HeureDebut.AddMinutes(duree), DateDebut = c.DateDebut, DateFin = c.DateFin.AddDays(-1), Mediateurs = mediateurs,
            };
            permanence.Verifier();
            db.Permanences.Add(permanence);
        }
        if (c.AteliersParMois > 0 && p.AtelierId is { } atelierId)
        {
            var atelier = await db.Ateliers.FirstAsync(a => a.Id == atelierId, ct);
            var zone = Territoire.Zone(lieu.FuseauHoraire);
            var regle = new Recurrence(TypeRecurrence.Mensuelle, 0, 1, p.RangAtelier, p.JourAtelier, c.DateDebut, c.DateFin.AddDays(-1));
            foreach (var date in regle.Dates(c.DateDebut, c.DateFin.AddDays(-1)))
            {
                if (JoursFeries.EstFerie(date, lieu.Departement)) continue;
                var debut = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(p.HeureAtelier), zone);
                db.SessionsAteliers.Add(new SessionAtelier { AtelierId = atelier.Id, LieuId = lieu.Id, ConventionId = c.Id, Debut = debut,
                    Fin = debut.AddMinutes(atelier.DureeMinutes), Capacite = p.CapaciteAtelier });
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var id in await db.Permanences.Where(x => x.ConventionId == c.Id).Select(x => x.Id).ToListAsync(ct))
            await GenererCreneaux.ExecuterAsync(db, horloge, id, ct);
    }

    /// <summary>Per month: committed, scheduled, booked, honoured, cancelled, no-show; short months flagged.</summary>
    public static async Task<List<MoisLivraison>> LivraisonAsync(AppDbContext db, Convention c, TimeProvider horloge, CancellationToken ct)
    {
        var permanences = await db.Permanences.Where(p => p.ConventionId == c.Id).Select(p => p.Id).ToListAsync(ct);
        var debut = c.DateDebut.ToDateTime(TimeOnly.MinValue);
        var fin = c.DateFin.ToDateTime(TimeOnly.MinValue);
        var creneaux = await db.Creneaux.AsNoTracking().Where(x => permanences.Contains(x.PermanenceId) && x.Debut >= debut && x.Debut < fin)
            .Select(x => new { x.Id, x.Debut, x.Capacite }).ToListAsync(ct);
        var ids = creneaux.Select(x => x.Id).ToList();
        var reservations = await db.Reservations.AsNoTracking().Where(r => ids.Contains(r.CreneauId))
            .Select(r => new { r.CreneauId, r.Statut, r.Creneau!.Debut }).ToListAsync(ct);
        var sessions = await db.SessionsAteliers.AsNoTracking().Where(s => s.ConventionId == c.Id && !s.Annulee).Select(s => new { s.Id, s.Debut }).ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var presents = await db.Inscriptions.AsNoTracking().Where(i => sessionIds.Contains(i.SessionId) && i.Statut == StatutInscription.Honoree)
            .Select(i => i.Session!.Debut).ToListAsync(ct);
        // Slots exist up to the rolling horizon; beyond it a month is "not yet scheduled", not "short".
        var horizon = creneaux.Count == 0 ? DateTime.MinValue : creneaux.Max(x => x.Debut);
        var mois = new List<MoisLivraison>();
        for (var m = new DateOnly(c.DateDebut.Year, c.DateDebut.Month, 1); m < c.DateFin; m = m.AddMonths(1))
        {
            var du = m < c.DateDebut ? c.DateDebut : m;
            var au = m.AddMonths(1) > c.DateFin ? c.DateFin : m.AddMonths(1);
            var jours = au.DayNumber - du.DayNumber;
            bool Dans(DateTime d) => d >= du.ToDateTime(TimeOnly.MinValue) && d < au.ToDateTime(TimeOnly.MinValue);
            // A weekly commitment counts once per week starting (on Monday) in the month.
            var semaines = Enumerable.Range(0, jours).Count(i => du.AddDays(i).DayOfWeek == DayOfWeek.Monday);
            var engages = c.CreneauxParSemaine * semaines;
            var planifies = creneaux.Where(x => Dans(x.Debut)).Sum(x => x.Capacite);
            var res = reservations.Where(r => Dans(r.Debut)).ToList();
            var ateliersEngages = (int)Math.Round(c.AteliersParMois * jours / (double)DateTime.DaysInMonth(m.Year, m.Month));
            var ateliersPlanifies = sessions.Count(s => Dans(s.Debut));
            var planifie = au.ToDateTime(TimeOnly.MinValue) <= horizon.AddDays(7) || horizon == DateTime.MinValue && c.CreneauxParSemaine == 0;
            mois.Add(new MoisLivraison(m, engages, planifies, res.Count(r => r.Statut != StatutReservation.Annulee),
                res.Count(r => r.Statut == StatutReservation.Honoree), res.Count(r => r.Statut == StatutReservation.Annulee), res.Count(r => r.Statut == StatutReservation.Absente),
                ateliersEngages, ateliersPlanifies, presents.Count(Dans), planifie,
                planifie && (planifies < engages || ateliersPlanifies < ateliersEngages)));
        }
        return mois;
    }
}
