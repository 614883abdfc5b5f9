using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Indicateurs;

namespace Passerelle.Features.Former.Parcours;

/// <summary>The learners' outcomes a funder's objective can aim at (issue 11 §3, « learners' outcomes »; issue 14 §5: they feed the
/// school's grant report), read through <see cref="CalculerIndicateurs.ProgrammeAsync"/> for every programme of the beneficiary
/// structure, so the report shows the figures of the school's own indicators page. Financer owns the interface and never names this
/// feature (decision 0016). These figures cover all the programmes' cohorts (the pathways' indicators are per programme, not per
/// period): the labels say so. Rates are in % with one decimal, n over the definition's denominator d (« sans nouvelles » stays in
/// d); null when d is 0 or when a programme's figure is masked.</summary>
public sealed class MesuresParcours : IMesuresIndicateurs
{
    public const string Apprenants = "apprenants", SortiesPositivesSortie = "sorties-positives-sortie", SortiesPositives3Mois = "sorties-positives-3mois",
        SortiesPositives6Mois = "sorties-positives-6mois", SansNouvelles6Mois = "sans-nouvelles-6mois";

    public IReadOnlyList<IndicateurMesure> Indicateurs { get; } =
    [
        new(Apprenants, "Apprenants entrés en formation (toutes promotions)", "apprenants"),
        new(SortiesPositivesSortie, "Sorties positives à la sortie de formation (toutes promotions)", "%"),
        new(SortiesPositives3Mois, "Sorties positives à trois mois (toutes promotions)", "%"),
        new(SortiesPositives6Mois, "Sorties positives à six mois (toutes promotions)", "%"),
        new(SansNouvelles6Mois, "Apprenants sans nouvelles à six mois (toutes promotions)", "%"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal?>> MesurerAsync(AppDbContext db, PerimetreMesure p, IReadOnlyCollection<string> codes, TimeProvider horloge, CancellationToken ct)
    {
        var programmes = await db.Set<Programme>().AsNoTracking().Where(x => x.StructureId == p.StructureId && x.Nature == Programme.NatureEcole).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);
        var tous = new List<Indicateurs>();
        foreach (var id in programmes) tous.Add(await CalculerIndicateurs.ProgrammeAsync(db, id, p.Masquer, horloge, ct));

        decimal? Taux(Func<Indicateurs, Fraction> f)
        {
            var n = 0; var d = 0;
            foreach (var i in tous)
            {
                if (f(i) is not { N: { } fn, D: { } fd }) return null;
                n += fn; d += fd;
            }
            return d == 0 ? null : Math.Round(100m * n / d, 1);
        }
        var r = new Dictionary<string, decimal?>();
        foreach (var c in codes)
            r[c] = c switch
            {
                Apprenants => tous.Any(i => i.Contrat.Apprenants is null) ? null : tous.Sum(i => i.Contrat.Apprenants!.Value),
                SortiesPositivesSortie => Taux(i => i.Contrat.SortiesPositives.Sortie),
                SortiesPositives3Mois => Taux(i => i.Contrat.SortiesPositives.TroisMois),
                SortiesPositives6Mois => Taux(i => i.Contrat.SortiesPositives.SixMois),
                SansNouvelles6Mois => Taux(i => i.Contrat.SansNouvelles.SixMois),
                _ => null,
            };
        return r;
    }
}
