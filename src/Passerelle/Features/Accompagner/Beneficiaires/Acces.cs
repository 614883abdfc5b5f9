using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Who may open personal files: the mediators employed by the structure that owns the file (today) and its managers.
/// Administrators (territory coordinators) and funders see aggregates only, unless they also work for the structure.</summary>
public static class AccesBeneficiaires
{
    public static async Task<HashSet<int>> StructuresAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return [];
        var aujourdHui = Territoire.AujourdHui(horloge);
        var employeurs = await db.Mediateurs.Where(m => m.UtilisateurId == id && !m.Archive)
            .SelectMany(m => m.Emplois.Where(e => e.Debut <= aujourdHui && (e.Fin == null || e.Fin >= aujourdHui)).Select(e => e.StructureId)).ToListAsync(ct);
        var gerees = user.IsInRole(Comptes.Roles.Gestionnaire)
            ? await db.GestionsStructures.Where(g => g.UtilisateurId == id).Select(g => g.StructureId).ToListAsync(ct) : [];
        return [.. employeurs, .. gerees];
    }

    public static void Journaliser(AppDbContext db, ClaimsPrincipal? user, DateTime le, string action, string objet, int objetId, string? details = null) =>
        db.Journal.Add(new Journal
        {
            Le = le, UtilisateurId = user?.FindFirstValue(ClaimTypes.NameIdentifier), Utilisateur = user?.Identity?.Name ?? "système",
            Action = action, Objet = objet, ObjetId = objetId, Details = details is { Length: > 4000 } ? details[..4000] : details,
        });
}
