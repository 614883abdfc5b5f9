using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>A cell of the local facts: one month (first day) at one place or typed commune (both null: neither).</summary>
public readonly record struct Cellule(DateOnly Mois, int? LieuId, string? Commune)
{
    public static DateOnly MoisDe(DateOnly d) => new(d.Year, d.Month, 1);
}

/// <summary>A fact row as computed or read: <see cref="Cellule"/>, dimension, value and the three counts (negative when subtracted).</summary>
public readonly record struct LigneFait(Cellule Cellule, string Dimension, string? Valeur, int Accompagnements, int Activites, int Anonymes);

/// <summary>Computes the local facts of cells from the raw records, with the same rules as the dashboard's GROUP BY
/// (<see cref="EtapesStatistiques"/>): a workshop counts its participants as accompaniments, a person's residence is read on
/// their file at computation time, a multi-valued field (themes, procedures, equipment, labels) gives one row per value — as the
/// dashboard splits them (<see cref="Groupements.Eclater"/>), so that a cell holds one row per theme rather than one per
/// combination of themes (layout 2 of <see cref="MaintenanceFaits"/>; measured at full size: a large commune's year, 79 188 theme
/// rows → 26 790).</summary>
public static class CalculFaits
{
    sealed record Enregistrement(DateOnly Date, int? LieuId, string? Commune, string Type, bool SansFiche, int Situation, int DureeMinutes, string TypeLieu,
        string? Autonomie, string? Themes, string? ThemesDemarches, string? Materiel, string? Etiquettes, string? Orientation, int Anonymes, int Nommes);

    /// <summary>The facts of the records selected by <paramref name="filtre"/>, kept only for the cells <paramref name="garder"/> accepts,
    /// summed per (cell, dimension, value).</summary>
    public static async Task<List<LigneFait>> CalculerAsync(AppDbContext db, Expression<Func<Activite, bool>> filtre, Func<Cellule, bool> garder, CancellationToken ct)
    {
        var somme = new Dictionary<(Cellule, string, string?), (int Acc, int N, int Anon)>();
        void Ajouter(Cellule c, string dim, string? valeur, int acc, int n, int anon)
        {
            var k = (c, dim, valeur);
            somme[k] = somme.TryGetValue(k, out var s) ? (s.Acc + acc, s.N + n, s.Anon + anon) : (acc, n, anon);
        }
        var q = db.Activites.AsNoTracking().Where(filtre);
        await foreach (var r in q.Select(a => new Enregistrement(a.Date, a.LieuId, a.Commune, a.Type, a.BeneficiaireId == null,
                           a.Beneficiaire == null ? 0 : a.Beneficiaire.CodeQpv != null ? 1 : a.Beneficiaire.Commune != null ? 2 : 0, a.DureeMinutes, a.TypeLieu,
                           a.Autonomie, a.Themes, a.ThemesDemarches, a.Materiel, a.Etiquettes, a.Orientation, a.ParticipantsAnonymes, a.ParticipantsNommes))
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var c = new Cellule(Cellule.MoisDe(r.Date), r.LieuId, r.Commune);
            if (!garder(c)) continue;
            var collectif = r.Type == VocabulaireCoop.Collectif;
            var individuel = r.Type == VocabulaireCoop.Individuel;
            var acc = collectif ? r.Anonymes + r.Nommes : 1;
            Ajouter(c, Dimensions.Type, r.Type, acc, 1, collectif ? r.Anonymes : 0);
            if (individuel && r.SansFiche) Ajouter(c, Dimensions.SansFiche, null, acc, 1, 0);
            foreach (var v in Valeurs(r.Themes)) Ajouter(c, Dimensions.Themes, v, acc, 1, 0);
            if (r.ThemesDemarches != null) foreach (var v in Valeurs(r.ThemesDemarches)) Ajouter(c, Dimensions.Demarches, v, acc, 1, 0);
            foreach (var v in Valeurs(r.Materiel)) Ajouter(c, Dimensions.Materiel, v, acc, 1, 0);
            Ajouter(c, Dimensions.Canal, r.TypeLieu, acc, 1, 0);
            Ajouter(c, Dimensions.Duree, CalculStatistiques.Tranche(r.DureeMinutes), acc, 1, 0);
            if (individuel) Ajouter(c, Dimensions.Autonomie, r.Autonomie ?? CalculStatistiques.NonRenseigne, acc, 1, 0);
            if (r.Etiquettes != null) foreach (var v in Valeurs(r.Etiquettes)) Ajouter(c, Dimensions.Etiquettes, v, acc, 1, 0);
            if (r.Orientation != null) Ajouter(c, Dimensions.Orientation, r.Orientation, acc, 1, 0);
            if (individuel) Ajouter(c, Dimensions.QpvIndividuels, r.Situation.ToString(), 1, 1, 0);
            Ajouter(c, Dimensions.Lieu, null, acc, 1, 0);
        }
        // Named participants of workshops by residence, and anonymous ones by criterion (workshops only, as the dashboard counts them).
        var participants = await (from p in db.ParticipantsActivites
                                  join a in q on p.ActiviteId equals a.Id
                                  where a.Type == VocabulaireCoop.Collectif
                                  group p by new { a.Date, a.LieuId, a.Commune, S = p.Beneficiaire!.CodeQpv != null ? 1 : p.Beneficiaire.Commune != null ? 2 : 0 } into g
                                  select new { g.Key.Date, g.Key.LieuId, g.Key.Commune, g.Key.S, N = g.Count() }).ToListAsync(ct);
        foreach (var p in participants)
            if (new Cellule(Cellule.MoisDe(p.Date), p.LieuId, p.Commune) is var c && garder(c)) Ajouter(c, Dimensions.QpvParticipants, p.S.ToString(), p.N, 0, 0);
        var decomptes = await (from d in db.DecomptesAnonymes
                               join a in q on d.ActiviteId equals a.Id
                               where a.Type == VocabulaireCoop.Collectif
                               group d by new { a.Date, a.LieuId, a.Commune, d.Critere, d.Valeur } into g
                               select new { g.Key.Date, g.Key.LieuId, g.Key.Commune, g.Key.Critere, g.Key.Valeur, N = g.Sum(x => x.Nombre) }).ToListAsync(ct);
        foreach (var d in decomptes)
            if (new Cellule(Cellule.MoisDe(d.Date), d.LieuId, d.Commune) is var c && garder(c)) Ajouter(c, Dimensions.Decompte, d.Critere + Dimensions.Separateur + d.Valeur, d.N, 0, 0);
        return somme.Where(x => x.Value != (0, 0, 0)).Select(x => new LigneFait(x.Key.Item1, x.Key.Item2, x.Key.Item3, x.Value.Acc, x.Value.N, x.Value.Anon)).ToList();
    }

    /// <summary>The values of a |-joined field, each once as it is written (a value repeated counts twice, as <see cref="Groupements.Eclater"/>
    /// counts it); null or empty: one null value (« Non renseigné » when read).</summary>
    static string?[] Valeurs(string? champ) => string.IsNullOrEmpty(champ) ? new string?[] { null } : champ.Split('|');

    /// <summary>The records of the given cells (a superset is read — the cells' months and places or communes — then narrowed here).</summary>
    public static Task<List<LigneFait>> CalculerAsync(AppDbContext db, IReadOnlyCollection<Cellule> cellules, CancellationToken ct)
    {
        var ensemble = cellules.ToHashSet();
        return CalculerAsync(db, Dans(cellules), ensemble.Contains, ct);
    }

    /// <summary>The records of a superset of the cells: their months and places or typed communes (narrow with the cells themselves).</summary>
    public static Expression<Func<Activite, bool>> Dans(IReadOnlyCollection<Cellule> cellules)
    {
        var (du, au, lieux, communes, ailleurs) = Bornes(cellules);
        return a => a.Date >= du && a.Date < au && ((a.LieuId != null && lieux.Contains(a.LieuId.Value)) || (a.Commune != null && communes.Contains(a.Commune))
            || (ailleurs && a.LieuId == null && a.Commune == null));
    }

    /// <summary>The smallest date range, places and communes covering the cells; <c>ailleurs</c>: a cell with neither.</summary>
    public static (DateOnly Du, DateOnly Au, List<int> Lieux, List<string> Communes, bool Ailleurs) Bornes(IReadOnlyCollection<Cellule> cellules) =>
        (cellules.Min(c => c.Mois), cellules.Max(c => c.Mois).AddMonths(1), cellules.Where(c => c.LieuId != null).Select(c => c.LieuId!.Value).Distinct().ToList(),
            cellules.Where(c => c.Commune != null).Select(c => c.Commune!).Distinct().ToList(), cellules.Any(c => c.LieuId == null && c.Commune == null));

    /// <summary>Local facts stored for the cells (a superset read, narrowed here).</summary>
    public static async Task<List<FaitActivites>> LocauxAsync(AppDbContext db, IReadOnlyCollection<Cellule> cellules, bool suivis, CancellationToken ct)
    {
        var ensemble = cellules.ToHashSet();
        var (du, au, lieux, communes, ailleurs) = Bornes(cellules);
        var q = db.Set<FaitActivites>().Where(f => !f.Territoire && f.Mois >= du && f.Mois < au && ((f.LieuId != null && lieux.Contains(f.LieuId.Value))
            || (f.Commune != null && communes.Contains(f.Commune)) || (ailleurs && f.LieuId == null && f.Commune == null)));
        var l = await (suivis ? q : q.AsNoTracking()).ToListAsync(ct);
        return l.Where(f => ensemble.Contains(new Cellule(f.Mois, f.LieuId, f.Commune))).ToList();
    }
}
