using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>The people blocks read from the people facts (decision 0035), for the views the monthly facts serve (whole months, no
/// filter but the commune and the place): the whole territory from the gap rows (<see cref="FaitPersonnes"/>), a commune or a
/// place from its presences (<see cref="PresencePersonne"/>) and the people's contributions, corrected at read time for the change marks
/// not folded yet (<see cref="CorrectionPersonnes"/>). Null — read the records — before the people facts are built, when the marks
/// affect too many people, or while a presence written by a layout-1 instance awaits its repair (<see cref="MaintenancePersonnes.SansAttributs"/>).
/// Runs inside the caller's snapshot (<see cref="LectureFaits.OuvrirAsync"/>).</summary>
static class LecturePersonnes
{
    public static async Task<Tableau?> LireAsync(AppDbContext db, FiltresStatistiques f, Tableau t, Socle socle, int anneeRef, CancellationToken ct)
    {
        if (!LectureFaits.Admis(f) || !await MaintenancePersonnes.ConstruitsAsync(db, ct) || await MaintenancePersonnes.SansAttributs(db).AnyAsync(ct)) return null;
        // Pending marks: the people they affect are corrected at read time, unless too many (CorrectionPersonnes).
        if (await CorrectionPersonnes.PreparerAsync(db, ct) is not { } correction) return null;
        var du = f.Du ?? DateOnly.MinValue;
        var au = f.Au is { } a ? Cellule.MoisDe(a) : DateOnly.MaxValue;
        // The commune's places as a list, not a subquery: the OR can then use the (LieuId, Mois) and (Commune, Mois) indexes.
        string? classe = null;
        List<int>? lieux = null;
        if (!string.IsNullOrWhiteSpace(f.Commune))
        {
            var n = Texte.Normaliser(f.Commune);
            lieux = await db.Lieux.Where(l => l.CommuneRecherche == n).Select(l => l.Id).ToListAsync(ct);
            // Layout 4: a commune view without a place reads its class rows when they count exactly its people.
            if (f.Lieu is null) classe = await LectureCommunes.ClasseAsync(db, n, f.Commune.Trim(), lieux, ct);
        }
        var vue = await correction.VueAsync(db, f, du, au, classe, ct);
        var presences = db.Set<PresencePersonne>().AsNoTracking().Where(p => p.Mois >= du && p.Mois <= au);
        EtapesPersonnes.Marges marges;
        List<EtapesPersonnes.SommeProgressions> competences;
        List<(string Resultat, int N)>? orientations = null;
        if (classe is not null || (f.Lieu is null && string.IsNullOrWhiteSpace(f.Commune)))
        {
            (marges, competences) = await TerritoireAsync(db, f, du, au, classe, ct);
            marges = vue.Corriger(marges, f);
            // Referrals of the range whose person was met in it (OrientationPersonne, OrientationCommune): a read of the range's referrals,
            // not a join with every presence.
            orientations = classe is null
                ? (await db.Set<OrientationPersonne>().AsNoTracking().Where(o => o.Mois >= du && o.Mois <= au && (o.Avant >= du || o.Apres <= au))
                    .GroupBy(o => o.Resultat).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).Select(x => (x.Key, x.N)).ToList()
                : (await db.Set<OrientationCommune>().AsNoTracking().Where(o => o.Classe == classe && o.Mois >= du && o.Mois <= au && (o.Avant >= du || o.Apres <= au))
                    .GroupBy(o => o.Resultat).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).Select(x => (x.Key, x.N)).ToList();
        }
        else
        {
            if (f.Lieu is { } lieu) presences = presences.Where(p => p.LieuId == lieu);
            if (lieux is not null)
            {
                var brut = f.Commune!.Trim();
                presences = presences.Where(p => (p.LieuId != null && lieux.Contains(p.LieuId.Value)) || p.Commune == brut);
            }
            // The people met: one grouped count of distinct people over the presences, which carry each person's attributes and first
            // month; their skills progressions summed once per person; referral outcomes take the same presences as a subquery.
            marges = vue.Corriger(await LocalAsync(presences, f, ct), f);
            competences = await CompetencesAsync(db, presences.Select(p => p.BeneficiaireId), ct);
        }
        t = EtapesPersonnes.Composer(t, socle, anneeRef, marges);
        return await vue.SuiviAsync(t, db, presences.Select(p => p.BeneficiaireId), competences, orientations, f, ct);
    }

    /// <summary>The stored skills progressions of the people met (<paramref name="ids"/>, a subquery; each person once whatever the
    /// number of their presences), summed per skill in the database.</summary>
    static async Task<List<EtapesPersonnes.SommeProgressions>> CompetencesAsync(AppDbContext db, IQueryable<int> ids, CancellationToken ct) =>
        (await db.Set<ProgressionPersonne>().AsNoTracking().Where(p => ids.Contains(p.BeneficiaireId)).GroupBy(p => p.Competence)
            .Select(g => new { g.Key, N = g.Count(), Premiers = g.Sum(x => x.Premier), Derniers = g.Sum(x => x.Dernier), EnProgres = g.Count(x => x.Dernier > x.Premier) })
            .ToListAsync(ct)).Select(x => new EtapesPersonnes.SommeProgressions(x.Key, x.N, x.Premiers, x.Derniers, x.EnProgres)).ToList();

    /// <summary>People met in [du, au], in the whole territory (<paramref name="classe"/> null) or in a commune class: per attribute value,
    /// the first gaps (one per person) minus the gaps covering the whole range; their skills progressions likewise, from the values
    /// « skill|first|last ».</summary>
    static async Task<(EtapesPersonnes.Marges, List<EtapesPersonnes.SommeProgressions>)> TerritoireAsync(AppDbContext db, FiltresStatistiques f, DateOnly du, DateOnly au,
        string? classe, CancellationToken ct)
    {
        var rangees = db.Set<FaitPersonnes>().AsNoTracking();
        rangees = classe is null ? rangees.Where(x => x.Classe == null) : rangees.Where(x => x.Classe == classe);
        var lignes = await rangees.Where(x => x.Dimension != DimensionsPersonnes.Construit)
            .GroupBy(x => new { x.Dimension, x.Valeur })
            .Select(g => new
            {
                g.Key.Dimension, g.Key.Valeur,
                N = g.Sum(x => x.Avant == null ? x.Personnes : 0) - g.Sum(x => (x.Avant == null || x.Avant < du) && (x.Apres == null || x.Apres > au) ? x.Personnes : 0),
            }).ToListAsync(ct);
        IEnumerable<(string? Valeur, int N)> De(string d) => lignes.Where(l => l.Dimension == d && l.N != 0).Select(l => (l.Valeur, l.N));
        var debut = du.ToString("yyyy-MM-dd");
        static string Situation(string? k) => Quartiers.Situation(k == "1" ? 1 : k == "2" ? 2 : 0);
        var competences = De(DimensionsPersonnes.Competence).Select(x => (Parties: x.Valeur!.Split('|'), x.N))
            .Select(x => EtapesPersonnes.SommeProgressions.De(x.Parties[0], int.Parse(x.Parties[1]), int.Parse(x.Parties[2]), x.N)).ToList();
        return (new EtapesPersonnes.Marges(De(DimensionsPersonnes.Suivi).Where(x => x.Valeur == "1").Sum(x => x.N),
            De(DimensionsPersonnes.Suivi).Where(x => x.Valeur == "0").Sum(x => x.N),
            De(DimensionsPersonnes.Genre).Select(x => (x.Valeur ?? "", x.N)).ToList(),
            De(DimensionsPersonnes.Naissance).Select(x => (x.Valeur is null ? (int?)null : int.Parse(x.Valeur), x.N)).ToList(),
            De(DimensionsPersonnes.Statut).Select(x => (x.Valeur ?? "", x.N)).ToList(),
            De(DimensionsPersonnes.Situation).Select(x => (Situation(x.Valeur), x.N)).ToList(),
            De(DimensionsPersonnes.Premier).Where(x => f.Du is null || string.CompareOrdinal(x.Valeur, debut) >= 0).Sum(x => x.N)), competences);
    }

    /// <summary>People met among the presences selected, grouped by the attributes their rows carry (the same on every row of a person,
    /// so each person counts in one group); new ones first met from du on.</summary>
    static async Task<EtapesPersonnes.Marges> LocalAsync(IQueryable<PresencePersonne> presences, FiltresStatistiques f, CancellationToken ct)
    {
        // Each (person, attributes) once, then counted per attributes: two hash aggregates, where count(DISTINCT) sorts the presences
        // by attributes, text compared by collation (measured at full size, Lyon's year, 132 538 presences: 0.96 s → 0.48 s).
        var groupes = await presences.Select(x => new { x.BeneficiaireId, x.Suivi, x.Genre, x.AnneeNaissance, x.Statut, x.Situation, Nouveau = f.Du == null || x.Premier >= f.Du })
            .Distinct().GroupBy(x => new { x.Suivi, x.Genre, x.AnneeNaissance, x.Statut, x.Situation, x.Nouveau })
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return new EtapesPersonnes.Marges(groupes.Where(g => g.Key.Suivi).Sum(g => g.N), groupes.Where(g => !g.Key.Suivi).Sum(g => g.N),
            groupes.Select(g => (g.Key.Genre, g.N)).ToList(), groupes.Select(g => (g.Key.AnneeNaissance, g.N)).ToList(), groupes.Select(g => (g.Key.Statut, g.N)).ToList(),
            groupes.Select(g => (Quartiers.Situation(g.Key.Situation), g.N)).ToList(), groupes.Where(g => g.Key.Nouveau).Sum(g => g.N));
    }
}
