using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>Puts a place or a person's residence into a commune of the reference: by INSEE code (an arrondissement counts for its
/// commune), else by postcode narrowed by the name (forgiving, <see cref="RechercheCommunes"/>). Null when unknown or ambiguous.</summary>
public sealed class ZonesDeReference
{
    readonly Dictionary<string, Commune> _parCode;
    readonly Dictionary<string, List<Commune>> _parCodePostal = [];
    readonly HashSet<string> _homonymes;

    /// <param name="communes">The communes (and arrondissements) residences and places may be put into.</param>
    /// <param name="homonymes">Name keys (<see cref="RechercheCommunes.Cle"/>) that several communes of the whole reference bear, even
    /// outside <paramref name="communes"/>: a name alone never places anyone there (see <see cref="CodeCommuneParNom"/>).</param>
    public ZonesDeReference(IEnumerable<Commune> communes, IEnumerable<string>? homonymes = null)
    {
        _parCode = communes.ToDictionary(c => c.CodeInsee);
        _homonymes = homonymes?.ToHashSet() ?? [];
        foreach (var c in _parCode.Values)
            foreach (var cp in c.CodesPostaux.Split('|', StringSplitOptions.RemoveEmptyEntries))
                (_parCodePostal.TryGetValue(cp, out var l) ? l : _parCodePostal[cp] = []).Add(c);
    }

    public Commune? Commune(string code) => _parCode.GetValueOrDefault(code);

    /// <summary>The INSEE code of the commune (never an arrondissement) a code, or a name and postcode, or a name alone when there is no
    /// postcode, designate; null when unknown or ambiguous.</summary>
    public string? CodeCommune(string? codeInsee, string? nom, string? codePostal)
    {
        if (codeInsee is not null && _parCode.TryGetValue(codeInsee, out var c)) return c.CodeCommune;
        // A file with a commune but no postcode (allowed by the person's form) is placed by its name alone.
        if (string.IsNullOrWhiteSpace(codePostal)) return CodeCommuneParNom(nom);
        if (!_parCodePostal.TryGetValue(codePostal.Trim(), out var candidates)) return null;
        var codes = candidates.Select(x => x.CodeCommune).Distinct().ToList();
        if (codes.Count == 1) return codes[0];
        var saisie = RechercheCommunes.Interpreter(nom);
        var nommees = candidates.Where(x => RechercheCommunes.Correspond(x.Nom, saisie)).Select(x => x.CodeCommune).Distinct().ToList();
        return nommees is [var seule] ? seule : null;
    }

    /// <summary>The INSEE code of the commune (never an arrondissement) a typed name designates (forgiving key, « Marseille 3e » → 13055);
    /// null when unknown or ambiguous: two communes of the same name (Vitrolles 13117 and 05184), whether both are in the zone's
    /// reference or one lies outside it (<c>homonymes</c>). Such a person is counted in no commune rather than in one of the two by
    /// chance, and the figures of an EPCI and of the whole country agree.</summary>
    public string? CodeCommuneParNom(string? nom)
    {
        var cle = RechercheCommunes.Cle(nom);
        if (cle.Length == 0 || _homonymes.Contains(cle)) return null;
        var codes = _parCode.Values.Where(c => c.NomRecherche == cle).Select(c => c.CodeCommune).Distinct().Take(2).ToList();
        return codes is [var seul] ? seul : null;
    }

    /// <summary>Great-circle distance in km (haversine, Earth radius 6 371 km).</summary>
    public static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * 6371 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
