using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Reseau.Mediateurs;

/// <summary>Who may open a mediator's agenda or change their card (see <see cref="Autorisations"/>).</summary>
public static class AutorisationsMediateurs
{
    static DateOnly Aujourdhui(TimeProvider horloge) => DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);

    /// <summary>The account's own mediator card (not archived), if any.</summary>
    public static async Task<int?> FicheAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Autorisations.Compte(user);
        return id is null ? null : await db.Mediateurs.Where(m => m.UtilisateurId == id && !m.Archive).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Mediators whose agenda the account may open: its own card, and those employed today by a structure it manages.</summary>
    public static async Task<IQueryable<Mediateur>> AgendasAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct)
    {
        var id = Autorisations.Compte(user) ?? "";
        var gerees = await Autorisations.StructuresResponsableAsync(db, user, ct);
        var jour = Aujourdhui(horloge);
        return db.Mediateurs.Where(m => !m.Archive && (m.UtilisateurId == id
            || m.Emplois.Any(e => gerees.Contains(e.StructureId) && e.Debut <= jour && (e.Fin == null || e.Fin >= jour))));
    }

    public static async Task<bool> AgendaMediateurAsync(AppDbContext db, ClaimsPrincipal user, int mediateurId, TimeProvider horloge, CancellationToken ct) =>
        await (await AgendasAsync(db, user, horloge, ct)).AnyAsync(m => m.Id == mediateurId, ct);

    /// <summary>Changing a mediator card (identity, jobs, places, archiving): administrators; managers when a structure they manage
    /// employs the mediator, or when the card has no job yet (just created through the API).</summary>
    public static async Task<bool> MediateurAsync(AppDbContext db, ClaimsPrincipal user, int mediateurId, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, user, ct);
        var emplois = await db.Mediateurs.Where(m => m.Id == mediateurId).Select(m => m.Emplois.Select(e => e.StructureId).ToList()).FirstOrDefaultAsync(ct);
        if (emplois is null) return false;
        return perimetre is null || emplois.Count == 0 || emplois.Any(perimetre.Contains);
    }
}
