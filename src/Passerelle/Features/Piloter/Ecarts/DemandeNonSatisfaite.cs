using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Rendezvous;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>Referrals refused for lack of capacity in the period, per residence of the person referred (commune and postcode, QPV
/// code, as the person's file holds them). Counts only.</summary>
public sealed record RefusResidence(string? Commune, string? CodePostal, string? CodeQpv, int Refus);

/// <summary>Counted public slot searches of the period for one searched place (postcode, or INSEE code of a commune or arrondissement) and one wait (days before
/// the first free slot, or <see cref="RecherchesDuJour.AucunCreneau"/>).</summary>
public sealed record RecherchesLieu(string? CodePostal, string Cle, int DelaiJours, int Nombre);

/// <summary>The sources of unmet demand that are not read per place (standards file « pilotage territorial », § 2 « gap »): searches
/// that found no free slot within <see cref="JoursSansCreneau"/> days and the median wait before the first free slot, per searched
/// commune or postcode (the booking search counts them, <see cref="CompterRecherche"/>); referrals refused for capacity
/// (<see cref="ResultatsOrientation.RefuseeCapacite"/>), per residence.</summary>
public static class DemandeNonSatisfaite
{
    /// <summary>N of « no free slot within N days ».</summary>
    public const int JoursSansCreneau = 14;

    public const string Formule = "demande non satisfaite = inscriptions en liste d'attente jamais servies + sessions d'atelier complètes "
        + "+ recherches de rendez-vous sans créneau libre sous 14 jours (par commune ou code postal cherché) + orientations refusées faute de capacité (par résidence)";

    public const string DefinitionAttente = "attente médiane = médiane, sur les recherches de rendez-vous de la période qui ont trouvé un créneau libre, "
        + "du nombre de jours avant le premier créneau libre (les recherches sans aucun créneau n'y entrent pas : elles sont comptées à part)";

    /// <param name="residents">People whose residence may be in the asked zones (<see cref="PerimetreEcarts.Residents"/>).</param>
    public static Task<List<RefusResidence>> RefusAsync(AppDbContext db, DateOnly du, DateOnly au, IQueryable<Beneficiaire> residents, CancellationToken ct) =>
        db.Orientations.AsNoTracking().Where(o => o.Resultat == ResultatsOrientation.RefuseeCapacite && o.Date >= du && o.Date <= au)
            .Join(residents, o => o.BeneficiaireId, b => b.Id, (o, b) => new { b.Commune, b.CodePostal, b.CodeQpv })
            .GroupBy(x => new { x.Commune, x.CodePostal, x.CodeQpv })
            .Select(g => new RefusResidence(g.Key.Commune, g.Key.CodePostal, g.Key.CodeQpv, g.Count())).ToListAsync(ct);

    /// <param name="codesPostaux">The zone's postcodes; <paramref name="codesInsee"/> its communes' and arrondissements' INSEE codes:
    /// only the searches keyed by one of them are read, filtered in SQL. Both null for every search.</param>
    public static Task<List<RecherchesLieu>> RecherchesAsync(AppDbContext db, DateOnly du, DateOnly au, IReadOnlyCollection<string>? codesPostaux,
        IQueryable<string>? codesInsee, CancellationToken ct)
    {
        var q = db.Set<RecherchesDuJour>().AsNoTracking().Where(r => r.Jour >= du && r.Jour <= au);
        if (codesPostaux is not null && codesInsee is not null)
            q = q.Where(r => (r.CodePostal != null && codesPostaux.Contains(r.CodePostal)) || (r.CodePostal == null && codesInsee.Contains(r.Commune)));
        return q.GroupBy(r => new { r.CodePostal, r.Commune, r.DelaiJours })
            .Select(g => new RecherchesLieu(g.Key.CodePostal, g.Key.Commune, g.Key.DelaiJours, g.Sum(r => r.Nombre))).ToListAsync(ct);
    }

    /// <summary>Median (lower middle for an even count, in whole days) of waits given as (days, how many searches); null when none.</summary>
    public static int? Mediane(IEnumerable<(int Jours, int Nombre)> attentes)
    {
        var tri = attentes.Where(a => a.Jours >= 0 && a.Nombre > 0).OrderBy(a => a.Jours).ToList();
        var total = tri.Sum(a => a.Nombre);
        if (total == 0) return null;
        var rang = (total + 1) / 2;
        foreach (var (jours, nombre) in tri)
            if ((rang -= nombre) <= 0) return jours;
        return tri[^1].Jours;
    }

    /// <summary>Searches by zone code: (without a free slot within N days, waits of those that found one).</summary>
    public static Dictionary<string, (int SansCreneau, List<(int, int)> Attentes)> ParZone(IEnumerable<RecherchesLieu> recherches, ZonesDeReference reference)
    {
        var parZone = new Dictionary<string, (int SansCreneau, List<(int, int)> Attentes)>();
        foreach (var r in recherches)
        {
            var code = reference.CodeCommune(r.CodePostal is null ? r.Cle : null, null, r.CodePostal);
            if (code is null) continue;
            var v = parZone.TryGetValue(code, out var x) ? x : (0, new List<(int, int)>());
            if (r.DelaiJours == RecherchesDuJour.AucunCreneau || r.DelaiJours > JoursSansCreneau) v.Item1 += r.Nombre;
            if (r.DelaiJours >= 0) v.Item2.Add((r.DelaiJours, r.Nombre));
            parZone[code] = v;
        }
        return parZone;
    }
}
