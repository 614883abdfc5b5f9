using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

public sealed record LieuSuggere(int Id, string Nom, string Commune);
public sealed record Suggestion(string Commune, string? CodePostal, IReadOnlyList<LieuSuggere> Lieux);

/// <summary>"Vouliez-vous dire Marseille ?": the directory's commune (or postcode) nearest to a misspelt one, by edit
/// distance on normalised names, with a few of its places. Nothing is suggested when the typed text is a known commune.</summary>
public static class SuggestionCommune
{
    public static Suggestion? Proposer(IReadOnlyList<AnnuaireEnMemoire.Entree> entrees, string? saisie)
    {
        var t = saisie?.Trim() ?? "";
        if (t.Length < 3 || t.Length > 100) return null;
        var codePostal = t.All(char.IsAsciiDigit);
        if (codePostal && t.Length != 5) return null;
        var n = codePostal ? t : Texte.Normaliser(t);
        string Cle(AnnuaireEnMemoire.Entree e) => codePostal ? e.CodePostal : e.CommuneRecherche;
        if (entrees.Any(e => Cle(e) == n || (!codePostal && e.CommuneRecherche.StartsWith(n + " ", StringComparison.Ordinal)))) return null;

        // Short names tolerate one typo, longer ones two or three; a postcode one wrong digit.
        var seuil = codePostal ? 1 : n.Length <= 4 ? 1 : n.Length <= 8 ? 2 : 3;
        string? meilleure = null;
        var meilleurEcart = int.MaxValue;
        foreach (var cle in entrees.Select(Cle).Distinct())
        {
            var d = Distance(n, cle, seuil);
            if (d < meilleurEcart || (d == meilleurEcart && string.CompareOrdinal(cle, meilleure) < 0)) (meilleure, meilleurEcart) = (cle, d);
        }
        if (meilleure is null || meilleurEcart > seuil) return null;
        var lieux = entrees.Where(e => Cle(e) == meilleure).ToList();
        return new Suggestion(lieux[0].Commune, codePostal ? meilleure : null,
            [.. lieux.Take(3).Select(e => new LieuSuggere(e.Id, e.Nom, e.Commune))]);
    }

    /// <summary>Edit distance with adjacent transpositions (optimal string alignment); stops early past <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var minLigne = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cout = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cout);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                minLigne = Math.Min(minLigne, v);
            }
            if (minLigne > max) return max + 1;
        }
        return d[a.Length, b.Length];
    }
}
