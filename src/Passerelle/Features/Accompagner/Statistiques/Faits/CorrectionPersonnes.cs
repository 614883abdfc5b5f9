using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>The people facts corrected at read time for the change marks not folded yet (decision 0035), as <see cref="LectureFaits"/>
/// corrects the cells. The people affected — with a stored presence in a marked cell, met there now, or marked themselves — are taken
/// out as stored and put back as they are now: their presences outside the marked cells as stored (those cells did not change), inside
/// them from the records; their first month anywhere from those presences; their attributes from their file. Everyone else's stored
/// rows are current. Null from <see cref="PreparerAsync"/> above <see cref="Plafond"/> people or cells: the blocks then read the
/// records. Runs inside the caller's snapshot, so that facts, marks, records and files agree.</summary>
sealed class CorrectionPersonnes
{
    /// <summary>Above this many people affected or cells marked, the correction would read about as much as the records.</summary>
    public const int Plafond = 5000;

    /// <summary>What a person counts under in the people blocks: their file's attributes and their first month anywhere.</summary>
    public sealed record Etat(bool Suivi, string Genre, int? AnneeNaissance, string Statut, int Situation, DateOnly Premier);

    /// <summary>No mark pending: the stored rows answer alone.</summary>
    public static readonly CorrectionPersonnes Aucune = new([], [], [], [], [], Enumerable.Empty<ProgressionPersonne>().ToLookup(p => p.BeneficiaireId),
        Enumerable.Empty<ProgressionPersonne>().ToLookup(p => p.BeneficiaireId), [], Enumerable.Empty<Orientation>().ToLookup(o => o.BeneficiaireId));

    readonly int[] personnes;
    readonly HashSet<Cellule> sales;
    readonly List<PresencePersonne> stockees;
    readonly HashSet<(Cellule Cellule, int Personne)> actuelles;
    readonly Dictionary<int, Fiche> fiches;
    readonly ILookup<int, ProgressionPersonne> progressionsStockees, progressionsActuelles;
    readonly List<OrientationPersonne> orientationsStockees;
    readonly ILookup<int, Orientation> orientationsActuelles;

    CorrectionPersonnes(int[] personnes, HashSet<Cellule> sales, List<PresencePersonne> stockees, HashSet<(Cellule, int)> actuelles, Dictionary<int, Fiche> fiches,
        ILookup<int, ProgressionPersonne> progressionsStockees, ILookup<int, ProgressionPersonne> progressionsActuelles, List<OrientationPersonne> orientationsStockees,
        ILookup<int, Orientation> orientationsActuelles)
    {
        (this.personnes, this.sales, this.stockees, this.actuelles, this.fiches) = (personnes, sales, stockees, actuelles, fiches);
        (this.progressionsStockees, this.progressionsActuelles) = (progressionsStockees, progressionsActuelles);
        (this.orientationsStockees, this.orientationsActuelles) = (orientationsStockees, orientationsActuelles);
    }

    /// <summary>Reads the marks, the affected people's stored presences, their presences in the marked cells from the records, their
    /// files, and their skills progressions and referral rows as stored and as their diagnostics and referrals give them now. <see cref="Aucune"/> when nothing is pending; null above <paramref name="plafond"/> cells or people.</summary>
    public static async Task<CorrectionPersonnes?> PreparerAsync(AppDbContext db, CancellationToken ct, int plafond = Plafond)
    {
        var sales = (await db.Set<MarqueFaits>().AsNoTracking().Select(m => new { m.Mois, m.LieuId, m.Commune }).Distinct().Take(plafond + 1).ToListAsync(ct))
            .Select(m => new Cellule(m.Mois, m.LieuId, m.Commune)).ToHashSet();
        var personnes = (await db.Set<MarquePersonne>().AsNoTracking().Select(m => m.BeneficiaireId).Distinct().Take(plafond + 1).ToListAsync(ct)).ToHashSet();
        if (sales.Count > plafond || personnes.Count > plafond) return null;
        if (sales.Count == 0 && personnes.Count == 0) return Aucune;
        var actuelles = new HashSet<(Cellule, int)>();
        // Month by month: the marked cells' places and communes of one month, not their cross product over every month marked.
        foreach (var mois in sales.GroupBy(c => c.Mois))
        {
            var cellules = mois.ToList();
            actuelles.UnionWith(await CalculPersonnes.PresencesAsync(db, cellules, ct));
            var (_, _, lieux, communes, ailleurs) = CalculFaits.Bornes(cellules);
            personnes.UnionWith((await db.Set<PresencePersonne>().AsNoTracking().Where(p => p.Mois == mois.Key && ((p.LieuId != null && lieux.Contains(p.LieuId.Value))
                    || (p.Commune != null && communes.Contains(p.Commune)) || (ailleurs && p.LieuId == null && p.Commune == null)))
                .Select(p => new { p.LieuId, p.Commune, p.BeneficiaireId }).ToListAsync(ct))
                .Where(p => sales.Contains(new Cellule(mois.Key, p.LieuId, p.Commune))).Select(p => p.BeneficiaireId));
        }
        personnes.UnionWith(actuelles.Select(x => x.Item2));
        if (personnes.Count > plafond) return null;
        var stockees = new List<PresencePersonne>();
        var fiches = new Dictionary<int, Fiche>();
        List<ProgressionPersonne> progressionsStockees = [], progressionsActuelles = [];
        List<OrientationPersonne> orientationsStockees = [];
        List<Orientation> orientationsActuelles = [];
        foreach (var lot in personnes.Chunk(1000))
        {
            stockees.AddRange(await db.Set<PresencePersonne>().AsNoTracking().Where(p => lot.Contains(p.BeneficiaireId)).ToListAsync(ct));
            foreach (var fiche in await CalculPersonnes.FichesAsync(db, lot, ct)) fiches[fiche.Id] = fiche;
            progressionsStockees.AddRange(await db.Set<ProgressionPersonne>().AsNoTracking().Where(p => lot.Contains(p.BeneficiaireId)).ToListAsync(ct));
            progressionsActuelles.AddRange((await CalculPersonnes.ProgressionsAsync(db, lot, ct)).SelectMany(g => g));
            orientationsStockees.AddRange(await db.Set<OrientationPersonne>().AsNoTracking().Where(o => lot.Contains(o.BeneficiaireId)).ToListAsync(ct));
            orientationsActuelles.AddRange((await CalculPersonnes.OrientationsAsync(db, lot, ct)).SelectMany(g => g));
        }
        // Now: the stored presences outside the marked cells, the records' inside them.
        actuelles.UnionWith(stockees.Select(p => (new Cellule(p.Mois, p.LieuId, p.Commune), p.BeneficiaireId)).Where(x => !sales.Contains(x.Item1)));
        return new CorrectionPersonnes(personnes.ToArray(), sales, stockees, actuelles, fiches, progressionsStockees.ToLookup(p => p.BeneficiaireId),
            progressionsActuelles.ToLookup(p => p.BeneficiaireId), orientationsStockees, orientationsActuelles.ToLookup(o => o.BeneficiaireId));
    }

    /// <summary>The view's corrections: the stored and current states of the affected people within it. The whole territory takes back
    /// the stored contributions (what its gap rows count), a commune read from its class rows (<paramref name="classe"/>, layout 4) the
    /// stored class contributions; otherwise a commune or place the stored presences of its cells (what its grouped count read).</summary>
    public async Task<Vue> VueAsync(AppDbContext db, FiltresStatistiques f, DateOnly du, DateOnly au, string? classe, CancellationToken ct)
    {
        if (personnes.Length == 0) return new Vue([], [], [], [], []);
        Func<Cellule, bool> ici = _ => true;
        var territoire = f.Lieu is null && string.IsNullOrWhiteSpace(f.Commune);
        if (!territoire)
        {
            var lieu = f.Lieu;
            HashSet<int>? lieux = null;
            string? brut = null;
            if (!string.IsNullOrWhiteSpace(f.Commune))
            {
                var n = Texte.Normaliser(f.Commune);
                lieux = (await db.Lieux.Where(l => l.CommuneRecherche == n).Select(l => l.Id).ToListAsync(ct)).ToHashSet();
                brut = f.Commune.Trim();
            }
            ici = c => (lieu is null || c.LieuId == lieu) && (lieux is null || (c.LieuId is { } l && lieux.Contains(l)) || c.Commune == brut);
        }
        bool dans(Cellule c) => c.Mois >= du && c.Mois <= au && ici(c);
        var avant = stockees.Where(p => dans(new Cellule(p.Mois, p.LieuId, p.Commune))).ToList();
        var maintenant = actuelles.Where(x => dans(x.Cellule)).Select(x => x.Personne).ToHashSet();
        var ecarts = new List<(Etat, int)>();
        // The people whose stored skills progressions the view summed: met in it by their stored contribution or presences.
        var comptes = new HashSet<int>();
        if (territoire)
        {
            foreach (var lot in personnes.Chunk(1000))
                foreach (var a in await db.Set<ApportPersonne>().AsNoTracking().Where(a => lot.Contains(a.BeneficiaireId)).ToListAsync(ct))
                    if (a.Mois.Split(',').Select(m => DateOnly.ParseExact(m, "yyyy-MM-dd")).Any(m => m >= du && m <= au))
                    {
                        ecarts.Add((new Etat(a.Suivi, a.Genre, a.AnneeNaissance, a.Statut, a.Situation, a.Premier), -1));
                        comptes.Add(a.BeneficiaireId);
                    }
        }
        else if (classe is not null)
        {
            // A commune class's rows (layout 4) count the stored class contributions, like the territory's.
            foreach (var lot in personnes.Chunk(1000))
            {
                var etats = await db.Set<ApportPersonne>().AsNoTracking().Where(a => lot.Contains(a.BeneficiaireId)).ToDictionaryAsync(a => a.BeneficiaireId, ct);
                foreach (var c in await db.Set<ApportCommune>().AsNoTracking().Where(c => lot.Contains(c.BeneficiaireId) && c.Classe == classe).ToListAsync(ct))
                    if (etats.TryGetValue(c.BeneficiaireId, out var a) && c.Mois.Split(',').Select(m => DateOnly.ParseExact(m, "yyyy-MM-dd")).Any(m => m >= du && m <= au))
                    {
                        ecarts.Add((new Etat(a.Suivi, a.Genre, a.AnneeNaissance, a.Statut, a.Situation, a.Premier), -1));
                        comptes.Add(a.BeneficiaireId);
                    }
            }
        }
        else
        {
            // Each distinct state a person's stored rows carry counted once in the grouped count: taken back as many times.
            ecarts.AddRange(avant.Select(p => (p.BeneficiaireId, Etat: new Etat(p.Suivi, p.Genre, p.AnneeNaissance, p.Statut, p.Situation, p.Premier))).Distinct()
                .Select(x => (x.Etat, -1)));
            comptes.UnionWith(avant.Select(p => p.BeneficiaireId));
        }
        // Counted now: a person met in the view with a file (as the records path joins the files), under their contribution as computed now.
        var mois = actuelles.ToLookup(x => x.Personne, x => x.Cellule.Mois);
        foreach (var id in maintenant)
            if (fiches.TryGetValue(id, out var fiche))
            {
                var a = CalculPersonnes.Apport(fiche, mois[id].Distinct().Order().ToList());
                ecarts.Add((new Etat(a.Suivi, a.Genre, a.AnneeNaissance, a.Statut, a.Situation, a.Premier), 1));
            }
        // Skills: the stored progressions of the people the view summed taken back, those of the people met now added as they are now.
        var competences = comptes.SelectMany(id => progressionsStockees[id]).Select(p => EtapesPersonnes.SommeProgressions.De(p.Competence, p.Premier, p.Dernier, -1))
            .Concat(maintenant.SelectMany(id => progressionsActuelles[id]).Select(p => EtapesPersonnes.SommeProgressions.De(p.Competence, p.Premier, p.Dernier, 1))).ToList();
        // Territory referrals: the affected people's stored rows counted in the range taken back, their rows as they are now added.
        var resultats = new List<(string, int)>();
        if (territoire || classe is not null)
        {
            bool Compte(DateOnly m, DateOnly? avant, DateOnly? apres) => m >= du && m <= au && (avant >= du || apres <= au);
            if (territoire) resultats.AddRange(orientationsStockees.Where(o => Compte(o.Mois, o.Avant, o.Apres)).Select(o => (o.Resultat, -1)));
            else
                foreach (var lot in personnes.Chunk(1000))
                    resultats.AddRange((await db.Set<OrientationCommune>().AsNoTracking().Where(o => lot.Contains(o.BeneficiaireId) && o.Classe == classe).ToListAsync(ct))
                        .Where(o => Compte(o.Mois, o.Avant, o.Apres)).Select(o => (o.Resultat, -1)));
            // The months nearest to a referral: those the person was met anywhere, or in the view for a class.
            var moisVue = territoire ? mois : actuelles.Where(x => ici(x.Cellule)).ToLookup(x => x.Personne, x => x.Cellule.Mois);
            resultats.AddRange(maintenant.SelectMany(id => CalculPersonnes.Orientations(moisVue[id].Distinct().Order().ToList(), orientationsActuelles[id]))
                .Where(o => Compte(o.Mois, o.Avant, o.Apres)).Select(o => (o.Resultat, 1)));
        }
        var stockes = avant.Select(p => p.BeneficiaireId).ToHashSet();
        return new Vue(ecarts, stockes.Except(maintenant).ToArray(), maintenant.Except(stockes).ToArray(), competences, resultats);
    }

    /// <summary>One view's corrections: <paramref name="ecarts"/> the people taken back (-1) and counted now (+1) with what they count under;
    /// <paramref name="retires"/> people the stored presences meet in the view but the records no longer, <paramref name="ajoutes"/> the
    /// reverse; <paramref name="competences"/> the skills progressions taken back and added; <paramref name="resultats"/> the territory's
    /// referral outcomes taken back (-1) and added (+1).</summary>
    public sealed class Vue(List<(Etat Etat, int Signe)> ecarts, int[] retires, int[] ajoutes, List<EtapesPersonnes.SommeProgressions> competences,
        List<(string Resultat, int Signe)> resultats)
    {
        /// <summary>The stored people counts of the view plus the corrections.</summary>
        public EtapesPersonnes.Marges Corriger(EtapesPersonnes.Marges m, FiltresStatistiques f)
        {
            if (ecarts.Count == 0) return m;
            return new EtapesPersonnes.Marges(m.Suivis + ecarts.Where(x => x.Etat.Suivi).Sum(x => x.Signe), m.FichesAnonymes + ecarts.Where(x => !x.Etat.Suivi).Sum(x => x.Signe),
                m.Genres.Concat(ecarts.Select(x => (x.Etat.Genre, x.Signe))).ToList(), m.Naissances.Concat(ecarts.Select(x => (x.Etat.AnneeNaissance, x.Signe))).ToList(),
                m.Statuts.Concat(ecarts.Select(x => (x.Etat.Statut, x.Signe))).ToList(), m.Situations.Concat(ecarts.Select(x => (Quartiers.Situation(x.Etat.Situation), x.Signe))).ToList(),
                m.Nouveaux + ecarts.Where(x => f.Du is null || x.Etat.Premier >= f.Du).Sum(x => x.Signe));
        }

        /// <summary>Referral outcomes — the stored territory rows' counts (<paramref name="orientations"/>), or, when null, those of the
        /// people the stored presences meet (<paramref name="ids"/>, a subquery) — and the skills block from the stored progressions
        /// (<paramref name="stockees"/>, summed), all corrected.</summary>
        public async Task<Tableau> SuiviAsync(Tableau t, AppDbContext db, IQueryable<int> ids, List<EtapesPersonnes.SommeProgressions> stockees,
            List<(string Resultat, int N)>? orientations, FiltresStatistiques f, CancellationToken ct)
        {
            if (orientations is not null)
                return t with
                {
                    ResultatsOrientations = EtapesPersonnes.Resultats(orientations.Concat(resultats)),
                    Competences = EtapesPersonnes.Progressions(stockees.Concat(competences)),
                };
            Expression<Func<Orientation, bool>> orientee = retires.Length == 0 && ajoutes.Length == 0 ? o => ids.Contains(o.BeneficiaireId)
                : o => (ids.Contains(o.BeneficiaireId) && !retires.Contains(o.BeneficiaireId)) || ajoutes.Contains(o.BeneficiaireId);
            t = await EtapesPersonnes.ResultatsAsync(t, db, orientee, f, ct);
            return t with { Competences = EtapesPersonnes.Progressions(stockees.Concat(competences)) };
        }
    }
}
