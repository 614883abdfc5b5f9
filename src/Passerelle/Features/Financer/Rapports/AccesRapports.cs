using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>A report with what the signed-in account may do with it.</summary>
/// <param name="PeutEcrire">The beneficiary's manager (or an administrator) while the report is « à remplir » or « à corriger ».</param>
/// <param name="PeutDecider">An administrator, once the report is submitted.</param>
/// <param name="VoitPersonnes">Who wrote and decided (people's names): administrators and the association's managers, not funders.</param>
public sealed record RapportVu(RapportFinancier Rapport, int SubventionId, string Beneficiaire, int BeneficiaireId, string Financeur, string Objet,
    long Montant, long Paye, string? Convention, bool PeutEcrire, bool PeutDecider, bool VoitPersonnes, bool EstAdmin);

/// <summary>Who sees a report (issue 11 §9): administrators all; a funder account the reports of its own funder's grants; a manager
/// those of the structures it manages; anyone else none (404, so that a report's existence does not leak).</summary>
public static class AccesRapports
{
    public static async Task<RapportVu?> ChargerAsync(AppDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var p = await PerimetreFinancement.DeAsync(db, user, ct);
        var r = await db.Set<RapportFinancier>().AsNoTracking().Include(x => x.Lignes).Include(x => x.Indicateurs).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var s = await p.Filtrer(db.Set<Subvention>().AsNoTracking()).Where(x => x.Id == r.SubventionId)
            .Select(x => new { x.Id, x.BeneficiaireId, Beneficiaire = x.Beneficiaire!.Nom, Financeur = x.Financeur!.Nom, x.Objet, x.MontantCentimes, x.PayeCentimes }).FirstOrDefaultAsync(ct);
        if (s is null) return null;
        var convention = r.ConventionId is { } cid ? await db.Conventions.Where(c => c.Id == cid).Select(c => c.Intitule).FirstOrDefaultAsync(ct) : null;
        var association = p.Tout || p.Structures.Contains(s.BeneficiaireId);
        return new RapportVu(r, s.Id, s.Beneficiaire, s.BeneficiaireId, s.Financeur, s.Objet, s.MontantCentimes, s.PayeCentimes, convention,
            association && StatutsRapport.Modifiables.Contains(r.Statut), p.Tout && r.Statut == StatutsRapport.Soumis, association, p.Tout);
    }

    /// <summary>The reports this account may see, with their grant's names, most urgent first; only those of one beneficiary
    /// structure with <paramref name="beneficiaireId"/>.</summary>
    public static async Task<List<LigneListeRapports>> ListerAsync(AppDbContext db, PerimetreFinancement p, CancellationToken ct, int? beneficiaireId = null)
    {
        var subs = p.Filtrer(db.Set<Subvention>().AsNoTracking());
        if (beneficiaireId is { } b) subs = subs.Where(s => s.BeneficiaireId == b);
        var lignes = await db.Set<RapportFinancier>().AsNoTracking().Join(subs, r => r.SubventionId, s => s.Id, (r, s) => new { r.Id, r.Exercice, r.Echeance, r.Statut,
                Beneficiaire = s.Beneficiaire!.Nom, Financeur = s.Financeur!.Nom, SubventionId = s.Id }).OrderBy(l => l.Echeance).ThenBy(l => l.Id).ToListAsync(ct);
        return lignes.Select(l => new LigneListeRapports(l.Id, l.Exercice, l.Echeance, l.Statut, l.Beneficiaire, l.Financeur, l.SubventionId)).ToList();
    }
}

/// <summary>A row of the reports' list.</summary>
public sealed record LigneListeRapports(int Id, int Exercice, DateOnly Echeance, string Statut, string Beneficiaire, string Financeur, int SubventionId)
{
    /// <summary>Still the association's to write and past its due date.</summary>
    public bool EnRetard(DateOnly aujourdHui) => StatutsRapport.Modifiables.Contains(Statut) && Echeance < aujourdHui;
}
