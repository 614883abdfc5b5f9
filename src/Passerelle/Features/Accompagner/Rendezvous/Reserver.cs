using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>What a person (or someone booking for them) types to book a slot.</summary>
public sealed record ReservationSaisie
{
    [Range(1, int.MaxValue, ErrorMessage = "Choisissez un créneau.")] public int CreneauId { get; init; }
    [Required(ErrorMessage = "Indiquez votre prénom."), StringLength(100, ErrorMessage = "100 caractères au plus.")] public string Prenom { get; init; } = "";
    [Required(ErrorMessage = "Indiquez votre nom."), StringLength(100, ErrorMessage = "100 caractères au plus.")] public string Nom { get; init; } = "";
    [StringLength(30, ErrorMessage = "Numéro trop long.")] public string? Telephone { get; init; }
    [EmailAddress(ErrorMessage = "Adresse électronique invalide."), StringLength(200)] public string? Email { get; init; }
    [StringLength(500, ErrorMessage = "500 caractères au plus.")] public string? Objet { get; init; }
    public bool Consentement { get; init; }
    [StringLength(200)] public string? TiersNom { get; init; }
    [StringLength(200)] public string? TiersContact { get; init; }
}

public static class Reserver
{
    public static Dictionary<string, string[]> Verifier(ReservationSaisie s)
    {
        var erreurs = Valider.Objet(s) ?? [];
        Coordonnees.Verifier(s.Telephone, s.Email, s.Consentement, erreurs);
        return erreurs;
    }

    /// <param name="parEquipe">Booked by a signed-in mediator or manager (walk-in, phone call): no minimum notice, staff-only motifs allowed.</param>
    public static async Task<Reservation> ExecuterAsync(AppDbContext db, ReservationSaisie s, string? parEquipe, NotificationsOptions options,
        TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var c = await db.Creneaux.AsNoTracking().Include(x => x.Motif).Include(x => x.Lieu).FirstOrDefaultAsync(x => x.Id == s.CreneauId, ct)
            ?? throw new KeyNotFoundException("Créneau inconnu.");
        if (c.Ferme) throw new RegleMetierException("Ce créneau n'est plus proposé (lieu fermé ou médiateur absent ce jour-là). Choisissez-en un autre.");
        if (parEquipe is null)
        {
            if (c.Motif!.QuiReserve == QuiReserve.EquipeSeulement) throw new RegleMetierException("Ce type de rendez-vous se prend auprès de l'équipe, par téléphone ou sur place.");
            if (c.Motif.QuiReserve == QuiReserve.Tiers && string.IsNullOrWhiteSpace(s.TiersNom)) throw new RegleMetierException("Ce rendez-vous se prend par un professionnel (travailleur social…) pour la personne.", "TiersNom");
        }
        var limite = parEquipe is null ? maintenant.AddHours(c.Motif!.DelaiMinimumHeures) : maintenant;
        if (c.Debut <= limite) throw new RegleMetierException(parEquipe is null
            ? $"Ce créneau est trop proche : réservez au moins {c.Motif!.DelaiMinimumHeures} h à l'avance, ou appelez le lieu."
            : "Ce créneau est déjà passé.");
        if (parEquipe is null && c.Debut > maintenant.AddDays(c.Motif!.HorizonJours)) throw new RegleMetierException("Ce créneau n'est pas encore ouvert à la réservation.");

        var telephone = string.IsNullOrWhiteSpace(s.Telephone) ? null : Identifiants.TelephoneInternational(s.Telephone);
        var email = string.IsNullOrWhiteSpace(s.Email) ? null : s.Email.Trim().ToLowerInvariant();
        if (await DejaReserveAsync(db, c.Id, telephone, email, ct)) throw new RegleMetierException(DejaReserve);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The seat is taken by the database or not at all: concurrent requests for the last seat cannot both pass.
        var pris = await db.Creneaux.Where(x => x.Id == c.Id && x.Reserves < x.Capacite && !x.Ferme)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Reserves, x => x.Reserves + 1), ct);
        if (pris == 0) throw new RegleMetierException("Désolé, ce créneau vient d'être réservé par quelqu'un d'autre. Choisissez-en un autre.");
        var r = new Reservation
        {
            CreneauId = c.Id, Jeton = Jetons.Nouveau(), Prenom = s.Prenom.Trim(), Nom = s.Nom.Trim(),
            Telephone = string.IsNullOrWhiteSpace(s.Telephone) ? null : Identifiants.TelephoneInternational(s.Telephone),
            Email = string.IsNullOrWhiteSpace(s.Email) ? null : s.Email.Trim(), Objet = string.IsNullOrWhiteSpace(s.Objet) ? null : s.Objet.Trim(),
            Consentement = true, TiersNom = s.TiersNom?.Trim(), TiersContact = s.TiersContact?.Trim(), ReserveParUtilisateurId = parEquipe,
            Statut = StatutReservation.Confirmee, CreeLe = maintenant,
        };
        db.Reservations.Add(r);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same person's other request won the unique index (same slot, same e-mail or phone): this one takes nothing.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await DejaReserveAsync(db, c.Id, telephone, email, ct)) throw new RegleMetierException(DejaReserve);
            throw;
        }
        AvisRendezvous.PlanifierReservation(db, r, c, options, maintenant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return r;
    }

    public const string DejaReserve = "Vous avez déjà réservé ce créneau (même adresse électronique ou même numéro de téléphone) : "
        + "la confirmation vous a été envoyée. Pour l'annuler ou le déplacer, utilisez le lien qu'elle contient.";

    /// <summary>One person (same e-mail whatever its case, or same phone number) holds one active booking per slot;
    /// a unique filtered index guarantees it, this check gives the clear answer first.</summary>
    static Task<bool> DejaReserveAsync(AppDbContext db, int creneauId, string? telephone, string? email, CancellationToken ct) =>
        db.Reservations.AnyAsync(x => x.CreneauId == creneauId && x.Statut == StatutReservation.Confirmee
            && ((telephone != null && x.Telephone == telephone) || (email != null && x.EmailNormalise == email)), ct);

    public static async Task<bool> AnnulerAsync(AppDbContext db, string jeton, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var r = await db.Reservations.AsNoTracking().Include(x => x.Creneau).ThenInclude(c => c!.Lieu).Include(x => x.Creneau).ThenInclude(c => c!.Motif)
            .FirstOrDefaultAsync(x => x.Jeton == jeton, ct);
        if (r is null) return false;
        if (r.Statut != StatutReservation.Confirmee) throw new RegleMetierException("Ce rendez-vous est déjà annulé ou passé.");
        if (r.Creneau!.Debut <= maintenant) throw new RegleMetierException("Ce rendez-vous a déjà commencé : il ne peut plus être annulé en ligne.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var fait = await db.Reservations.Where(x => x.Id == r.Id && x.Statut == StatutReservation.Confirmee)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Statut, StatutReservation.Annulee).SetProperty(x => x.AnnuleeLe, maintenant)
                .SetProperty(x => x.Sequence, x => x.Sequence + 1), ct);
        if (fait == 0) throw new RegleMetierException("Ce rendez-vous est déjà annulé.");
        await db.Creneaux.Where(c => c.Id == r.CreneauId && c.Reserves > 0).ExecuteUpdateAsync(u => u.SetProperty(c => c.Reserves, c => c.Reserves - 1), ct);
        await db.Notifications.Where(n => n.ReservationId == r.Id && n.Etat == EtatNotification.EnAttente && n.Type == Avis.Rappel)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Etat, EtatNotification.Abandonnee).SetProperty(n => n.DerniereErreur, "Rendez-vous annulé."), ct);
        r.Sequence++;
        AvisRendezvous.PlanifierAnnulation(db, r, r.Creneau, options, maintenant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Moves a booking to another slot of the same place and motif in one transaction: the new seat is taken first.</summary>
    public static async Task DeplacerAsync(AppDbContext db, string jeton, int nouveauCreneauId, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var r = await db.Reservations.Include(x => x.Creneau).FirstOrDefaultAsync(x => x.Jeton == jeton, ct) ?? throw new KeyNotFoundException();
        if (r.Statut != StatutReservation.Confirmee || r.Creneau!.Debut <= maintenant) throw new RegleMetierException("Ce rendez-vous ne peut plus être déplacé.");
        var cible = await db.Creneaux.AsNoTracking().Include(c => c.Motif).Include(c => c.Lieu).FirstOrDefaultAsync(c => c.Id == nouveauCreneauId, ct)
            ?? throw new RegleMetierException("Créneau inconnu.", "CreneauId");
        if (cible.LieuId != r.Creneau.LieuId || cible.MotifId != r.Creneau.MotifId) throw new RegleMetierException("Choisissez un créneau du même lieu et du même type de rendez-vous.");
        if (cible.Debut <= maintenant.AddHours(cible.Motif!.DelaiMinimumHeures)) throw new RegleMetierException("Ce créneau est trop proche.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Creneaux.Where(c => c.Id == cible.Id && c.Reserves < c.Capacite && !c.Ferme).ExecuteUpdateAsync(u => u.SetProperty(c => c.Reserves, c => c.Reserves + 1), ct) == 0)
            throw new RegleMetierException("Désolé, ce créneau vient d'être réservé par quelqu'un d'autre.");
        if (await DejaReserveAsync(db, cible.Id, r.Telephone, r.EmailNormalise, ct)) throw new RegleMetierException(DejaReserve);
        await db.Creneaux.Where(c => c.Id == r.CreneauId && c.Reserves > 0).ExecuteUpdateAsync(u => u.SetProperty(c => c.Reserves, c => c.Reserves - 1), ct);
        r.CreneauId = cible.Id;
        r.Creneau = null;
        r.Sequence++; // the calendar app moves the event it holds instead of adding a second one
        await db.Notifications.Where(n => n.ReservationId == r.Id && n.Etat == EtatNotification.EnAttente)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Etat, EtatNotification.Abandonnee).SetProperty(n => n.DerniereErreur, "Rendez-vous déplacé."), ct);
        await db.SaveChangesAsync(ct);
        AvisRendezvous.PlanifierReservation(db, r, cible, options, maintenant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
