using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Indicateurs;

namespace Passerelle.Features.Former.Parcours;

/// <summary>The learners' outcomes a funder's objective can aim at (issue 11 §3, « learners' outcomes »), read through
/// <see cref="CalculerIndicateurs.ProgrammeAsync"/> for every programme of the beneficiary structure, so the report shows the
/// figures of the school's own indicators page. These figures cover all the programmes' cohorts (the pathways' indicators are
/// per programme, not per period): the label says so.</summary>
public sealed class MesuresParcours : IMesuresIndicateurs
{
    public const string Apprenants = "apprenants", SortiesPositives6Mois = "sorties-positives-6mois";

    public IReadOnlyList<IndicateurMesure> Indicateurs { get; } =
    [
        new(Apprenants, "Apprenants entrés en formation (toutes promotions)", "apprenants"),
        new(SortiesPositives6Mois, "Sorties positives à six mois (toutes promotions)", "%"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal?>> MesurerAsync(AppDbContext db, PerimetreMesure p, IReadOnlyCollection<string> codes, TimeProvider horloge, CancellationToken ct)
    {
        var programmes = await db.Set<Programme>().AsNoTracking().Where(x => x.StructureId == p.StructureId).Select(x => x.Id).ToListAsync(ct);
        var apprenants = 0; var n = 0; var d = 0; var masque = false;
        foreach (var id in programmes)
        {
            var i = await CalculerIndicateurs.ProgrammeAsync(db, id, p.Masquer, horloge, ct);
            if (i.Contrat.Apprenants is { } a) apprenants += a; else masque = true;
            if (i.Contrat.SortiesPositives.SixMois is { N: { } sn, D: { } sd }) { n += sn; d += sd; } else masque = true;
        }
        var r = new Dictionary<string, decimal?>();
        foreach (var c in codes)
            r[c] = c switch
            {
                Apprenants => masque ? null : apprenants,
                SortiesPositives6Mois => masque || d == 0 ? null : Math.Round(100m * n / d, 1),
                _ => null,
            };
        return r;
    }
}
