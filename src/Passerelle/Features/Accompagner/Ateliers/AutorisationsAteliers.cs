using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Ateliers;

/// <summary>Who may open a workshop session and its attendance sheet (see <see cref="Autorisations"/>).</summary>
public static class AutorisationsAteliers
{
    /// <summary>A workshop session and its attendance sheet: a mediator working at its place (attached to the place or holding a permanence
    /// there, as their agenda shows it) and the managers of the place's structure.</summary>
    public static async Task<bool> SessionAsync(AppDbContext db, ClaimsPrincipal user, int sessionId, CancellationToken ct)
    {
        var s = await db.SessionsAteliers.Where(x => x.Id == sessionId).Select(x => new { x.LieuId, x.Lieu!.StructureId }).FirstOrDefaultAsync(ct);
        if (s is null) return false;
        if (s.StructureId is { } structure && (await Autorisations.StructuresResponsableAsync(db, user, ct)).Contains(structure)) return true;
        if (await AutorisationsMediateurs.FicheAsync(db, user, ct) is not { } fiche) return false;
        return await db.Mediateurs.AnyAsync(m => m.Id == fiche && m.Lieux.Any(l => l.Id == s.LieuId), ct)
            || await db.Permanences.AnyAsync(p => p.LieuId == s.LieuId && p.Mediateurs.Any(m => m.Id == fiche), ct);
    }
}
