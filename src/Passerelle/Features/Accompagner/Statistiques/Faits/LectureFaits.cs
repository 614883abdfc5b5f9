using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Referentiels;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>The record blocks of the dashboard read from the monthly facts (decision 0032) when the filters allow it: whole months,
/// and no filter but the commune and the place (the others — structure, mediator, type, theme, QPV… — select few records or cut
/// inside a record, and keep reading the records). Cells with a pending change mark are read from the records instead, so the
/// figures are those of the records at the time of reading, before the job has folded the change. One snapshot (a
/// repeatable-read transaction) so that facts and marks agree.</summary>
static class LectureFaits
{
    /// <summary>Whole months (the end a month's last day, 9999-12-31 included: not by adding a day, which overflows there) and no filter
    /// but the commune and the place.</summary>
    public static bool Admis(FiltresStatistiques f) =>
        f is { Qpv: null, Type: null, Theme: null, Etiquette: null, Convention: null, Structure: null, Mediateur: null, ConseillerNumerique: null }
        && (f.Du is null || f.Du.Value.Day == 1) && (f.Au is not { } au || au.Day == DateTime.DaysInMonth(au.Year, au.Month));

    /// <summary>Null when the facts cannot answer (filters, or facts not built yet).</summary>
    public static async Task<(Tableau, Socle, List<(int? LieuId, string? Commune, int Acc, int N)>)?> LireAsync(AppDbContext db, FiltresStatistiques f, CancellationToken ct)
    {
        if (!Admis(f)) return null;
        var transaction = await OuvrirAsync(db, ct);
        try
        {
            if (!await MaintenanceFaits.ConstruitsAsync(db, ct)) return null;
            var du = f.Du ?? DateOnly.MinValue;
            var au = f.Au is { } a ? Cellule.MoisDe(a) : DateOnly.MaxValue;
            var faits = db.Set<FaitActivites>().AsNoTracking().Where(x => x.Mois >= du && x.Mois <= au && x.Dimension != Dimensions.Construit);
            var marques = db.Set<MarqueFaits>().AsNoTracking().Where(x => x.Mois >= du && x.Mois <= au);
            var local = f.Lieu is not null || !string.IsNullOrWhiteSpace(f.Commune);
            if (f.Lieu is { } lieu)
            {
                faits = faits.Where(x => x.LieuId == lieu);
                marques = marques.Where(x => x.LieuId == lieu);
            }
            if (!string.IsNullOrWhiteSpace(f.Commune))
            {
                var n = Texte.Normaliser(f.Commune);
                var brut = f.Commune.Trim();
                // The commune's places as a list, not a subquery: the OR can then use the (LieuId, Mois) and (Commune, Mois) indexes
                // (a subquery in an OR makes PostgreSQL filter every row of the table).
                var lieux = await db.Lieux.Where(l => l.CommuneRecherche == n).Select(l => l.Id).ToListAsync(ct);
                faits = faits.Where(x => (x.LieuId != null && lieux.Contains(x.LieuId.Value)) || x.Commune == brut);
                marques = marques.Where(x => (x.LieuId != null && lieux.Contains(x.LieuId.Value)) || x.Commune == brut);
            }
            faits = local ? faits.Where(x => !x.Territoire) : faits.Where(x => x.Territoire || x.Dimension == Dimensions.Lieu);
            // Summed in the database down to what the blocks use: the month for the types (the month block), the cell for the
            // « lieu » rows (the place and commune blocks), neither for the others — a few thousand rows, not one per cell.
            var lignes = (await faits.GroupBy(x => new
                {
                    Mois = x.Dimension == Dimensions.Type ? x.Mois : DateOnly.MinValue, LieuId = x.Dimension == Dimensions.Lieu ? x.LieuId : null,
                    Commune = x.Dimension == Dimensions.Lieu ? x.Commune : null, x.Dimension, x.Valeur,
                })
                .Select(g => new { g.Key, Acc = g.Sum(x => x.Accompagnements), N = g.Sum(x => x.Activites), Anon = g.Sum(x => x.Anonymes) }).ToListAsync(ct))
                .Select(x => new LigneFait(new Cellule(x.Key.Mois, x.Key.LieuId, x.Key.Commune), x.Key.Dimension, x.Key.Valeur, x.Acc, x.N, x.Anon)).ToList();
            var sales = (await marques.Select(x => new { x.Mois, x.LieuId, x.Commune }).Distinct().ToListAsync(ct)).Select(x => new Cellule(x.Mois, x.LieuId, x.Commune)).ToList();
            if (sales.Count > 0)
            {
                // Pending cells: their stored facts out, their records in.
                foreach (var x in await CalculFaits.LocauxAsync(db, sales, suivis: false, ct))
                    lignes.Add(new LigneFait(new Cellule(x.Mois, x.LieuId, x.Commune), x.Dimension, x.Valeur, -x.Accompagnements, -x.Activites, -x.Anonymes));
                lignes.AddRange(await CalculFaits.CalculerAsync(db, sales, ct));
            }
            var (t, socle) = Composer(lignes);
            var parLieu = lignes.Where(l => l.Dimension == Dimensions.Lieu).Select(l => (l.Cellule.LieuId, l.Cellule.Commune, l.Accompagnements, l.Activites)).ToList();
            return (t, socle, parLieu);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    /// <summary>Memory PostgreSQL may give each sort or hash of the dashboard's queries (<c>work_mem</c>, for the snapshot's transaction
    /// only): a large commune's year groups 132 538 presences into 122 924 (person, attributes) pairs, about 18 MB in a hash table,
    /// which the default 4 MB spills to disk (measured at full size: the people query 1.0 s → 0.5 s). A few dashboards read at once
    /// take a few times this, released at the end of each transaction.</summary>
    public const string MemoireRequetes = "64MB";

    /// <summary>A read-only snapshot: repeatable read on PostgreSQL with <see cref="MemoireRequetes"/> (SET LOCAL, so that a pooled
    /// connection goes back unchanged); a deferred transaction on SQLite (no write lock taken). None when the caller already has a
    /// transaction.</summary>
    internal static async Task<IAsyncDisposable?> OuvrirAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return null;
        if (db.Database.IsNpgsql())
        {
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.ExecuteSqlRawAsync($"SET LOCAL work_mem = '{MemoireRequetes}'", ct);
            return transaction;
        }
        await db.Database.OpenConnectionAsync(ct);
        var tx = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(tx, ct);
        return new Instantane(db, tx);
    }

    sealed class Instantane(AppDbContext db, SqliteTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await tx.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    static IEnumerable<(string Cle, int Acc, int N)> De(List<LigneFait> l, string dimension) =>
        l.Where(x => x.Dimension == dimension).Select(x => (x.Valeur ?? "", x.Accompagnements, x.Activites));

    static List<(string? Cle, int Acc, int N, int Anon)> Multiples(List<LigneFait> l, string dimension) =>
        l.Where(x => x.Dimension == dimension).Select(x => (x.Valeur, x.Accompagnements, x.Activites, x.Anonymes)).ToList();

    /// <summary>The record blocks and the people count's base, as <see cref="EtapesStatistiques"/> fills them from the records.</summary>
    static (Tableau, Socle) Composer(List<LigneFait> l)
    {
        var types = l.Where(x => x.Dimension == Dimensions.Type).ToList();
        var socle = new Socle(types.Where(x => x.Valeur == VocabulaireCoop.Collectif).Sum(x => x.Anonymes),
            l.Where(x => x.Dimension == Dimensions.SansFiche).Sum(x => x.Activites),
            l.Where(x => x.Dimension == Dimensions.Decompte).GroupBy(x => x.Valeur!).Select(g => (g.Key.Split(Dimensions.Separateur), g.Sum(x => x.Accompagnements)))
                .Where(x => x.Item2 != 0).Select(x => new DecompteLu(x.Item1[0], x.Item1[1], x.Item2)).ToList());
        static string Situation(string? k) => k == "1" ? Quartiers.EnQpv : k == "2" ? Quartiers.HorsQpv : Quartiers.NonRenseigne;
        var qpv = l.Where(x => x.Dimension == Dimensions.QpvIndividuels).Select(x => (Situation(x.Valeur), x.Activites, x.Activites))
            .Concat(l.Where(x => x.Dimension == Dimensions.QpvParticipants).Select(x => (Situation(x.Valeur), x.Accompagnements, 0)))
            .Append((Quartiers.NonRenseigne, socle.AnonymesAteliers, 0)).ToList();
        var tableau = new Tableau
        {
            Accompagnements = types.Sum(x => x.Accompagnements),
            Ateliers = types.Where(x => x.Valeur == VocabulaireCoop.Collectif).Sum(x => x.Activites),
            AccompagnementsIndividuels = types.Where(x => x.Valeur == VocabulaireCoop.Individuel).Sum(x => x.Activites),
            Activites = types.Sum(x => x.Activites),
            ParMois = Groupements.Ranger(types.Select(x => ($"{x.Cellule.Mois.Year:D4}-{x.Cellule.Mois.Month:D2}", x.Accompagnements, x.Activites)), parLibelle: true),
            ParTheme = Groupements.Ranger(Groupements.Eclater(Multiples(l, Dimensions.Themes))),
            ParCanal = Groupements.Ranger(De(l, Dimensions.Canal), VocabulaireCoop.TypesLieu),
            ParDuree = Groupements.Ranger(De(l, Dimensions.Duree), CalculStatistiques.Tranches),
            ParMateriel = Groupements.Ranger(Groupements.Eclater(Multiples(l, Dimensions.Materiel)), VocabulaireCoop.Materiel),
            ParAutonomie = Groupements.Ranger(De(l, Dimensions.Autonomie), VocabulaireCoop.Autonomie),
            ParType = Groupements.Ranger(types.Select(x => (x.Valeur ?? "", x.Accompagnements, x.Activites)), VocabulaireCoop.Types),
            ParThemeDemarches = Groupements.Ranger(Groupements.Eclater(Multiples(l, Dimensions.Demarches))),
            ParEtiquette = Groupements.Ranger(Groupements.Eclater(Multiples(l, Dimensions.Etiquettes))),
            ParOrientation = Groupements.Ranger(De(l, Dimensions.Orientation), VocabulaireCoop.Orientations),
            Qpv = Groupements.Ranger(qpv, Quartiers.Situations),
        };
        return (tableau, socle);
    }
}
