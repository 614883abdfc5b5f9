using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>An act's text prepared for reading. <see cref="Texte"/> is what passages point into (line ends unified, NFC,
/// tabs and non-breaking spaces as plain spaces); <see cref="Pli"/> is the same text lower-cased and without accents,
/// character for character (same length, same offsets), for accent- and case-blind searches. Lines are split on
/// line feeds and form feeds; lines repeated on several pages (headers, footers, stamps), page numbers, rules and
/// footnotes are marked as noise so that values never run into them.</summary>
public sealed partial class Document
{
    public string Texte { get; }
    public string Pli { get; }
    public IReadOnlyList<Ligne> Lignes { get; }
    /// <summary>Where the subject line starts (« OBJET : », or the title after the act's number), the end of the header; a bound
    /// of the first lines when there is none.</summary>
    public int FinEnTete { get; }
    /// <summary>Where the operative part starts (« Délibère », « DÉCIDE », « après en avoir délibéré »), or -1.</summary>
    public int DebutDecision { get; }
    /// <summary>Quoted drafts (« … » over several lines): what they say was not decided by this act.</summary>
    public IReadOnlyList<(int Debut, int Fin)> Citations { get; }

    public readonly record struct Ligne(int Debut, int Fin, bool Bruit)
    {
        public int Longueur => Fin - Debut;
    }

    public Document(string brut)
    {
        var t = brut.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
            sb.Append(c is '\t' or '\u00A0' or '\u202F' or '\u2007' or '\u2009' ? ' ' : c is '\u2019' or '\u2018' ? '\'' : c);
        Texte = sb.ToString();
        Pli = Plier(Texte);
        Lignes = Decouper(Texte, Pli);
        Citations = TrouverCitations(Texte);
        // A search that runs out of time leaves the bound it looks for unknown, as a rule does (the reader never throws).
        Match? objet = null, decision = null;
        try
        {
            objet = RegexObjet().Match(Pli);
            if (!objet.Success) objet = RegexTitreNumero().Match(Pli);
        }
        catch (RegexMatchTimeoutException) { }
        FinEnTete = objet is { Success: true } ? objet.Index : Lignes.Count > 30 ? Lignes[30].Debut : Texte.Length;
        try { decision = RegexDecision().Matches(Pli).FirstOrDefault(m => m.Index > FinEnTete && !DansCitation(m.Index)); }
        catch (RegexMatchTimeoutException) { }
        DebutDecision = decision?.Index ?? -1;
    }

    /// <summary>Characters visited by the joining of lines and the searches for cut words (<see cref="Joindre"/>): a measure of
    /// work that tests compare with the text's length, to prove a hostile text is read in linear work.</summary>
    public long Pas { get; private set; }

    /// <summary>Letters looked at before a hyphen at a line end: no French first part of a compound is longer, and a longer
    /// run of letters (a hostile text) must not be rescanned at every line.</summary>
    const int PremierPartieMax = 30;

    public bool DansCitation(int i) => Citations.Any(c => i >= c.Debut && i < c.Fin);

    public bool EstBruit(int i)
    {
        var l = LigneDe(i);
        return l.Bruit;
    }

    public Ligne LigneDe(int i)
    {
        int bas = 0, haut = Lignes.Count - 1;
        while (bas < haut)
        {
            var m = (bas + haut + 1) / 2;
            if (Lignes[m].Debut <= i) bas = m; else haut = m - 1;
        }
        return Lignes[bas];
    }

    public int IndexLigne(int i)
    {
        int bas = 0, haut = Lignes.Count - 1;
        while (bas < haut)
        {
            var m = (bas + haut + 1) / 2;
            if (Lignes[m].Debut <= i) bas = m; else haut = m - 1;
        }
        return bas;
    }

    public string TexteLigne(int index) => Texte[Lignes[index].Debut..Lignes[index].Fin];

    /// <summary>Lower case without diacritics, one character for one (œ → o, æ → a).</summary>
    public static string Plier(string s)
    {
        var r = new char[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            var c = char.ToLowerInvariant(s[i]);
            if (c > 127)
            {
                var d = c.ToString().Normalize(NormalizationForm.FormD);
                c = d.Length > 0 && d[0] < 128 ? d[0] : c is 'œ' ? 'o' : c is 'æ' ? 'a' : c;
            }
            r[i] = c;
        }
        return new string(r);
    }

    static List<Ligne> Decouper(string texte, string pli)
    {
        var bornes = new List<(int, int)>();
        var debut = 0;
        for (var i = 0; i <= texte.Length; i++)
            if (i == texte.Length || texte[i] is '\n' or '\f')
            {
                bornes.Add((debut, i));
                debut = i + 1;
            }
        // A line seen on several pages (same words, page numbers aside) is a running header or footer.
        var cles = bornes.Select(b => RegexChiffres().Replace(pli[b.Item1..b.Item2], "#").Trim()).ToList();
        var frequence = cles.Where(k => k.Length >= 12).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var lignes = new List<Ligne>(bornes.Count);
        var note = false;
        for (var i = 0; i < bornes.Count; i++)
        {
            var (d, f) = bornes[i];
            var ligne = pli[d..f].Trim();
            if (RegexFiletNote().IsMatch(ligne)) note = true;
            else if (ligne.Length == 0) note = false;
            var bruit = note || RegexPage().IsMatch(ligne) || RegexFilet().IsMatch(ligne)
                || (frequence.TryGetValue(cles[i], out var n) && n > 1 && !RegexEtiquetteUtile().IsMatch(ligne));
            lignes.Add(new Ligne(d, f, bruit));
        }
        return lignes;
    }

    static List<(int, int)> TrouverCitations(string texte)
    {
        var r = new List<(int, int)>();
        for (var i = texte.IndexOf('«'); i >= 0 && i < texte.Length; i = texte.IndexOf('«', i + 1))
        {
            // The closing guillemet of the outer quote is the first one after every nested pair is closed.
            int profondeur = 0, j = i;
            for (; j < texte.Length; j++)
            {
                if (texte[j] == '«') profondeur++;
                else if (texte[j] == '»' && --profondeur == 0) break;
            }
            if (j >= texte.Length) break;
            var contenu = texte.AsSpan(i, j - i);
            if (contenu.Length > 150 && contenu.Contains('\n')) { r.Add((i, j + 1)); i = j; }
        }
        return r;
    }

    /// <summary>The span's lines joined as one value: noise lines skipped, bold markers and bullets of continuation lines
    /// removed, a word cut by a hyphen at a line end rejoined (a real hyphen kept: capital or digit after it, a compound
    /// seen whole elsewhere in the text, or a known first part such as « vingt- » or « demi- »), spaces collapsed.</summary>
    public string Joindre(int debut, int fin)
    {
        // Sized once: a StringBuilder of several chunks reads sb[^1] in time proportional to its chunks (quadratic here).
        var sb = new StringBuilder(Math.Max(16, fin - debut + 16));
        var premiere = IndexLigne(debut);
        for (var k = premiere; k < Lignes.Count && Lignes[k].Debut < fin; k++)
        {
            var l = Lignes[k];
            if (l.Bruit && k != premiere) continue;
            var d = Math.Max(l.Debut, debut);
            var f = Math.Min(l.Fin, fin);
            if (f <= d) continue;
            var morceau = Texte[d..f].Replace("**", "").Trim();
            Pas += f - d;
            if (morceau.Length == 0) continue;
            if (sb.Length > 1 && sb[^1] == '-' && char.IsLetter(sb[^2]))
            {
                if (!TraitUnionReel(sb, morceau)) sb.Length--;
            }
            else if (sb.Length > 0) sb.Append(' ');
            sb.Append(morceau);
        }
        return RegexEspaces().Replace(sb.ToString(), " ").Trim();
    }

    static readonly HashSet<string> PremiersElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze",
        "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "demi", "mi", "semi", "ci", "vice",
        "sous", "non", "après", "avant", "arrière", "tiers", "grand", "grande", "porte", "sur", "bien", "état", "co", "ex",
        "saint", "sainte", "extra", "contre", "entre", "haut", "basse", "bas", "nord", "sud", "est", "ouest", "peut",
    };

    bool TraitUnionReel(StringBuilder avant, string apres)
    {
        if (apres.Length == 0 || !char.IsLower(apres[0])) return true;
        var i = avant.Length - 2;
        var borne = Math.Max(-1, avant.Length - 2 - PremierPartieMax);
        while (i > borne && (char.IsLetter(avant[i]) || avant[i] == '\'')) { i--; Pas++; }
        var premier = avant.ToString(i + 1, avant.Length - i - 2);
        var finApostrophe = premier.LastIndexOf('\'');
        if (finApostrophe >= 0) premier = premier[(finApostrophe + 1)..];
        var suite = new string(apres.TakeWhile(c => char.IsLetter(c) || c == '-').Take(PremierPartieMax).ToArray());
        var suiteMot = suite.Split('-')[0];
        if (Present(premier + "-" + suiteMot)) return true;
        if (Present(premier + suiteMot)) return false;
        return PremiersElements.Contains(premier);
    }

    // Each search scans the whole text: remembered, and limited in number so that a text made of thousands of cut words
    // stays linear (past the limit, only the known first parts decide).
    readonly Dictionary<string, bool> recherches = new(StringComparer.OrdinalIgnoreCase);
    const int RecherchesMax = 400;

    bool Present(string mot)
    {
        if (recherches.TryGetValue(mot, out var vu)) return vu;
        if (recherches.Count >= RecherchesMax) return false;
        Pas += Texte.Length;
        return recherches[mot] = Texte.Contains(mot, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The trimmed, cleaned text of one line.</summary>
    public string LigneNettoyee(int index) => Joindre(Lignes[index].Debut, Lignes[index].Fin);

    [GeneratedRegex(@"(?m)^\W{0,4}objet(?: de la deliberation)?\s*:", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexObjet();
    /// <summary>A subject printed after the act's number, without an « OBJET : » label: « N° 2025-014 — FINANCES — … ».</summary>
    [GeneratedRegex(@"(?m)^[ \t]*(?:deliberation[ \t]*)?n[ \t]?°[ \t]*:?[ \t]*[a-z0-9][a-z0-9._/\-]*[ \t]+[—–-][ \t]+(?=\S)", RegexOptions.None, Garde.DelaiRegexMs)]
    public static partial Regex RegexTitreNumero();
    [GeneratedRegex(@"(?m)^\W{0,4}(?:delibere(?:nt)?|decide|arrete)\b\W{0,4}\s*:?\s*$|apres\s+(?:en\s+)?avoir\s+(?:del ?)ibere|\b(?:decide|delibere)\s*:", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexDecision();
    [GeneratedRegex(@"\d+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexChiffres();
    [GeneratedRegex(@"^(?:page\s*)?\d{1,3}\s*(?:/|sur)\s*\d{1,3}$|^folio\s*\d+$|^.{6,}\s{3,}(?:page\s*)?\d{1,3}\s*(?:/|sur)\s*\d{1,3}$|^.{6,}\s{3,}folio\s*\d+$", RegexOptions.NonBacktracking, Garde.DelaiRegexMs)]
    private static partial Regex RegexPage();
    [GeneratedRegex(@"^[-_─━=*·.]{5,}$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexFilet();
    [GeneratedRegex(@"^_{5,}$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexFiletNote();
    [GeneratedRegex(@"\s+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEspaces();
    // A prefecture stamp repeated on each page still carries the transmission: keep it readable.
    [GeneratedRegex(@"prefecture|prefet|^id\s*:|\d{3}-\d{9}-\d{8}-", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEtiquetteUtile();
}
