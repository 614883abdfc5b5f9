using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/effacement</c>: erasure on the learner's request (GDPR art. 17), next to the export
/// (art. 15). The same anonymisation as retention (<see cref="AnonymiserParcours"/>), at once, for the learner of this enrolment: identity,
/// contact and birth date cleared, journal deleted, free texts emptied, link replaced; entry snapshots and outcome types stay, so the
/// cohort's aggregates do not move.</summary>
public sealed record EffacementSaisie
{
    /// <summary>The manager confirms the person asked for it (required).</summary>
    public bool Confirmation { get; init; }
}

public static class EffacerApprenant
{
    /// <exception cref="ValidationException">Not confirmed (400).</exception>
    /// <exception cref="RegleMetierException">Already anonymised (409).</exception>
    /// <exception cref="KeyNotFoundException">No such enrolment (404).</exception>
    public static async Task ExecuterAsync(AppDbContext db, int inscriptionId, EffacementSaisie s, ClaimsPrincipal auteur, TimeProvider horloge, CancellationToken ct)
    {
        if (!s.Confirmation) throw Valider.Invalide(new() { ["Confirmation"] = ["Cochez la case pour confirmer que la personne a demandé l'effacement."] }, "Effacement non confirmé");
        var a = await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => new { i.ApprenantId, i.Apprenant!.AnonymiseLe }).FirstOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException("Parcours inconnu.");
        if (a.AnonymiseLe is not null) throw new RegleMetierException("Cette personne est déjà anonymisée.", "Confirmation");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await AnonymiserParcours.AnonymiserAsync(db, [a.ApprenantId], maintenant, ct);
        AccesBeneficiaires.Journaliser(db, auteur, maintenant, "effacement", LireInscription.ObjetJournal, inscriptionId);
        await db.SaveChangesAsync(ct);
    }
}
