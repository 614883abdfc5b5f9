using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>The commune classes' people facts (decision 0035, layout 4): for each class, the territory's gap rows over the months each
/// person was met in it (<see cref="FaitPersonnes.Classe"/>), their contributions (<see cref="ApportCommune"/>) and referral rows
/// (<see cref="OrientationCommune"/>), with the places' classes (<see cref="ClasseLieu"/>) and the typed spellings seen
/// (<see cref="GraphieCommune"/>). Built with the people facts, folded with them in the caller's transaction.</summary>
public static class MaintenanceCommunes
{
    /// <summary>The longest class the tables hold (their columns' length). A typed commune of at most 200 characters may normalize to
    /// more (a Hangul syllable decomposes into two or three letters): it then has no class, and its views read the presences.</summary>
    public const int Longueur = 200;

    /// <summary>Whether a normalized commune can be a class: not empty, not longer than <see cref="Longueur"/>.</summary>
    public static bool EstClasse(string n) => n.Length is > 0 and <= Longueur;

    /// <summary>The classes of a presence: its place's class (none if the place has no entry or an empty commune) and its typed commune
    /// normalized (none if empty or too long, <see cref="EstClasse"/>), the same one once.</summary>
    public static IEnumerable<string> Classes(int? lieuId, string? commune, IReadOnlyDictionary<int, string> lieux)
    {
        var parLieu = lieuId is { } l && lieux.TryGetValue(l, out var c) && c.Length > 0 ? c : null;
        if (parLieu is not null) yield return parLieu;
        var saisie = Texte.Normaliser(commune);
        if (EstClasse(saisie) && saisie != parLieu) yield return saisie;
    }

    /// <summary>Per class, the months (ascending, distinct) of a person's presences.</summary>
    public static Dictionary<string, List<DateOnly>> MoisParClasse(IEnumerable<(DateOnly Mois, int? LieuId, string? Commune)> presences, IReadOnlyDictionary<int, string> lieux) =>
        presences.SelectMany(p => Classes(p.LieuId, p.Commune, lieux).Select(c => (Classe: c, p.Mois))).GroupBy(x => x.Classe, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Mois).Distinct().Order().ToList(), StringComparer.Ordinal);

    /// <summary>A person's contribution restricted to the months they were met in a class: their attributes and first month anywhere kept.</summary>
    internal static ApportPersonne Restreint(ApportPersonne a, string mois) => new()
    {
        BeneficiaireId = a.BeneficiaireId, Mois = mois, Premier = a.Premier, Suivi = a.Suivi, Genre = a.Genre, AnneeNaissance = a.AnneeNaissance,
        Statut = a.Statut, Situation = a.Situation,
    };

    internal static string Joindre(List<DateOnly> mois) => string.Join(',', mois.Select(m => m.ToString("yyyy-MM-dd")));

    internal static OrientationCommune Rangee(OrientationPersonne o, string classe) => new()
    {
        OrientationId = o.OrientationId, Classe = classe, BeneficiaireId = o.BeneficiaireId, Mois = o.Mois, Resultat = o.Resultat, Avant = o.Avant, Apres = o.Apres,
    };

    /// <summary>Writes every class's rows from the stored presences and the people's contributions just built (the tables emptied first).
    /// Returns the rows written.</summary>
    public static async Task<int> ReconstruireAsync(AppDbContext db, IReadOnlyDictionary<int, ApportPersonne> apports, ILookup<int, ProgressionPersonne> progressions,
        ILookup<int, Orientation> orientations, CancellationToken ct)
    {
        await db.Set<ApportCommune>().ExecuteDeleteAsync(ct);
        await db.Set<OrientationCommune>().ExecuteDeleteAsync(ct);
        await db.Set<ClasseLieu>().ExecuteDeleteAsync(ct);
        await db.Set<GraphieCommune>().ExecuteDeleteAsync(ct);
        // Every place, an empty commune included: a place whose commune is filled in later is then seen as moved.
        var entrees = await db.Lieux.AsNoTracking().Select(l => new ClasseLieu { LieuId = l.Id, Classe = l.CommuneRecherche }).ToListAsync(ct);
        var lieux = entrees.ToDictionary(e => e.LieuId, e => e.Classe);
        var faits = new Dictionary<string, Dictionary<(DateOnly?, DateOnly?, string, string?), FaitPersonnes>>(StringComparer.Ordinal);
        var contributions = new List<ApportCommune>();
        var rangees = new List<OrientationCommune>();
        var graphies = new HashSet<(string, string)>();
        var flux = db.Set<PresencePersonne>().AsNoTracking().OrderBy(p => p.BeneficiaireId).Select(p => new { p.BeneficiaireId, p.Mois, p.LieuId, p.Commune });
        var courant = -1;
        var presences = new List<(DateOnly, int?, string?)>();
        void Clore()
        {
            if (presences.Count > 0 && apports.TryGetValue(courant, out var a))
                foreach (var (classe, mois) in MoisParClasse(presences, lieux))
                {
                    var texte = Joindre(mois);
                    contributions.Add(new ApportCommune { BeneficiaireId = courant, Classe = classe, Mois = texte });
                    if (!faits.TryGetValue(classe, out var lignes)) faits[classe] = lignes = [];
                    CalculPersonnes.Appliquer(lignes, Restreint(a, texte), progressions[courant], 1, null, classe);
                    rangees.AddRange(CalculPersonnes.Orientations(mois, orientations[courant]).Select(o => Rangee(o, classe)));
                }
            presences.Clear();
        }
        await foreach (var p in flux.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (p.BeneficiaireId != courant) { Clore(); courant = p.BeneficiaireId; }
            presences.Add((p.Mois, p.LieuId, p.Commune));
            if (p.Commune is { } c && Texte.Normaliser(c) is var n && EstClasse(n)) graphies.Add((n, c));
        }
        Clore();
        await MaintenancePersonnes.AjouterParLotsAsync(db, entrees, ct);
        await MaintenancePersonnes.AjouterParLotsAsync(db, graphies.Select(g => new GraphieCommune { Classe = g.Item1, Commune = g.Item2 }).ToList(), ct);
        await EcrireAsync(db, contributions, ct);
        await MaintenancePersonnes.AjouterParLotsAsync(db, rangees, ct);
        var lignesFaits = faits.Values.SelectMany(d => d.Values).Where(f => f.Personnes != 0).ToList();
        await MaintenancePersonnes.AjouterParLotsAsync(db, lignesFaits, ct);
        return entrees.Count + graphies.Count + contributions.Count + rangees.Count + lignesFaits.Count;
    }

    /// <summary>Many class contributions at once (one per person and class met, 1.5 million at the bench's full size): binary COPY on
    /// PostgreSQL (inside the open transaction), batches on SQLite.</summary>
    static async Task EcrireAsync(AppDbContext db, List<ApportCommune> contributions, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection pg)
        {
            await MaintenancePersonnes.AjouterParLotsAsync(db, contributions, ct);
            return;
        }
        await using var copie = await pg.BeginBinaryImportAsync("COPY \"ApportsCommunes\" (\"BeneficiaireId\", \"Classe\", \"Mois\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var c in contributions)
        {
            await copie.StartRowAsync(ct);
            await copie.WriteAsync(c.BeneficiaireId, NpgsqlDbType.Integer, ct);
            await copie.WriteAsync(c.Classe, NpgsqlDbType.Text, ct);
            await copie.WriteAsync(c.Mois, NpgsqlDbType.Text, ct);
        }
        await copie.CompleteAsync(ct);
    }

    /// <summary>The places whose commune changed (or which are gone) since their presences were folded under a class: their people are
    /// marked, so that the fold moves them to the new class, and the new class recorded. Until then the views of both classes read the
    /// presences (<see cref="LectureCommunes.ClasseAsync"/>). Returns the number of places.</summary>
    public static async Task<int> LieuxDeplacesAsync(AppDbContext db, CancellationToken ct)
    {
        var deplaces = await db.Set<ClasseLieu>().Where(c => !db.Lieux.Any(l => l.Id == c.LieuId && l.CommuneRecherche == c.Classe)).ToListAsync(ct);
        foreach (var c in deplaces)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"MarquesPersonnes\" (\"BeneficiaireId\") SELECT DISTINCT \"BeneficiaireId\" FROM \"PresencesPersonnes\" WHERE \"LieuId\" = {0}",
                [c.LieuId], ct);
            if (await db.Lieux.Where(l => l.Id == c.LieuId).Select(l => l.CommuneRecherche).FirstOrDefaultAsync(ct) is { } classe) c.Classe = classe;
            else db.Set<ClasseLieu>().Remove(c);
        }
        await db.SaveChangesAsync(ct);
        return deplaces.Count;
    }
}

/// <summary>One fold of the class rows (<see cref="MaintenancePersonnes.RafraichirAsync"/>), lot by lot: the class rows read once per class
/// for the whole fold, so that rows a lot creates are found by the next.</summary>
sealed class PliCommunes(AppDbContext db)
{
    readonly Dictionary<string, Dictionary<(DateOnly?, DateOnly?, string, string?), FaitPersonnes>> faits = new(StringComparer.Ordinal);
    readonly Dictionary<int, string> lieux = [];
    readonly HashSet<(string, string)> graphies = [];

    /// <summary>The people of <paramref name="lot"/>: their stored class contributions taken back with their stored attributes and skills
    /// progressions (<paramref name="anciens"/>, <paramref name="progressions"/>), those of their presences now added with their
    /// contributions and progressions now (<paramref name="nouveaux"/>, <paramref name="actuelles"/>); their class referral rows rewritten.</summary>
    public async Task LotAsync(int[] lot, Dictionary<int, ApportPersonne> anciens, Dictionary<int, ApportPersonne> nouveaux, ILookup<int, ProgressionPersonne> progressions,
        ILookup<int, ProgressionPersonne> actuelles, ILookup<int, Orientation> orientations, CancellationToken ct)
    {
        var presences = (await db.Set<PresencePersonne>().AsNoTracking().Where(p => lot.Contains(p.BeneficiaireId))
            .Select(p => new { p.BeneficiaireId, p.Mois, p.LieuId, p.Commune }).ToListAsync(ct)).ToLookup(p => p.BeneficiaireId);
        await LieuxAsync(presences.SelectMany(g => g).Where(p => p.LieuId != null).Select(p => p.LieuId!.Value).Distinct().ToList(), ct);
        await GraphiesAsync(presences.SelectMany(g => g).Where(p => p.Commune != null).Select(p => p.Commune!).Distinct().ToList(), ct);
        var stockees = (await db.Set<ApportCommune>().AsNoTracking().Where(a => lot.Contains(a.BeneficiaireId)).ToListAsync(ct)).ToLookup(a => a.BeneficiaireId);
        var maintenant = nouveaux.Keys.ToDictionary(id => id, id => MaintenanceCommunes.MoisParClasse(presences[id].Select(p => (p.Mois, p.LieuId, p.Commune)), lieux));
        await ChargerAsync(stockees.SelectMany(g => g).Select(a => a.Classe).Concat(maintenant.Values.SelectMany(d => d.Keys)).Distinct().ToList(), ct);
        var contributions = new List<ApportCommune>();
        var rangees = new List<OrientationCommune>();
        foreach (var id in lot)
        {
            if (anciens.GetValueOrDefault(id) is { } ancien)
                foreach (var a in stockees[id]) CalculPersonnes.Appliquer(faits[a.Classe], MaintenanceCommunes.Restreint(ancien, a.Mois), progressions[id], -1, db, a.Classe);
            if (!maintenant.TryGetValue(id, out var classes)) continue;
            foreach (var (classe, mois) in classes)
            {
                var texte = MaintenanceCommunes.Joindre(mois);
                contributions.Add(new ApportCommune { BeneficiaireId = id, Classe = classe, Mois = texte });
                CalculPersonnes.Appliquer(faits[classe], MaintenanceCommunes.Restreint(nouveaux[id], texte), actuelles[id], 1, db, classe);
                rangees.AddRange(CalculPersonnes.Orientations(mois, orientations[id]).Select(o => MaintenanceCommunes.Rangee(o, classe)));
            }
        }
        // Rows of the lot's people, and rows of their referrals stored under a former person (a merge of files): replaced.
        var ids = orientations.SelectMany(g => g).Select(o => o.Id).ToList();
        await db.Set<ApportCommune>().Where(a => lot.Contains(a.BeneficiaireId)).ExecuteDeleteAsync(ct);
        await db.Set<OrientationCommune>().Where(o => lot.Contains(o.BeneficiaireId) || ids.Contains(o.OrientationId)).ExecuteDeleteAsync(ct);
        // The same rows an earlier fold on this context wrote are still tracked, though just deleted: forgotten, or adding them again throws.
        var apports = lot.ToHashSet();
        var orientees = ids.ToHashSet();
        foreach (var e in db.ChangeTracker.Entries<ApportCommune>().Where(e => apports.Contains(e.Entity.BeneficiaireId)).ToList()) e.State = EntityState.Detached;
        foreach (var e in db.ChangeTracker.Entries<OrientationCommune>().Where(e => apports.Contains(e.Entity.BeneficiaireId) || orientees.Contains(e.Entity.OrientationId)).ToList())
            e.State = EntityState.Detached;
        db.Set<ApportCommune>().AddRange(contributions);
        db.Set<OrientationCommune>().AddRange(rangees);
    }

    /// <summary>Class rows emptied by the fold dropped.</summary>
    public void Terminer()
    {
        foreach (var f in faits.Values.SelectMany(d => d.Values).Where(f => f.Personnes == 0)) db.Set<FaitPersonnes>().Remove(f);
    }

    async Task ChargerAsync(List<string> classes, CancellationToken ct)
    {
        var manquantes = classes.Where(c => !faits.ContainsKey(c)).ToList();
        foreach (var lot in manquantes.Chunk(500))
        {
            var lignes = await db.Set<FaitPersonnes>().Where(f => f.Classe != null && lot.Contains(f.Classe)).ToListAsync(ct);
            foreach (var c in lot) faits[c] = [];
            foreach (var f in lignes) faits[f.Classe!][(f.Avant, f.Apres, f.Dimension, f.Valeur)] = f;
        }
    }

    /// <summary>The classes of the places met: stored, or for a place met for the first time its commune now, recorded.</summary>
    async Task LieuxAsync(List<int> ids, CancellationToken ct)
    {
        var manquants = ids.Where(i => !lieux.ContainsKey(i)).ToList();
        if (manquants.Count == 0) return;
        foreach (var c in await db.Set<ClasseLieu>().AsNoTracking().Where(c => manquants.Contains(c.LieuId)).ToListAsync(ct)) lieux[c.LieuId] = c.Classe;
        foreach (var l in await db.Lieux.AsNoTracking().Where(l => manquants.Contains(l.Id)).Select(l => new { l.Id, l.CommuneRecherche }).ToListAsync(ct))
            if (lieux.TryAdd(l.Id, l.CommuneRecherche)) db.Set<ClasseLieu>().Add(new ClasseLieu { LieuId = l.Id, Classe = l.CommuneRecherche });
    }

    /// <summary>The typed spellings met recorded under their class.</summary>
    async Task GraphiesAsync(List<string> communes, CancellationToken ct)
    {
        var paires = communes.Select(c => (Classe: Texte.Normaliser(c), Commune: c)).Where(p => MaintenanceCommunes.EstClasse(p.Classe) && !graphies.Contains(p)).ToList();
        if (paires.Count == 0) return;
        var classes = paires.Select(p => p.Classe).Distinct().ToList();
        var connues = (await db.Set<GraphieCommune>().AsNoTracking().Where(g => classes.Contains(g.Classe)).ToListAsync(ct)).Select(g => (g.Classe, g.Commune)).ToHashSet();
        foreach (var p in paires)
            if (graphies.Add(p) && !connues.Contains(p)) db.Set<GraphieCommune>().Add(new GraphieCommune { Classe = p.Classe, Commune = p.Commune });
    }
}
