using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary>The reuse chain's figures for a period of calendar days in Paris: devices that entered each state (received,
/// refurbished, sold, given, recycled, spare parts), the lead time from reception to sale (median and 90th percentile, nearest
/// rank, in days), sales by eligibility rule and the stock now by type and grade. Counted from the append-only history, so a
/// figure can be traced to its devices' events. With a <see cref="Site"/>, every figure is that work site's: the history lines recorded
/// there, the sales, stock and outcomes of the devices of its lots, its insertion hours.</summary>
public sealed record TableauDeBord(DateOnly Du, DateOnly Au, IReadOnlyList<(string Etat, int Appareils)> Entrees, int Ventes, double? DelaiMedianJours,
    double? DelaiP90Jours, IReadOnlyList<(string Motif, int Ventes)> VentesParMotif, IReadOnlyList<(string Type, string Grade, int Appareils)> Stock)
{
    /// <summary>Sales by where the buyer lives (« QPV », « Hors QPV », « Non renseigné »).</summary>
    public IReadOnlyList<(string Situation, int Ventes)> VentesParQpv { get; init; } = [];
    /// <summary>Outcomes recorded in the period (<see cref="Impact.BilanAppareil"/>): devices, kg CO2e avoided and kg of equipment, for reuse
    /// and for recycling; with the factor versions used.</summary>
    public IReadOnlyList<(string Issue, int Appareils, decimal Co2eKg, decimal MasseKg)> Bilans { get; init; } = [];
    public IReadOnlyList<string> VersionsFacteurs { get; init; } = [];
    /// <summary>Insertion hours of the months the period touches, by category of workers (<see cref="Insertion.HeuresInsertion"/>).</summary>
    public IReadOnlyList<(string Categorie, decimal Heures)> HeuresInsertion { get; init; } = [];
    /// <summary>The work site the figures are limited to (<see cref="Dons.Lot.Site"/>), or null for all of them.</summary>
    public string? Site { get; init; }

    public static readonly string[] EtatsComptes = [Etats.Recu, Etats.Reconditionne, Etats.Vendu, Etats.Donne, Etats.Deee, Etats.Pieces];

    /// <summary>The work sites known from the lots and the insertion hours, in alphabetical order (the dashboard's site filter).</summary>
    public static async Task<List<string>> SitesAsync(AppDbContext db, CancellationToken ct)
    {
        var lots = await db.Set<Dons.Lot>().Where(l => l.Site != null).Select(l => l.Site!).Distinct().ToListAsync(ct);
        var heures = await db.Set<Insertion.HeuresInsertion>().Select(h => h.Site).Distinct().ToListAsync(ct);
        return lots.Union(heures).Where(s => s != "").Order(StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
    }

    /// <param name="site">A work site (exact name, as in <see cref="SitesAsync"/>), or null for every site.</param>
    public static async Task<TableauDeBord> CalculerAsync(AppDbContext db, DateOnly du, DateOnly au, CancellationToken ct, string? site = null)
    {
        // Without a site, the queries are those of the whole chain (no filter added, the history index stays covering).
        IQueryable<Appareil> appareils = db.Set<Appareil>();
        var evenements = db.Set<EvenementAppareil>().AsQueryable();
        var heuresSites = db.Set<Insertion.HeuresInsertion>().AsQueryable();
        if (site is not null)
        {
            appareils = appareils.Where(a => a.Lot!.Site == site);
            evenements = evenements.Where(e => e.Site == site);
            heuresSites = heuresSites.Where(h => h.Site == site);
        }
        var zone = Territoire.Zone(null);
        var debut = TimeZoneInfo.ConvertTimeToUtc(du.ToDateTime(TimeOnly.MinValue), zone);
        var fin = TimeZoneInfo.ConvertTimeToUtc(au.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var entrees = await evenements.Where(e => e.Le >= debut && e.Le < fin && EtatsComptes.Contains(e.Vers))
            .GroupBy(e => e.Vers).Select(g => new { g.Key, N = g.Select(e => e.AppareilId).Distinct().Count() }).ToListAsync(ct);
        var ventes = await db.Set<Vente>().Where(v => v.VenduLe >= debut && v.VenduLe < fin)
            .Join(appareils, v => v.AppareilId, a => a.Id, (v, a) => new { v.Motif, v.VenduLe, a.CreeLe }).ToListAsync(ct);
        var delais = ventes.Select(v => (v.VenduLe - v.CreeLe).TotalDays).Order().ToList();
        double? Rang(double p) => delais.Count == 0 ? null : Math.Round(delais[Math.Max(0, (int)Math.Ceiling(p * delais.Count) - 1)], 1);
        var stock = await appareils.Where(a => a.Etat == Etats.EnStock || a.Etat == Etats.Reserve)
            .GroupBy(a => new { a.Type, a.Grade }).Select(g => new { g.Key.Type, g.Key.Grade, N = g.Count() }).ToListAsync(ct);
        var bilansPeriode = db.Set<Impact.BilanAppareil>().Where(b => b.Le >= debut && b.Le < fin);
        if (site is not null) bilansPeriode = bilansPeriode.Where(b => appareils.Any(a => a.Id == b.AppareilId));
        var bilans = await bilansPeriode
            .GroupBy(b => b.Issue).Select(g => new { g.Key, N = g.Count(), Co2 = g.Sum(b => b.Co2eEviteGrammes), Masse = g.Sum(b => b.MasseGrammes) }).ToListAsync(ct);
        var versions = await bilansPeriode.Where(b => b.FacteurCo2Id != null)
            .Join(db.Set<Impact.FacteurCo2>(), b => b.FacteurCo2Id, f => f.Id, (b, f) => f.Version).Distinct().ToListAsync(ct);
        var moisDu = new DateOnly(du.Year, du.Month, 1);
        var heures = await heuresSites.Where(h => h.Mois >= moisDu && h.Mois <= au)
            .GroupBy(h => h.Categorie).Select(g => new { g.Key, Minutes = g.Sum(h => (long)h.Minutes) }).ToListAsync(ct);
        var ventesPeriode = db.Set<Vente>().Where(v => v.VenduLe >= debut && v.VenduLe < fin);
        if (site is not null) ventesPeriode = ventesPeriode.Where(v => appareils.Any(a => a.Id == v.AppareilId));
        var qpv = await ventesPeriode.GroupBy(v => v.SituationQpv)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return new TableauDeBord(du, au,
            EtatsComptes.Select(e => (e, entrees.FirstOrDefault(x => x.Key == e)?.N ?? 0)).ToList(),
            ventes.Count, Rang(0.5), Rang(0.9),
            ventes.GroupBy(v => v.Motif).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            stock.OrderBy(s => s.Type).ThenBy(s => s.Grade).Select(s => (s.Type, s.Grade ?? "-", s.N)).ToList())
        {
            // Sales recorded before the QPV was asked carry an empty situation: not known.
            VentesParQpv = qpv.GroupBy(q => q.Key is null or "" ? Quartiers.NonRenseigne : q.Key).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(q => q.N))).ToList(),
            Bilans = new[] { Impact.BilanAppareil.Reemploi, Impact.BilanAppareil.Recyclage }
                .Select(i => bilans.FirstOrDefault(b => b.Key == i) is { } b ? (i, b.N, b.Co2 / 1000m, b.Masse / 1000m) : (i, 0, 0m, 0m)).ToList(),
            VersionsFacteurs = versions.Order().ToList(),
            HeuresInsertion = heures.OrderBy(h => h.Key).Select(h => (h.Key, Math.Round(h.Minutes / 60m, 1))).ToList(),
            Site = site,
        };
    }

    /// <summary>One row per figure: indicator code, key (state, type, rule… codes as in the API), value (number, or text for dates and versions).</summary>
    public IEnumerable<(string Indicateur, string Cle, object? Valeur)> Lignes()
    {
        yield return ("periode", "du", Du.ToString("yyyy-MM-dd"));
        yield return ("periode", "au", Au.ToString("yyyy-MM-dd"));
        yield return ("periode", "site", Site ?? "tous");
        foreach (var (etat, n) in Entrees) yield return ("appareils_entres_dans_l_etat", etat, n);
        yield return ("ventes", "total", Ventes);
        yield return ("delai_reception_vente_jours", "mediane", DelaiMedianJours);
        yield return ("delai_reception_vente_jours", "p90", DelaiP90Jours);
        foreach (var (motif, n) in VentesParMotif) yield return ("ventes_par_motif", motif, n);
        foreach (var (type, grade, n) in Stock) yield return ("stock", $"{type}/{grade}", n);
        foreach (var (situation, n) in VentesParQpv) yield return ("ventes_par_qpv", situation, n);
        foreach (var (issue, n, co2, masse) in Bilans)
        {
            yield return ($"appareils_{issue}", "total", n);
            yield return ("co2e_evite_kg", issue, co2);
            yield return ("masse_kg", issue, masse);
        }
        foreach (var v in VersionsFacteurs) yield return ("facteurs_co2", "version", v);
        foreach (var (cat, h) in HeuresInsertion) yield return ("heures_insertion", cat, h);
    }

    /// <summary>The same figures as CSV (one line per figure: <c>indicateur,cle,valeur</c>; state and type codes as in the API),
    /// written by <see cref="Web.Csv.Ecrire"/>: every field quoted and neutralised, since a key may be a site name typed by a
    /// manager (a « =HYPERLINK(…) » site stays text, and its commas stay inside the field).</summary>
    public string Csv() => Web.Csv.Ecrire(new[] { new[] { "indicateur", "cle", "valeur" } }.Concat(Lignes().Select(l => new[]
    {
        l.Indicateur, l.Cle, l.Valeur switch
        {
            null => "", decimal d => d.ToString("0.###", CultureInfo.InvariantCulture), IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), var o => o.ToString() ?? "",
        },
    })));

    /// <summary>The same rows as an XLSX workbook (one sheet « equipement », numbers as numbers).</summary>
    public byte[] Xlsx() => Web.Tableur.Ecrire("equipement",
        new IReadOnlyList<object?>[] { ["indicateur", "cle", "valeur"] }.Concat(Lignes().Select(l => (IReadOnlyList<object?>)[l.Indicateur, l.Cle, l.Valeur])));
}
