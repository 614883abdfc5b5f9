using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>A list or table of beneficiaries announced by a decision (« les subventions suivantes : »). With a header row
/// (« Bénéficiaire   Commune   Action   Nature de l'aide   Montant »), cells are found by the header's columns and a row
/// runs from the line holding its amount to the next one (wrapped cells continue on the lines under it). Without a header,
/// each line holding an amount is a row: « Association X ……… 18 500 € », « - Emmaüs Connect : 30 000 € »; lines in
/// parentheses (third-party numbers, actions) are skipped. A « Total » line ends it and gives the printed total.</summary>
public static partial class Tableau
{
    sealed class Rangee(int debut, int fin, string nom, string nature, decimal montant)
    {
        public int Debut = debut, Fin = fin;
        public string Nom = nom, Nature = nature;
        public decimal Montant = montant;
    }

    public static (List<Beneficiaires.Lu> Lignes, decimal? Total) Lire(Document doc, int premiereLigne)
    {
        var k = premiereLigne;
        while (k < doc.Lignes.Count && (doc.Lignes[k].Longueur == 0 || doc.Texte[doc.Lignes[k].Debut..doc.Lignes[k].Fin].Trim().Length == 0)) k++;
        if (k >= doc.Lignes.Count) return ([], null);
        var entete = doc.Pli[doc.Lignes[k].Debut..doc.Lignes[k].Fin];
        var colonnes = RegexCellule().Matches(entete).Select(m => (m.Index, m.Value)).ToList();
        var colNom = colonnes.FindIndex(c => RegexEnteteNom().IsMatch(c.Value));
        var avecEntete = colonnes.Count >= 3 && colNom >= 0 && colonnes.Any(c => c.Value.Contains("montant"));
        var colNature = colonnes.FindIndex(c => c.Value.Contains("nature"));
        var rangees = new List<Rangee>();
        decimal? total = null;
        for (var i = avecEntete ? k + 1 : k; i < doc.Lignes.Count; i++)
        {
            var l = doc.Lignes[i];
            if (l.Bruit) continue;
            var texte = doc.Texte[l.Debut..l.Fin];
            var pli = doc.Pli[l.Debut..l.Fin].Trim();
            if (pli.Length == 0) { if (rangees.Count > 0) break; continue; }
            var montants = Nombres.Montants(texte).ToList();
            if (pli.StartsWith("total") || pli.Contains("  total")) { total = montants.LastOrDefault()?.Valeur; break; }
            if (RegexFinListe().IsMatch(pli)) break;
            if (avecEntete)
            {
                var cellules = Cellules(texte, colonnes.Select(c => c.Index).ToList());
                var nom = cellules.GetValueOrDefault(colNom, "");
                var nature = colNature >= 0 ? cellules.GetValueOrDefault(colNature, "") : "";
                if (montants.Count > 0) rangees.Add(new Rangee(l.Debut, l.Fin, nom, nature + " " + texte, montants[^1].Valeur));
                else if (rangees.Count > 0)
                {
                    var r = rangees[^1];
                    if (nom.Length > 0) r.Nom = r.Nom.EndsWith('-') ? r.Nom + nom : r.Nom + " " + nom;
                    r.Nature += " " + texte;
                    r.Fin = l.Fin;
                }
            }
            else if (montants.Count > 0)
            {
                var nom = RegexNettoyageNom().Replace(texte[..montants[0].Debut], "").Trim();
                nom = RegexPrefixe().Replace(nom, "");
                if (nom.Length > 1 && char.IsUpper(nom[0])) rangees.Add(new Rangee(l.Debut, l.Fin, nom, texte, montants[0].Valeur));
            }
            else if (!pli.StartsWith('(') && rangees.Count == 0 && i > k + 3) break;
        }
        var lus = rangees.Select(r => new Beneficiaires.Lu(new BeneficiairePropose(Regex.Replace(r.Nom, @"\s+", " ").Trim(), r.Montant,
            Document.Plier(r.Nature).Contains("en nature") ? "aide en nature" : "aide en numéraire"), r.Debut, r.Fin - r.Debut)).ToList();
        return (lus, total);
    }

    /// <summary>A row's cells by column: each cell goes to the last header column starting at or before it (2 characters of
    /// slack, as extracted text rarely keeps columns exactly aligned).</summary>
    static Dictionary<int, string> Cellules(string ligne, List<int> debuts)
    {
        var r = new Dictionary<int, string>();
        foreach (Match m in RegexCellule().Matches(ligne))
        {
            var col = 0;
            for (var c = 0; c < debuts.Count; c++) if (debuts[c] <= m.Index + 2) col = c;
            r[col] = r.TryGetValue(col, out var deja) ? deja + " " + m.Value : m.Value;
        }
        return r;
    }

    [GeneratedRegex(@"\S+(?: \S+)*", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexCellule();
    [GeneratedRegex(@"beneficiaire|organisme|association|structure|porteur|tiers|\bnom\b|attributaire", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEnteteNom();
    [GeneratedRegex(@"^(?:article\s+\d|art\.\s*\d|[-–•■]\s*(?:d'|de |la |le |les ))", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexFinListe();
    [GeneratedRegex(@"^\s*(?:[-–•■●▪*]\s*)?|[\s.…:–—-]+$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNettoyageNom();
    [GeneratedRegex(@"^(?:à |a |au profit de |l'association )+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexPrefixe();
}
