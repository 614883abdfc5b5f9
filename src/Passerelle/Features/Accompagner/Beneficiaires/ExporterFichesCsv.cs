using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>All the files of the account's structures as CSV (the template's columns plus id and creation date); journaled per structure.</summary>
public static class ExporterFichesCsv
{
    public static async Task<string> ExecuterAsync(AppDbContext db, HashSet<int> structures, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var fiches = await db.Beneficiaires.AsNoTracking().Where(b => structures.Contains(b.StructureId)).OrderBy(b => b.Id).ToListAsync(ct);
        var csv = Csv.Ecrire(fiches.Select(b => (IEnumerable<string>)[b.Id.ToString(CultureInfo.InvariantCulture), b.Suivi ? "oui" : "non", b.Prenom ?? "", b.Nom ?? "", b.Telephone ?? "", b.Courriel ?? "",
                b.AnneeNaissance?.ToString(CultureInfo.InvariantCulture) ?? "", b.Genre, b.Statut, b.Commune ?? "", b.CodePostal ?? "", b.CodeQpv ?? "",
                b.ConsentementLe is null ? "" : "oui", b.Notes ?? "", b.CreeLe.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]).Prepend(["id", .. ModeleFichesCsv.Colonnes, "cree_le"]));
        foreach (var s in structures) AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Export CSV", Journal.Structure, s, $"{fiches.Count} fiches");
        await db.SaveChangesAsync(ct);
        return csv;
    }
}
