using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Former.Parcours;

/// <summary>n over d: n people meet the definition among the d people of its denominator. Null: masked (fewer than 5 people, or fewer than
/// 5 in the complement d − n).</summary>
public sealed record Fraction(int? N, int? D);

public sealed record ParMoment(
    [property: JsonPropertyName("sortie")] Fraction Sortie,
    [property: JsonPropertyName("3mois")] Fraction TroisMois,
    [property: JsonPropertyName("6mois")] Fraction SixMois)
{
    public Fraction De(string moment) => moment switch { "sortie" => Sortie, "3mois" => TroisMois, _ => SixMois };
}

/// <summary>The contract of <c>GET /api/v1/parcours/cohortes/{id}/indicateurs</c> (issue 14): entrants and, from the entry snapshot,
/// women, QPV residents and under-26s; positive exits and « sans nouvelles » per moment, each with its denominator.</summary>
public sealed record IndicateursDto(int? Apprenants, int? Femmes, int? Qpv, int? Moins26, ParMoment SortiesPositives, ParMoment SansNouvelles);

/// <summary>What the pages show besides the contract: completions, drop-outs, low qualification, under-26 NEET, and per moment the
/// measures due but not yet recorded (never counted as a failure nor a success); <paramref name="EnEmploi"/> leavers with a job
/// recorded at any moment and <paramref name="DelaiPremierEmploiJours"/> the median of their days from exit to the first job's date
/// (null when masked or nobody); <paramref name="Emarges"/> entrants listed on a signed attendance sheet, <paramref name="TauxAssiduite"/>
/// and <paramref name="TauxAbsencesJustifiees"/> in % (one decimal) of the minutes planned on their sheets.</summary>
public sealed record Indicateurs(IndicateursDto Contrat, int? Termines, int? Abandons, int? BasNiveau, int? Moins26Neet, ParMoment ARenseigner, bool Masque,
    int? EnEmploi = null, int? DelaiPremierEmploiJours = null, int? Emarges = null, decimal? TauxAssiduite = null, decimal? TauxAbsencesJustifiees = null);

/// <summary>Funder indicators computed from the pathways, never retyped (standards, sections 3 and 4).
/// <list type="bullet">
/// <item>Entrants: enrolments admitted, in training, completed or dropped out; shares read from the first entry snapshot.</item>
/// <item>Per moment (exit, +3, +6 months): the denominator d is every entrant who has left the course (completed or dropped out) and
/// whose measure is due (exit day + 0, 3 or 6 months ≤ today); n counts the outcomes of the default positive rule (every type except
/// <c>SANS_SOLUTION</c> and <c>INCONNU</c>, <see cref="Vocabulaire.Positive"/>). « Sans nouvelles » counts <c>INCONNU</c> over the same d:
/// it stays in the denominator. A due measure not yet recorded is « à renseigner ».</item>
/// <item>Time to first job: for each leaver with a job outcome (<see cref="Vocabulaire.Emploi"/>, further training excluded) at any
/// moment, the days from the exit day to the earliest such outcome's date (0 when dated before the exit); the median over them
/// (the mean of the two middle values, rounded half up, when their number is even).</item>
/// <item>Attendance, from the signed sheets (<see cref="FeuillePresence"/>): the minutes attended by the entrants (present: the
/// session; late: what the sheet says; absent or excused: 0) over the minutes of the sessions each of them is listed on; excused
/// absences are a share of the same denominator. Null when nobody is listed (or fewer than 5 in a shared view).</item>
/// <item>Shared views (funders) mask every count under 5 and every n whose complement d − n is under 5.</item>
/// </list></summary>
public static class CalculerIndicateurs
{
    public const int Seuil = 5;
    static readonly string[] Entrants = [Vocabulaire.Admis, Vocabulaire.EnFormation, Vocabulaire.Termine, Vocabulaire.Abandon];

    public static Task<Indicateurs> CohorteAsync(AppDbContext db, int cohorteId, bool masquer, TimeProvider horloge, CancellationToken ct) =>
        ExecuterAsync(db, db.Set<Inscription>().Where(i => i.CohorteId == cohorteId), masquer, horloge, ct);

    /// <summary>A programme's indicators over all its cohorts: the method the school's grant report calls.</summary>
    public static Task<Indicateurs> ProgrammeAsync(AppDbContext db, int programmeId, bool masquer, TimeProvider horloge, CancellationToken ct) =>
        ExecuterAsync(db, db.Set<Inscription>().Where(i => i.Cohorte!.ProgrammeId == programmeId), masquer, horloge, ct);

    static async Task<Indicateurs> ExecuterAsync(AppDbContext db, IQueryable<Inscription> inscriptions, bool masquer, TimeProvider horloge, CancellationToken ct)
    {
        var ids = inscriptions.Where(i => Entrants.Contains(i.Statut)).Select(i => i.Id);
        var presences = await (from p in db.Set<Presence>()
                               join f in db.Set<FeuillePresence>() on p.FeuillePresenceId equals f.Id
                               where ids.Contains(p.InscriptionId)
                               group new { p.Minutes, f.MinutesPrevues, Excusees = p.Statut == Vocabulaire.Excuse ? f.MinutesPrevues : 0 } by p.InscriptionId into g
                               select new { Suivies = g.Sum(x => x.Minutes), Prevues = g.Sum(x => x.MinutesPrevues), Excusees = g.Sum(x => x.Excusees) }).ToListAsync(ct);
        var aujourdHui = Territoire.AujourdHui(horloge);
        // The entry snapshots of these entrants only, the first per enrolment picked here: a « first of each » in the projection becomes a
        // ROW_NUMBER over every snapshot of the table on PostgreSQL (50 ms at 20 000 learners, docs/performance.md).
        var entrees = (await db.Set<SituationEntree>().AsNoTracking().Where(s => ids.Contains(s.InscriptionId))
                .Select(s => new { s.InscriptionId, s.Le, s.Id, s.Femme, s.ResidentQpv, s.MoinsDe26, s.Neet, s.NiveauQualification }).ToListAsync(ct))
            .GroupBy(s => s.InscriptionId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Le).ThenBy(s => s.Id).First());
        var lignes = (await inscriptions.AsNoTracking().Where(i => Entrants.Contains(i.Statut)).Select(i => new
        {
            i.Id, i.Statut, i.SortieLe,
            Resultats = i.Resultats.Select(r => new { r.Moment, r.Type, r.Le }).ToList(),
        }).ToListAsync(ct)).Select(l => new { l.Statut, l.SortieLe, Entree = entrees.GetValueOrDefault(l.Id), l.Resultats }).ToList();

        int? C(int v) => masquer && v is > 0 and < Seuil ? null : v;
        int? Sur(int v, int total) => masquer && (v is > 0 and < Seuil || (total - v) is > 0 and < Seuil) ? null : v;
        Fraction F(int n, int d) => C(d) is null ? new(null, null) : new(Sur(n, d), d);

        var fractions = Vocabulaire.Moments.Select(m =>
        {
            var dus = lignes.Where(l => l.SortieLe is { } s && s.AddMonths(m.Mois) <= aujourdHui).ToList();
            var types = dus.Select(l => l.Resultats.FirstOrDefault(r => r.Moment == m.Code)?.Type).ToList();
            return (Positives: F(types.Count(t => t is not null && Vocabulaire.Positive(t)), dus.Count),
                    SansNouvelles: F(types.Count(t => t == Vocabulaire.Inconnu), dus.Count),
                    ARenseigner: F(types.Count(t => t is null), dus.Count));
        }).ToList();
        ParMoment P(Func<(Fraction Positives, Fraction SansNouvelles, Fraction ARenseigner), Fraction> f) => new(f(fractions[0]), f(fractions[1]), f(fractions[2]));

        var delais = lignes.Where(l => l.SortieLe is not null)
            .Select(l => l.Resultats.Where(r => Vocabulaire.Emploi(r.Type)).Select(r => (int?)Math.Max(0, r.Le.DayNumber - l.SortieLe!.Value.DayNumber)).Min())
            .Where(d => d is not null).Select(d => d!.Value).Order().ToList();
        int? mediane = delais.Count == 0 || C(delais.Count) is null ? null
            : (int)Math.Round((delais[(delais.Count - 1) / 2] + delais[delais.Count / 2]) / 2.0, MidpointRounding.AwayFromZero);

        var n = lignes.Count;
        var contrat = new IndicateursDto(C(n), Sur(lignes.Count(l => l.Entree?.Femme == true), n), Sur(lignes.Count(l => l.Entree?.ResidentQpv == true), n),
            Sur(lignes.Count(l => l.Entree?.MoinsDe26 == true), n), P(x => x.Positives), P(x => x.SansNouvelles));
        return new Indicateurs(contrat, Sur(lignes.Count(l => l.Statut == Vocabulaire.Termine), n), Sur(lignes.Count(l => l.Statut == Vocabulaire.Abandon), n),
            Sur(lignes.Count(l => l.Entree?.NiveauQualification is "infra_bac" or "bac"), n), Sur(lignes.Count(l => l.Entree is { MoinsDe26: true, Neet: true }), n),
            P(x => x.ARenseigner), masquer, C(delais.Count), mediane, C(presences.Count), Taux(presences.Sum(p => (long)p.Suivies)), Taux(presences.Sum(p => (long)p.Excusees)));
        decimal? Taux(long minutes)
        {
            var prevues = presences.Sum(p => (long)p.Prevues);
            return prevues == 0 || C(presences.Count) is null ? null : Math.Round(100m * minutes / prevues, 1);
        }
    }
}
