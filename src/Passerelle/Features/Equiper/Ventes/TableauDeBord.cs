using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary>The reuse chain's figures for a period of calendar days in Paris: devices that entered each state (received,
/// refurbished, sold, given, recycled, spare parts), the lead time from reception to sale (median and 90th percentile, nearest
/// rank, in days), sales by eligibility rule and the stock now by type and grade. Counted from the append-only history, so a
/// figure can be traced to its devices' events.</summary>
public sealed record TableauDeBord(DateOnly Du, DateOnly Au, IReadOnlyList<(string Etat, int Appareils)> Entrees, int Ventes, double? DelaiMedianJours,
    double? DelaiP90Jours, IReadOnlyList<(string Motif, int Ventes)> VentesParMotif, IReadOnlyList<(string Type, string Grade, int Appareils)> Stock)
{
    public static readonly string[] EtatsComptes = [Etats.Recu, Etats.Reconditionne, Etats.Vendu, Etats.Donne, Etats.Deee, Etats.Pieces];

    public static async Task<TableauDeBord> CalculerAsync(AppDbContext db, DateOnly du, DateOnly au, CancellationToken ct)
    {
        var zone = Territoire.Zone(null);
        var debut = TimeZoneInfo.ConvertTimeToUtc(du.ToDateTime(TimeOnly.MinValue), zone);
        var fin = TimeZoneInfo.ConvertTimeToUtc(au.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var entrees = await db.Set<EvenementAppareil>().Where(e => e.Le >= debut && e.Le < fin && EtatsComptes.Contains(e.Vers))
            .GroupBy(e => e.Vers).Select(g => new { g.Key, N = g.Select(e => e.AppareilId).Distinct().Count() }).ToListAsync(ct);
        var ventes = await db.Set<Vente>().Where(v => v.VenduLe >= debut && v.VenduLe < fin)
            .Join(db.Set<Appareil>(), v => v.AppareilId, a => a.Id, (v, a) => new { v.Motif, v.VenduLe, a.CreeLe }).ToListAsync(ct);
        var delais = ventes.Select(v => (v.VenduLe - v.CreeLe).TotalDays).Order().ToList();
        double? Rang(double p) => delais.Count == 0 ? null : Math.Round(delais[Math.Max(0, (int)Math.Ceiling(p * delais.Count) - 1)], 1);
        var stock = await db.Set<Appareil>().Where(a => a.Etat == Etats.EnStock || a.Etat == Etats.Reserve)
            .GroupBy(a => new { a.Type, a.Grade }).Select(g => new { g.Key.Type, g.Key.Grade, N = g.Count() }).ToListAsync(ct);
        return new TableauDeBord(du, au,
            EtatsComptes.Select(e => (e, entrees.FirstOrDefault(x => x.Key == e)?.N ?? 0)).ToList(),
            ventes.Count, Rang(0.5), Rang(0.9),
            ventes.GroupBy(v => v.Motif).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            stock.OrderBy(s => s.Type).ThenBy(s => s.Grade).Select(s => (s.Type, s.Grade ?? "-", s.N)).ToList());
    }

    /// <summary>The same figures as CSV (UTF-8, comma, one line per figure: <c>indicateur,cle,valeur</c>; state and type codes as in the API).</summary>
    public string Csv()
    {
        var sb = new StringBuilder("indicateur,cle,valeur\n");
        var c = CultureInfo.InvariantCulture;
        sb.Append($"periode,du,{Du:yyyy-MM-dd}\nperiode,au,{Au:yyyy-MM-dd}\n");
        foreach (var (etat, n) in Entrees) sb.Append($"appareils_entres_dans_l_etat,{etat},{n}\n");
        sb.Append($"ventes,total,{Ventes}\n");
        sb.Append($"delai_reception_vente_jours,mediane,{DelaiMedianJours?.ToString(c)}\n");
        sb.Append($"delai_reception_vente_jours,p90,{DelaiP90Jours?.ToString(c)}\n");
        foreach (var (motif, n) in VentesParMotif) sb.Append($"ventes_par_motif,{motif},{n}\n");
        foreach (var (type, grade, n) in Stock) sb.Append($"stock,{type}/{grade},{n}\n");
        return sb.ToString();
    }
}
