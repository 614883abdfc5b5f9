using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Ateliers;

/// <summary>What a person types to register for a workshop session; checked as a booking is (<see cref="Coordonnees"/>).</summary>
public sealed record InscriptionSaisie
{
    [Required(ErrorMessage = "Indiquez votre prénom."), StringLength(100, ErrorMessage = "100 caractères au plus.")] public string Prenom { get; init; } = "";
    [Required(ErrorMessage = "Indiquez votre nom."), StringLength(100, ErrorMessage = "100 caractères au plus.")] public string Nom { get; init; } = "";
    [StringLength(30, ErrorMessage = "Numéro trop long.")] public string? Telephone { get; init; }
    [EmailAddress(ErrorMessage = "Adresse électronique invalide."), StringLength(200)] public string? Email { get; init; }
    public bool Consentement { get; init; }
}

/// <summary>Registration to a workshop session: a seat if one is left (taken by a conditional UPDATE), the waiting
/// list otherwise; a cancellation promotes the first person waiting, in the same transaction, and tells them.</summary>
public static class Inscrire
{
    public static Dictionary<string, string[]> Verifier(InscriptionSaisie s)
    {
        var erreurs = Valider.Objet(s) ?? [];
        Coordonnees.Verifier(s.Telephone, s.Email, s.Consentement, erreurs);
        return erreurs;
    }

    public static Messages.Rdv Rdv(SessionAtelier s, string jeton, NotificationsOptions o) => new(
        s.Atelier!.Titre, s.Debut, s.Fin, s.Lieu!.Nom, $"{s.Lieu.Adresse}, {s.Lieu.CodePostal} {s.Lieu.Commune}", s.Lieu.FuseauHoraire,
        s.Atelier.MaterielNecessaire, $"{o.UrlPublique.TrimEnd('/')}/mon-rendez-vous/{jeton}");

    public static string Uid(Inscription i) => $"inscription-{i.Id}@passerelle";

    public static async Task<Inscription> ExecuterAsync(AppDbContext db, int sessionId, InscriptionSaisie s, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var session = await db.SessionsAteliers.AsNoTracking().Include(x => x.Atelier).Include(x => x.Lieu).FirstOrDefaultAsync(x => x.Id == sessionId, ct)
            ?? throw new KeyNotFoundException("Session inconnue.");
        if (session.Annulee) throw new RegleMetierException("Cette session est annulée.");
        if (session.Debut <= maintenant) throw new RegleMetierException("Cette session a déjà commencé.");
        // A cycle is booked as a whole: every session still to come, all seats or the waiting list for all.
        var sessions = session.Cycle is null ? [session]
            : await db.SessionsAteliers.AsNoTracking().Include(x => x.Atelier).Include(x => x.Lieu)
                .Where(x => x.Cycle == session.Cycle && !x.Annulee && x.Debut > maintenant).OrderBy(x => x.Debut).ToListAsync(ct);
        var jeton = Jetons.Nouveau();
        var telephone = string.IsNullOrWhiteSpace(s.Telephone) ? null : Identifiants.TelephoneInternational(s.Telephone);
        var email = string.IsNullOrWhiteSpace(s.Email) ? null : s.Email.Trim().ToLowerInvariant();
        var ids = sessions.Select(x => x.Id).ToList();
        if (await DejaInscritAsync(db, ids, telephone, email, ct)) throw new RegleMetierException(DejaInscrit);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var place = await PrendrePlacesAsync(db, sessions.Select(x => x.Id).ToList(), ct);
        var inscriptions = sessions.Select((x, k) => new Inscription
        {
            SessionId = x.Id, Jeton = k == 0 ? jeton : $"{jeton}.{k}", Groupe = session.Cycle is null ? null : jeton, Prenom = s.Prenom.Trim(), Nom = s.Nom.Trim(),
            Telephone = string.IsNullOrWhiteSpace(s.Telephone) ? null : Identifiants.TelephoneInternational(s.Telephone),
            Email = string.IsNullOrWhiteSpace(s.Email) ? null : s.Email.Trim(), Consentement = true,
            Statut = place ? StatutInscription.Inscrit : StatutInscription.ListeAttente, CreeLe = maintenant,
        }).ToList();
        db.Inscriptions.AddRange(inscriptions);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same person's other request won the unique index: this one takes no seat and sends nothing.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await DejaInscritAsync(db, ids, telephone, email, ct)) throw new RegleMetierException(DejaInscrit);
            throw;
        }
        var i = inscriptions[0];
        var rdv = Rdv(session, i.Jeton, options);
        var contact = new Avis.Contact(i.Email, i.Telephone);
        if (place)
            for (var k = 0; k < sessions.Count; k++)
                PlanifierInscrit(db, inscriptions[k], sessions[k], Rdv(sessions[k], jeton, options), contact, options, maintenant, confirmation: k == 0);
        else Avis.Planifier(db, Avis.Confirmation, contact, rdv, r => ($"Liste d'attente : {r.Titre}, {Messages.Quand(r)}",
            $"Bonjour,\n\nL'atelier « {r.Titre} » du {Messages.Quand(r)} est complet. Vous êtes sur la liste d'attente : si une place se libère, vous serez inscrit(e) automatiquement et prévenu(e).\n\nPour vous retirer de la liste : {r.Lien}\n"),
            maintenant, null, inscriptionId: i.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return i;
    }

    public const string DejaInscrit = "Vous êtes déjà inscrit(e) à cet atelier (même adresse électronique ou même numéro de téléphone) : "
        + "la confirmation vous a été envoyée. Pour vous désinscrire, utilisez le lien qu'elle contient.";

    /// <summary>One person (same e-mail whatever its case, or same phone number) holds one active registration per session, seat or
    /// waiting list; a unique filtered index guarantees it, this check gives the clear answer first.</summary>
    static Task<bool> DejaInscritAsync(AppDbContext db, List<int> sessions, string? telephone, string? email, CancellationToken ct) =>
        db.Inscriptions.AnyAsync(x => sessions.Contains(x.SessionId) && (x.Statut == StatutInscription.Inscrit || x.Statut == StatutInscription.ListeAttente)
            && ((telephone != null && x.Telephone == telephone) || (email != null && x.EmailNormalise == email)), ct);

    /// <summary>One seat in each session, or none: increments that cannot all pass are undone in the same transaction.</summary>
    static async Task<bool> PrendrePlacesAsync(AppDbContext db, List<int> sessions, CancellationToken ct)
    {
        var prises = new List<int>();
        foreach (var id in sessions)
        {
            if (await db.SessionsAteliers.Where(x => x.Id == id && x.Inscrits < x.Capacite).ExecuteUpdateAsync(u => u.SetProperty(x => x.Inscrits, x => x.Inscrits + 1), ct) == 1)
                prises.Add(id);
            else
            {
                foreach (var p in prises)
                    await db.SessionsAteliers.Where(x => x.Id == p).ExecuteUpdateAsync(u => u.SetProperty(x => x.Inscrits, x => x.Inscrits - 1), ct);
                return false;
            }
        }
        return true;
    }

    static void PlanifierInscrit(AppDbContext db, Inscription i, SessionAtelier session, Messages.Rdv rdv, Avis.Contact contact, NotificationsOptions options, DateTime maintenant, bool confirmation = true)
    {
        if (confirmation)
        {
            var ics = Calendriers.Rendezvous(new(Uid(i), rdv), maintenant);
            Avis.Planifier(db, Avis.Confirmation, contact, rdv, Messages.Confirmation, maintenant, null, inscriptionId: i.Id, ics: ics);
        }
        var rappel = session.Debut.AddHours(-options.RappelHeuresAvant);
        if (rappel > maintenant) Avis.Planifier(db, Avis.Rappel, contact, rdv, Messages.Rappel, rappel, session.Debut, inscriptionId: i.Id);
    }

    public static async Task<bool> AnnulerAsync(AppDbContext db, string jeton, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var i = await db.Inscriptions.AsNoTracking().Include(x => x.Session).FirstOrDefaultAsync(x => x.Jeton == jeton, ct);
        if (i is null) return false;
        if (i.Statut is not (StatutInscription.Inscrit or StatutInscription.ListeAttente)) throw new RegleMetierException("Cette inscription est déjà annulée ou passée.");
        var groupe = await db.Inscriptions.AsNoTracking().Include(x => x.Session)
            .Where(x => (i.Groupe != null && x.Groupe == i.Groupe) || x.Id == i.Id).Where(x => x.Session!.Debut > maintenant).ToListAsync(ct);
        if (groupe.Count == 0) throw new RegleMetierException("L'atelier a déjà commencé.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var liberees = new List<int>();
        foreach (var x in groupe)
        {
            var etait = x.Statut;
            if (etait is not (StatutInscription.Inscrit or StatutInscription.ListeAttente)) continue;
            if (await db.Inscriptions.Where(y => y.Id == x.Id && y.Statut == etait)
                    .ExecuteUpdateAsync(u => u.SetProperty(y => y.Statut, StatutInscription.Annulee).SetProperty(y => y.AnnuleeLe, maintenant), ct) == 0)
                throw new RegleMetierException("Cette inscription vient d'être modifiée.");
            await db.Notifications.Where(n => n.InscriptionId == x.Id && n.Etat == EtatNotification.EnAttente)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Etat, EtatNotification.Abandonnee).SetProperty(n => n.DerniereErreur, "Inscription annulée."), ct);
            if (etait == StatutInscription.Inscrit)
            {
                await db.SessionsAteliers.Where(s => s.Id == x.SessionId && s.Inscrits > 0).ExecuteUpdateAsync(u => u.SetProperty(s => s.Inscrits, s => s.Inscrits - 1), ct);
                liberees.Add(x.SessionId);
            }
        }
        foreach (var sessionId in liberees) await PromouvoirAsync(db, sessionId, options, maintenant, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Gives freed seats to the people waiting, first come first served.</summary>
    public static async Task PromouvoirAsync(AppDbContext db, int sessionId, NotificationsOptions options, DateTime maintenant, CancellationToken ct)
    {
        var session = await db.SessionsAteliers.AsNoTracking().Include(x => x.Atelier).Include(x => x.Lieu).FirstAsync(x => x.Id == sessionId, ct);
        if (session.Debut <= maintenant || session.Annulee) return;
        while (true)
        {
            var suivant = await db.Inscriptions.Where(x => x.SessionId == sessionId && x.Statut == StatutInscription.ListeAttente)
                .OrderBy(x => x.CreeLe).ThenBy(x => x.Id).FirstOrDefaultAsync(ct);
            if (suivant is null) return;
            if (suivant.Groupe is not null)
            {
                // A cycle's waiting registration enters only with a seat in every one of its sessions.
                var lignes = await db.Inscriptions.Where(x => x.Groupe == suivant.Groupe && x.Statut == StatutInscription.ListeAttente).ToListAsync(ct);
                if (!await PrendrePlacesAsync(db, lignes.Select(x => x.SessionId).ToList(), ct)) return;
                foreach (var l in lignes) { l.Statut = StatutInscription.Inscrit; l.PromueLe = maintenant; }
                var premiere = lignes.OrderBy(l => l.Id).First();
                Avis.Planifier(db, Avis.Promotion, new Avis.Contact(premiere.Email, premiere.Telephone), Rdv(session, suivant.Groupe, options), Messages.Promotion, maintenant, session.Debut, inscriptionId: premiere.Id);
                await db.SaveChangesAsync(ct);
                continue;
            }
            if (await db.SessionsAteliers.Where(x => x.Id == sessionId && x.Inscrits < x.Capacite)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Inscrits, x => x.Inscrits + 1), ct) == 0) return;
            if (await db.Inscriptions.Where(x => x.Id == suivant.Id && x.Statut == StatutInscription.ListeAttente)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Statut, StatutInscription.Inscrit).SetProperty(x => x.PromueLe, maintenant), ct) == 0)
            {
                await db.SessionsAteliers.Where(x => x.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Inscrits, x => x.Inscrits - 1), ct);
                continue;
            }
            var rdv = Rdv(session, suivant.Jeton, options);
            var contact = new Avis.Contact(suivant.Email, suivant.Telephone);
            Avis.Planifier(db, Avis.Promotion, contact, rdv, Messages.Promotion, maintenant, session.Debut, inscriptionId: suivant.Id);
            var rappel = session.Debut.AddHours(-options.RappelHeuresAvant);
            if (rappel > maintenant) Avis.Planifier(db, Avis.Rappel, contact, rdv, Messages.Rappel, rappel, session.Debut, inscriptionId: suivant.Id);
            await db.SaveChangesAsync(ct);
        }
    }
}
