using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>Attendance and vote grammar. Counts are read from labelled values (« Présents : 23 », « Pouvoirs : 6 »,
/// « Pour : 16 »), numbers before their label (« à 24 POUR, 4 CONTRE et 1 ABSTENTION », « Par 41 voix pour, 0 voix
/// contre, 3 abstentions » even when written as a column), and tables (a header row of labels, then a row of numbers
/// aligned under them). « néant » / « aucun » count 0. A vote is only taken when at least two of pour / contre /
/// abstention are printed close together, so that « pour 3 postes » is never a vote.</summary>
public static partial class Votes
{
    public enum Categorie { Exercice, Presents, Representes, Excuses, Votants, Exprimes, Pour, Contre, Abstention, NonParticipation }

    public sealed record Compte(Categorie Categorie, int Valeur, int Debut, int Longueur);

    /// <summary>Every count found in the folded text, tables included, in text order.</summary>
    public static List<Compte> Comptes(Document doc)
    {
        var r = new List<Compte>();
        var pli = doc.Pli;
        var couvert = new bool[pli.Length + 1];
        void Ajouter(Compte c)
        {
            r.Add(c);
            for (var i = c.Debut; i < c.Debut + c.Longueur && i < couvert.Length; i++) couvert[i] = true;
        }
        foreach (Match m in RegexEtiquetteValeur().Matches(pli))
            if (Categoriser(m.Groups["e"].Value) is { } c && Valeur(m.Groups["v"].Value) is { } v && !doc.DansCitation(m.Index))
                Ajouter(new(c, v, m.Index, m.Length));
        foreach (Match m in RegexValeurEtiquette().Matches(pli))
            if (Categoriser(m.Groups["e"].Value) is { } c && int.TryParse(m.Groups["v"].Value, out var v) && !doc.DansCitation(m.Index)
                && !couvert[m.Index])
                Ajouter(new(c, v, m.Index, m.Length));
        // « Pour 53, Contre 0, Abstention 0 », « présents 27, représentés 4 »: a label then its number without a colon, only
        // when a separator follows.
        foreach (Match m in RegexEtiquetteNombre().Matches(pli))
            if (Categoriser(m.Groups["e"].Value) is { } c && int.TryParse(m.Groups["v"].Value, out var v) && !doc.DansCitation(m.Index)
                && !couvert[m.Index])
                Ajouter(new(c, v, m.Index, m.Length));
        r.AddRange(Tableaux(doc));
        return r.OrderBy(c => c.Debut).ToList();
    }

    /// <summary>The published vote: the last cluster of at least two of pour / contre / abstention within a few lines;
    /// categories it leaves out are 0. Null when none is printed (e.g. « à l'unanimité » alone).</summary>
    public static (VotePropose Vote, int Debut, int Fin)? Vote(List<Compte> comptes)
    {
        var resultats = comptes.Where(c => c.Categorie is Categorie.Pour or Categorie.Contre or Categorie.Abstention or Categorie.NonParticipation).ToList();
        (VotePropose, int, int)? dernier = null;
        var i = 0;
        while (i < resultats.Count)
        {
            var groupe = new List<Compte> { resultats[i] };
            var j = i + 1;
            while (j < resultats.Count && resultats[j].Debut - (groupe[^1].Debut + groupe[^1].Longueur) < 220
                   && !groupe.Any(g => g.Categorie == resultats[j].Categorie)) groupe.Add(resultats[j++]);
            if (groupe.Count(g => g.Categorie is Categorie.Pour or Categorie.Contre or Categorie.Abstention) >= 2)
            {
                int V(Categorie c) => groupe.FirstOrDefault(g => g.Categorie == c)?.Valeur ?? 0;
                dernier = (new VotePropose(V(Categorie.Pour), V(Categorie.Contre), V(Categorie.Abstention), V(Categorie.NonParticipation)),
                    groupe.Min(g => g.Debut), groupe.Max(g => g.Debut + g.Longueur));
            }
            i = j;
        }
        return dernier;
    }

    static int? Valeur(string v) => int.TryParse(v, out var n) ? n : v.StartsWith("neant") || v.StartsWith("aucun") ? 0 : null;

    static Categorie? Categoriser(string etiquette)
    {
        var e = Regex.Replace(etiquette, @"\s+", " ").Trim();
        if (e.Contains("exercice") || e.StartsWith("membres de la") || e.StartsWith("nombre de membres") || e.StartsWith("nombre de conseillers")) return Categorie.Exercice;
        if (e.Contains("pas part") || e.Contains("pas pris part") || e.Contains("participation") || e.Contains("ne participe")) return Categorie.NonParticipation;
        if (e.Contains("represent") || e.StartsWith("pouvoir") || e.Contains("procuration")) return Categorie.Representes;
        if (e.Contains("excuse") || e.StartsWith("absent")) return Categorie.Excuses;
        if (e.Contains("present")) return Categorie.Presents;
        if (e.Contains("exprime")) return Categorie.Exprimes;
        if (e.Contains("votant")) return Categorie.Votants;
        if (e.EndsWith("pour")) return Categorie.Pour;
        if (e.EndsWith("contre")) return Categorie.Contre;
        if (e.StartsWith("abstention")) return Categorie.Abstention;
        return null;
    }

    /// <summary>A header row holding at least three labels separated by wide spaces, and right under it a row of as many
    /// numbers: each number belongs to the label above it, in order.</summary>
    static IEnumerable<Compte> Tableaux(Document doc)
    {
        for (var k = 0; k + 1 < doc.Lignes.Count; k++)
        {
            var entete = doc.Pli[doc.Lignes[k].Debut..doc.Lignes[k].Fin];
            var cellules = RegexCellules().Split(entete.Trim());
            if (cellules.Length < 3) continue;
            var categories = cellules.Select(Categoriser).ToList();
            if (categories.Count(c => c is not null) < 3 || categories.Any(c => c is null)) continue;
            var suivante = k + 1;
            while (suivante < doc.Lignes.Count && doc.Lignes[suivante].Longueur == 0) suivante++;
            if (suivante >= doc.Lignes.Count) yield break;
            var ligne = doc.Lignes[suivante];
            var nombres = RegexEntier().Matches(doc.Pli[ligne.Debut..ligne.Fin]).ToList();
            if (nombres.Count != cellules.Length || doc.Pli[ligne.Debut..ligne.Fin].Any(char.IsLetter)) continue;
            for (var n = 0; n < nombres.Count; n++)
                yield return new Compte(categories[n]!.Value, int.Parse(nombres[n].Value), ligne.Debut + nombres[n].Index, nombres[n].Length);
        }
    }

    const string Etiquettes = @"(?:nombre de )?(?:(?:conseillers|membres)(?: municipaux| communautaires| metropolitains)? en exercice|en exercice|membres de la commission permanente|nombre de membres|"
        + @"(?:membres |conseillers )?presents?|(?:absents? )?representes?|pouvoirs?|procurations?|absents? excuses?|excuses?|absents?|votants?|suffrages exprimes|"
        + @"(?:voix |votes? )?pour|(?:voix |votes? )?contre|abstentions?|non[- ]participations?|ne prenn?(?:ent|d) pas part au vote|n'(?:a|ont) pas pris part au vote|ne participen?t? pas au vote)";

    [GeneratedRegex(@"(?<![\p{L}'])(?<e>" + Etiquettes + @")\s*(?:\(s\))?\s*:\s*(?<v>\d{1,3}(?!\d|[.,]\d|\s*(?:€|%))|neant|aucune?)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEtiquetteValeur();
    [GeneratedRegex(@"(?<![\d,.])(?<v>\d{1,3})\s+(?<e>voix pour|voix contre|(?:voix )?pour\b(?!\s*(?:cent|mille))|(?:voix )?contre\b|abstentions?\b|(?:membres |conseillers )?presents\b|votants\b|(?:membres )?(?:absents )?representes\b|pouvoirs\b)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexValeurEtiquette();
    [GeneratedRegex(@"(?<![\p{L}'])(?<e>pour|contre|abstentions?|(?:membres |conseillers )?presents?|(?:absents? )?representes?|pouvoirs?|procurations?|(?:absents? )?excuses?|absents?|votants?)\s+(?<v>\d{1,3})(?=\s*(?:voix\s*)?(?:[,;.\n]|$|\s[-–]\s|\s{3,}))", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEtiquetteNombre();
    [GeneratedRegex(@"\s{2,}", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexCellules();
    [GeneratedRegex(@"\d+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEntier();
}
