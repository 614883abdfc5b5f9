using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The single place where the agreed or funded activity happens: a labelled value (« Lieu : », « Adresse : »),
/// else the one street address printed after the subject (« au centre social Ouest, 14 allée des Charmilles, 18200
/// Saint-Amand-Montrond »), with the named place before it when it has a proper name. The header (the body's own seat,
/// « Siège : ») and running heads are not read. Null when there is none or when several different addresses are printed.</summary>
public static partial class Lieu
{
    public static Seance.Valeur<string>? Lire(Document doc)
    {
        foreach (Match m in RegexEtiquette().Matches(doc.Pli))
        {
            if (m.Index < doc.FinEnTete || doc.DansCitation(m.Index)) continue;
            var debut = m.Index + m.Length;
            var k = doc.IndexLigne(debut);
            var fin = doc.Lignes[k].Fin;
            // The value may wrap: continuation lines are indented and carry no label of their own.
            for (var i = k + 1; i < doc.Lignes.Count; i++)
            {
                var l = doc.Texte[doc.Lignes[i].Debut..doc.Lignes[i].Fin];
                if (l.Trim().Length == 0 || !l.StartsWith("  ") || RegexAutreEtiquette().IsMatch(l)) break;
                fin = doc.Lignes[i].Fin;
            }
            var valeur = RegexFinValeur().Replace(doc.Joindre(debut, fin), "");
            if (valeur.Length > 2) return new(valeur, debut, fin - debut);
        }
        var adresses = new List<Seance.Valeur<string>>();
        foreach (Match m in RegexAdresse().Matches(doc.Texte))
        {
            if (m.Index < doc.FinEnTete || doc.DansCitation(m.Index) || doc.EstBruit(m.Index)) continue;
            var debut = m.Index;
            var fin = m.Index + m.Length;
            var avant = doc.Texte[Math.Max(0, m.Index - 90)..m.Index];
            var lieu = RegexLieuAvant().Match(avant);
            if (lieu.Success && lieu.Groups["l"].Value.Split(' ', '\n').Skip(1).Any(mot => mot.Length > 1 && char.IsUpper(mot[0]))
                || lieu.Success && char.IsUpper(lieu.Groups["l"].Value.TrimStart()[0]))
                debut = m.Index - avant.Length + lieu.Groups["l"].Index;
            var valeur = doc.Joindre(debut, fin).TrimEnd(',', ' ');
            adresses.Add(new(valeur, debut, fin - debut));
        }
        var distinctes = adresses.GroupBy(a => Document.Plier(RegexPartieRue().Match(a.Contenu).Value)).ToList();
        return distinctes.Count == 1 ? distinctes[0].OrderByDescending(a => a.Contenu.Length).First() : null;
    }

    [GeneratedRegex(@"(?m)^\s*(?:\d+[.)]\s*)?(?:lieu(?: de l'action| d'intervention| de realisation)?|adresse(?: du lieu)?)\s*:\s*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEtiquette();
    [GeneratedRegex(@"^\s*(?:\d+[.)]|[-–•■])\s|^\s*\p{L}[\p{L} ']{1,30}\s:", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAutreEtiquette();
    [GeneratedRegex(@"[\s;.,]+$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexFinValeur();
    [GeneratedRegex(@"(?<![\d,])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|allée|allee|place|chemin|impasse|route|quai|cours|square|esplanade|parvis|promenade|voie|passage|rond-point|sentier|traverse|montée|lotissement)\s+[^,;.()]{2,60}?(?:,?\s*\n?\s*\d{5}\s+\p{Lu}[\p{L}'-]*(?:[ -]\p{Lu}[\p{L}'-]*)*)?(?=\s*[,;.)]|\s+du\s|\s+au\s|\s+à\s|\s*$)", RegexOptions.IgnoreCase, Garde.DelaiRegexMs)]
    private static partial Regex RegexAdresse();
    [GeneratedRegex(@"(?:\bau|\baux|\bà la|\bà l'|\bdans l[ea']|\bdans les|\bau sein d[eu']\s?(?:la |l')?|\ben|\bde la|\bdu)\s+(?<l>[^,;:.]{3,70}),\s*$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexLieuAvant();
    [GeneratedRegex(@"\d{1,4}[^,]*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexPartieRue();
}
