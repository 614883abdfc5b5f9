using Microsoft.Extensions.DependencyInjection;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Indicateurs;

/// <summary>An indicator Passerelle measures from its own records (issue 11 §3): a stable <paramref name="Code"/> stored on a
/// convention's objective, the label shown to people, and the unit (« personnes », « % »…).</summary>
public sealed record IndicateurMesure(string Code, string Libelle, string Unite);

/// <summary>What to measure: the records dated <paramref name="Du"/> (included) to <paramref name="Au"/> (excluded) of the beneficiary
/// structure <paramref name="StructureId"/>, or, when <paramref name="ConventionId"/> is given (a free service convention), those
/// delivered under that convention. <paramref name="Masquer"/>: a shared view (a funder) — counts under the small-cells threshold
/// come back null.</summary>
public sealed record PerimetreMesure(DateOnly Du, DateOnly Au, int StructureId, int? ConventionId, bool Masquer);

/// <summary>Owned by Financer, implemented by the features that own the records (accompaniments, workshops and bookings in
/// Accompagner.Statistiques, learners' outcomes in Former.Parcours): the funding chain reads figures without depending on them, so
/// no feature below it ever depends on Financer's conventions (decision 0016). Several implementations may be registered; each
/// answers for its own codes.</summary>
public interface IMesuresIndicateurs
{
    /// <summary>The indicators this implementation measures.</summary>
    IReadOnlyList<IndicateurMesure> Indicateurs { get; }

    /// <summary>The value of each asked code it knows (others are ignored); null when masked or not computable.</summary>
    Task<IReadOnlyDictionary<string, decimal?>> MesurerAsync(AppDbContext db, PerimetreMesure perimetre, IReadOnlyCollection<string> codes, TimeProvider horloge, CancellationToken ct);
}

/// <summary>Every registered <see cref="IMesuresIndicateurs"/>, as one catalogue.</summary>
public sealed class CatalogueIndicateurs(IEnumerable<IMesuresIndicateurs> mesures)
{
    readonly List<IMesuresIndicateurs> _mesures = mesures.ToList();

    /// <summary>Every measured indicator, in registration order.</summary>
    public IReadOnlyList<IndicateurMesure> Tous => _mesures.SelectMany(m => m.Indicateurs).ToList();

    public IndicateurMesure? Trouver(string? code) => code is null ? null : Tous.FirstOrDefault(i => i.Code == code);

    /// <summary>The values of the given codes; a code no implementation knows is absent from the answer.</summary>
    public async Task<Dictionary<string, decimal?>> MesurerAsync(AppDbContext db, PerimetreMesure p, IReadOnlyCollection<string> codes, TimeProvider horloge, CancellationToken ct)
    {
        var r = new Dictionary<string, decimal?>();
        foreach (var m in _mesures)
        {
            var siens = codes.Where(c => m.Indicateurs.Any(i => i.Code == c)).ToList();
            if (siens.Count == 0) continue;
            foreach (var (k, v) in await m.MesurerAsync(db, p, siens, horloge, ct)) r[k] = v;
        }
        return r;
    }

    /// <summary>The catalogue of the application's services (the static use cases reach it through their context's services).</summary>
    public static CatalogueIndicateurs De(IServiceProvider services) => services.GetService<CatalogueIndicateurs>() ?? new([]);
}

public static class ServicesIndicateurs
{
    public static void AddIndicateursFinancement(this WebApplicationBuilder builder) => builder.Services.AddScoped<CatalogueIndicateurs>();
}
