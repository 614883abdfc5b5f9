using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Everything Passerelle holds on the person (RGPD right of access), as one JSON document; the export is journaled.</summary>
public static class ExporterFiche
{
    public static async Task<object> ExecuterAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var fiche = await LireFiche.ExecuterAsync(db, structures, id, user, h, ct);
        var activites = await db.Activites.AsNoTracking().Where(a => a.BeneficiaireId == id || a.Participants.Any(p => p.BeneficiaireId == id)).OrderBy(a => a.Date)
            .Select(a => new { a.Date, a.Type, a.DureeMinutes, a.TypeLieu, Lieu = a.Lieu != null ? a.Lieu.Nom : a.Commune, a.Themes, a.ThemesDemarches, a.NomDemarche, a.Autonomie, a.Orientation, a.Notes })
            .ToListAsync(ct);
        var journal = await db.Journal.AsNoTracking().Where(j => j.Objet == Journal.FicheBeneficiaire && j.ObjetId == id).OrderBy(j => j.Le).Select(j => new { j.Le, j.Action, j.Utilisateur }).ToListAsync(ct);
        AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Export RGPD", Journal.FicheBeneficiaire, id);
        await db.SaveChangesAsync(ct);
        return new { fiche, activites, journal, exporteLe = Fiches.Maintenant(h) };
    }
}
