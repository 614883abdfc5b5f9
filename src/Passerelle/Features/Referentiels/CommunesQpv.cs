using Passerelle.Web;

namespace Passerelle.Features.Referentiels;

/// <summary>INSEE commune codes (code officiel géographique, Seed/communes-paca.csv, see SOURCES.md for source and year):
/// which communes a typed commune name and postcode designate, so that a file
/// offers the priority neighbourhoods of that commune only. A postcode shared by several communes is narrowed by the name.</summary>
public static class CommunesQpv
{
    sealed record Commune(string Insee, string NomCompact, string[] CodesPostaux);

    static readonly Lazy<List<Commune>> Reference = new(() =>
    {
        var chemin = Path.Combine(AppContext.BaseDirectory, "Seed", "communes-paca.csv");
        if (!File.Exists(chemin)) return [];
        using var lecteur = new StreamReader(chemin);
        return Csv.Lire(lecteur, ',').Skip(1).Where(l => l.Champs.Count == 3)
            .Select(l => new Commune(l.Champs[0], Texte.Compacter(l.Champs[1]), l.Champs[2].Split('|'))).ToList();
    });

    /// <summary>INSEE codes of the communes meant; empty when nothing typed or nothing known.</summary>
    public static IReadOnlyList<string> CodesInsee(string? commune, string? codePostal)
    {
        var nom = Texte.Compacter(commune);
        var cp = codePostal?.Trim();
        var parCp = string.IsNullOrEmpty(cp) ? [] : Reference.Value.Where(c => c.CodesPostaux.Contains(cp)).ToList();
        var parNom = nom.Length == 0 ? [] : (parCp.Count > 0 ? parCp : Reference.Value).Where(c => c.NomCompact == nom).ToList();
        return (parNom.Count > 0 ? parNom : parCp).Select(c => c.Insee).ToList();
    }

    /// <summary>The postcode of the commune with INSEE code <paramref name="insee"/> when it has exactly one (Fos-sur-Mer → "13270");
    /// empty when it has several (Arles: five) or is unknown — a record made at home or elsewhere names only the commune.</summary>
    public static string CodePostalSeul(string? insee) =>
        Reference.Value.FirstOrDefault(c => c.Insee == insee) is { CodesPostaux: [var seul] } ? seul : "";

    /// <summary>The neighbourhoods lying in one of <paramref name="insee"/>'s communes.</summary>
    public static bool DansLaCommune(Qpv q, IReadOnlyList<string> insee) => q.CodesInsee.Split('|').Any(insee.Contains);
}
