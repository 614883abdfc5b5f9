using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>Builds the facts from every record (<see cref="ReconstruireAsync"/>) and folds the changed cells into them
/// (<see cref="RafraichirAsync"/>), each in one transaction; on PostgreSQL a transaction-level advisory lock makes two of them
/// (the job and the command line) wait for each other.</summary>
public static class MaintenanceFaits
{
    const long Verrou = 16_0032;

    static readonly DateOnly MoisConstruit = new(1, 1, 1);

    /// <summary>True once <see cref="ReconstruireAsync"/> of this layout (<see cref="Dimensions.Version"/>) has run: the dashboard reads the
    /// facts only then, and the job rebuilds facts built by another layout.</summary>
    public static Task<bool> ConstruitsAsync(AppDbContext db, CancellationToken ct) =>
        db.Set<FaitActivites>().AnyAsync(f => f.Territoire && f.Mois == MoisConstruit && f.Dimension == Dimensions.Construit && f.Valeur == Dimensions.Version, ct);

    static async Task VerrouillerAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Verrou})", ct);
    }

    /// <summary>Replaces every fact by those computed from the records, one month at a time; the change marks present at the start
    /// are dropped (a change committed meanwhile keeps its mark and is folded later). Returns the number of fact rows written.</summary>
    public static async Task<int> ReconstruireAsync(AppDbContext db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await VerrouillerAsync(db, ct);
        var marques = await db.Set<MarqueFaits>().Select(m => m.Id).ToListAsync(ct);
        await db.Set<FaitActivites>().ExecuteDeleteAsync(ct);
        var lignes = 0;
        if (await db.Activites.AnyAsync(ct))
        {
            var premier = Cellule.MoisDe(await db.Activites.MinAsync(a => a.Date, ct));
            var dernier = Cellule.MoisDe(await db.Activites.MaxAsync(a => a.Date, ct));
            for (var m = premier; m <= dernier; m = m.AddMonths(1))
            {
                var du = m;
                var au = m.AddMonths(1);
                var locales = await CalculFaits.CalculerAsync(db, a => a.Date >= du && a.Date < au, _ => true, ct);
                // Written grouped by cell (place, typed commune) rather than by dimension: a commune's or a place's facts of a month
                // then sit in a few pages, not one row in every page of the month (measured at full size: a large commune's year
                // read 52 000 pages of the table for its 119 000 rows).
                var faits = locales.Select(Fait).Concat(Territoire(locales)).OrderBy(f => f.Territoire).ThenBy(f => f.LieuId)
                    .ThenBy(f => f.Commune, StringComparer.Ordinal).ToList();
                await EcrireAsync(db, faits, ct);
                lignes += faits.Count;
            }
        }
        await EcrireAsync(db, [new FaitActivites { Mois = MoisConstruit, Territoire = true, Dimension = Dimensions.Construit, Valeur = Dimensions.Version }], ct);
        lignes += await MaintenancePersonnes.ReconstruireAsync(db, ct);
        foreach (var lot in marques.Chunk(1000)) await db.Set<MarqueFaits>().Where(x => lot.Contains(x.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        // The tables were emptied and refilled: the planner's statistics are refreshed now rather than when autovacuum comes by
        // (until then PostgreSQL plans the commune's facts as if the table were empty and filters the whole territory's rows), and
        // VACUUM sets the visibility map, without which the planner full-scans the presences rather than probe their index (issue 16).
        // VACUUM refuses a transaction block: it runs here, after the commit, on its own connection command.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"FaitsActivites\", \"PresencesPersonnes\", \"ApportsPersonnes\", \"FaitsPersonnes\", \"ProgressionsPersonnes\", \"OrientationsPersonnes\", "
                + "\"ApportsCommunes\", \"OrientationsCommunes\", \"ClassesLieux\", \"GraphiesCommunes\"", ct);
        return lignes;
    }

    /// <summary>Folds up to <paramref name="lot"/> change marks into the facts: the local facts of the marked cells are recomputed
    /// from the records and the territory rows of their months move by the difference; the people facts of the same cells and of
    /// up to <paramref name="lot"/> marked people follow (decision 0035), with up to <paramref name="lot"/> people whose presences a
    /// layout-1 instance wrote (<see cref="MaintenancePersonnes.SansAttributs"/>); the marks read are then deleted. Returns the number
    /// of marks folded plus people repaired plus places moved to another commune class (0: nothing pending, or the facts are not built yet).</summary>
    public static async Task<int> RafraichirAsync(AppDbContext db, CancellationToken ct, int lot = 2000)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await VerrouillerAsync(db, ct);
        if (!await ConstruitsAsync(db, ct)) return 0;
        // Places whose commune changed: their people marked, to be moved to the new class (layout 4), before the marks are read.
        var deplaces = await MaintenancePersonnes.ConstruitsAsync(db, ct) ? await MaintenanceCommunes.LieuxDeplacesAsync(db, ct) : 0;
        var marques = await db.Set<MarqueFaits>().OrderBy(m => m.Id).Take(lot).ToListAsync(ct);
        var personnes = await db.Set<MarquePersonne>().OrderBy(m => m.Id).Take(lot).ToListAsync(ct);
        // People with a presence a layout-1 instance wrote (decision 0035): folded as if marked, which repairs their rows.
        var sansAttributs = await MaintenancePersonnes.ConstruitsAsync(db, ct)
            ? await MaintenancePersonnes.SansAttributs(db).Distinct().Take(lot).ToListAsync(ct) : [];
        if (marques.Count == 0 && personnes.Count == 0 && sansAttributs.Count == 0)
        {
            await tx.CommitAsync(ct);
            return deplaces;
        }
        var cellules = marques.Select(m => new Cellule(m.Mois, m.LieuId, m.Commune)).Distinct().ToList();
        if (cellules.Count > 0) await RafraichirCellulesAsync(db, cellules, ct);
        db.Set<MarqueFaits>().RemoveRange(marques);
        db.Set<MarquePersonne>().RemoveRange(personnes);
        await db.SaveChangesAsync(ct);
        // The people facts (decision 0035) of the same cells and of the marked people, in the same transaction.
        if (await MaintenancePersonnes.ConstruitsAsync(db, ct))
            await MaintenancePersonnes.RafraichirAsync(db, cellules, personnes.Select(p => p.BeneficiaireId).Concat(sansAttributs), ct);
        await tx.CommitAsync(ct);
        return deplaces + marques.Count + personnes.Count + sansAttributs.Count;
    }

    /// <summary>The local facts of the cells recomputed from their records, the territory rows moved by the difference (not saved).</summary>
    static async Task RafraichirCellulesAsync(AppDbContext db, List<Cellule> cellules, CancellationToken ct)
    {
        var anciens = await CalculFaits.LocauxAsync(db, cellules, suivis: true, ct);
        var nouveaux = await CalculFaits.CalculerAsync(db, cellules, ct);
        // The territory rows move by new − old, per (month, dimension, value).
        var ecart = new Dictionary<(DateOnly, string, string?), (int Acc, int N, int Anon)>();
        void Ajouter(DateOnly m, string d, string? v, int acc, int n, int anon, int signe)
        {
            if (d == Dimensions.Lieu) return;
            var k = (m, d, v);
            var s = ecart.GetValueOrDefault(k);
            ecart[k] = (s.Acc + signe * acc, s.N + signe * n, s.Anon + signe * anon);
        }
        foreach (var f in anciens) Ajouter(f.Mois, f.Dimension, f.Valeur, f.Accompagnements, f.Activites, f.Anonymes, -1);
        foreach (var f in nouveaux) Ajouter(f.Cellule.Mois, f.Dimension, f.Valeur, f.Accompagnements, f.Activites, f.Anonymes, 1);
        var mois = cellules.Select(c => c.Mois).Distinct().ToList();
        var dimensions = ecart.Keys.Select(k => k.Item2).Distinct().ToList();
        var territoire = (await db.Set<FaitActivites>().Where(f => f.Territoire && mois.Contains(f.Mois) && dimensions.Contains(f.Dimension)).ToListAsync(ct))
            .ToDictionary(f => (f.Mois, f.Dimension, f.Valeur));
        foreach (var (k, e) in ecart.Where(x => x.Value != (0, 0, 0)))
        {
            if (!territoire.TryGetValue(k, out var f))
                db.Set<FaitActivites>().Add(f = new FaitActivites { Mois = k.Item1, Territoire = true, Dimension = k.Item2, Valeur = k.Item3 });
            f.Accompagnements += e.Acc;
            f.Activites += e.N;
            f.Anonymes += e.Anon;
            if (f is { Accompagnements: 0, Activites: 0, Anonymes: 0 }) db.Set<FaitActivites>().Remove(f);
        }
        db.Set<FaitActivites>().RemoveRange(anciens);
        db.Set<FaitActivites>().AddRange(nouveaux.Select(Fait));
    }

    static FaitActivites Fait(LigneFait l) => new()
    {
        Mois = l.Cellule.Mois, LieuId = l.Cellule.LieuId, Commune = l.Cellule.Commune, Dimension = l.Dimension, Valeur = l.Valeur,
        Accompagnements = l.Accompagnements, Activites = l.Activites, Anonymes = l.Anonymes,
    };

    /// <summary>The territory rows of local facts: their sums per (month, dimension, value), the place block left local.</summary>
    static IEnumerable<FaitActivites> Territoire(IEnumerable<LigneFait> locales) => locales.Where(l => l.Dimension != Dimensions.Lieu)
        .GroupBy(l => (l.Cellule.Mois, l.Dimension, l.Valeur))
        .Select(g => new FaitActivites
        {
            Mois = g.Key.Mois, Territoire = true, Dimension = g.Key.Dimension, Valeur = g.Key.Valeur,
            Accompagnements = g.Sum(x => x.Accompagnements), Activites = g.Sum(x => x.Activites), Anonymes = g.Sum(x => x.Anonymes),
        });

    /// <summary>Many rows at once: binary COPY on PostgreSQL (inside the open transaction), batches of the context on SQLite.</summary>
    static async Task EcrireAsync(AppDbContext db, List<FaitActivites> faits, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection pg)
        {
            await using var copie = await pg.BeginBinaryImportAsync("COPY \"FaitsActivites\" (\"Mois\", \"Territoire\", \"LieuId\", \"Commune\", \"Dimension\", \"Valeur\", " +
                "\"Accompagnements\", \"Activites\", \"Anonymes\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var f in faits)
            {
                await copie.StartRowAsync(ct);
                await copie.WriteAsync(f.Mois, NpgsqlDbType.Date, ct);
                await copie.WriteAsync(f.Territoire, NpgsqlDbType.Boolean, ct);
                if (f.LieuId is { } l) await copie.WriteAsync(l, NpgsqlDbType.Integer, ct); else await copie.WriteNullAsync(ct);
                if (f.Commune is { } c) await copie.WriteAsync(c, NpgsqlDbType.Text, ct); else await copie.WriteNullAsync(ct);
                await copie.WriteAsync(f.Dimension, NpgsqlDbType.Text, ct);
                if (f.Valeur is { } v) await copie.WriteAsync(v, NpgsqlDbType.Text, ct); else await copie.WriteNullAsync(ct);
                await copie.WriteAsync(f.Accompagnements, NpgsqlDbType.Integer, ct);
                await copie.WriteAsync(f.Activites, NpgsqlDbType.Integer, ct);
                await copie.WriteAsync(f.Anonymes, NpgsqlDbType.Integer, ct);
            }
            await copie.CompleteAsync(ct);
            return;
        }
        var detecter = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var lot in faits.Chunk(5000))
            {
                db.Set<FaitActivites>().AddRange(lot);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = detecter; }
    }
}
