using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Permanences;

/// <summary>Materialises the slots of permanences over the rolling horizon, in each place's time zone:
/// holidays (with the local ones of the place's département) and closures give no slot, absent
/// mediators remove their seat. Idempotent. A slot is never deleted while a booking (even a cancelled one)
/// refers to it: it is closed instead. Bookings on a day that closes (closure, every mediator away) are
/// cancelled, with the reason on the person's page and a message in the outbox: Rendezvous does it when told
/// (<see cref="IAnnoncesPermanences"/>).</summary>
public static class GenererCreneaux
{
    public sealed record Bilan(int Crees, int Annulees, int Echecs);

    sealed record Voulu(DateTime Fin, int Capacite, string? Raison);

    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, int? permanenceId, CancellationToken ct, int? horizonJours = null) =>
        (await GenererAsync(db, horloge, permanenceId is { } id ? [id] : null, null, null, ct, horizonJours)).Crees;

    /// <param name="permanences">null = every active permanence: one that fails is logged and skipped, the others go on.
    /// A given list runs in the caller's transaction if there is one, and a failure is thrown to the caller.</param>
    public static async Task<Bilan> GenererAsync(AppDbContext db, TimeProvider horloge, IReadOnlyList<int>? permanences, NotificationsOptions? options,
        ILogger? log, CancellationToken ct, int? horizonJours = null)
    {
        options ??= new NotificationsOptions();
        var ids = permanences ?? await db.Permanences.Where(p => !p.Archivee).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        int crees = 0, annulees = 0, echecs = 0;
        foreach (var id in ids)
        {
            try
            {
                var (c, a) = await PermanenceAsync(db, horloge, id, options, ct, horizonJours);
                crees += c;
                annulees += a;
            }
            catch (Exception e) when (permanences is null && e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                echecs++;
                log?.LogError(e, "Génération des créneaux de la permanence {Permanence} échouée ; les autres permanences continuent", id);
            }
        }
        return new(crees, annulees, echecs);
    }

    static async Task<(int Crees, int Annulees)> PermanenceAsync(AppDbContext db, TimeProvider horloge, int id, NotificationsOptions options, CancellationToken ct, int? horizonJours)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // Closing slots, cancelling their bookings and queuing the messages: all or nothing.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var p = await db.Permanences.Include(x => x.Lieu).Include(x => x.Motif).Include(x => x.Mediateurs).FirstAsync(x => x.Id == id, ct);
        var zone = Territoire.Zone(p.Lieu!.FuseauHoraire);
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(maintenant, zone));
        var fin = aujourdHui.AddDays(horizonJours ?? p.Motif!.HorizonJours);
        var voulus = p.Archivee ? [] : await VoulusAsync(db, p, zone, aujourdHui, fin, maintenant, ct);

        var existants = await db.Creneaux.Where(c => c.PermanenceId == p.Id && c.Debut > maintenant).ToListAsync(ct);
        // Slots that lose seats or close are first taken out of booking (this write holds them until commit), then read
        // again: a booking made meanwhile is seen and handled, and none can slip in before the closure is saved.
        var baisses = existants.Where(c => voulus.TryGetValue(c.Debut, out var v) ? v.Capacite < c.Capacite : !c.Ferme).ToList();
        if (baisses.Count > 0)
        {
            var ids = baisses.Select(c => c.Id).ToList();
            await db.Creneaux.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(u => u.SetProperty(c => c.Ferme, true), ct);
            foreach (var c in baisses) await db.Entry(c).ReloadAsync(ct);
        }
        var annonces = AnnoncesPermanences.De(db);
        var references = await annonces.CreneauxRetenusAsync(db, p.Id, maintenant, ct);
        var annulees = 0;
        foreach (var c in existants)
        {
            var trouve = voulus.Remove(c.Debut, out var v);
            if (trouve && v!.Raison is not null && c.Reserves > v.Capacite)
            {
                annulees += await annonces.PlacesRetireesAsync(db, c, c.Reserves - v.Capacite, v.Raison, options, maintenant, ct);
                references.Add(c.Id);
                await db.Entry(c).ReloadAsync(ct);
            }
            c.Appliquer(p.Motif!, p.Lieu);
            if (trouve && v!.Capacite > 0)
            {
                c.Fin = v.Fin;
                c.Ferme = false;
                c.Capacite = Math.Max(v.Capacite, c.Reserves);
            }
            else if (c.Reserves == 0 && !references.Contains(c.Id)) db.Creneaux.Remove(c);
            else
            {
                // Kept for the booking that refers to it (the mediator handles an active one), closed to new bookings.
                c.Ferme = true;
                c.Capacite = c.Reserves;
            }
        }
        var total = 0;
        foreach (var (debut, v) in voulus.Where(x => x.Value.Capacite > 0))
        {
            var nouveau = new Creneau { PermanenceId = p.Id, LieuId = p.LieuId, MotifId = p.MotifId, Debut = debut, Fin = v.Fin, Capacite = v.Capacite };
            nouveau.Appliquer(p.Motif!, p.Lieu);
            db.Creneaux.Add(nouveau);
            total++;
        }
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return (total, annulees);
    }

    /// <summary>The slots the permanence should have, by start (UTC). Walks the wall clock of the place: a start in the hour
    /// skipped in spring does not exist and a start in the hour repeated in autumn would name two instants, so both are
    /// skipped; a slot lasts its real duration and ends before the permanence does. Closed days and days without
    /// any mediator give capacity 0 with the reason told to the people already booked.</summary>
    static async Task<Dictionary<DateTime, Voulu>> VoulusAsync(AppDbContext db, Permanence p, TimeZoneInfo zone, DateOnly aujourdHui, DateOnly fin,
        DateTime maintenant, CancellationToken ct)
    {
        var mediateurs = p.Mediateurs.Select(m => m.Id).ToList();
        var absences = await db.Absences.Where(a => mediateurs.Contains(a.MediateurId) && a.DateFin >= aujourdHui && a.DateDebut <= fin).ToListAsync(ct);
        var fermetures = await db.Fermetures.Where(f => f.LieuId == p.LieuId && f.DateFin >= aujourdHui && f.DateDebut <= fin).ToListAsync(ct);
        var voulus = new Dictionary<DateTime, Voulu>();
        var duree = p.Motif!.DureeMinutes;
        var pas = Math.Max(1, duree + p.Motif.TamponMinutes);
        foreach (var date in p.Recurrence.Dates(aujourdHui, fin))
        {
            if (JoursFeries.EstFerie(date, p.Lieu!.Departement)) continue;
            var fermeture = fermetures.FirstOrDefault(f => f.Couvre(date));
            var finPermanence = Instant(date.ToDateTime(p.HeureFin), zone);
            DateTime? finPrecedente = null;
            for (var debut = p.HeureDebut; debut.AddMinutes(duree) <= p.HeureFin && debut >= p.HeureDebut; debut = debut.AddMinutes(pas))
            {
                var local = date.ToDateTime(debut);
                if (zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local)) continue;
                var debutUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                var finUtc = debutUtc.AddMinutes(duree);
                if (finUtc > finPermanence || debutUtc < finPrecedente) continue;
                finPrecedente = finUtc;
                if (debutUtc <= maintenant) continue;
                var finLocale = debut.AddMinutes(duree);
                var presents = mediateurs.Count(m => !absences.Any(a => a.MediateurId == m && a.Couvre(date, debut, finLocale)));
                voulus[debutUtc] = fermeture is not null
                    ? new(finUtc, 0, fermeture.Explication())
                    : new(finUtc, presents, presents < mediateurs.Count ? "La personne qui devait vous recevoir est absente ce jour-là." : null);
                if (finLocale < debut) break;
            }
        }
        return voulus;
    }

    /// <summary>A wall-clock time of the place as an instant; a time in the skipped spring hour is read with the offset
    /// before the change (02:30 → 03:30 summer time), as the clock on the wall would show it.</summary>
    static DateTime Instant(DateTime local, TimeZoneInfo zone) => zone.IsInvalidTime(local)
        ? DateTime.SpecifyKind(local - zone.GetUtcOffset(local.AddHours(-2)), DateTimeKind.Utc)
        : TimeZoneInfo.ConvertTimeToUtc(local, zone);
}

/// <summary>Extends the rolling horizon every hour.</summary>
public sealed class GenerationCreneauxJob(IServiceScopeFactory scopes, TimeProvider horloge, Web.Instance instance, ILogger<GenerationCreneauxJob> log)
    : Web.TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "generation-creneaux";
    protected override TimeSpan Periode => TimeSpan.FromHours(1);

    protected override async Task ExecuterAsync(IServiceProvider sp, CancellationToken ct)
    {
        var bilan = await GenererCreneaux.GenererAsync(sp.GetRequiredService<AppDbContext>(), Horloge, null, sp.GetRequiredService<NotificationsOptions>(), Journal, ct);
        if (bilan.Echecs > 0) Journal.LogWarning("Génération des créneaux : {Echecs} permanence(s) en échec", bilan.Echecs);
    }
}
