using Passerelle.Web;

namespace Passerelle.Features.Referentiels;

/// <summary>A commune as La Coop de la médiation numérique's commune reference writes it: INSEE code, name, and the postcode string
/// exactly as La Coop compares it (several postcodes joined by ", " in La Coop's order, e.g. Nice "06100, 06000, 06200, 06300").</summary>
public sealed record CommuneCoop(string Insee, string Nom, string CodePostal);

/// <summary>La Coop's commune reference for Provence-Alpes-Côte d'Azur (Seed/communes-coop-paca.csv, see SOURCES.md: an extract of
/// apps/web/private-static/communes.csv of inclusion-numerique/coop-mediation-numerique). La Coop's people import keeps a commune only
/// when its INSEE code is in that file, its postcode cell equals the file's postcode string and its name equals the file's name
/// ignoring case (analyseImportBeneficiairesExcel.ts); Marseille, Lyon and Paris appear there by arrondissement.</summary>
public static class CommunesCoop
{
    static readonly Lazy<List<CommuneCoop>> Reference = new(() =>
    {
        var chemin = Path.Combine(AppContext.BaseDirectory, "Seed", "communes-coop-paca.csv");
        if (!File.Exists(chemin)) return [];
        using var lecteur = new StreamReader(chemin);
        return Csv.Lire(lecteur, ',').Skip(1).Where(l => l.Champs.Count == 3).Select(l => new CommuneCoop(l.Champs[0], l.Champs[1], l.Champs[2])).ToList();
    });

    /// <summary>Every commune of the reference (for tests and checks).</summary>
    public static IReadOnlyList<CommuneCoop> Toutes => Reference.Value;

    /// <summary>The commune with this INSEE code, or null.</summary>
    public static CommuneCoop? ParInsee(string? insee) => Reference.Value.FirstOrDefault(c => c.Insee == insee);

    /// <summary>The one commune a typed name and postcode designate: same name (ignoring case, accents, spaces and hyphens) among the
    /// communes serving that postcode, else the one arrondissement of that name serving it ("Marseille" 13001 → Marseille 1er
    /// Arrondissement). Null when nothing or several match: better no commune than a wrong one.</summary>
    public static CommuneCoop? Trouver(string? commune, string? codePostal)
    {
        var nom = Texte.Compacter(commune);
        if (nom.Length == 0) return null;
        var cp = codePostal?.Trim();
        var candidates = string.IsNullOrEmpty(cp) ? Reference.Value : Reference.Value.Where(c => c.CodePostal.Split(", ").Contains(cp)).ToList();
        if (candidates.Where(c => Texte.Compacter(c.Nom) == nom).ToList() is [var exacte]) return exacte;
        if (string.IsNullOrEmpty(cp)) return null;
        return candidates.Where(c => c.Nom.Contains("Arrondissement") && Texte.Compacter(c.Nom).StartsWith(nom, StringComparison.Ordinal)).ToList() is [var arrondissement]
            ? arrondissement : null;
    }
}
