using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Followed files of the structure that are probably the person being created (same rules as <see cref="DetecterDoublons"/>),
/// so that the form can warn before a second file is made.</summary>
public static class DoublonsPossibles
{
    public static async Task<List<BeneficiaireResume>> ExecuterAsync(AppDbContext db, HashSet<int> structures, BeneficiaireSaisie s, TimeProvider h, CancellationToken ct)
    {
        if (!s.Suivi || string.IsNullOrWhiteSpace(s.Nom)) return [];
        var structure = s.StructureId ?? (structures.Count == 1 ? structures.First() : 0);
        if (!structures.Contains(structure)) return [];
        var candidat = new Beneficiaire { StructureId = structure };
        var maintenant = Fiches.Maintenant(h);
        try { candidat.Modifier(s with { Consentement = true }, maintenant.Year, maintenant, null); }
        catch (RegleMetierException) { return []; }
        var (telephone, courriel, annee) = (candidat.Telephone, candidat.Courriel, candidat.AnneeNaissance);
        if (telephone is null && courriel is null && annee is null) return [];
        var proches = await db.Beneficiaires.AsNoTracking().Where(b => b.StructureId == structure && b.Suivi && b.AnonymiseLe == null
            && ((telephone != null && b.Telephone == telephone) || (courriel != null && b.Courriel == courriel) || (annee != null && b.AnneeNaissance == annee)))
            .Take(500).ToListAsync(ct);
        return await Fiches.ResumesAsync(db, proches.Where(b => RessemblanceNoms.Proches(b, candidat)).ToList(), ct);
    }
}
