using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>One enrolment in the list; amounts in cents. <c>nom</c> is given only to the structure that holds the person's file.</summary>
public sealed record AdhesionDto(int Id, int Programme, string Statut, long PlafondMensuel, long ConsommeMois, DateOnly Debut, DateOnly Fin, DateOnly RevueLe,
    string Regle, DateOnly EligibleJusquAu, int? Beneficiaire, string? Nom, string? CodeQpv);
public sealed record ListeAdhesions(IReadOnlyList<AdhesionDto> Items, int Total);

/// <summary>The enrolments the account's structures manage or enrolled, newest first (500 at most), with this month's consumption.</summary>
public static class ListerAdhesions
{
    public static async Task<ListeAdhesions> ExecuterAsync(AppDbContext db, int? programme, string? statut, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        if (statut is not null && !StatutsAdhesion.Tous.Contains(statut))
            throw Valider.Invalide(new() { ["statut"] = [$"Statut inconnu : choisissez parmi {string.Join(", ", StatutsAdhesion.Tous)}."] });
        var structures = await AccesConnexion.StructuresAsync(db, qui, horloge, ct);
        if (structures.Count == 0) throw new AccesRefuseException("Votre compte ne travaille pour aucune structure : aucune adhésion à montrer.");
        var mois = Recharger.Mois(Territoire.AujourdHui(horloge));
        var gerees = db.Set<ProgrammeConnexion>().Where(p => structures.Contains(p.StructureGestionnaireId)).Select(p => p.Id);
        var q = db.Set<Adhesion>().AsNoTracking().Where(a => gerees.Contains(a.ProgrammeId) || structures.Contains(a.StructureId));
        if (programme is { } p) q = q.Where(a => a.ProgrammeId == p);
        if (statut is not null) q = q.Where(a => a.Statut == statut);
        var total = await q.CountAsync(ct);
        var lignes = await q.OrderByDescending(a => a.Id).Take(500).Select(a => new
        {
            a.Id, a.ProgrammeId, a.Statut, a.PlafondMensuelCentimes, a.Debut, a.Fin, a.RevueLe, a.Regle, a.EligibleJusquAu, a.BeneficiaireId, a.StructureId, a.CodeQpv,
            Consomme = db.Set<ConsommationMensuelle>().Where(c => c.AdhesionId == a.Id && c.Mois == mois).Select(c => (long?)c.ConsommeCentimes).FirstOrDefault(),
        }).ToListAsync(ct);
        var ids = lignes.Where(l => structures.Contains(l.StructureId) && l.BeneficiaireId is not null).Select(l => l.BeneficiaireId!.Value).ToList();
        var noms = await db.Beneficiaires.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.NomAffiche, ct);
        return new ListeAdhesions(lignes.Select(l => new AdhesionDto(l.Id, l.ProgrammeId, l.Statut, l.PlafondMensuelCentimes, l.Consomme ?? 0, l.Debut, l.Fin, l.RevueLe,
            l.Regle, l.EligibleJusquAu, l.BeneficiaireId, l.BeneficiaireId is { } b && noms.TryGetValue(b, out var n) ? n : null, l.CodeQpv)).ToList(), total);
    }
}
