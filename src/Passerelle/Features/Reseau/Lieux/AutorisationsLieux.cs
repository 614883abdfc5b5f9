using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>Who may open a place's agenda (see <see cref="Autorisations"/>).</summary>
public static class AutorisationsLieux
{
    /// <summary>A place's agenda (every booking there): managers of the place's structure.</summary>
    public static async Task<bool> AgendaLieuAsync(AppDbContext db, ClaimsPrincipal user, int lieuId, CancellationToken ct)
    {
        var gerees = await Autorisations.StructuresResponsableAsync(db, user, ct);
        return await db.Lieux.AnyAsync(l => l.Id == lieuId && l.StructureId != null && gerees.Contains(l.StructureId.Value), ct);
    }
}
