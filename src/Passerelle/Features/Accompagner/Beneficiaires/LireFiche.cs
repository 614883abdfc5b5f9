using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed record OrientationDto(int Id, DateOnly Date, string Categorie, int? LieuId, string? Destinataire, string Motif, string Resultat, DateOnly? ResultatLe);

public sealed record DiagnosticDto(int Id, DateOnly Date, IReadOnlyDictionary<string, int> Niveaux, string? Notes);

public sealed record BeneficiaireDto(int Id, int StructureId, bool Suivi, string? Prenom, string? Nom, string? Telephone, string? Courriel, int? AnneeNaissance,
    string TrancheAge, string Genre, string Statut, string? Commune, string? CodePostal, string? CodeQpv, string? NomQpv, DateTime? ConsentementLe, string? Notes,
    DateTime CreeLe, DateTime DerniereActiviteLe, DateTime? AnonymiseLe, int Accompagnements, IReadOnlyList<OrientationDto> Orientations, IReadOnlyList<DiagnosticDto> Diagnostics);

/// <summary>Opens a file with its referrals and diagnostics: the view is written to the journal (who, when).</summary>
public static class LireFiche
{
    public static async Task<BeneficiaireDto> ExecuterAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var b = await Fiches.ChargerAsync(db, structures, id, ct);
        AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Consultation", Journal.FicheBeneficiaire, id);
        await db.SaveChangesAsync(ct);
        var qpv = b.CodeQpv is null ? null : await db.Qpv.Where(q => q.Code == b.CodeQpv).Select(q => q.Nom).FirstOrDefaultAsync(ct);
        var acc = await AccompagnementsDesFiches.De(db).NombreAsync(db, id, ct);
        var orientations = await db.Orientations.AsNoTracking().Where(o => o.BeneficiaireId == id).OrderByDescending(o => o.Date).ThenByDescending(o => o.Id)
            .Select(o => new OrientationDto(o.Id, o.Date, o.Categorie, o.LieuId, o.Destinataire ?? (o.Lieu != null ? o.Lieu.Nom : null), o.Motif, o.Resultat, o.ResultatLe)).ToListAsync(ct);
        var diagnostics = await db.Diagnostics.AsNoTracking().Include(d => d.Niveaux).Where(d => d.BeneficiaireId == id).OrderBy(d => d.Date).ThenBy(d => d.Id).ToListAsync(ct);
        return new BeneficiaireDto(b.Id, b.StructureId, b.Suivi, b.Prenom, b.Nom, b.Telephone, b.Courriel, b.AnneeNaissance,
            VocabulaireCoop.TrancheAge(b.AnneeNaissance, Fiches.Maintenant(h).Year), b.Genre, b.Statut, b.Commune, b.CodePostal, b.CodeQpv, qpv, b.ConsentementLe, b.Notes,
            b.CreeLe, b.DerniereActiviteLe, b.AnonymiseLe, acc, orientations,
            diagnostics.Select(d => new DiagnosticDto(d.Id, d.Date, d.Niveaux.ToDictionary(n => n.Competence, n => n.Niveau), d.Notes)).ToList());
    }
}
