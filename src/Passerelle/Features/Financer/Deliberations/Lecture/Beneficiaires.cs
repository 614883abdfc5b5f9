using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The aid this act decides, read in its operative part only (SCDL Subventions vocabulary: « aide en numéraire »,
/// « aide en nature »). An item decides aid when it names one (subvention, aide, participation, contribution, fonds de
/// concours, dotation) with an amount and an awarding verb; a request to another funder (« SOLLICITE auprès de la CAF
/// une subvention … soit 9 360 € ») makes the deliberating body the beneficiary, with the amount asked. Lists and tables
/// announced by the item (« les subventions suivantes : », « le tableau ci-dessous ») give one line per beneficiary.
/// Costs, budgets, prices, the body's own share and amounts per post are not aid; an amendment gives the amount as amended
/// (« de 24 000 € à 29 500 € » → 29 500 €).</summary>
public static partial class Beneficiaires
{
    public sealed record Lu(BeneficiairePropose Beneficiaire, int Debut, int Longueur);

    public sealed record Resultat(List<Lu> Lus, decimal? TotalImprime);

    public static Resultat Lire(Document doc, string? collectivite)
    {
        var lus = new List<Lu>();
        decimal? total = null;
        var elements = Decision.Elements(doc, Decision.Debut(doc));
        foreach (var e in elements)
        {
            if (!RegexAide().IsMatch(e.Pli) || RegexEngage().IsMatch(e.Pli)) continue;
            var annonceListe = RegexAnnonce().IsMatch(e.Pli) || e.Pli.TrimEnd().EndsWith(':');
            var montants = Nombres.Montants(e.Texte).ToList();
            if (annonceListe && montants.Count == 0)
            {
                var (lignes, t) = Tableau.Lire(doc, e.IndexLigneFin + 1);
                total ??= t;
                foreach (var l in lignes) Ajouter(lus, l);
                continue;
            }
            if (montants.Count == 0) continue;
            if (RegexDemande().IsMatch(e.Pli))
            {
                if (collectivite is null || MontantDemande(e, montants) is not { } demande) continue;
                Ajouter(lus, new Lu(new BeneficiairePropose(collectivite, demande, "aide en numéraire"), e.Debut, e.Fin - e.Debut));
            }
            else if (RegexAttribution().IsMatch(e.Pli) && MontantAttribue(e, montants) is { } montant && Nom(e) is { } nom)
            {
                var nature = RegexEnNature().IsMatch(e.Pli) ? "aide en nature" : "aide en numéraire";
                Ajouter(lus, new Lu(new BeneficiairePropose(nom, montant, nature), e.Debut, e.Fin - e.Debut));
            }
        }
        return new(lus, total);
    }

    static void Ajouter(List<Lu> lus, Lu nouveau)
    {
        var cle = Cle(nouveau.Beneficiaire.Nom);
        if (lus.Any(l => Cle(l.Beneficiaire.Nom) == cle)) return;
        lus.Add(nouveau);
    }

    static string Cle(string nom) => RegexPrefixeAssociation().Replace(Document.Plier(nom).Replace("«", "").Replace("»", "").Trim(), "").Trim();

    /// <summary>The amount asked: the one after « soit » or before « au total » when printed, else the first amount that is
    /// not a cost; an amount « par poste » times the number of posts of the same item when no total is printed.</summary>
    static decimal? MontantDemande(Decision.Element e, List<Nombres.Montant> montants)
    {
        var utiles = montants.Where(m => !EstCout(e, m)).ToList();
        var total = utiles.FirstOrDefault(m => RegexSoitAvant().IsMatch(e.Pli[Math.Max(0, m.Debut - 12)..m.Debut]) || RegexTotalApres().IsMatch(Apres(e, m)));
        if (total is not null) return total.Valeur;
        var premier = utiles.FirstOrDefault();
        if (premier is null) return null;
        if (RegexParUnite().IsMatch(Apres(e, premier)) && RegexNombrePostes().Match(e.Pli) is { Success: true } n
            && (int.TryParse(n.Groups["n"].Value, out var postes) ? postes : Nombres.LireEnLettres(n.Groups["n"].Value)) is { } k and > 0)
            return premier.Valeur * k;
        return premier.Valeur;
    }

    static decimal? MontantAttribue(Decision.Element e, List<Nombres.Montant> montants)
    {
        var modifie = RegexDeA().Match(e.Pli);
        if (modifie.Success) return montants.FirstOrDefault(m => m.Debut >= modifie.Groups["a"].Index)?.Valeur;
        var aide = RegexAide().Match(e.Pli);
        var utiles = montants.Where(m => !EstCout(e, m) && RegexParUnite().IsMatch(Apres(e, m)) is false).ToList();
        return (utiles.FirstOrDefault(m => m.Debut > aide.Index) ?? utiles.FirstOrDefault())?.Valeur;
    }

    /// <summary>The few words after an amount, as a span: the rules that read them are anchored at its start, and copying the
    /// rest of a long item for each of its amounts would make the reading quadratic.</summary>
    static ReadOnlySpan<char> Apres(Decision.Element e, Nombres.Montant m)
    {
        var debut = Math.Min(e.Pli.Length, m.Debut + m.Longueur);
        return e.Pli.AsSpan(debut, Math.Min(80, e.Pli.Length - debut));
    }

    /// <summary>An amount that is a cost, a budget or a price (« coût total de … », « budget global … (900 000 €) »).</summary>
    static bool EstCout(Decision.Element e, Nombres.Montant m) =>
        RegexCoutAvant().IsMatch(e.Pli[Math.Max(0, m.Debut - 45)..m.Debut]) && !RegexSoitAvant().IsMatch(e.Pli[Math.Max(0, m.Debut - 12)..m.Debut]);

    /// <summary>The beneficiary's name: « à l'association « X » », « avec l'association X pour … », « au profit de X »,
    /// « au Centre social X » (a name starts with a capital: « au titre de » is not one).</summary>
    static string? Nom(Decision.Element e)
    {
        foreach (var regex in new[] { RegexNomGuillemets(), RegexNomAssociation(), RegexNomProfit() })
        {
            foreach (Match m in regex.Matches(e.Pli))
            {
            var nom = e.Texte.Substring(m.Groups["n"].Index, m.Groups["n"].Length).Trim().TrimEnd(',', ';', '.', ':').Trim().Trim('«', '»', '"', ' ');
            if (nom.Length > 1 && char.IsUpper(nom[0])) return nom;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\bsubventions?\b|\baides?\b|\bparticipations?\b|\bcontributions?\b|fonds de concours|\bdotations?\b|soutien financier", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAide();
    [GeneratedRegex(@"\bs'engagen?t?\b|^\W*engagements?\b|prend(?:re)? acte", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEngage();
    [GeneratedRegex(@"suivante?s?\s*:|ci-dessous|ci-apres|comme suit|tableau|repartition suivante|detaillee?s? (?:dans|ci)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAnnonce();
    [GeneratedRegex(@"sollicit|\bdemander?\b[^.;]{0,60}\b(?:a|aupres|au titre)\b|candidat", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexDemande();
    [GeneratedRegex(@"attribu|accord|allou|octroi|\bverse|approuv|\bportant\b|\bporte\b|\bfixe|\bvote|\baccepte|\bvalide", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexAttribution();
    [GeneratedRegex(@"en nature|valoris", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexEnNature();
    [GeneratedRegex(@"^(?:l'association|association)\s+", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexPrefixeAssociation();
    [GeneratedRegex(@"\bsoit\s*(?:un total de\s*|au total\s*)?$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexSoitAvant();
    [GeneratedRegex(@"^\s*(?:ht|ttc)?\s*(?:au total|en tout|pour l'ensemble)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexTotalApres();
    [GeneratedRegex(@"^\s*(?:ht|ttc)?\s*(?:par|/)\s*(?:poste|an|annee|mois|agent|conseiller|emploi|personne|beneficiaire|place|heure|jour)\b", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexParUnite();
    [GeneratedRegex(@"(?<n>\d{1,3}|" + Nombres.MotNombre + @"(?:[ -]" + Nombres.MotNombre + @")*)\s+(?:postes|emplois|conseillers)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNombrePostes();
    [GeneratedRegex(@"(?:cout|budget|prix|depenses?|montant total du projet|montant des travaux|estime|autofinancement|reste a charge)[^€;]{0,40}$", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexCoutAvant();
    [GeneratedRegex(@"\bde\s+[\d .,]+\s*(?:€|euros?)\s+(?<a>a)\s+[\d .,]+\s*(?:€|euros?)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexDeA();
    [GeneratedRegex(@"l'association\s+«\s*(?<n>[^»]{2,120}?)\s*»", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNomGuillemets();
    [GeneratedRegex(@"(?:\ba|\bavec|au profit de|en faveur de)\s+l'association\s+(?<n>[^,;()«»]{2,100}?)(?=\s+(?:pour|afin|au titre|dans|representant|une|un|d'un|d'une|est|sont|qui|et|a hauteur|ainsi)\b|\s*[,;.:(]|\s*$)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNomAssociation();
    [GeneratedRegex(@"(?:au profit d[eu'] ?|en faveur d[eu'] ?|\ba |\bau )(?:la |le |l')?(?<n>[^,;()]{2,80}?)(?=\s+(?:pour|afin|au titre|dans|representant|une|un|d'un|d'une|est|sont|qui|et|a hauteur|ainsi)\b|\s*[,;.:(]|\s*$)", RegexOptions.None, Garde.DelaiRegexMs)]
    private static partial Regex RegexNomProfit();
}
