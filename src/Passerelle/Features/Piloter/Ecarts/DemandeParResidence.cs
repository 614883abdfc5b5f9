using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>Observed demand of one residence (commune name and postcode, QPV code, as the person's file holds them): accompaniments
/// given to its residents in the period (one per record and person, as the Coop's national counting rule), people accompanied,
/// and of them people accompanied for the first time (no record before the period). No name, no id leaves this query.</summary>
public sealed record DemandeResidence(string? Commune, string? CodePostal, string? CodeQpv, int Accompagnements, int Personnes, int Premieres);

public static class DemandeParResidence
{
    /// <param name="residents">The people whose residence may be in the asked zones (<see cref="PerimetreEcarts.Residents"/>), filtered in
    /// SQL before any count; null for everyone.</param>
    public static async Task<List<DemandeResidence>> CalculerAsync(AppDbContext db, DateOnly du, DateOnly au, CancellationToken ct,
        IQueryable<Accompagner.Beneficiaires.Beneficiaire>? residents = null)
    {
        var beneficiaires = residents ?? db.Beneficiaires.AsNoTracking();
        var titulaires = await db.Activites.AsNoTracking().Where(a => a.Date >= du && a.Date <= au && a.BeneficiaireId != null)
            .Join(beneficiaires, a => a.BeneficiaireId, b => b.Id, (a, b) => new { b.Commune, b.CodePostal, b.CodeQpv })
            .GroupBy(x => new { x.Commune, x.CodePostal, x.CodeQpv }).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var participants = await db.ParticipantsActivites.AsNoTracking()
            .Join(db.Activites.Where(a => a.Date >= du && a.Date <= au), p => p.ActiviteId, a => a.Id, (p, a) => p.BeneficiaireId)
            .Join(beneficiaires, id => id, b => b.Id, (id, b) => new { b.Commune, b.CodePostal, b.CodeQpv })
            .GroupBy(x => new { x.Commune, x.CodePostal, x.CodeQpv }).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var personnes = await beneficiaires
            .Where(b => db.Activites.Any(a => a.BeneficiaireId == b.Id && a.Date >= du && a.Date <= au)
                || db.ParticipantsActivites.Any(p => p.BeneficiaireId == b.Id && db.Activites.Any(a => a.Id == p.ActiviteId && a.Date >= du && a.Date <= au)))
            .Select(b => new
            {
                b.Commune, b.CodePostal, b.CodeQpv,
                Ancien = db.Activites.Any(a => a.BeneficiaireId == b.Id && a.Date < du)
                    || db.ParticipantsActivites.Any(p => p.BeneficiaireId == b.Id && db.Activites.Any(a => a.Id == p.ActiviteId && a.Date < du)),
            })
            .GroupBy(x => new { x.Commune, x.CodePostal, x.CodeQpv })
            .Select(g => new { g.Key, N = g.Count(), Premieres = g.Count(x => !x.Ancien) }).ToListAsync(ct);
        var total = new Dictionary<(string?, string?, string?), (int Acc, int Pers, int Prem)>();
        void Ajouter((string?, string?, string?) k, int acc, int pers, int prem)
        {
            var v = total.GetValueOrDefault(k);
            total[k] = (v.Acc + acc, v.Pers + pers, v.Prem + prem);
        }
        foreach (var t in titulaires) Ajouter((t.Key.Commune, t.Key.CodePostal, t.Key.CodeQpv), t.N, 0, 0);
        foreach (var t in participants) Ajouter((t.Key.Commune, t.Key.CodePostal, t.Key.CodeQpv), t.N, 0, 0);
        foreach (var t in personnes) Ajouter((t.Key.Commune, t.Key.CodePostal, t.Key.CodeQpv), 0, t.N, t.Premieres);
        return total.Select(x => new DemandeResidence(x.Key.Item1, x.Key.Item2, x.Key.Item3, x.Value.Acc, x.Value.Pers, x.Value.Prem)).ToList();
    }
}
