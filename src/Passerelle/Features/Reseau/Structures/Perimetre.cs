using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Reseau.Structures;

/// <summary>What a signed-in account may manage: everything for an administrator, its own structures for a gestionnaire.</summary>
public static class Perimetre
{
    /// <returns>null = every structure.</returns>
    public static async Task<HashSet<int>?> StructuresGereesAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Administrateur)) return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !user.IsInRole(Roles.Gestionnaire)) return [];
        return [.. await db.GestionsStructures.Where(g => g.UtilisateurId == id).Select(g => g.StructureId).ToListAsync(ct)];
    }

    public static bool Autorise(HashSet<int>? perimetre, int? structureId) =>
        perimetre is null || (structureId is { } s && perimetre.Contains(s));
}
