using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>POST /api/v1/parcours/cohortes/{id}/reaffectation</c>: on a referent's departure, every pathway of the cohort they hold
/// (refused applications aside) goes to <see cref="VersId"/>, each change closing the old membership with <see cref="Motif"/>.</summary>
public sealed record ReaffectationSaisie
{
    public int DeId { get; init; }
    public int VersId { get; init; }
    [Required(ErrorMessage = "Indiquez le motif (départ, congé…)."), StringLength(500, ErrorMessage = "500 caractères au plus.")] public string? Motif { get; init; }
}

public sealed record ReaffectationDto(int Nombre);

public static class Reaffecter
{
    /// <returns>How many pathways changed referent.</returns>
    /// <exception cref="ValidationException">Missing reason, same person, or a new referent outside the school (400).</exception>
    public static async Task<int> ExecuterAsync(AppDbContext db, int cohorteId, int structureId, ReaffectationSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var e = Valider.Objet(s) ?? [];
        if (s.DeId == s.VersId) e["VersId"] = ["Choisissez une autre personne que le ou la référent·e qui part."];
        if (e.Count > 0) throw Valider.Invalide(e, "Réaffectation incomplète");
        await ChangerReferent.VerifierAsync(db, structureId, s.VersId, horloge, ct);
        var ids = await db.Set<Inscription>().Where(i => i.CohorteId == cohorteId && i.ReferentId == s.DeId && i.Statut != Vocabulaire.Refuse)
            .Select(i => i.Id).ToListAsync(ct);
        foreach (var id in ids)
            await ChangerReferent.ExecuterAsync(db, id, structureId, new ReferentSaisie { ReferentId = s.VersId, Motif = s.Motif }, horloge, ct);
        return ids.Count;
    }
}
