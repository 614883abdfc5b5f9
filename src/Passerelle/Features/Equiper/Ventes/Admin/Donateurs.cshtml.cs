using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;

namespace Passerelle.Features.Equiper.Ventes.Admin;

/// <summary><c>/admin/equipement/donateurs</c> (managers and administrators): each donor with its lots (the 300 most recent) and what became
/// of their devices — reused (sold or given), recycled, lost, still in the workshop — with the CO2e avoided.</summary>
[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class DonateursModel(AppDbContext db) : PageModel
{
    public sealed record LigneLot(int LotId, int OffreId, DateTime RecuLe, int PoidsKg, int Appareils, int Reemployes, int Recycles, int Perdus, decimal Co2eKg);
    public sealed record Donateur(string Organisation, string? Siret, string Origine, List<LigneLot> Lots);
    public List<Donateur> Donateurs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var lots = await db.Set<Lot>().AsNoTracking().OrderByDescending(l => l.RecuLe).Take(300)
            .Select(l => new { l.Id, l.OffreDonId, l.RecuLe, l.PoidsKg, l.Offre!.Organisation, l.Offre.Siret, l.Offre.Origine }).ToListAsync(ct);
        var ids = lots.Select(l => l.Id).ToList();
        var etats = await db.Set<Appareil>().Where(a => ids.Contains(a.LotId)).GroupBy(a => new { a.LotId, a.Etat })
            .Select(g => new { g.Key.LotId, g.Key.Etat, N = g.Count() }).ToListAsync(ct);
        var co2 = await db.Set<Impact.BilanAppareil>().Join(db.Set<Appareil>(), b => b.AppareilId, a => a.Id, (b, a) => new { a.LotId, b.Co2eEviteGrammes })
            .Where(x => ids.Contains(x.LotId)).GroupBy(x => x.LotId).Select(g => new { LotId = g.Key, G = g.Sum(x => x.Co2eEviteGrammes) }).ToListAsync(ct);
        int N(int lot, params string[] e) => etats.Where(x => x.LotId == lot && e.Contains(x.Etat)).Sum(x => x.N);
        Donateurs = lots.GroupBy(l => (l.Siret ?? l.Organisation.ToUpperInvariant(), l.Origine))
            .Select(g => new Donateur(g.First().Organisation, g.First().Siret, g.Key.Origine, g.Select(l => new LigneLot(l.Id, l.OffreDonId, l.RecuLe, l.PoidsKg,
                N(l.Id, [.. Etats.Tous.Select(t => t.Code)]), N(l.Id, Etats.Vendu, Etats.Donne), N(l.Id, Etats.Deee, Etats.Pieces), N(l.Id, Etats.Perdu),
                (co2.FirstOrDefault(c => c.LotId == l.Id)?.G ?? 0) / 1000m)).ToList()))
            .OrderBy(d => d.Organisation, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
    }
}
