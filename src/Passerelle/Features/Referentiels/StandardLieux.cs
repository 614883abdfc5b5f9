namespace Passerelle.Features.Referentiels;

/// <summary>The national standard « Lieux de médiation numérique » v1.x (La MedNum / ANCT, schema.data.gouv.fr,
/// v1.0.2 for the sample in Seed/): column order and enumerations, copied exactly (case and accents matter).
/// Reading and writing files in that standard stays with the places (Features/Reseau/Lieux).</summary>
public static class StandardLieux
{
    public static readonly string[] Colonnes =
    [
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
        "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
        "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente",
        "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
        "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
        "autres_formations_labels", "modalites_acces", "modalites_accompagnement",
        "fiche_acces_libre", "prise_rdv",
    ];

    public static readonly string[] Obligatoires = ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"];

    public static readonly string[] Services =
    [
        "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
        "Compréhension du monde numérique", "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    ];

    public static readonly string[] Publics = ["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"];

    public static readonly string[] PrisesEnCharge =
    [
        "Surdité", "Handicaps moteurs", "Handicaps mentaux", "Illettrisme",
        "Langues étrangères (anglais)", "Langues étrangères (autres)", "Déficience visuelle",
    ];

    public static readonly string[] Frais = ["Gratuit", "Gratuit sous condition", "Payant"];

    public static readonly string[] Dispositifs =
    [
        "Aidants Connect", "Bibliothèques numérique de référence", "Certification PIX",
        "Conseillers numériques", "Emmaüs Connect", "France Services", "Grande école du numérique",
        "La Croix Rouge", "Point d'accès numérique CAF", "Promeneurs du net", "Relais numérique (Emmaüs Connect)",
    ];

    public static readonly string[] FormationsLabels =
    [
        "Formé à « Mon Espace Santé »", "Formé à « DUPLEX » (illettrisme)",
        "Arnia/MedNum BFC (Bourgogne-Franche-Comté)", "Collectif ressources et acteurs réemploi (Normandie)",
        "Étapes numériques (La Poste)", "Étapes numériques(La Poste)", "Fabriques de Territoire",
        "Les Éclaireurs du numérique (Drôme)", "Mes Papiers (Métropole de Lyon)", "ORDI 3.0", "SUD LABS (PACA)",
    ];

    public static readonly string[] ModalitesAcces =
    [
        "Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne",
        "Ce lieu n'accueille pas de public", "Envoyer un mail avec une fiche de prescription",
    ];

    public static readonly string[] ModalitesAccompagnement =
        ["En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance"];

    public static readonly string[] Itinerance = ["Itinérant", "Fixe"];

    /// <summary>Structure types of data·inclusion (the standard points to that list without fixing it).</summary>
    public static readonly string[] Typologies =
    [
        "ACI", "ACIPHC", "AFPA", "AI", "ASE", "ASSO", "ASSO_CHOMEUR", "Autre", "BIB", "CAARUD", "CADA", "CAF",
        "CAP_EMPLOI", "CAVA", "CC", "CCAS", "CCONS", "CD", "CDAS", "CFP", "CHRS", "CHU", "CIAS", "CIDFF", "CITMET",
        "CPE", "CPH", "CS", "CSAPA", "CSC", "DEETS", "DEPT", "DIPLP", "E2C", "EA", "EATT", "EI", "EITI", "ENM",
        "EPCI", "EPI", "EPIDE", "EPN", "ES", "ESS", "ETTI", "FAIS", "FT", "GEIQ", "HUDA", "LA_POSTE", "MDE", "MDEF",
        "MDPH", "MDS", "MJC", "ML", "MQ", "MSA", "MSAP", "MUNI", "OACAS", "ODC", "OF", "OIL", "OPCS", "PAD", "PE",
        "PENSION", "PIJ_BIJ", "PIMMS", "PJJ", "PLIE", "PREF", "PREVENTION", "REG", "RFS", "RS_FJT", "SCP",
        "SPIP", "TIERS_LIEUX", "UDAF",
    ];

    public static readonly IReadOnlyDictionary<string, string> LibellesTypologie = new Dictionary<string, string>
    {
        ["ASSO"] = "Association", ["BIB"] = "Bibliothèque, médiathèque", ["CCAS"] = "Centre communal d'action sociale",
        ["CIAS"] = "Centre intercommunal d'action sociale", ["CS"] = "Centre social", ["EPN"] = "Espace public numérique",
        ["MUNI"] = "Mairie, service municipal", ["RFS"] = "France Services", ["TIERS_LIEUX"] = "Tiers-lieu",
        ["EPCI"] = "Intercommunalité", ["MJC"] = "Maison des jeunes et de la culture", ["MQ"] = "Maison de quartier",
        ["LA_POSTE"] = "La Poste", ["CAF"] = "Caisse d'allocations familiales", ["DEPT"] = "Département",
        ["ML"] = "Mission locale", ["PIMMS"] = "Point information médiation multi-services", ["Autre"] = "Autre",
    };

    public const string PivotFactice = "00000000000000";

    public static IEnumerable<string> Valeurs(string? multi) =>
        string.IsNullOrEmpty(multi) ? [] : multi.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
