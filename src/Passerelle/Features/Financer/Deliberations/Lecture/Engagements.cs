using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The commitments the act lists for the parties: the items of a list opened by « s'engage(nt) à : » or by a
/// heading « Engagements de … : », the rest of an item « S'ENGAGE à … », or of a sentence « l'association s'engage à … ».
/// One string per item, bullet, final « ; » / « . » and line breaks removed. Missions and descriptions are not
/// commitments. The same commitment printed twice (report and decision) is kept once.</summary>
public static partial class Engagements
{
    public sealed record Lu(string Texte, int Debut, int Longueur);

    public static List<Lu> Lire(Document doc)
    {
        var r = new List<Lu>();
        foreach (Match m in RegexDeclencheur().Matches(doc.Pli))
        {
            if (doc.DansCitation(m.Index) || m.Index < doc.FinEnTete) continue;
            var k = doc.IndexLigne(m.Index);
            var finLigne = doc.Lignes[k].Fin;
            var reste = doc.Pli[(m.Index + m.Length)..finLigne].Trim();
            if (reste.Length == 0 || reste == ":")
                r.AddRange(Liste(doc, k + 1));
            else if (!m.Value.StartsWith("engagement"))
            {
                // « S'ENGAGE à prendre en charge … ; » : the rest of the item, up to its end.
                var debut = m.Index + m.Length;
                while (debut < doc.Texte.Length && doc.Texte[debut] == ' ') debut++;
                var fin = FinElement(doc, k);
                var texte = Nettoyer(doc.Joindre(debut, fin));
                var point = RegexFinPhrase().Match(texte);
                if (point.Success) texte = texte[..point.Index];
                if (texte.Length > 3) r.Add(new Lu(texte, debut, fin - debut));
            }
        }
        return r.GroupBy(e => Document.Plier(e.Texte)).Select(g => g.First()).ToList();
    }

    /// <summary>The bulleted items under a heading, each with its continuation lines, until a blank line or a line less
    /// indented than the items.</summary>
    static IEnumerable<Lu> Liste(Document doc, int k)
    {
        int? retrait = null;
        int debut = -1, fin = -1;
        var items = new List<Lu>();
        void Fermer()
        {
            if (debut < 0) return;
            var texte = Nettoyer(doc.Joindre(debut, fin));
            if (texte.Length > 3) items.Add(new Lu(texte, debut, fin - debut));
            debut = -1;
        }
        for (; k < doc.Lignes.Count; k++)
        {
            var l = doc.Lignes[k];
            if (l.Bruit) continue;
            var ligne = doc.Texte[l.Debut..l.Fin];
            if (ligne.Trim().Length == 0) break;
            var indentation = ligne.Length - ligne.TrimStart().Length;
            var puce = RegexPuce().Match(ligne);
            if (puce.Success)
            {
                if (retrait is { } r0 && indentation < r0) break;
                retrait ??= indentation;
                if (indentation > retrait) { fin = l.Fin; continue; }
                Fermer();
                debut = l.Debut + puce.Length;
                fin = l.Fin;
            }
            else if (debut >= 0 && indentation > retrait) fin = l.Fin;
            else break;
        }
        Fermer();
        return items;
    }

    static int FinElement(Document doc, int k)
    {
        var fin = doc.Lignes[k].Fin;
        for (var i = k + 1; i < doc.Lignes.Count; i++)
        {
            var ligne = doc.Texte[doc.Lignes[i].Debut..doc.Lignes[i].Fin];
            if (ligne.Trim().Length == 0 || RegexPuce().IsMatch(ligne) || doc.Lignes[i].Bruit) break;
            fin = doc.Lignes[i].Fin;
        }
        return fin;
    }

    static string Nettoyer(string s) => RegexFin().Replace(RegexPuceDebut().Replace(s, ""), "").Trim();

    [GeneratedRegex(@"s'engagen?t?\s+(?:notamment\s+|en contrepartie\s+)?a[ \t]*:?|^[ \t]*(?:\d+[.)][ \t]*)?engagements?\s+(?:de|du|des)\b[^:\n]{0,60}:", RegexOptions.Multiline, Garde.DelaiRegexMs)]
    private static partial Regex RegexDeclencheur();
    [GeneratedRegex(@"^\s*(?:[-–•■●▪*]|\d{1,2}[.)]|[a-z]\))\s+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexPuce();
    [GeneratedRegex(@"^\s*(?:[-–•■●▪*]|\d{1,2}[.)]|[a-z]\))\s+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexPuceDebut();
    [GeneratedRegex(@"(?:\s*[;.,]\s*(?:et|puis)?)+\s*$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexFin();
    [GeneratedRegex(@"\.\s+\p{Lu}", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexFinPhrase();
}
