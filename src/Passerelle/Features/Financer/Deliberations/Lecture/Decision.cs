using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The operative part of an act cut into items: each bullet (« - », « ■ », « • »), each « Article N », each
/// paragraph opened by a verb in capitals (« APPROUVE », « SOLLICITE »), each paragraph. Quoted drafts and noise lines
/// are left out. An item's text is its lines joined (<see cref="Document.Joindre"/>).</summary>
public static partial class Decision
{
    public sealed record Element(int Debut, int Fin, string Texte, int IndexLigneDebut, int IndexLigneFin)
    {
        /// <summary><see cref="Texte"/> folded (lower case, no accents), same length.</summary>
        public string Pli { get; } = Document.Plier(Texte);
    }

    /// <summary>Items from <paramref name="debut"/> to the end of the text (the signature and receipt included: they hold
    /// no bullet that looks like a decision).</summary>
    public static List<Element> Elements(Document doc, int debut)
    {
        var r = new List<Element>();
        var k = doc.IndexLigne(Math.Max(0, debut));
        int? ouverture = null;
        var derniere = k;
        void Fermer(int jusquA)
        {
            if (ouverture is { } o && jusquA >= o)
            {
                var d = Math.Max(doc.Lignes[o].Debut, debut);
                var f = doc.Lignes[jusquA].Fin;
                var texte = doc.Joindre(d, f);
                if (texte.Length > 0) r.Add(new Element(d, f, texte, o, jusquA));
            }
            ouverture = null;
        }
        for (; k < doc.Lignes.Count; k++)
        {
            var l = doc.Lignes[k];
            if (l.Bruit) continue;
            var ligne = doc.Texte[l.Debut..l.Fin];
            if (doc.DansCitation(l.Debut) && doc.DansCitation(Math.Max(l.Debut, l.Fin - 1))) { Fermer(derniere); continue; }
            if (ligne.Trim().Length == 0) { Fermer(derniere); continue; }
            if (RegexOuverture().IsMatch(ligne)) Fermer(derniere);
            ouverture ??= k;
            derniere = k;
        }
        Fermer(derniere);
        return r;
    }

    /// <summary>Where the decision starts, or the end of the header when the act has no « Délibère » / « DÉCIDE ».</summary>
    public static int Debut(Document doc) => doc.DebutDecision >= 0 ? doc.DebutDecision : doc.FinEnTete;

    [GeneratedRegex(@"^\s*(?:[-–•■●▪*]\s|\d{1,2}[.)]\s|[a-z]\)\s|Article\s+\d+|ARTICLE\s+\d+|Art\.\s*\d+|[A-ZÉÈ]{4,}(?:\s|,|$)|[A-ZÉ]'[A-ZÉ]{4,}\s)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexOuverture();
}
