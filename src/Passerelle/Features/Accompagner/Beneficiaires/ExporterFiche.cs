using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Everything Passerelle holds on the person (RGPD right of access), as one JSON document; the export is journaled.</summary>
public static class ExporterFiche
{
    public static async Task<object> ExecuterAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var fiche = await LireFiche.ExecuterAsync(db, structures, id, user, h, ct);
        var activites = await AccompagnementsDesFiches.De(db).ExporterAsync(db, id, ct);
        var journal = await db.Journal.AsNoTracking().Where(j => j.Objet == Journal.FicheBeneficiaire && j.ObjetId == id).OrderBy(j => j.Le).Select(j => new { j.Le, j.Action, j.Utilisateur }).ToListAsync(ct);
        AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Export RGPD", Journal.FicheBeneficiaire, id);
        await db.SaveChangesAsync(ct);
        return new { fiche, activites, journal, exporteLe = Fiches.Maintenant(h) };
    }
}
