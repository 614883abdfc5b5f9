using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>How the vote ended. Unanimity: the text says so (« à l'unanimité », including « des suffrages exprimés » with
/// abstentions) → true; « à la majorité », or votes against or abstentions without a claim of unanimity → false; else
/// null. Adopted: more votes for than against → true, more against → false; without counts, the words (« rejette »,
/// « est rejetée », « n'est pas adoptée » → false; « adopté », « à l'unanimité », « après en avoir délibéré » → true).</summary>
public static partial class Issue
{
    public static (bool? Unanimite, bool? Adoptee) Lire(Document doc, VotePropose? vote, Dictionary<string, Passage> passages)
    {
        bool? unanimite = null;
        var u = Premier(doc, RegexUnanimite());
        if (u is not null) { unanimite = true; passages["unanimite"] = new Passage(u.Index, u.Length); }
        else if (Premier(doc, RegexMajorite()) is { } maj) { unanimite = false; passages["unanimite"] = new Passage(maj.Index, maj.Length); }
        else if (vote is { } v && (v.Contre > 0 || v.Abstention > 0)) unanimite = false;

        bool? adoptee = null;
        if (vote is { } w && w.Pour != w.Contre) adoptee = w.Pour > w.Contre;
        else if (Premier(doc, RegexRejet()) is { } rejet) { adoptee = false; passages["adoptee"] = new Passage(rejet.Index, rejet.Length); }
        else if (u is not null || Premier(doc, RegexAdoption()) is not null || doc.DebutDecision >= 0) adoptee = true;
        if (adoptee is not null && !passages.ContainsKey("adoptee") && Premier(doc, adoptee.Value ? RegexAdoption() : RegexRejet()) is { } m)
            passages["adoptee"] = new Passage(m.Index, m.Length);
        return (unanimite, adoptee);
    }

    static Match? Premier(Document doc, Regex regex) =>
        regex.Matches(doc.Pli).FirstOrDefault(m => !doc.DansCitation(m.Index) && !doc.EstBruit(m.Index));

    [GeneratedRegex(@"\bunanimite\b|\bunanimement\b", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexUnanimite();
    [GeneratedRegex(@"a la majorite\b", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexMajorite();
    [GeneratedRegex(@"\b(?:est|a ete|sont) rejetee?s?\b|\bn'(?:est|a) pas (?:ete )?adoptee?\b|\brejette\b|\brejetee?\b(?= (?:par|a))|\bnon adoptee?\b", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexRejet();
    [GeneratedRegex(@"\badoptee?s?\b|\bapprouvee?\b|apres\s+(?:en\s+)?avoir\s+(?:del ?)ibere", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAdoption();
}
