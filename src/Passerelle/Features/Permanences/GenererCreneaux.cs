using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Horaires;
using Passerelle.Features.Rendezvous;

namespace Passerelle.Features.Permanences;

/// <summary>Materialises the slots of permanences over the rolling horizon, in each place's time zone:
/// holidays (with the local ones of the place's département) and closures give no slot, absent
/// mediators remove their seat. Idempotent; a slot that is no longer wanted is removed only if nobody
/// booked it.</summary>
public static class GenererCreneaux
{
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, int? permanenceId, CancellationToken ct, int? horizonJours = null)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var requete = db.Permanences.Include(p => p.Lieu).Include(p => p.Motif).Include(p => p.Mediateurs).Where(p => !p.Archivee);
        if (permanenceId is not null) requete = db.Permanences.Include(p => p.Lieu).Include(p => p.Motif).Include(p => p.Mediateurs).Where(p => p.Id == permanenceId);
        var permanences = await requete.ToListAsync(ct);
        var total = 0;
        foreach (var p in permanences)
        {
            var zone = Territoire.Zone(p.Lieu!.FuseauHoraire);
            var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(maintenant, zone));
            var fin = aujourdHui.AddDays(horizonJours ?? p.Motif!.HorizonJours);
            var mediateurs = p.Mediateurs.Select(m => m.Id).ToList();
            var absences = await db.Absences.Where(a => mediateurs.Contains(a.MediateurId) && a.DateFin >= aujourdHui && a.DateDebut <= fin).ToListAsync(ct);
            var fermetures = await db.Fermetures.Where(f => f.LieuId == p.LieuId && f.DateFin >= aujourdHui && f.DateDebut <= fin).ToListAsync(ct);
            var voulus = new Dictionary<DateTime, (DateTime Fin, int Capacite)>();
            if (!p.Archivee)
            {
                foreach (var date in p.Recurrence.Dates(aujourdHui, fin))
                {
                    if (JoursFeries.EstFerie(date, p.Lieu.Departement) || fermetures.Any(f => f.DateDebut <= date && date <= f.DateFin)) continue;
                    var pas = p.Motif!.DureeMinutes + p.Motif.TamponMinutes;
                    for (var debut = p.HeureDebut; debut.AddMinutes(p.Motif.DureeMinutes) <= p.HeureFin && debut >= p.HeureDebut; debut = debut.AddMinutes(pas))
                    {
                        var finLocale = debut.AddMinutes(p.Motif.DureeMinutes);
                        var local = date.ToDateTime(debut);
                        if (zone.IsInvalidTime(local)) continue; // the hour skipped by the spring DST change
                        var debutUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                        if (debutUtc <= maintenant) continue;
                        var presents = mediateurs.Count(m => !absences.Any(a => a.MediateurId == m && a.Couvre(date, debut, finLocale)));
                        voulus[debutUtc] = (TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(finLocale), zone), presents);
                        if (finLocale < debut) break;
                    }
                }
            }
            var existants = await db.Creneaux.Where(c => c.PermanenceId == p.Id && c.Debut > maintenant).ToListAsync(ct);
            foreach (var c in existants)
            {
                c.Appliquer(p.Motif!, p.Lieu);
                if (voulus.Remove(c.Debut, out var v)) c.Capacite = Math.Max(v.Capacite, c.Reserves);
                else if (c.Reserves == 0) db.Creneaux.Remove(c);
                else c.Capacite = c.Reserves; // booked: kept for the mediator to handle, closed to new bookings
            }
            foreach (var (debut, (finUtc, capacite)) in voulus)
            {
                var nouveau = new Creneau { PermanenceId = p.Id, LieuId = p.LieuId, MotifId = p.MotifId, Debut = debut, Fin = finUtc, Capacite = capacite };
                nouveau.Appliquer(p.Motif!, p.Lieu);
                db.Creneaux.Add(nouveau);
                total++;
            }
            await db.SaveChangesAsync(ct);
        }
        return total;
    }
}

/// <summary>Extends the rolling horizon every hour.</summary>
public sealed class GenerationCreneauxJob(IServiceScopeFactory scopes, TimeProvider horloge, ILogger<GenerationCreneauxJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), horloge);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await GenererCreneaux.ExecuterAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), horloge, null, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Génération des créneaux"); }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
