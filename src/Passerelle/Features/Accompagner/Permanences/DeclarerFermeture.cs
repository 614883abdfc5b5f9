using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Permanences;

/// <summary>What a closure or an absence changed, for the confirmation page and the API.</summary>
public sealed record ResultatFermeture(int? Id, Dictionary<string, string[]> Erreurs, bool Interdit = false, bool Introuvable = false,
    int RendezvousAnnules = 0, int SessionsAnnulees = 0, int PersonnesAtelierPrevenues = 0);

/// <summary>Records, changes or removes a place's closure. In one transaction: the closure, the slots of the place's
/// permanences (closed that day, reopened when it is removed), the bookings and workshop sessions of those days
/// cancelled, and the messages to the people concerned (Rendezvous and Ateliers do it when told: <see cref="IAnnoncesPermanences"/>).</summary>
public static class DeclarerFermeture
{
    public static async Task<ResultatFermeture> EnregistrerAsync(AppDbContext db, int? id, FermetureSaisie s, HashSet<int>? perimetre, NotificationsOptions options,
        TimeProvider horloge, CancellationToken ct)
    {
        Fermeture? f = null;
        if (id is not null)
        {
            f = await db.Fermetures.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (f is null) return new(null, [], Introuvable: true);
            if (!await LieuGereAsync(db, f.LieuId, perimetre, ct)) return new(null, [], Interdit: true);
        }
        var erreurs = new Dictionary<string, string[]>();
        if (!await db.Lieux.AnyAsync(l => l.Id == s.LieuId && !l.Archive, ct)) erreurs["LieuId"] = ["Choisissez un lieu."];
        else if (!await LieuGereAsync(db, s.LieuId, perimetre, ct)) return new(null, [], Interdit: true);
        if (s.DateFin < s.DateDebut) erreurs["DateFin"] = ["La date de fin précède la date de début."];
        else if (s.DateFin.DayNumber - s.DateDebut.DayNumber > 366) erreurs["DateFin"] = ["Une fermeture dure au plus un an : déclarez-en une autre ensuite."];
        if ((s.Raison?.Length ?? 0) > 300) erreurs["Raison"] = ["300 caractères au plus."];
        if (erreurs.Count > 0) return new(null, erreurs);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ancienLieu = f?.LieuId;
        if (f is null) db.Fermetures.Add(f = new Fermeture());
        f.LieuId = s.LieuId;
        f.DateDebut = s.DateDebut;
        f.DateFin = s.DateFin;
        f.Raison = string.IsNullOrWhiteSpace(s.Raison) ? null : s.Raison.Trim();
        await db.SaveChangesAsync(ct);
        var bilan = await RegenererAsync(db, [s.LieuId, ancienLieu ?? s.LieuId], options, horloge, ct);
        var (sessions, personnes) = await AnnoncesPermanences.De(db).LieuFermeAsync(db, f, options, horloge.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(f.Id, erreurs, RendezvousAnnules: bilan.Annulees, SessionsAnnulees: sessions, PersonnesAtelierPrevenues: personnes);
    }

    /// <summary>Reopens the place: its slots come back (bookings already cancelled stay cancelled, the people were told).</summary>
    public static async Task<ResultatFermeture> SupprimerAsync(AppDbContext db, int id, HashSet<int>? perimetre, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var f = await db.Fermetures.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return new(null, [], Introuvable: true);
        if (!await LieuGereAsync(db, f.LieuId, perimetre, ct)) return new(null, [], Interdit: true);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Fermetures.Remove(f);
        await db.SaveChangesAsync(ct);
        await RegenererAsync(db, [f.LieuId], options, horloge, ct);
        await transaction.CommitAsync(ct);
        return new(id, []);
    }

    public static async Task<bool> LieuGereAsync(AppDbContext db, int lieuId, HashSet<int>? perimetre, CancellationToken ct) =>
        perimetre is null || await db.Lieux.AnyAsync(l => l.Id == lieuId && l.StructureId != null && perimetre.Contains(l.StructureId.Value), ct);

    static async Task<GenererCreneaux.Bilan> RegenererAsync(AppDbContext db, int[] lieux, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var ids = await db.Permanences.Where(p => !p.Archivee && lieux.Contains(p.LieuId)).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return await GenererCreneaux.GenererAsync(db, horloge, ids, options, null, ct);
    }
}
