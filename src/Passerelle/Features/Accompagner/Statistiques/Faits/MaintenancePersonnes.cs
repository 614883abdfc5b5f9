using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>The people facts (decision 0035): built from every record with the monthly facts (<see cref="ReconstruireAsync"/>) and
/// folded with them (<see cref="RafraichirAsync"/>), inside the caller's transaction (<see cref="MaintenanceFaits"/>).</summary>
public static class MaintenancePersonnes
{
    static readonly DateOnly MoisConstruit = new(1, 1, 1);

    // Each presence with its person's first month anywhere (a window over the presences) and their file's counted attributes; written
    // ordered by cell, so that a commune's presences sit in few pages (measured at full size: Lyon's year, 23 797 pages → 1 916).
    const string Presences = "INSERT INTO \"PresencesPersonnes\" (\"Mois\", \"LieuId\", \"Commune\", \"BeneficiaireId\", \"Premier\", \"Suivi\", \"Genre\", "
        + "\"AnneeNaissance\", \"Statut\", \"Situation\") SELECT q.\"Mois\", q.\"LieuId\", q.\"Commune\", q.\"BeneficiaireId\", "
        + "min(q.\"Mois\") OVER (PARTITION BY q.\"BeneficiaireId\"), b.\"Suivi\", b.\"Genre\", b.\"AnneeNaissance\", b.\"Statut\", "
        + "CASE WHEN b.\"CodeQpv\" IS NOT NULL THEN 1 WHEN b.\"Commune\" IS NOT NULL THEN 2 ELSE 0 END FROM ("
        + "SELECT {mois} AS \"Mois\", a.\"LieuId\", a.\"Commune\", a.\"BeneficiaireId\" FROM \"Activites\" a WHERE a.\"BeneficiaireId\" IS NOT NULL "
        + "UNION SELECT {mois}, a.\"LieuId\", a.\"Commune\", p.\"BeneficiaireId\" FROM \"ParticipantsActivites\" p JOIN \"Activites\" a ON a.\"Id\" = p.\"ActiviteId\""
        + ") q JOIN \"Beneficiaires\" b ON b.\"Id\" = q.\"BeneficiaireId\" ORDER BY q.\"LieuId\", q.\"Commune\", q.\"Mois\"";

    // Per person and skill assessed more than once, the level of the first and of the last diagnostic by (date, id): one pass of two
    // window orderings over the levels (the same SQL on both databases).
    const string Progressions = "INSERT INTO \"ProgressionsPersonnes\" (\"BeneficiaireId\", \"Competence\", \"Premier\", \"Dernier\") "
        + "SELECT x.\"BeneficiaireId\", x.\"Competence\", max(CASE WHEN x.r1 = 1 THEN x.\"Niveau\" END), max(CASE WHEN x.r2 = 1 THEN x.\"Niveau\" END) FROM ("
        + "SELECT d.\"BeneficiaireId\", n.\"Competence\", n.\"Niveau\", "
        + "row_number() OVER (PARTITION BY d.\"BeneficiaireId\", n.\"Competence\" ORDER BY d.\"Date\", d.\"Id\") AS r1, "
        + "row_number() OVER (PARTITION BY d.\"BeneficiaireId\", n.\"Competence\" ORDER BY d.\"Date\" DESC, d.\"Id\" DESC) AS r2 "
        + "FROM \"NiveauxCompetences\" n JOIN \"Diagnostics\" d ON d.\"Id\" = n.\"DiagnosticId\") x "
        + "GROUP BY x.\"BeneficiaireId\", x.\"Competence\" HAVING count(*) > 1";

    /// <summary>True once <see cref="ReconstruireAsync"/> of this layout (<see cref="DimensionsPersonnes.Version"/>) has run: the people
    /// blocks read the facts only then, and the job rebuilds facts built by an older layout.</summary>
    public static Task<bool> ConstruitsAsync(AppDbContext db, CancellationToken ct) =>
        // Classe IS NULL first: the probe then follows the (Classe, Dimension, Valeur, …) index instead of filtering every class's rows.
        db.Set<FaitPersonnes>().AnyAsync(f => f.Classe == null && f.Dimension == DimensionsPersonnes.Construit && f.Valeur == DimensionsPersonnes.Version, ct);

    /// <summary>The people having a presence without its first month and attributes: one inserted by an instance still running
    /// layout 1 (a rolling restart onto layout 2), which knows neither column and leaves them at their defaults (Premier 0001-01-01,
    /// stored as -infinity on PostgreSQL, the driver's DateOnly.MinValue; a real first month is never before year 1000). Layout 2
    /// would count such a person in another group and miss them among the new people, for good; so
    /// <see cref="MaintenanceFaits.RafraichirAsync"/> folds them as marked people (all their presences and their contribution
    /// rewritten) and <see cref="LecturePersonnes"/> reads the records while any remain. Checked at every pass of the job and every
    /// read, through the partial index IX_PresencesPersonnes_SansPremier (empty in the normal case): an index probe, never a scan of
    /// the presences. Not seen: an old instance's fold that only drops a person's first presence or changes their file leaves their
    /// rows with a stale first month or attributes but no default; <c>statistiques faits</c> after the restart repairs those
    /// (docs/deploiement.md).</summary>
    public static IQueryable<int> SansAttributs(AppDbContext db) =>
        db.Set<PresencePersonne>().Where(p => p.Premier < EF.Constant(AvantTout)).Select(p => p.BeneficiaireId);

    // The bound of the partial index's filter (FaitPersonnes.cs), inlined so that both planners can match the query to it.
    static readonly DateOnly AvantTout = new(1000, 1, 1);

    /// <summary>Replaces the presences, contributions and territory people rows by those computed from every record; drops the person
    /// marks present at the start. Returns the rows written.</summary>
    public static async Task<int> ReconstruireAsync(AppDbContext db, CancellationToken ct)
    {
        var delai = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            var marques = await db.Set<MarquePersonne>().Select(m => m.Id).ToListAsync(ct);
            await db.Set<PresencePersonne>().ExecuteDeleteAsync(ct);
            await db.Set<ApportPersonne>().ExecuteDeleteAsync(ct);
            await db.Set<FaitPersonnes>().ExecuteDeleteAsync(ct);
            await db.Set<ProgressionPersonne>().ExecuteDeleteAsync(ct);
            await db.Set<OrientationPersonne>().ExecuteDeleteAsync(ct);
            // Rows an earlier fold of this context left tracked are gone from the tables: forgotten, so the rows written anew do not clash.
            db.ChangeTracker.Clear();
            var lignes = await db.Database.ExecuteSqlRawAsync(Progressions, ct);
            var progressions = (await db.Set<ProgressionPersonne>().AsNoTracking().ToListAsync(ct)).ToLookup(p => p.BeneficiaireId);
            // Distinct (month, place, typed commune, person) of individual records and of every record's named participants.
            lignes += await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? Presences.Replace("{mois}", "date_trunc('month', a.\"Date\")::date")
                : Presences.Replace("{mois}", "date(a.\"Date\", 'start of month')"), ct);
            var faits = new Dictionary<(DateOnly?, DateOnly?, string, string?), FaitPersonnes>();
            var apports = new List<ApportPersonne>();
            var flux = from p in db.Set<PresencePersonne>().AsNoTracking()
                       join b in db.Beneficiaires on p.BeneficiaireId equals b.Id
                       orderby p.BeneficiaireId, p.Mois
                       select new { p.BeneficiaireId, p.Mois, Fiche = new Fiche(b.Id, b.Suivi, b.Genre, b.AnneeNaissance, b.Statut, b.CodeQpv != null ? 1 : b.Commune != null ? 2 : 0) };
            Fiche? courante = null;
            var moisCourants = new List<DateOnly>();
            void Clore()
            {
                if (courante is null) return;
                var a = CalculPersonnes.Apport(courante, moisCourants);
                apports.Add(a);
                CalculPersonnes.Appliquer(faits, a, progressions[a.BeneficiaireId], 1, null);
                moisCourants.Clear();
            }
            await foreach (var x in flux.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (courante is null || courante.Id != x.BeneficiaireId) { Clore(); courante = x.Fiche; }
                if (moisCourants.Count == 0 || moisCourants[^1] != x.Mois) moisCourants.Add(x.Mois);
            }
            Clore();
            await EcrireAsync(db, apports, ct);
            var orientations = (await db.Orientations.AsNoTracking().Select(o => new Orientation { Id = o.Id, BeneficiaireId = o.BeneficiaireId, Date = o.Date, Resultat = o.Resultat })
                .ToListAsync(ct)).ToLookup(o => o.BeneficiaireId);
            var rangees = apports.SelectMany(a => CalculPersonnes.Orientations(CalculPersonnes.Mois(a), orientations[a.BeneficiaireId])).ToList();
            await AjouterParLotsAsync(db, rangees, ct);
            lignes += rangees.Count;
            // Layout 4: the same per commune class.
            lignes += await MaintenanceCommunes.ReconstruireAsync(db, apports.ToDictionary(a => a.BeneficiaireId), progressions, orientations, ct);
            db.Set<FaitPersonnes>().AddRange(faits.Values.Where(f => f.Personnes != 0));
            db.Set<FaitPersonnes>().Add(new FaitPersonnes { Avant = MoisConstruit, Apres = MoisConstruit, Dimension = DimensionsPersonnes.Construit, Valeur = DimensionsPersonnes.Version });
            foreach (var lot in marques.Chunk(1000)) await db.Set<MarquePersonne>().Where(x => lot.Contains(x.Id)).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return lignes + apports.Count + faits.Count;
        }
        finally { db.Database.SetCommandTimeout(delai); }
    }

    /// <summary>Folds changed cells and marked people: the cells' presences are recomputed from their records, then every person whose
    /// presences changed or who is marked gets their contribution and skills progressions taken back and added again as they are now,
    /// and all their presences the first month and attributes of the new one. Saves, does not commit.</summary>
    public static async Task RafraichirAsync(AppDbContext db, IReadOnlyCollection<Cellule> cellules, IEnumerable<int> marquees, CancellationToken ct)
    {
        var personnes = marquees.ToHashSet();
        if (cellules.Count > 0)
        {
            var nouvelles = await CalculPersonnes.PresencesAsync(db, cellules, ct);
            var ensemble = cellules.ToHashSet();
            var (du, au, lieux, communes, ailleurs) = CalculFaits.Bornes(cellules);
            var anciennes = (await db.Set<PresencePersonne>().Where(p => p.Mois >= du && p.Mois < au && ((p.LieuId != null && lieux.Contains(p.LieuId.Value))
                || (p.Commune != null && communes.Contains(p.Commune)) || (ailleurs && p.LieuId == null && p.Commune == null))).ToListAsync(ct))
                .Where(p => ensemble.Contains(new Cellule(p.Mois, p.LieuId, p.Commune))).ToList();
            var gardees = new HashSet<(Cellule, int)>();
            foreach (var p in anciennes)
            {
                var k = (new Cellule(p.Mois, p.LieuId, p.Commune), p.BeneficiaireId);
                if (nouvelles.Contains(k) && gardees.Add(k)) continue;
                db.Set<PresencePersonne>().Remove(p);
                personnes.Add(p.BeneficiaireId);
            }
            foreach (var (c, b) in nouvelles.Where(k => !gardees.Contains(k)))
            {
                db.Set<PresencePersonne>().Add(new PresencePersonne { Mois = c.Mois, LieuId = c.LieuId, Commune = c.Commune, BeneficiaireId = b });
                personnes.Add(b);
            }
            await db.SaveChangesAsync(ct);
        }
        if (personnes.Count == 0) return;
        var faits = (await db.Set<FaitPersonnes>().Where(f => f.Classe == null && f.Dimension != DimensionsPersonnes.Construit).ToListAsync(ct))
            .ToDictionary(f => (f.Avant, f.Apres, f.Dimension, f.Valeur));
        var classes = new PliCommunes(db);
        foreach (var lot in personnes.Chunk(1000))
        {
            var anciens = await db.Set<ApportPersonne>().Where(a => lot.Contains(a.BeneficiaireId)).ToDictionaryAsync(a => a.BeneficiaireId, ct);
            var nouveaux = await CalculPersonnes.ApportsAsync(db, lot, ct);
            var progressions = (await db.Set<ProgressionPersonne>().Where(p => lot.Contains(p.BeneficiaireId)).ToListAsync(ct)).ToLookup(p => p.BeneficiaireId);
            var actuelles = await CalculPersonnes.ProgressionsAsync(db, lot, ct);
            var orientations = await CalculPersonnes.OrientationsAsync(db, lot, ct);
            await classes.LotAsync(lot, anciens, nouveaux, progressions, actuelles, orientations, ct);
            await RemplacerAsync(db, lot, lot.Where(nouveaux.ContainsKey)
                .SelectMany(id => CalculPersonnes.Orientations(CalculPersonnes.Mois(nouveaux[id]), orientations[id])).ToList(), ct);
            foreach (var id in lot)
            {
                var ancien = anciens.GetValueOrDefault(id);
                var nouveau = nouveaux.GetValueOrDefault(id);
                if (ancien is not null) CalculPersonnes.Appliquer(faits, ancien, progressions[id], -1, db);
                if (nouveau is not null) CalculPersonnes.Appliquer(faits, nouveau, actuelles[id], 1, db);
                Remplacer(db, progressions[id], actuelles[id]);
                if (ancien is not null && nouveau is not null) db.Entry(ancien).CurrentValues.SetValues(nouveau);
                else if (ancien is not null) db.Set<ApportPersonne>().Remove(ancien);
                else if (nouveau is not null) db.Set<ApportPersonne>().Add(nouveau);
            }
            foreach (var p in await db.Set<PresencePersonne>().Where(p => lot.Contains(p.BeneficiaireId)).ToListAsync(ct))
                if (nouveaux.GetValueOrDefault(p.BeneficiaireId) is { } n)
                    (p.Premier, p.Suivi, p.Genre, p.AnneeNaissance, p.Statut, p.Situation) = (n.Premier, n.Suivi, n.Genre, n.AnneeNaissance, n.Statut, n.Situation);
        }
        foreach (var f in faits.Values.Where(f => f.Personnes == 0)) db.Set<FaitPersonnes>().Remove(f);
        classes.Terminer();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A person's stored skills progressions made those computed now: changed in place, dropped or added.</summary>
    static void Remplacer(AppDbContext db, IEnumerable<ProgressionPersonne> stockees, IEnumerable<ProgressionPersonne> actuelles)
    {
        var nouvelles = actuelles.ToDictionary(p => p.Competence);
        foreach (var p in stockees)
            if (nouvelles.Remove(p.Competence, out var n)) (p.Premier, p.Dernier) = (n.Premier, n.Dernier);
            else db.Set<ProgressionPersonne>().Remove(p);
        db.Set<ProgressionPersonne>().AddRange(nouvelles.Values);
    }

    /// <summary>The referral rows of the people of <paramref name="lot"/> made <paramref name="nouvelles"/>: a stored row is changed in
    /// place when its referral is still counted (even for another person, after a merge of files), dropped when it is not.</summary>
    static async Task RemplacerAsync(AppDbContext db, int[] lot, List<OrientationPersonne> nouvelles, CancellationToken ct)
    {
        var ids = nouvelles.Select(o => o.OrientationId).ToList();
        var stockees = await db.Set<OrientationPersonne>().Where(o => lot.Contains(o.BeneficiaireId) || ids.Contains(o.OrientationId)).ToDictionaryAsync(o => o.OrientationId, ct);
        var personnes = lot.ToHashSet();
        foreach (var n in nouvelles)
            if (stockees.Remove(n.OrientationId, out var o))
            {
                // Dropped by an earlier lot's fold as its former person's, counted again for its new one.
                var e = db.Entry(o);
                e.CurrentValues.SetValues(n);
                if (e.State == EntityState.Deleted) e.State = EntityState.Modified;
            }
            else db.Set<OrientationPersonne>().Add(n);
        // The rows of the lot's people not counted any more; a row another lot's fold moved to its person stays.
        foreach (var o in stockees.Values.Where(o => personnes.Contains(o.BeneficiaireId))) db.Set<OrientationPersonne>().Remove(o);
    }

    /// <summary>Many rows at once, in batches of 5 000 saved then detached (the change tracker stays small).</summary>
    internal static async Task AjouterParLotsAsync<T>(AppDbContext db, List<T> lignes, CancellationToken ct) where T : class
    {
        var detecter = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var lot in lignes.Chunk(5000))
            {
                db.Set<T>().AddRange(lot);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = detecter; }
    }

    /// <summary>Many contributions at once: binary COPY on PostgreSQL (inside the open transaction), batches on SQLite.</summary>
    static async Task EcrireAsync(AppDbContext db, List<ApportPersonne> apports, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection pg)
        {
            await using var copie = await pg.BeginBinaryImportAsync("COPY \"ApportsPersonnes\" (\"BeneficiaireId\", \"Mois\", \"Premier\", \"Suivi\", \"Genre\", " +
                "\"AnneeNaissance\", \"Statut\", \"Situation\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var a in apports)
            {
                await copie.StartRowAsync(ct);
                await copie.WriteAsync(a.BeneficiaireId, NpgsqlDbType.Integer, ct);
                await copie.WriteAsync(a.Mois, NpgsqlDbType.Text, ct);
                await copie.WriteAsync(a.Premier, NpgsqlDbType.Date, ct);
                await copie.WriteAsync(a.Suivi, NpgsqlDbType.Boolean, ct);
                await copie.WriteAsync(a.Genre, NpgsqlDbType.Text, ct);
                if (a.AnneeNaissance is { } n) await copie.WriteAsync(n, NpgsqlDbType.Integer, ct); else await copie.WriteNullAsync(ct);
                await copie.WriteAsync(a.Statut, NpgsqlDbType.Text, ct);
                await copie.WriteAsync(a.Situation, NpgsqlDbType.Integer, ct);
            }
            await copie.CompleteAsync(ct);
            return;
        }
        await AjouterParLotsAsync(db, apports, ct);
    }
}
