using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Ateliers;

public sealed record CapaciteSaisie([property: Range(1, 200, ErrorMessage = "Capacité : de 1 à 200 places.")] int Capacite);
public sealed record AnnulationSessionSaisie([property: StringLength(300, ErrorMessage = "300 caractères au plus.")] string? Motif);
public sealed record PresentSaisie(
    [property: Required(ErrorMessage = "Indiquez le prénom de la personne."), StringLength(100, ErrorMessage = "100 caractères au plus.")] string Prenom,
    [property: Required(ErrorMessage = "Indiquez le nom de la personne."), StringLength(100, ErrorMessage = "100 caractères au plus.")] string Nom);

public sealed record ParticipantSessionDto(int Id, string Prenom, string Nom, string Statut, DateTime InscritLe);
public sealed record ParticipantsSessionDto(int SessionId, string Titre, DateTime Debut, int Capacite, int Inscrits, bool Annulee,
    IReadOnlyList<ParticipantSessionDto> Participants, IReadOnlyList<ParticipantSessionDto> ListeAttente);

/// <summary>A workshop session after its creation: who is registered or waiting, its capacity, its cancellation, and the
/// people who come without registering. Managers act on the sessions of their structures' places.</summary>
public static class GererSession
{
    /// <summary>The session if the account manages its place (administrators: every place), else null.</summary>
    public static async Task<SessionAtelier?> TrouverAsync(AppDbContext db, int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var s = await db.SessionsAteliers.AsNoTracking().Include(x => x.Atelier).Include(x => x.Lieu).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        return Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, user, ct), s.Lieu!.StructureId) ? s : null;
    }

    public static async Task<ParticipantsSessionDto> ParticipantsAsync(AppDbContext db, SessionAtelier s, CancellationToken ct)
    {
        var toutes = await db.Inscriptions.AsNoTracking().Where(i => i.SessionId == s.Id && i.Statut != StatutInscription.Annulee)
            .OrderBy(i => i.CreeLe).ThenBy(i => i.Id).Select(i => new { i.Id, i.Prenom, i.Nom, i.Statut, i.CreeLe }).ToListAsync(ct);
        var dto = toutes.Select(i => (i.Statut, Dto: new ParticipantSessionDto(i.Id, i.Prenom, i.Nom, Libelle(i.Statut), i.CreeLe))).ToList();
        return new ParticipantsSessionDto(s.Id, s.Atelier!.Titre, s.Debut, s.Capacite, s.Inscrits, s.Annulee,
            dto.Where(x => x.Statut != StatutInscription.ListeAttente).Select(x => x.Dto).ToList(),
            dto.Where(x => x.Statut == StatutInscription.ListeAttente).Select(x => x.Dto).ToList());
    }

    public static string Libelle(StatutInscription s) => s switch
    {
        StatutInscription.Inscrit => "Inscrit(e)", StatutInscription.ListeAttente => "En attente", StatutInscription.Honoree => "Présent(e)",
        StatutInscription.Excusee => "Excusé(e)", StatutInscription.Absente => "Absent(e)", _ => "Annulé(e)",
    };

    /// <summary>Never below the people registered (the database refuses it too); a raise gives the new seats to the waiting list at once.</summary>
    public static async Task<int> ChangerCapaciteAsync(AppDbContext db, SessionAtelier s, int capacite, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (s.Annulee) throw new RegleMetierException("Cette session est annulée.");
        if (s.Debut <= maintenant) throw new RegleMetierException("Cette session a déjà commencé.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SessionsAteliers.Where(x => x.Id == s.Id && x.Inscrits <= capacite).ExecuteUpdateAsync(u => u.SetProperty(x => x.Capacite, capacite), ct) == 0)
        {
            var inscrits = await db.SessionsAteliers.Where(x => x.Id == s.Id).Select(x => x.Inscrits).FirstAsync(ct);
            throw new RegleMetierException($"{inscrits} personne(s) sont inscrites : la capacité ne peut pas descendre en dessous.", "Capacite");
        }
        var attente = await db.Inscriptions.CountAsync(i => i.SessionId == s.Id && i.Statut == StatutInscription.ListeAttente, ct);
        await Inscrire.PromouvoirAsync(db, s.Id, options, maintenant, ct);
        var promues = attente - await db.Inscriptions.CountAsync(i => i.SessionId == s.Id && i.Statut == StatutInscription.ListeAttente, ct);
        await tx.CommitAsync(ct);
        return promues;
    }

    /// <summary>Cancels the session; every person registered or waiting is told (outbox) and their reminders are dropped.</summary>
    public static async Task<int> AnnulerAsync(AppDbContext db, SessionAtelier s, string? motif, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (s.Debut <= maintenant) throw new RegleMetierException("Cette session a déjà commencé : elle ne peut plus être annulée.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SessionsAteliers.Where(x => x.Id == s.Id && !x.Annulee).ExecuteUpdateAsync(u => u.SetProperty(x => x.Annulee, true).SetProperty(x => x.Inscrits, 0), ct) == 0)
            throw new RegleMetierException("Cette session est déjà annulée.");
        var personnes = await db.Inscriptions.Where(i => i.SessionId == s.Id && (i.Statut == StatutInscription.Inscrit || i.Statut == StatutInscription.ListeAttente)).ToListAsync(ct);
        var ids = personnes.Select(i => i.Id).ToList();
        await db.Notifications.Where(n => n.InscriptionId != null && ids.Contains(n.InscriptionId.Value) && n.Etat == EtatNotification.EnAttente)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Etat, EtatNotification.Abandonnee).SetProperty(n => n.DerniereErreur, "Session annulée."), ct);
        var raison = string.IsNullOrWhiteSpace(motif) ? "" : $"Raison : {motif.Trim()}\n";
        foreach (var i in personnes)
        {
            i.Statut = StatutInscription.Annulee;
            i.AnnuleeLe = maintenant;
            var rdv = Inscrire.Rdv(s, i.Jeton, options);
            Avis.Planifier(db, Avis.Annulation, new Avis.Contact(i.Email, i.Telephone), rdv, r => ($"Atelier annulé : {r.Titre}, {Messages.Quand(r)}",
                $"Bonjour,\n\nL'atelier « {r.Titre} » du {Messages.Quand(r)} ({r.Lieu}) est annulé par l'organisateur. Nous vous prions de nous en excuser.\n{raison}" +
                $"Les autres ateliers : {r.Lien.Split("/mon-")[0]}/ateliers\n"), maintenant, s.Debut, inscriptionId: i.Id);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return personnes.Count;
    }

    /// <summary>Someone who came without registering, written on the attendance sheet as present; a full room gets one more chair.</summary>
    public static async Task<Inscription> AjouterPresentAsync(AppDbContext db, int sessionId, PresentSaisie p, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var s = await db.SessionsAteliers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId, ct) ?? throw new KeyNotFoundException("Session inconnue.");
        if (s.Annulee) throw new RegleMetierException("Cette session est annulée.");
        if (s.Debut > maintenant.AddHours(1)) throw new RegleMetierException("La présence se note le jour de l'atelier.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SessionsAteliers.Where(x => x.Id == sessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Capacite, x => x.Inscrits >= x.Capacite ? x.Capacite + 1 : x.Capacite).SetProperty(x => x.Inscrits, x => x.Inscrits + 1), ct);
        var i = new Inscription
        {
            SessionId = sessionId, Jeton = Jetons.Nouveau(), Prenom = p.Prenom.Trim(), Nom = p.Nom.Trim(), Consentement = true,
            Statut = StatutInscription.Honoree, CreeLe = maintenant,
        };
        db.Inscriptions.Add(i);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return i;
    }
}
