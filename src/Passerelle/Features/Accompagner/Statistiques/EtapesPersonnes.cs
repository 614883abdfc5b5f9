using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>The steps of <see cref="CalculStatistiques.CalculerAsync"/> that count people rather than records.</summary>
static class EtapesPersonnes
{
    /// <summary>People by gender, age band, status and neighbourhood, and new people: distinct files met in the period, plus one person per
    /// record without a file and per anonymous workshop participant (their workshop head counts fill the known part).</summary>
    public static async Task<Tableau> PersonnesAsync(Tableau t, AppDbContext db, IQueryable<Activite> q, FiltresStatistiques f, Socle socle, int anneeRef, CancellationToken ct)
    {
        var ids = EtapesStatistiques.PersonnesRencontrees(q, f.Qpv);
        var personnes = await db.Beneficiaires.AsNoTracking().Where(b => ids.Contains(b.Id))
            .GroupBy(b => new { b.Suivi, b.Genre, b.AnneeNaissance, b.Statut, Qpv = b.CodeQpv != null, Commune = b.Commune != null })
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        // New people: files whose very first accompaniment falls in the period.
        var nouveaux = await db.Beneficiaires.Where(b => ids.Contains(b.Id)).CountAsync(b => f.Du == null ||
            (!db.Activites.Any(a => a.BeneficiaireId == b.Id && a.Date < f.Du) && !db.ParticipantsActivites.Any(p => p.BeneficiaireId == b.Id && db.Activites.Any(a => a.Id == p.ActiviteId && a.Date < f.Du))), ct);
        return Composer(t, socle, anneeRef, new Marges(personnes.Where(p => p.Key.Suivi).Sum(p => p.N), personnes.Where(p => !p.Key.Suivi).Sum(p => p.N),
            personnes.Select(p => (p.Key.Genre, p.N)), personnes.Select(p => (p.Key.AnneeNaissance, p.N)), personnes.Select(p => (p.Key.Statut, p.N)),
            personnes.Select(p => (p.Key.Qpv ? Quartiers.EnQpv : p.Key.Commune ? Quartiers.HorsQpv : Quartiers.NonRenseigne, p.N)), nouveaux));
    }

    /// <summary>The files met counted by attribute (each list sums to the files met), and the new ones among them.</summary>
    public sealed record Marges(int Suivis, int FichesAnonymes, IEnumerable<(string, int)> Genres, IEnumerable<(int?, int)> Naissances,
        IEnumerable<(string, int)> Statuts, IEnumerable<(string, int)> Situations, int Nouveaux);

    /// <summary>The people blocks from the files met (<paramref name="m"/>) and the records' people without a file (<paramref name="socle"/>).</summary>
    public static Tableau Composer(Tableau t, Socle socle, int anneeRef, Marges m)
    {
        List<LignePersonnes> Repartir(IEnumerable<(string Cle, int N)> valeurs, string critere, string[] ordre, string inconnu)
        {
            var connus = valeurs.Concat(socle.Decomptes.Where(d => d.Critere == critere).Select(d => (d.Valeur, d.N))).ToList();
            var anonymesSansDetail = socle.AnonymesAteliers - socle.Decomptes.Where(d => d.Critere == critere).Sum(d => d.N);
            return connus.Append((inconnu, socle.SansFiche + Math.Max(0, anonymesSansDetail)))
                .GroupBy(x => x.Item1).Select(g => new LignePersonnes(g.Key, g.Sum(x => x.Item2))).Where(l => l.Personnes > 0)
                .OrderBy(l => Array.IndexOf(ordre, l.Libelle) is var i && i < 0 ? int.MaxValue : i).ThenBy(l => l.Libelle, StringComparer.Ordinal).ToList();
        }
        var anonymes = m.FichesAnonymes + socle.SansFiche + socle.AnonymesAteliers;
        return t with
        {
            Beneficiaires = m.Suivis + anonymes, BeneficiairesSuivis = m.Suivis, BeneficiairesAnonymes = anonymes, NouveauxBeneficiaires = m.Nouveaux,
            ParGenre = Repartir(m.Genres, DecompteAnonyme.Genre, VocabulaireCoop.Genres, VocabulaireCoop.NonCommunique),
            ParTrancheAge = Repartir(m.Naissances.Select(p => (VocabulaireCoop.TrancheAge(p.Item1, anneeRef), p.Item2)), DecompteAnonyme.TrancheAge,
                VocabulaireCoop.TranchesAge, VocabulaireCoop.NonCommunique),
            ParStatut = Repartir(m.Statuts, DecompteAnonyme.Statut, VocabulaireCoop.Statuts, VocabulaireCoop.StatutNonCommunique),
            BeneficiairesParQpv = Repartir(m.Situations, "-", Quartiers.Situations, Quartiers.NonRenseigne),
        };
    }

    /// <summary>Referral outcomes in the period and skills progression (first and last diagnostic) of the people met.</summary>
    public static Task<Tableau> SuiviAsync(Tableau t, AppDbContext db, IQueryable<int> ids, FiltresStatistiques f, CancellationToken ct) =>
        SuiviAsync(t, db, o => ids.Contains(o.BeneficiaireId), d => ids.Contains(d.BeneficiaireId), f, ct);

    /// <summary>The same, the people met given as conditions on the referral and on the diagnostic (<paramref name="orientee"/>,
    /// <paramref name="diagnostique"/>): a subquery, or a list already read.</summary>
    public static async Task<Tableau> SuiviAsync(Tableau t, AppDbContext db, Expression<Func<Orientation, bool>> orientee, Expression<Func<Diagnostic, bool>> diagnostique,
        FiltresStatistiques f, CancellationToken ct)
    {
        t = await ResultatsAsync(t, db, orientee, f, ct);
        return t with { Competences = Progressions(await ProgressionsAsync(db, diagnostique, ct)) };
    }

    /// <summary>Referral outcomes dated in the period of the people met (<paramref name="orientee"/>), counted by outcome.</summary>
    public static async Task<Tableau> ResultatsAsync(Tableau t, AppDbContext db, Expression<Func<Orientation, bool>> orientee, FiltresStatistiques f, CancellationToken ct)
    {
        var resultats = await db.Orientations.Where(orientee).Where(o => (f.Du == null || o.Date >= f.Du) && (f.Au == null || o.Date <= f.Au))
            .GroupBy(o => o.Resultat).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return t with { ResultatsOrientations = Resultats(resultats.Select(r => (r.Key, r.N))) };
    }

    /// <summary>The referral outcomes block from counts per outcome (several rows of one outcome add up; outcomes at 0 left out), in the
    /// order of <see cref="ResultatsOrientation.Tous"/>.</summary>
    public static List<LignePersonnes> Resultats(IEnumerable<(string Resultat, int N)> comptes) =>
        comptes.GroupBy(x => x.Resultat).Select(g => new LignePersonnes(g.Key, g.Sum(x => x.N))).Where(l => l.Personnes != 0)
            .OrderBy(l => Array.IndexOf(ResultatsOrientation.Tous, l.Libelle)).ToList();

    /// <summary>Skills progressions summed for one skill: the people with more than one level of it, the sums of their first and of
    /// their last levels, and how many went up. Sums of several sources (or corrections, negative) add up row by row.</summary>
    public sealed record SommeProgressions(string Competence, int Personnes, long Premiers, long Derniers, int EnProgres)
    {
        /// <summary>A progression (first and last level) counted <paramref name="fois"/> times (people having it; -1 takes one back).</summary>
        public static SommeProgressions De(string competence, int premier, int dernier, int fois) =>
            new(competence, fois, (long)fois * premier, (long)fois * dernier, dernier > premier ? fois : 0);
    }

    /// <summary>The skills block from summed progressions, in the reference's order, skills nobody progressed in left out: per skill the
    /// people, the mean of their first and of their last level (the integer sum divided by the count, in double, rounded half to even
    /// to 2 decimals, as Enumerable.Average then Math.Round gave them) and how many went up.</summary>
    public static List<ProgressionCompetence> Progressions(IEnumerable<SommeProgressions> sommes)
    {
        var parCompetence = sommes.GroupBy(x => x.Competence).Select(g => new SommeProgressions(g.Key, g.Sum(x => x.Personnes), g.Sum(x => x.Premiers),
            g.Sum(x => x.Derniers), g.Sum(x => x.EnProgres))).Where(x => x.Personnes > 0).ToDictionary(x => x.Competence);
        return Referentiel.Competences.Where(c => parCompetence.ContainsKey(c.Code)).Select(c => (c, p: parCompetence[c.Code]))
            .Select(x => new ProgressionCompetence(x.c.Code, x.c.Nom, x.p.Personnes, Math.Round((double)x.p.Premiers / x.p.Personnes, 2),
                Math.Round((double)x.p.Derniers / x.p.Personnes, 2), x.p.EnProgres)).ToList();
    }

    /// <summary>Skills progression of the people diagnosed (<paramref name="diagnostique"/>), every diagnostic whatever its date: per skill of
    /// the reference, the people with more than one level of it, the sums of their first and of their last level (diagnostics ordered by
    /// date then id) and how many went up. Computed in the database: one row per skill comes back (issue 16).</summary>
    static async Task<List<SommeProgressions>> ProgressionsAsync(AppDbContext db, Expression<Func<Diagnostic, bool>> diagnostique, CancellationToken ct)
    {
        var niveaux = from n in db.NiveauxCompetences
                      join d in db.Diagnostics.Where(diagnostique) on n.DiagnosticId equals d.Id
                      select new { d.BeneficiaireId, n.Competence };
        // Per person and skill assessed more than once, the first and the last level by diagnostic (date, id): two correlated subqueries
        // probing the person's diagnostics (index on BeneficiaireId, Date) and their level of the skill (primary key).
        var bornes = niveaux.GroupBy(n => new { n.BeneficiaireId, n.Competence }).Where(g => g.Count() > 1).Select(g => g.Key).Select(p => new
        {
            p.Competence,
            Premier = (from d in db.Diagnostics
                       where d.BeneficiaireId == p.BeneficiaireId
                       join n in db.NiveauxCompetences on d.Id equals n.DiagnosticId
                       where n.Competence == p.Competence
                       orderby d.Date, d.Id
                       select n.Niveau).First(),
            Dernier = (from d in db.Diagnostics
                       where d.BeneficiaireId == p.BeneficiaireId
                       join n in db.NiveauxCompetences on d.Id equals n.DiagnosticId
                       where n.Competence == p.Competence
                       orderby d.Date descending, d.Id descending
                       select n.Niveau).First(),
        });
        return (await bornes.GroupBy(x => x.Competence)
            .Select(g => new { g.Key, N = g.Count(), Premiers = g.Sum(x => x.Premier), Derniers = g.Sum(x => x.Dernier), EnProgres = g.Count(x => x.Dernier > x.Premier) })
            .ToListAsync(ct)).Select(x => new SommeProgressions(x.Key, x.N, x.Premiers, x.Derniers, x.EnProgres)).ToList();
    }
}
