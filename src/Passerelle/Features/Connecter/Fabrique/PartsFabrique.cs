using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Statistiques;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary>One commune (or QPV): people diagnosed and how many lack each field; counts under the secrecy threshold are null.</summary>
/// <param name="FoyersConnectes">Households connected: active enrolments in a connectivity programme whose file is in that zone (one
/// enrolment, one household), masked under 5.</param>
public sealed record PartFabrique(string Zone, int? Personnes, int? SansEquipement, int? SansConnexion, int? ACompetences, int? FoyersConnectes = null);

/// <summary>The territory's view of the three-field diagnostics (issue 13 §6): each person's latest diagnostic, per commune and per QPV,
/// the share lacking each field, and the households connected by the programmes (issue 13 §7, territory). Cells under 5 people are masked
/// (decision 0009); no name ever.</summary>
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
        var actives = db.Set<Programmes.Adhesion>().AsNoTracking().Where(a => a.Statut == Programmes.StatutsAdhesion.Active);
        var foyersCommunes = (await actives.GroupBy(a => a.Commune).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key ?? "Commune non renseignée", x => x.N);
        var foyersQpv = (await actives.Where(a => a.CodeQpv != null).GroupBy(a => a.CodeQpv).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key!, x => x.N);
        List<PartFabrique> Fusion(IEnumerable<(string Zone, int N, int E, int C, int K)> diagnostics, Dictionary<string, int> foyers)
        {
            var lignes = diagnostics.ToDictionary(d => d.Zone);
            foreach (var zone in foyers.Keys.Where(z => !lignes.ContainsKey(z))) lignes[zone] = (zone, 0, 0, 0, 0);
            return lignes.Values.OrderByDescending(x => x.N).ThenByDescending(x => foyers.GetValueOrDefault(x.Zone)).ThenBy(x => x.Zone)
                .Select(x => (x.N == 0 ? new PartFabrique(x.Zone, 0, 0, 0, 0) : P(x.Zone, x.N, x.E, x.C, x.K)) with { FoyersConnectes = M(foyers.GetValueOrDefault(x.Zone)) }).ToList();
        }
        return (Fusion(communes.Select(x => (x.Key ?? "Commune non renseignée", x.N, x.E, x.C, x.K)), foyersCommunes),
            Fusion(qpv.Select(x => (x.Key!, x.N, x.E, x.C, x.K)), foyersQpv));
    }
}
