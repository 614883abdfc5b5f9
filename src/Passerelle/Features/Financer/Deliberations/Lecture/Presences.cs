using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>Attendance: members present, represented (proxy given) and absent without proxy (« excusés » or « absents »).
/// Printed counts first (labels or a table); else the names of the list under « Étaient présents : » (one per dash-,
/// semicolon- or comma-separated item holding a surname in capitals); else what the printed totals imply
/// (represented = voters − present; absent = in office − present − represented).</summary>
public static partial class Presences
{
    public sealed record Resultat(int? Presents, int? Representes, int? Excuses, int? Exercice, int? Votants,
        IReadOnlyDictionary<string, Seance.Valeur<int>> Passages);

    public static Resultat Lire(Document doc, List<Votes.Compte> comptes)
    {
        var passages = new Dictionary<string, Seance.Valeur<int>>();
        Votes.Compte? Premier(Votes.Categorie c) => comptes.FirstOrDefault(x => x.Categorie == c);
        int? Lu(Votes.Categorie c, string cle)
        {
            if (Premier(c) is not { } x) return null;
            passages[cle] = new(x.Valeur, x.Debut, x.Longueur);
            return x.Valeur;
        }
        var presents = Lu(Votes.Categorie.Presents, "presents") ?? Liste(doc, RegexListePresents(), "presents", passages);
        var representes = Lu(Votes.Categorie.Representes, "representes") ?? Liste(doc, RegexListeRepresentes(), "representes", passages);
        var excuses = Lu(Votes.Categorie.Excuses, "excuses") ?? Liste(doc, RegexListeExcuses(), "excuses", passages);
        var exercice = Lu(Votes.Categorie.Exercice, "membres_en_exercice");
        var votants = Premier(Votes.Categorie.Votants)?.Valeur;
        if (representes is null && presents is { } p && votants is { } v && v >= p)
        {
            representes = v - p;
            var x = Premier(Votes.Categorie.Votants)!;
            passages["representes"] = new(v - p, x.Debut, x.Longueur);
        }
        if (excuses is null && exercice is { } e && presents is { } p2 && representes is { } r && e - p2 - r >= 0)
        {
            excuses = e - p2 - r;
            var x = Premier(Votes.Categorie.Exercice)!;
            passages["excuses"] = new(e - p2 - r, x.Debut, x.Longueur);
        }
        return new(presents, representes, excuses, exercice, votants, passages);
    }

    /// <summary>The number of people in the list that follows a heading, up to the next blank line.</summary>
    static int? Liste(Document doc, Regex entete, string cle, Dictionary<string, Seance.Valeur<int>> passages)
    {
        var m = entete.Match(doc.Pli);
        if (!m.Success || m.Index > Decision.Debut(doc)) return null;
        var debut = m.Index + m.Length;
        var fin = doc.Pli.IndexOf("\n\n", debut, StringComparison.Ordinal);
        if (fin < 0) fin = doc.Pli.Length;
        var liste = doc.Joindre(debut, fin);
        var n = RegexSeparateur().Split(liste).Count(s => RegexNomFamille().IsMatch(s));
        if (n == 0) return null;
        passages[cle] = new(n, debut, fin - debut);
        return n;
    }

    [GeneratedRegex(@"etaient presents?[^:\n]{0,40}:|(?m)^\s*presents?\s*:(?!\s*\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexListePresents();
    [GeneratedRegex(@"etaient (?:absents? et )?representes?[^:\n]{0,40}:|(?m)^\s*(?:absents? )?representes?\s*:(?!\s*\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexListeRepresentes();
    [GeneratedRegex(@"etaient (?:absents? )?excuses?[^:\n]{0,40}:|etaient absents?\b(?!\s+et\s+represent)[^:\n]{0,40}:|(?m)^\s*(?:absents? )?excuses?\s*:(?!\s*\d)|(?m)^\s*absents?\s*:(?!\s*\d)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexListeExcuses();
    [GeneratedRegex(@"\s[–—-]\s|;|,(?![^(]*\))", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSeparateur();
    [GeneratedRegex(@"\p{Lu}{2,}", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNomFamille();
}
