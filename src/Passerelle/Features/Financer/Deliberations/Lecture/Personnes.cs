using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>People named in an act: « M. Didier RAMONDOU », « Madame Christine MALAVIALLE-ROUX » (possibly across a line
/// break), « Catherine LE BIHAN-MORVAN », or « GUILLERMIC Armand » (surname first). Returned as « Prénom NOM », without
/// title or function. The president chairs (« sous la présidence de », « Président de séance : », « présidé par »); the
/// rapporteur presents (« Rapporteur : », « présenté par », « X, adjointe…, soumet / expose », « Monsieur le Maire expose »
/// → the named mayor, « Monsieur BAYLAC expose » → the full name found elsewhere in the text).</summary>
public static partial class Personnes
{
    public sealed record PersonneLue(string Nom, int Debut, int Longueur, string? Fonction);

    /// <summary>The name starting right at <paramref name="debut"/> (after blanks and a title), or null.</summary>
    public static PersonneLue? NomA(Document doc, int debut)
    {
        if (debut < 0 || debut >= doc.Texte.Length) return null;
        var m = RegexNom().Match(doc.Texte, debut);
        if (!m.Success) return null;
        var prenom = Nettoyer(m.Groups["p"].Success && m.Groups["p"].Length > 0 ? m.Groups["p"].Value : m.Groups["p2"].Value);
        var nom = Nettoyer(m.Groups["n"].Success && m.Groups["n"].Length > 0 ? m.Groups["n"].Value : m.Groups["n2"].Value);
        var fonction = RegexFonction().Match(doc.Texte, m.Index + m.Length) is { Success: true } f && f.Index == m.Index + m.Length
            ? Regex.Replace(f.Groups["f"].Value, @"\s+", " ") : null;
        var ecart = m.Groups["t"].Length;
        return new PersonneLue($"{prenom} {nom}", m.Index + ecart, m.Length - ecart, fonction);
    }

    static string Nettoyer(string s) => Regex.Replace(Regex.Replace(s, @"-\s*\n\s*", "-"), @"\s+", " ").Trim();

    public static PersonneLue? President(Document doc)
    {
        foreach (Match m in RegexPresidence().Matches(doc.Pli))
            if (NomA(doc, m.Index + m.Length) is { } p) return p;
        return Signataire(doc);
    }

    /// <summary>When no line says who chaired, the act signed at its foot by the mayor or the president (« Le Maire, Josiane
    /// CASTAGNÉ » on one line, or « Le Président, » with the name on the next line): the last such signature that names
    /// someone. A signature « Pour le Maire » or « Pour extrait conforme » (a delegate or an official) is not one.</summary>
    static PersonneLue? Signataire(Document doc)
    {
        foreach (var m in RegexSignature().Matches(doc.Pli).Reverse())
        {
            if (doc.DansCitation(m.Index)) continue;
            var fin = m.Index + m.Length;
            var finLigne = doc.Lignes[doc.IndexLigne(m.Index)].Fin;
            if (fin < finLigne && doc.Texte[fin..finLigne].Trim().Length > 0)
            {
                if (NomA(doc, fin) is { } surLaLigne) return surLaLigne;
                continue;
            }
            var suivante = doc.IndexLigne(m.Index) + 1;
            while (suivante < doc.Lignes.Count && doc.Texte[doc.Lignes[suivante].Debut..doc.Lignes[suivante].Fin].Trim().Length == 0 && suivante - doc.IndexLigne(m.Index) < 4) suivante++;
            if (suivante >= doc.Lignes.Count) continue;
            if (NomA(doc, doc.Lignes[suivante].Debut) is { } dessous && doc.IndexLigne(dessous.Debut) == suivante) return dessous;
        }
        return null;
    }

    public static PersonneLue? Rapporteur(Document doc, PersonneLue? president)
    {
        foreach (Match m in RegexRapporteur().Matches(doc.Pli))
            if (NomA(doc, m.Index + m.Length) is { } p) return p;
        foreach (Match m in RegexFonctionExpose().Matches(doc.Pli))
        {
            var fonction = m.Groups["f"].Value;
            if (president?.Fonction is { } f && Document.Plier(f).StartsWith(fonction[..4], StringComparison.Ordinal))
                return president with { Debut = m.Index, Longueur = m.Length };
            // The holder of the function as named elsewhere: « Le Maire, » over a signature, « X, Maire ».
            if (Titulaire(doc, fonction) is { } t) return t with { Debut = m.Index, Longueur = m.Length };
        }
        foreach (Match m in RegexVerbeRapport().Matches(doc.Pli))
        {
            var debutPhrase = Math.Max(doc.Texte.LastIndexOf("\n\n", m.Index, StringComparison.Ordinal), doc.Texte.LastIndexOf(". ", m.Index, StringComparison.Ordinal)) + 1;
            var phrase = doc.Texte[debutPhrase..m.Index];
            var titre = RegexTitreSeul().Match(phrase);
            if (!titre.Success) continue;
            var debutNom = debutPhrase + titre.Index;
            if (NomA(doc, debutNom) is { } p) return p;
            if (RegexTitreNom().Match(doc.Texte, debutNom) is { Success: true } seul && seul.Index == debutNom && NomComplet(doc, seul.Groups["n"].Value) is { } complet)
                return complet with { Debut = seul.Index, Longueur = seul.Length };
        }
        return null;
    }

    static PersonneLue? Titulaire(Document doc, string fonction)
    {
        var m = Regex.Match(doc.Texte, @"(?im)^\s*(?:Le|La)\s+" + fonction + @"\s*,?\s*$", RegexOptions.None, Garde.Delai);
        if (!m.Success) return null;
        var suivante = doc.IndexLigne(m.Index) + 1;
        while (suivante < doc.Lignes.Count && doc.Lignes[suivante].Longueur == 0) suivante++;
        if (suivante >= doc.Lignes.Count) return null;
        var l = doc.Lignes[suivante];
        var debut = l.Debut + (doc.Texte[l.Debut..l.Fin].Length - doc.Texte[l.Debut..l.Fin].TrimStart().Length);
        return NomA(doc, debut);
    }

    /// <summary>« BAYLAC » → « Frédéric BAYLAC » when the text names him in full somewhere.</summary>
    static PersonneLue? NomComplet(Document doc, string nom)
    {
        var m = Regex.Match(doc.Texte, Prenom + @"\s+" + Regex.Escape(nom) + @"(?![\p{L}-])", RegexOptions.None, Garde.Delai);
        return m.Success ? NomA(doc, m.Index) : null;
    }

    const string Prenom = @"\p{Lu}[\p{Ll}']+(?:-\p{Lu}[\p{Ll}']+)*";
    const string NomFamille = @"\p{Lu}[\p{Lu}']+(?:(?:-[ \t]*\n?[ \t]*| )\p{Lu}[\p{Lu}']+){0,3}(?![\p{Ll}])";
    const string Titre = @"(?:M\.|Mme|Mlle|MM\.|Monsieur|Madame|Mademoiselle)";

    [GeneratedRegex(@"\G(?<t>\s*(?:" + Titre + @"\s+)?)(?:(?<p>" + Prenom + @"(?:[ \t]+" + Prenom + @")?)\s+(?<n>" + NomFamille + @")|(?<n2>" + NomFamille + @")\s+(?<p2>" + Prenom + @")(?![\p{L}]))", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNom();
    [GeneratedRegex(@"\G\s*,\s*(?<f>(?:Maire|Maire-adjoint|Pr[ée]sidente?|Vice-pr[ée]sidente?|Adjointe?|Conseill[eè]re?)\b)", RegexOptions.IgnoreCase, Garde.DelaiRegexMs)]
    private static partial Regex RegexFonction();
    [GeneratedRegex(@"sous\s+la\s+presidence\s+de\s*|president(?:e)?\s+de\s+(?:la\s+)?seance\s*:\s*|presidee?\s+par\s*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexPresidence();
    [GeneratedRegex(@"(?m)^[ \t]*l[ea][ \t]+(?:maire|presidente?)[ \t]*(?:,|$)[ \t]*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSignature();
    [GeneratedRegex(@"rapporteure?\s*:\s*|rapport(?: n°\s*[\w./-]+)? presente par\s*|\brapporteure? (?:de la deliberation )?est\s*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexRapporteur();
    [GeneratedRegex(@"(?:monsieur|madame|m\.|mme) l[ea] (?<f>maire|presidente?)\s*(?:,[^,\n]{0,60},\s*)?(?:expose|presente|rapporte|soumet)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexFonctionExpose();
    [GeneratedRegex(@"\b(?:soumet|expose|presente|rapporte)\b[^.\n]{0,80}(?:le rapport|au conseil|au bureau|a la commission|:|que)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexVerbeRapport();
    [GeneratedRegex(@"(?:M\.|Mme|Monsieur|Madame)\s+\p{Lu}", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexTitreSeul();
    [GeneratedRegex(@"(?:M\.|Mme|Monsieur|Madame)\s+(?<n>\p{Lu}[\p{Lu}'-]+)(?![\p{L}])", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexTitreNom();
}
