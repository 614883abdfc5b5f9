using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Statistiques;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary>One commune (or QPV): people diagnosed and how many lack each field; counts under the secrecy threshold are null.</summary>
public sealed record PartFabrique(string Zone, int? Personnes, int? SansEquipement, int? SansConnexion, int? ACompetences);

/// <summary>The territory's view of the three-field diagnostics (issue 13 §6): each person's latest diagnostic, per commune and per QPV,
/// the share lacking each field. Cells under 5 people are masked (decision 0009); no name ever.</summary>
public static class PartsFabrique
{
    public static async Task<(List<PartFabrique> Communes, List<PartFabrique> Qpv)> ExecuterAsync(AppDbContext db, CancellationToken ct)
    {
        var derniers = db.Set<DiagnosticFabrique>().AsNoTracking()
            .Where(d => !db.Set<DiagnosticFabrique>().Any(x => x.BeneficiaireId == d.BeneficiaireId && (x.Le > d.Le || x.Le == d.Le && x.Id > d.Id)));
        var communes = await derniers.GroupBy(d => d.Commune).Select(g => new { g.Key, N = g.Count(), E = g.Count(d => d.ManqueEquipement), C = g.Count(d => d.ManqueConnexion), K = g.Count(d => d.ManqueCompetences) }).ToListAsync(ct);
        var qpv = await derniers.Where(d => d.CodeQpv != null).GroupBy(d => d.CodeQpv).Select(g => new { g.Key, N = g.Count(), E = g.Count(d => d.ManqueEquipement), C = g.Count(d => d.ManqueConnexion), K = g.Count(d => d.ManqueCompetences) }).ToListAsync(ct);
        int? M(int n) => n is > 0 and < CalculStatistiques.SeuilMasquage ? null : n;
        PartFabrique P(string zone, int n, int e, int c, int k) => M(n) is null ? new(zone, null, null, null, null) : new(zone, n, M(e), M(c), M(k));
        return (communes.OrderByDescending(x => x.N).Select(x => P(x.Key ?? "Commune non renseignée", x.N, x.E, x.C, x.K)).ToList(),
            qpv.OrderByDescending(x => x.N).Select(x => P(x.Key!, x.N, x.E, x.C, x.K)).ToList());
    }
}
