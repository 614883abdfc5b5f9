using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Mediateurs;

namespace Passerelle.Features.Comptes;

/// <summary>Who may act on one object (resource-based authorization), used by pages and API alike (decision 0009).
/// Objects that hold citizens' names (agendas, attendance sheets, bookings) open to the mediator whose work they are and to the
/// managers of the structure concerned — an administrator is one only for the structures they manage explicitly.
/// Directory objects (structures, mediator cards) follow <see cref="Perimetre"/>: everything for an administrator.
/// A missing object is refused like a forbidden one, so that ids cannot be probed.</summary>
public static class Autorisations
{
    static string? Compte(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    static DateOnly Aujourdhui(TimeProvider horloge) => DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);

    /// <summary>Structures whose people the account manages: its <see cref="GestionStructure"/> rows (managers and administrators alike).</summary>
    public static async Task<List<int>> StructuresResponsableAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Compte(user);
        if (id is null || !(user.IsInRole(Roles.Gestionnaire) || user.IsInRole(Roles.Administrateur))) return [];
        return await db.GestionsStructures.Where(g => g.UtilisateurId == id).Select(g => g.StructureId).ToListAsync(ct);
    }

    /// <summary>The account's own mediator card (not archived), if any.</summary>
    public static async Task<int?> FicheAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Compte(user);
        return id is null ? null : await db.Mediateurs.Where(m => m.UtilisateurId == id && !m.Archive).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Mediators whose agenda the account may open: its own card, and those employed today by a structure it manages.</summary>
    public static async Task<IQueryable<Mediateur>> AgendasAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct)
    {
        var id = Compte(user) ?? "";
        var gerees = await StructuresResponsableAsync(db, user, ct);
        var jour = Aujourdhui(horloge);
        return db.Mediateurs.Where(m => !m.Archive && (m.UtilisateurId == id
            || m.Emplois.Any(e => gerees.Contains(e.StructureId) && e.Debut <= jour && (e.Fin == null || e.Fin >= jour))));
    }

    public static async Task<bool> AgendaMediateurAsync(AppDbContext db, ClaimsPrincipal user, int mediateurId, TimeProvider horloge, CancellationToken ct) =>
        await (await AgendasAsync(db, user, horloge, ct)).AnyAsync(m => m.Id == mediateurId, ct);

    /// <summary>A place's agenda (every booking there): managers of the place's structure.</summary>
    public static async Task<bool> AgendaLieuAsync(AppDbContext db, ClaimsPrincipal user, int lieuId, CancellationToken ct)
    {
        var gerees = await StructuresResponsableAsync(db, user, ct);
        return await db.Lieux.AnyAsync(l => l.Id == lieuId && l.StructureId != null && gerees.Contains(l.StructureId.Value), ct);
    }

    /// <summary>A workshop session and its attendance sheet: a mediator working at its place (attached to the place or holding a permanence
    /// there, as their agenda shows it) and the managers of the place's structure.</summary>
    public static async Task<bool> SessionAsync(AppDbContext db, ClaimsPrincipal user, int sessionId, CancellationToken ct)
    {
        var s = await db.SessionsAteliers.Where(x => x.Id == sessionId).Select(x => new { x.LieuId, x.Lieu!.StructureId }).FirstOrDefaultAsync(ct);
        if (s is null) return false;
        if (s.StructureId is { } structure && (await StructuresResponsableAsync(db, user, ct)).Contains(structure)) return true;
        if (await FicheAsync(db, user, ct) is not { } fiche) return false;
        return await db.Mediateurs.AnyAsync(m => m.Id == fiche && m.Lieux.Any(l => l.Id == s.LieuId), ct)
            || await db.Permanences.AnyAsync(p => p.LieuId == s.LieuId && p.Mediateurs.Any(m => m.Id == fiche), ct);
    }

    /// <summary>A booking (attendance, pre-filled record): the mediators of its permanence and the managers of its place's structure.</summary>
    public static async Task<bool> ReservationAsync(AppDbContext db, ClaimsPrincipal user, int reservationId, CancellationToken ct)
    {
        var r = await db.Reservations.Where(x => x.Id == reservationId)
            .Select(x => new { x.Creneau!.Lieu!.StructureId, Mediateurs = x.Creneau.Permanence!.Mediateurs.Select(m => m.Id).ToList() }).FirstOrDefaultAsync(ct);
        if (r is null) return false;
        if (r.StructureId is { } structure && (await StructuresResponsableAsync(db, user, ct)).Contains(structure)) return true;
        return await FicheAsync(db, user, ct) is { } fiche && r.Mediateurs.Contains(fiche);
    }

    /// <summary>Changing a mediator card (identity, jobs, places, archiving): administrators; managers when a structure they manage
    /// employs the mediator, or when the card has no job yet (just created through the API).</summary>
    public static async Task<bool> MediateurAsync(AppDbContext db, ClaimsPrincipal user, int mediateurId, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, user, ct);
        var emplois = await db.Mediateurs.Where(m => m.Id == mediateurId).Select(m => m.Emplois.Select(e => e.StructureId).ToList()).FirstOrDefaultAsync(ct);
        if (emplois is null) return false;
        return perimetre is null || emplois.Count == 0 || emplois.Any(perimetre.Contains);
    }

    /// <summary>Acting for a structure (a job there, a place of it): administrators, and its managers.</summary>
    public static async Task<bool> StructureAsync(AppDbContext db, ClaimsPrincipal user, int structureId, CancellationToken ct) =>
        Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, user, ct), structureId);
}
