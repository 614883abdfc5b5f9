namespace Passerelle.Features.Referentiels;

/// <summary>The national vocabulary of activity reports, kept exactly (case and accents matter): the lists of
/// La Coop de la médiation numérique (ANCT / La MedNum, activity form « compte rendu d'activité » and its CSV export,
/// as published in 2025); workshop themes and levels use the same lists.</summary>
public static class VocabulaireCoop
{
    public const string Individuel = "Accompagnement individuel", Collectif = "Atelier collectif";
    public static readonly string[] Types = [Individuel, Collectif];
    public static readonly int[] Durees = [15, 30, 45, 60, 90, 120];
    public const string LieuActivite = "Lieu d'activité", Domicile = "À domicile", Distance = "À distance", AutreLieu = "Autre lieu";
    public static readonly string[] TypesLieu = [LieuActivite, Domicile, Distance, AutreLieu];
    public static readonly string[] Materiel = ["Ordinateur", "Téléphone", "Tablette", "Autre", "Pas de matériel"];
    public const string ThemeDemarches = "Aide aux démarches administratives";
    public static readonly string[] Themes =
    [
        "Diagnostic numérique", "Prendre en main du matériel", "Maintenance de matériel", "Gérer ses contenus numériques",
        "Navigation sur internet", "E-mail", "Bureautique", "Réseaux sociaux communication", "Santé", "Banque et achats en ligne",
        "Accompagner un professionnel", "Insertion professionnelle", "Prévention en sécurité numérique", "Parentalité",
        "Scolarité et numérique", "Créer avec le numérique", "Culture numérique", "Intelligence artificielle (IA)", ThemeDemarches,
    ];
    /// <summary>The national themes in a few groups, so that the form shows a short list to scan (every theme in exactly one group).</summary>
    public static readonly (string Groupe, string[] Themes)[] GroupesThemes =
    [
        ("Matériel et prise en main", ["Diagnostic numérique", "Prendre en main du matériel", "Maintenance de matériel", "Gérer ses contenus numériques"]),
        ("Usages du quotidien", ["Navigation sur internet", "E-mail", "Bureautique", "Réseaux sociaux communication", "Banque et achats en ligne", "Santé"]),
        ("Démarches et emploi", [ThemeDemarches, "Insertion professionnelle", "Accompagner un professionnel"]),
        ("Sécurité, famille et culture", ["Prévention en sécurité numérique", "Parentalité", "Scolarité et numérique", "Créer avec le numérique", "Culture numérique", "Intelligence artificielle (IA)"]),
    ];
    public static readonly string[] ThemesDemarches =
    [
        "Papiers - Élections - Citoyenneté", "Famille - Scolarité", "Social - Santé", "Travail - Formation - Entreprise", "Logement",
        "Transports - Mobilité", "Argent - Impôts", "Justice", "Étrangers - Europe", "Loisirs - Sports - Culture", "Associations",
    ];
    public static readonly string[] Autonomie = ["Avec guidage", "Autonome avec guidage en cas de besoin", "Autonome"];
    public static readonly string[] Niveaux = ["Débutant", "Intermédiaire", "Avancé"];
    public static readonly string[] Orientations =
    [
        "Administration (mairie, préfecture…)", "Autre structure de médiation numérique",
        "Opérateur ou organisme en charge de la démarche administrative", "Structure d'aide sociale (maison des solidarités, centre social…)",
        "Structure d'insertion professionnelle (France Travail, mission locale…)", "Structure d'aide aux démarches administratives (France Services…)", "Autre",
    ];
    public const string NonCommunique = "Non communiqué";
    public static readonly string[] Genres = ["Masculin", "Féminin", NonCommunique];
    public static readonly string[] TranchesAge = ["Moins de 12 ans", "12 - 17 ans", "18 - 24 ans", "25 - 39 ans", "40 - 59 ans", "60 - 69 ans", "70 ans et plus", NonCommunique];
    public const string StatutNonCommunique = "Non communiqué ou hétérogène";
    public static readonly string[] Statuts = ["Retraité", "Sans emploi", "En emploi", "Scolarisé", StatutNonCommunique];

    /// <summary>La Coop's current version that <see cref="LibelleExport"/> and the Coop report follow: repository
    /// inclusion-numerique/coop-mediation-numerique, commit 46aa33bdf21c42c2d5bbb2913f5c453cca5a9542 (30 June 2026), files
    /// apps/web/src/features/activites/use-cases/list/export/buildAccompagnementsWorksheet.ts and the label files it imports.</summary>
    public const string VersionCoop = "La Coop de la médiation numérique, export des accompagnements (version du 26 juin 2026)";

    /// <summary>Stored values whose label differs in La Coop's current export: the typographic apostrophe (U+2019) and the
    /// insertion referral's "chambre de commerce" (cra/fields/type-lieu.ts, cra/individuel/fields/structures-redirection.ts).
    /// Stored values and the API contract keep the straight apostrophe; only exports map them.</summary>
    static readonly Dictionary<string, string> LibellesExport = new()
    {
        [LieuActivite] = "Lieu d\u2019activité",
        ["Structure d'aide sociale (maison des solidarités, centre social…)"] = "Structure d\u2019aide sociale (maison des solidarités, centre social…)",
        ["Structure d'insertion professionnelle (France Travail, mission locale…)"] =
            "Structure d\u2019insertion professionnelle (France Travail, mission locale, chambre de commerce…)",
        ["Structure d'aide aux démarches administratives (France Services…)"] = "Structure d\u2019aide aux démarches administratives (France Services…)",
    };

    /// <summary>The label La Coop's export writes for a stored value (the value itself when both agree).</summary>
    public static string LibelleExport(string valeur) => LibellesExport.GetValueOrDefault(valeur, valeur);

    /// <summary>Age band in a given year, from the birth year (the national tool derives it the same way).</summary>
    public static string TrancheAge(int? anneeNaissance, int annee)
    {
        if (anneeNaissance is not { } n || n > annee) return NonCommunique;
        var age = annee - n;
        return age < 12 ? TranchesAge[0] : age < 18 ? TranchesAge[1] : age < 25 ? TranchesAge[2] : age < 40 ? TranchesAge[3]
            : age < 60 ? TranchesAge[4] : age < 70 ? TranchesAge[5] : TranchesAge[6];
    }
}
