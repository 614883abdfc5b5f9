using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Permanences;

/// <summary>Records, changes or removes a mediator's absence. In one transaction: the absence, the seats of their
/// permanences (removed, given back when it is removed), the bookings that no longer have anyone to receive them
/// cancelled, and the messages to the people concerned.</summary>
public static class DeclarerAbsence
{
    public static async Task<ResultatFermeture> EnregistrerAsync(AppDbContext db, int? id, AbsenceSaisie s, HashSet<int>? perimetre, NotificationsOptions options,
        TimeProvider horloge, CancellationToken ct)
    {
        Absence? a = null;
        if (id is not null)
        {
            a = await db.Absences.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (a is null) return new(null, [], Introuvable: true);
            if (!await MediateurGereAsync(db, a.MediateurId, perimetre, ct)) return new(null, [], Interdit: true);
        }
        var erreurs = new Dictionary<string, string[]>();
        if (!await db.Mediateurs.AnyAsync(m => m.Id == s.MediateurId, ct)) erreurs["MediateurId"] = ["Choisissez un médiateur."];
        else if (!await MediateurGereAsync(db, s.MediateurId, perimetre, ct)) return new(null, [], Interdit: true);
        if (s.DateFin < s.DateDebut) erreurs["DateFin"] = ["La date de fin précède la date de début."];
        else if (s.DateFin.DayNumber - s.DateDebut.DayNumber > 366) erreurs["DateFin"] = ["Une absence dure au plus un an : déclarez-en une autre ensuite."];
        if ((s.HeureDebut is null) != (s.HeureFin is null) || s.HeureFin <= s.HeureDebut) erreurs["HeureFin"] = ["Indiquez une heure de début et une heure de fin, dans l'ordre."];
        if ((s.Raison?.Length ?? 0) > 300) erreurs["Raison"] = ["300 caractères au plus."];
        if (erreurs.Count > 0) return new(null, erreurs);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ancien = a?.MediateurId;
        if (a is null) db.Absences.Add(a = new Absence());
        a.MediateurId = s.MediateurId;
        a.DateDebut = s.DateDebut;
        a.DateFin = s.DateFin;
        a.JoursSemaine = s.Jours is { Length: > 0 } ? Recurrence.Masque(s.Jours) : 0x7F;
        a.HeureDebut = s.HeureDebut;
        a.HeureFin = s.HeureFin;
        a.Raison = string.IsNullOrWhiteSpace(s.Raison) ? null : s.Raison.Trim();
        await db.SaveChangesAsync(ct);
        var bilan = await RegenererAsync(db, [s.MediateurId, ancien ?? s.MediateurId], options, horloge, ct);
        await transaction.CommitAsync(ct);
        return new(a.Id, erreurs, RendezvousAnnules: bilan.Annulees);
    }

    public static async Task<ResultatFermeture> SupprimerAsync(AppDbContext db, int id, HashSet<int>? perimetre, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var a = await db.Absences.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return new(null, [], Introuvable: true);
        if (!await MediateurGereAsync(db, a.MediateurId, perimetre, ct)) return new(null, [], Interdit: true);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Absences.Remove(a);
        await db.SaveChangesAsync(ct);
        await RegenererAsync(db, [a.MediateurId], options, horloge, ct);
        await transaction.CommitAsync(ct);
        return new(id, []);
    }

    public static async Task<bool> MediateurGereAsync(AppDbContext db, int mediateurId, HashSet<int>? perimetre, CancellationToken ct) =>
        perimetre is null || await db.Emplois.AnyAsync(e => e.MediateurId == mediateurId && perimetre.Contains(e.StructureId), ct);

    static async Task<GenererCreneaux.Bilan> RegenererAsync(AppDbContext db, int[] mediateurs, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var ids = await db.Permanences.Where(p => !p.Archivee && p.Mediateurs.Any(m => mediateurs.Contains(m.Id))).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return await GenererCreneaux.GenererAsync(db, horloge, ids, options, null, ct);
    }
}
