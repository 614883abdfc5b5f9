using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Permanences;

/// <param name="Creneaux">How many slots were generated over the booking horizon.</param>
public sealed record PermanenceCreee(Permanence Permanence, int Creneaux);

/// <summary>The one way to create a permanence (API and admin page): checks, saves, generates its slots — together or not at all.</summary>
public static class CreerPermanence
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Unknown place, reason or mediators, or a recurrence that does not hold (400).</exception>
    /// <exception cref="AccesRefuseException">The place belongs to a structure the account does not manage (403).</exception>
    public static async Task<PermanenceCreee> ExecuterAsync(AppDbContext db, PermanenceSaisie s,
        System.Security.Claims.ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = new Dictionary<string, string[]>();
        var lieu = await db.Lieux.Where(l => l.Id == s.LieuId && !l.Archive).Select(l => new { l.StructureId }).FirstOrDefaultAsync(ct);
        if (lieu is null) erreurs["LieuId"] = ["Lieu inconnu."];
        else if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, user, ct), lieu.StructureId)) throw new AccesRefuseException("Ce lieu n'appartient pas à vos structures.");
        if (!await db.Motifs.AnyAsync(m => m.Id == s.MotifId, ct)) erreurs["MotifId"] = ["Motif inconnu."];
        var ids = (s.MediateurIds ?? []).Distinct().ToArray();
        if (ids.Length is 0 or > 50) erreurs["MediateurIds"] = ["Indiquez de 1 à 50 médiateurs : chacun donne une place par créneau."];
        var mediateurs = await db.Mediateurs.Where(m => ids.Contains(m.Id) && !m.Archive).ToListAsync(ct);
        if (mediateurs.Count != ids.Length) erreurs["MediateurIds"] = ["Médiateur inconnu ou archivé."];
        var p = new Permanence
        {
            LieuId = s.LieuId, MotifId = s.MotifId, Type = s.Type, JoursSemaine = Masque(s.Jours), IntervalleSemaines = s.IntervalleSemaines ?? 1, Rang = s.Rang ?? 1,
            JourDuMois = s.JourDuMois ?? DayOfWeek.Monday, HeureDebut = s.HeureDebut, HeureFin = s.HeureFin, DateDebut = s.DateDebut, DateFin = s.DateFin, Mediateurs = mediateurs,
        };
        try { p.Verifier(); } catch (RegleMetierException e) { erreurs[e.Champ ?? ""] = [e.Message]; }
        if (erreurs.Count > 0) throw Valider.Invalide(erreurs, "Permanence invalide");
        // The permanence and its slots together, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Permanences.Add(p);
        await db.SaveChangesAsync(ct);
        var n = await GenererCreneaux.ExecuterAsync(db, horloge, p.Id, ct);
        await transaction.CommitAsync(ct);
        return new PermanenceCreee(p, n);
    }

    static int Masque(DayOfWeek[]? jours) => jours is null ? 0 : Recurrence.Masque(jours);
}
