using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>PUT /api/v1/parcours/inscriptions/{id}/referent</c>: the new referent (a mediator employed by the school today) and why.</summary>
public sealed record ReferentSaisie
{
    public int ReferentId { get; init; }
    [StringLength(500, ErrorMessage = "500 caractères au plus.")] public string? Motif { get; init; }
}

public static class ChangerReferent
{
    /// <summary>Checks that the mediator works for the school today (field error on <c>ReferentId</c> otherwise).</summary>
    public static async Task VerifierAsync(AppDbContext db, int structureId, int mediateurId, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdHui = Territoire.AujourdHui(horloge);
        if (!await db.Mediateurs.AnyAsync(m => m.Id == mediateurId && !m.Archive
                && m.Emplois.Any(e => e.StructureId == structureId && e.Debut <= aujourdHui && (e.Fin == null || e.Fin >= aujourdHui)), ct))
            throw Valider.Invalide(new() { ["ReferentId"] = ["Choisissez un membre de l'équipe de l'école comme référent."] }, "Référent invalide");
    }

    /// <summary>Inside the caller's transaction: the enrolment row is written first (it serialises concurrent changes on PostgreSQL),
    /// then the active referent membership is closed with the date and reason and the new one opened. The filtered unique index
    /// refuses a second active referent whatever happens.</summary>
    internal static async Task AppliquerAsync(AppDbContext db, int inscriptionId, int referentId, string? motif, DateTime maintenant, CancellationToken ct)
    {
        await db.Set<Inscription>().Where(i => i.Id == inscriptionId).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReferentId, referentId), ct);
        await db.Set<MembreEquipe>().Where(m => m.InscriptionId == inscriptionId && m.Role == Vocabulaire.Referent && m.Fin == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Fin, maintenant).SetProperty(m => m.MotifFin, motif ?? "Changement de référent"), ct);
        db.Add(new MembreEquipe { InscriptionId = inscriptionId, MediateurId = referentId, Role = Vocabulaire.Referent, Debut = maintenant });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Changes the referent in one transaction (retried when a concurrent change won the unique index). Same referent: nothing changes.</summary>
    /// <exception cref="ValidationException">Not a mediator of the school (400).</exception>
    /// <exception cref="RegleMetierException">Application refused, or the change kept colliding (409).</exception>
    public static async Task ExecuterAsync(AppDbContext db, int inscriptionId, int structureId, ReferentSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        if (Valider.Objet(s) is { } e) throw Valider.Invalide(e, "Référent invalide");
        await VerifierAsync(db, structureId, s.ReferentId, horloge, ct);
        for (var essai = 1; ; essai++)
        {
            db.ChangeTracker.Clear();
            var statut = await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => i.Statut).FirstOrDefaultAsync(ct)
                ?? throw new KeyNotFoundException("Parcours inconnu.");
            if (statut == Vocabulaire.Refuse) throw new RegleMetierException("Cette candidature n'a pas été retenue : elle n'a pas de référent.", "ReferentId");
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var actuel = await db.Set<MembreEquipe>().Where(m => m.InscriptionId == inscriptionId && m.Role == Vocabulaire.Referent && m.Fin == null)
                    .Select(m => (int?)m.MediateurId).FirstOrDefaultAsync(ct);
                if (actuel == s.ReferentId) return;
                await AppliquerAsync(db, inscriptionId, s.ReferentId, string.IsNullOrWhiteSpace(s.Motif) ? null : s.Motif.Trim(), horloge.GetUtcNow().UtcDateTime, ct);
                await tx.CommitAsync(ct);
                return;
            }
            catch (DbUpdateException) when (essai < 5)
            {
                await tx.RollbackAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw new RegleMetierException("Le référent vient d'être changé par quelqu'un d'autre : rechargez la page.", "ReferentId");
            }
        }
    }
}
