using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>A file's attributes as the people blocks count them (<see cref="Situation"/>: 1 in a QPV, 2 outside, 0 unknown).</summary>
sealed record Fiche(int Id, bool Suivi, string Genre, int? AnneeNaissance, string Statut, int Situation);

/// <summary>The people facts' rules (decision 0035): who is met in a cell, what a person contributes to the territory rows.</summary>
static class CalculPersonnes
{
    /// <summary>Distinct (cell, person) of the records of the cells: individual records' people and every record's named participants,
    /// as <see cref="EtapesStatistiques.PersonnesRencontrees"/> reads them.</summary>
    public static async Task<HashSet<(Cellule, int)>> PresencesAsync(AppDbContext db, IReadOnlyCollection<Cellule> cellules, CancellationToken ct)
    {
        var ensemble = cellules.ToHashSet();
        var q = db.Activites.AsNoTracking().Where(CalculFaits.Dans(cellules));
        var individuels = await q.Where(a => a.BeneficiaireId != null).Select(a => new { a.Date, a.LieuId, a.Commune, P = a.BeneficiaireId!.Value }).ToListAsync(ct);
        var participants = await q.SelectMany(a => a.Participants, (a, p) => new { a.Date, a.LieuId, a.Commune, P = p.BeneficiaireId }).ToListAsync(ct);
        return individuels.Concat(participants).Select(x => (new Cellule(Cellule.MoisDe(x.Date), x.LieuId, x.Commune), x.P))
            .Where(x => ensemble.Contains(x.Item1)).ToHashSet();
    }

    /// <summary>The contributions of the people as they are now (their stored presences, their files); none for a person never met.</summary>
    public static async Task<Dictionary<int, ApportPersonne>> ApportsAsync(AppDbContext db, int[] personnes, CancellationToken ct)
    {
        var mois = (await db.Set<PresencePersonne>().Where(p => personnes.Contains(p.BeneficiaireId)).Select(p => new { p.BeneficiaireId, p.Mois }).Distinct().ToListAsync(ct))
            .ToLookup(x => x.BeneficiaireId, x => x.Mois);
        return (await FichesAsync(db, personnes, ct)).Where(f => mois.Contains(f.Id)).ToDictionary(f => f.Id, f => Apport(f, mois[f.Id].Order().ToList()));
    }

    /// <summary>The files of the people as they are now (none for a file deleted).</summary>
    public static Task<List<Fiche>> FichesAsync(AppDbContext db, int[] personnes, CancellationToken ct) =>
        db.Beneficiaires.AsNoTracking().Where(b => personnes.Contains(b.Id))
            .Select(b => new Fiche(b.Id, b.Suivi, b.Genre, b.AnneeNaissance, b.Statut, b.CodeQpv != null ? 1 : b.Commune != null ? 2 : 0)).ToListAsync(ct);

    /// <summary>A person's contribution from their file and the months they were met (ascending, distinct).</summary>
    public static ApportPersonne Apport(Fiche f, IReadOnlyList<DateOnly> mois) => new()
    {
        BeneficiaireId = f.Id, Mois = string.Join(',', mois.Select(m => m.ToString("yyyy-MM-dd"))), Premier = mois[0], Suivi = f.Suivi, Genre = f.Genre,
        AnneeNaissance = f.AnneeNaissance, Statut = f.Statut, Situation = f.Situation,
    };

    /// <summary>The (before, after) month pairs of a contribution: before the first month, between consecutive ones, after the last.</summary>
    public static IEnumerable<(DateOnly? Avant, DateOnly? Apres)> Intervalles(ApportPersonne a)
    {
        var mois = Mois(a);
        DateOnly? avant = null;
        foreach (var m in mois)
        {
            yield return (avant, m);
            avant = m;
        }
        yield return (avant, null);
    }

    /// <summary>The skills progressions of the people as their diagnostics are now (<see cref="ProgressionPersonne"/>): per person, the
    /// skills assessed more than once, with the level of the first and of the last diagnostic by (date, id). None for a person without.</summary>
    public static async Task<ILookup<int, ProgressionPersonne>> ProgressionsAsync(AppDbContext db, int[] personnes, CancellationToken ct)
    {
        var niveaux = await (from d in db.Diagnostics.AsNoTracking()
                             where personnes.Contains(d.BeneficiaireId)
                             join n in db.NiveauxCompetences.AsNoTracking() on d.Id equals n.DiagnosticId
                             select new { d.BeneficiaireId, d.Date, d.Id, n.Competence, n.Niveau }).ToListAsync(ct);
        return niveaux.GroupBy(n => (n.BeneficiaireId, n.Competence)).Where(g => g.Count() > 1)
            .Select(g =>
            {
                var ordre = g.OrderBy(n => n.Date).ThenBy(n => n.Id).ToList();
                return new ProgressionPersonne { BeneficiaireId = g.Key.BeneficiaireId, Competence = g.Key.Competence, Premier = ordre[0].Niveau, Dernier = ordre[^1].Niveau };
            })
            .ToLookup(p => p.BeneficiaireId);
    }

    /// <summary>The referrals of the people as they are now: id, person, date, outcome.</summary>
    public static async Task<ILookup<int, Orientation>> OrientationsAsync(AppDbContext db, int[] personnes, CancellationToken ct) =>
        (await db.Orientations.AsNoTracking().Where(o => personnes.Contains(o.BeneficiaireId))
            .Select(o => new Orientation { Id = o.Id, BeneficiaireId = o.BeneficiaireId, Date = o.Date, Resultat = o.Resultat }).ToListAsync(ct))
            .ToLookup(o => o.BeneficiaireId);

    /// <summary>The <see cref="OrientationPersonne"/> rows of a person's referrals, from the months they were met (<paramref name="mois"/>,
    /// ascending, at least one).</summary>
    public static IEnumerable<OrientationPersonne> Orientations(List<DateOnly> mois, IEnumerable<Orientation> orientations) =>
        orientations.Select(o =>
        {
            var m = Cellule.MoisDe(o.Date);
            var i = mois.BinarySearch(m);
            // i: index of m, or ~(index of the first month after it).
            DateOnly? avant = i >= 0 ? m : ~i > 0 ? mois[~i - 1] : null;
            DateOnly? apres = i >= 0 ? m : ~i < mois.Count ? mois[~i] : null;
            return new OrientationPersonne { OrientationId = o.Id, BeneficiaireId = o.BeneficiaireId, Mois = m, Resultat = o.Resultat, Avant = avant, Apres = apres };
        });

    /// <summary>The months of a contribution, ascending.</summary>
    public static List<DateOnly> Mois(ApportPersonne a) => a.Mois.Split(',').Select(m => DateOnly.ParseExact(m, "yyyy-MM-dd")).ToList();

    /// <summary>The <see cref="DimensionsPersonnes.Competence"/> value of a progression: « skill|first|last ».</summary>
    public static string Valeur(ProgressionPersonne p) => $"{p.Competence}|{p.Premier}|{p.Dernier}";

    /// <summary>The attribute values a contribution counts under, its skills progressions included.</summary>
    public static IEnumerable<(string Dimension, string? Valeur)> Valeurs(ApportPersonne a, IEnumerable<ProgressionPersonne> progressions) =>
        Valeurs(a).Concat(progressions.Select(p => (DimensionsPersonnes.Competence, (string?)Valeur(p))));

    /// <summary>The attribute values a contribution counts under.</summary>
    public static IEnumerable<(string Dimension, string? Valeur)> Valeurs(ApportPersonne a) =>
    [
        (DimensionsPersonnes.Suivi, a.Suivi ? "1" : "0"), (DimensionsPersonnes.Genre, a.Genre), (DimensionsPersonnes.Naissance, a.AnneeNaissance?.ToString()),
        (DimensionsPersonnes.Statut, a.Statut), (DimensionsPersonnes.Situation, a.Situation.ToString()), (DimensionsPersonnes.Premier, a.Premier.ToString("yyyy-MM-dd")),
    ];

    /// <summary>Adds (<paramref name="signe"/> 1) or takes back (-1) a contribution with its person's skills progressions; rows created
    /// are added to <paramref name="db"/> when given, as rows of the commune class <paramref name="classe"/> (null: the territory's).</summary>
    public static void Appliquer(Dictionary<(DateOnly?, DateOnly?, string, string?), FaitPersonnes> faits, ApportPersonne a, IEnumerable<ProgressionPersonne> progressions,
        int signe, AppDbContext? db, string? classe = null)
    {
        var valeurs = Valeurs(a, progressions).ToList();
        foreach (var (avant, apres) in Intervalles(a))
            foreach (var (dimension, valeur) in valeurs)
            {
                var k = (avant, apres, dimension, valeur);
                if (!faits.TryGetValue(k, out var f))
                {
                    faits[k] = f = new FaitPersonnes { Classe = classe, Avant = avant, Apres = apres, Dimension = dimension, Valeur = valeur };
                    db?.Set<FaitPersonnes>().Add(f);
                }
                f.Personnes += signe;
            }
    }
}
