using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Reseau.Structures;

/// <summary>Who may act on one object (resource-based authorization), used by pages and API alike (decision 0009). Each check
/// lives with the object it guards (AutorisationsMediateurs, AutorisationsLieux, AutorisationsAteliers, AutorisationsRendezvous, decision 0016);
/// this class holds what they share: the account and the structures it manages.
/// Objects that hold citizens' names (agendas, attendance sheets, bookings) open to the mediator whose work they are and to the
/// managers of the structure concerned — an administrator is one only for the structures they manage explicitly.
/// Directory objects (structures, mediator cards) follow <see cref="Perimetre"/>: everything for an administrator.
/// A missing object is refused like a forbidden one, so that ids cannot be probed.</summary>
public static class Autorisations
{
    /// <summary>The signed-in account's id, null when anonymous.</summary>
    public static string? Compte(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Structures whose people the account manages: its <see cref="GestionStructure"/> rows (managers and administrators alike).</summary>
    public static async Task<List<int>> StructuresResponsableAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Compte(user);
        if (id is null || !(user.IsInRole(Roles.Gestionnaire) || user.IsInRole(Roles.Administrateur))) return [];
        return await db.GestionsStructures.Where(g => g.UtilisateurId == id).Select(g => g.StructureId).ToListAsync(ct);
    }

    /// <summary>Acting for a structure (a job there, a place of it): administrators, and its managers.</summary>
    public static async Task<bool> StructureAsync(AppDbContext db, ClaimsPrincipal user, int structureId, CancellationToken ct) =>
        Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, user, ct), structureId);
}
