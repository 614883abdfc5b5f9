namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>Statistical secrecy of shared views (funders, public page, their exports), decision 0009.
/// Primary suppression masks every cell under <see cref="CalculStatistiques.SeuilMasquage"/>; secondary suppression then masks
/// more cells of the same dimension until no masked cell can be recovered by subtracting the shown cells from the shown total:
/// at least two cells masked, and together at least the threshold (two masked cells of 1 and 1 would otherwise be known
/// from their sum 2).</summary>
public static class Secret
{
    public const string Note = "masqué : moins de 5 personnes, ou masqué pour qu'un petit nombre ne se déduise pas du total";

    /// <summary>Which cells of one dimension (cells adding up to a published total, or less) to mask.</summary>
    public static bool[] Masquer(IReadOnlyList<int> valeurs, int seuil = CalculStatistiques.SeuilMasquage)
    {
        var masque = valeurs.Select(v => v > 0 && v < seuil).ToArray();
        bool Expose() => masque.Count(m => m) is var n && n > 0 && (n == 1 || Enumerable.Range(0, valeurs.Count).Where(i => masque[i]).Sum(i => valeurs[i]) < seuil);
        while (Expose())
        {
            // The next smallest shown cell (a zero tells nothing and protects nothing).
            var suivant = Enumerable.Range(0, valeurs.Count).Where(i => !masque[i] && valeurs[i] > 0).OrderBy(i => valeurs[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            if (suivant is null) break;
            masque[suivant.Value] = true;
        }
        return masque;
    }

    static int? Seul(int? v) => v is { } x && x > 0 && x < CalculStatistiques.SeuilMasquage ? null : v;

    static List<Ligne> Proteger(IReadOnlyList<Ligne> lignes)
    {
        var masque = Masquer(lignes.Select(l => l.Accompagnements ?? 0).ToList());
        return lignes.Select((l, i) => masque[i] ? l with { Accompagnements = null, Activites = null } : l).ToList();
    }

    static List<LignePersonnes> Proteger(IReadOnlyList<LignePersonnes> lignes)
    {
        var masque = Masquer(lignes.Select(l => l.Personnes ?? 0).ToList());
        return lignes.Select((l, i) => masque[i] ? l with { Personnes = null } : l).ToList();
    }

    /// <summary>The part and the rest of a published whole: both shown, or both masked.</summary>
    static (int? Partie, int? Reste) Partager(int? partie, int? tout) =>
        partie is { } p && tout is { } t && Masquer([p, t - p]) is var m && !m[0] && !m[1] ? (p, t - p) : (null, null);

    /// <summary>The dashboard as a funder or the public may see it.</summary>
    public static Tableau Proteger(Tableau t)
    {
        var accompagnements = Seul(t.Accompagnements);
        var beneficiaires = Seul(t.Beneficiaires);
        var (suivis, anonymes) = Partager(t.BeneficiairesSuivis, beneficiaires);
        var (individuels, _) = Partager(t.AccompagnementsIndividuels, accompagnements);
        var (nouveaux, _) = Partager(t.NouveauxBeneficiaires, beneficiaires);
        var competences = t.Competences.Select(c =>
        {
            if (Seul(c.Personnes) is null) return c with { Personnes = null, NiveauInitial = 0, NiveauActuel = 0, EnProgres = null };
            return c with { EnProgres = Partager(c.EnProgres, c.Personnes).Partie };
        }).ToList();
        return t with
        {
            Accompagnements = accompagnements, Activites = accompagnements is null ? null : t.Activites, AccompagnementsIndividuels = individuels,
            Beneficiaires = beneficiaires, BeneficiairesSuivis = suivis, BeneficiairesAnonymes = anonymes, NouveauxBeneficiaires = nouveaux,
            ParMois = Proteger(t.ParMois), ParTheme = Proteger(t.ParTheme), ParCanal = Proteger(t.ParCanal), ParDuree = Proteger(t.ParDuree),
            ParMateriel = Proteger(t.ParMateriel), ParAutonomie = Proteger(t.ParAutonomie), ParLieu = Proteger(t.ParLieu), ParType = Proteger(t.ParType),
            ParThemeDemarches = Proteger(t.ParThemeDemarches), ParCommune = Proteger(t.ParCommune), ParEtiquette = Proteger(t.ParEtiquette),
            ParOrientation = Proteger(t.ParOrientation), Qpv = Proteger(t.Qpv),
            ParGenre = Proteger(t.ParGenre), ParTrancheAge = Proteger(t.ParTrancheAge), ParStatut = Proteger(t.ParStatut),
            BeneficiairesParQpv = Proteger(t.BeneficiairesParQpv), ResultatsOrientations = Proteger(t.ResultatsOrientations),
            Competences = competences, Masque = true,
        };
    }
}
