using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The deliberating authority as named in the header, with its kind: « Commune de … », « Ville de … »,
/// « Métropole … », « Département du … », « Communauté de communes … », « Communauté d'agglomération … ». A header in
/// capitals is put in normal case (« VAL D'YÈVRE ET ARNON » → « Val d'Yèvre et Arnon »); when the same name is printed
/// twice, the spelling with accents wins (« BEDARIEUX » in an OCR header, « Bédarieux » in the running head). A commune
/// or an intercommunality wins over the département printed as its location, unless the organ is departmental.</summary>
public static partial class Collectivite
{
    sealed record Candidat(string Nom, string Cle, int Rang, int Debut, int Longueur, int Accents, int Ordre);

    public static Seance.Valeur<string>? Lire(Document doc, string? organe)
    {
        var candidats = new List<Candidat>();
        for (var k = 0; k < doc.Lignes.Count; k++)
        {
            var l = doc.Lignes[k];
            foreach (var (debut, fin) in Segments(doc, l.Debut, l.Fin))
            {
                var m = RegexGenre().Match(doc.Pli[debut..fin]);
                if (!m.Success || !char.IsUpper(doc.Texte[debut])) continue;
                var nomDebut = debut + m.Groups["n"].Index;
                var nomFin = fin;
                var particule = doc.Texte.Substring(debut + m.Groups["p"].Index, m.Groups["p"].Length).Trim().ToLowerInvariant();
                if (m.Groups["n"].Length == 0)
                {
                    // « Communauté de communes » alone on its line: the name is on the next one (« DU PLATEAU DE L'ORBIS »).
                    if (k + 1 >= doc.Lignes.Count) continue;
                    var suivante = doc.Lignes[k + 1];
                    var s = RegexParticule().Match(doc.Pli[suivante.Debut..suivante.Fin]);
                    particule = doc.Texte.Substring(suivante.Debut + s.Groups["p"].Index, s.Groups["p"].Length).Trim().ToLowerInvariant();
                    nomDebut = suivante.Debut + s.Groups["n"].Index;
                    nomFin = Segments(doc, suivante.Debut, suivante.Fin).FirstOrDefault().Fin;
                }
                var brut = doc.Texte[nomDebut..Math.Max(nomDebut, nomFin)];
                var parenthese = brut.IndexOf('(');
                if (parenthese >= 0) brut = brut[..parenthese];
                brut = brut.Trim().TrimEnd(',', '.', ';', ':', '-', '–').Trim();
                if (brut.Length is 0 or > 60 || !char.IsUpper(brut[0]) || brut.Split(' ').Length > 8) continue;
                var genre = m.Groups["g"].Value;
                var (libelle, rang) = Genre(genre, organe);
                var nom = EnCasseNormale(brut);
                var complet = particule.Length == 0 ? $"{libelle} {nom}"
                    : particule.EndsWith('\'') ? $"{libelle} {particule}{nom}" : $"{libelle} {particule} {nom}";
                candidats.Add(new(complet, Document.Plier(complet), rang, debut, nomDebut - debut + brut.Length, brut.Count(c => c > 127) + (brut.Any(char.IsLower) ? 1 : 0), k));
            }
        }
        if (candidats.Count == 0) return null;
        // The header first: candidates before the subject, then anywhere (running heads and footers).
        var enTete = candidats.Where(c => c.Debut < doc.FinEnTete).ToList();
        var choix = (enTete.Count > 0 ? enTete : candidats).OrderBy(c => c.Rang).ThenBy(c => c.Ordre).First();
        var meilleur = candidats.Where(c => c.Cle == choix.Cle).OrderByDescending(c => c.Accents).ThenBy(c => c.Ordre).First();
        return new(meilleur.Nom, choix.Debut, choix.Longueur);
    }

    static (string Libelle, int Rang) Genre(string genre, string? organe)
    {
        var departemental = organe is "commission_permanente" or "conseil_departemental";
        return genre switch
        {
            "metropole" => ("Métropole", 0),
            "communaute d'agglomeration" => ("Communauté d'agglomération", 0),
            "communaute de communes" => ("Communauté de communes", 0),
            "communaute urbaine" => ("Communauté urbaine", 0),
            "ville" => ("Ville", 0),
            "commune" or "mairie" => ("Commune", 0),
            "region" => ("Région", organe == "conseil_regional" ? -1 : 1),
            _ => ("Département", departemental ? -1 : 2),
        };
    }

    /// <summary>Columns of a header line: cut at wide spaces and at spaced dashes (« RÉPUBLIQUE FRANÇAISE – DÉPARTEMENT … »).</summary>
    static IEnumerable<(int Debut, int Fin)> Segments(Document doc, int debut, int fin)
    {
        var ligne = doc.Texte[debut..fin];
        var position = 0;
        foreach (Match m in RegexSeparateurColonne().Matches(ligne))
        {
            if (m.Index > position + Blancs(ligne, position)) yield return (debut + position + Blancs(ligne, position), debut + m.Index);
            position = m.Index + m.Length;
        }
        if (position + Blancs(ligne, position) < ligne.Length) yield return (debut + position + Blancs(ligne, position), fin);
    }

    static int Blancs(string s, int depuis)
    {
        var n = 0;
        while (depuis + n < s.Length && s[depuis + n] == ' ') n++;
        return n;
    }

    static readonly HashSet<string> Particules = ["de", "du", "des", "la", "le", "les", "et", "sur", "sous", "en", "aux", "au", "lès", "lez", "d", "l"];

    /// <summary>Capitals to normal case, French place-name style; a name already in mixed case is kept as printed.</summary>
    public static string EnCasseNormale(string s)
    {
        if (s.Any(char.IsLower)) return s;
        var resultat = new System.Text.StringBuilder();
        var mot = new System.Text.StringBuilder();
        var premier = true;
        void Vider(char? separateur)
        {
            if (mot.Length > 0)
            {
                var m = mot.ToString().ToLower(CultureInfo.GetCultureInfo("fr-FR"));
                resultat.Append(!premier && Particules.Contains(m) ? m : char.ToUpperInvariant(m[0]) + m[1..]);
                premier = false;
                mot.Clear();
            }
            if (separateur is { } c) resultat.Append(c);
        }
        foreach (var c in s)
            if (c is ' ' or '-' or '\'') Vider(c); else mot.Append(c);
        Vider(null);
        return resultat.ToString();
    }

    [GeneratedRegex(@"^(?<g>metropole|communaute d'agglomeration|communaute de communes|communaute urbaine|commune|ville|mairie|departement|region)\b\s*(?<p>de la |de l'|du |des |de |d')?(?<n>.*)$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexGenre();
    [GeneratedRegex(@"^\s*(?<p>de la |de l'|du |des |de |d')?(?<n>.*)$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexParticule();
    [GeneratedRegex(@"\s{3,}|\s+[–—]\s+|\s-\s", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSeparateurColonne();
}
