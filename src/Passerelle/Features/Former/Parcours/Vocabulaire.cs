namespace Passerelle.Features.Former.Parcours;

/// <summary>The pathway's code lists, from the standards page « Parcours de formation » (entities and outcome vocabulary,
/// sections 2 and 3). Codes are stored; labels are shown.</summary>
public static class Vocabulaire
{
    /// <summary>Cohort status: recruitment, running, finished.</summary>
    public static readonly IReadOnlyList<(string Code, string Libelle)> StatutsCohorte =
        [("recrutement", "Recrutement"), ("en_cours", "En cours"), ("terminee", "Terminée")];

    /// <summary>Enrolment status. <c>refuse</c> closes an application with its reason.</summary>
    public const string Candidat = "candidat", Refuse = "refuse", Admis = "admis", EnFormation = "en_formation", Termine = "termine", Abandon = "abandon";
    public static readonly IReadOnlyList<(string Code, string Libelle)> StatutsInscription =
        [(Candidat, "Candidat·e"), (Refuse, "Candidature non retenue"), (Admis, "Admis·e"), (EnFormation, "En formation"), (Termine, "Parcours terminé"), (Abandon, "Abandon")];

    /// <summary>Where an application comes from: the public form, a partner structure's referral, the school's staff.</summary>
    public static readonly IReadOnlyList<(string Code, string Libelle)> Origines =
        [("formulaire", "Formulaire public"), ("prescripteur", "Orientation par un partenaire"), ("equipe", "Saisie par l'équipe")];

    /// <summary>Support team roles (standards, <c>MembreEquipe</c>); <c>referent</c> is the one referent for the whole course.</summary>
    public const string Referent = "referent";
    public static readonly IReadOnlyList<(string Code, string Libelle)> RolesEquipe =
        [(Referent, "Référent·e de parcours"), ("cip", "Conseiller·ère en insertion professionnelle (CIP)"), ("eti", "Encadrant·e technique d'insertion"),
         ("social", "Travailleur·se social·e"), ("tuteur", "Tuteur·rice en entreprise"), ("intervenant", "Intervenant·e")];

    /// <summary>Measure moments: at exit (last day), +3 and +6 months after exit.</summary>
    public static readonly IReadOnlyList<(string Code, string Libelle, int Mois)> Moments =
        [("sortie", "À la sortie", 0), ("3mois", "À 3 mois", 3), ("6mois", "À 6 mois", 6)];

    /// <summary>Outcome types (standards, section 3).</summary>
    public const string SansSolution = "SANS_SOLUTION", Inconnu = "INCONNU";
    public static readonly IReadOnlyList<(string Code, string Libelle)> TypesResultat =
        [("CDI", "CDI"), ("CDD_6_PLUS", "CDD ou intérim de 6 mois ou plus"), ("CDD_MOINS_6", "CDD ou intérim de moins de 6 mois"),
         ("ALTERNANCE", "Alternance (apprentissage, professionnalisation)"), ("CREATION", "Création ou reprise d'entreprise"),
         ("FORMATION", "Formation qualifiante ou poursuite d'études"), (SansSolution, "Sans solution (en recherche)"), (Inconnu, "Sans nouvelles (non joignable)")];

    /// <summary>Helpers' outcome types (programmes of nature <c>aidants</c>, issue 14 §7 « a different outcome list »): where a first-level
    /// digital helper stands after the training, from the gestures of the framework (<see cref="Aidants.ReferentielAidants"/>: helping
    /// without doing for the person, Aidants Connect, knowing when to refer). « Sans nouvelles » shares the school's code <c>INCONNU</c>.</summary>
    public const string AideAssociation = "AIDE_ASSOCIATION", HabiliteAidantsConnect = "HABILITE_AC", Oriente = "ORIENTE", AideAilleurs = "AIDE_AILLEURS",
        NePratiquePas = "NE_PRATIQUE_PAS", AQuitte = "A_QUITTE";
    public static readonly IReadOnlyList<(string Code, string Libelle)> TypesResultatAidants =
        [(AideAssociation, "Pratique l'aide numérique de premier niveau dans son association"), (HabiliteAidantsConnect, "Habilité·e Aidants Connect et l'utilise"),
         (Oriente, "Oriente correctement vers les services et médiateurs compétents"), (AideAilleurs, "Pratique l'aide de premier niveau dans une autre structure"),
         (NePratiquePas, "Toujours dans l'association, ne pratique pas l'aide"), (AQuitte, "A quitté l'association"), (Inconnu, "Sans nouvelles (non joignable)")];

    /// <summary>The outcome list of a programme's nature (<see cref="Programme.Nature"/>): the helpers' list for <c>aidants</c>, the school's otherwise.</summary>
    public static IReadOnlyList<(string Code, string Libelle)> TypesResultatDe(string? nature) => nature == Programme.NatureAidants ? TypesResultatAidants : TypesResultat;

    /// <summary>The label of an outcome code from either list.</summary>
    public static string LibelleResultat(string code) => Libelle(TypesResultat.Any(t => t.Code == code) ? TypesResultat : TypesResultatAidants, code);

    /// <summary>The positive-exit rule. School (standards, section 3, default rule): every school type except « sans solution » and « sans
    /// nouvelles ». Helpers: practising first-level help (in their association or elsewhere), habilitated Aidants Connect, or referring
    /// correctly; not practising, gone, or no news are not positive.</summary>
    public static bool Positive(string type) => TypesResultat.Any(t => t.Code == type) ? type is not (SansSolution or Inconnu)
        : type is AideAssociation or HabiliteAidantsConnect or Oriente or AideAilleurs;
    /// <summary>A job (the « time to first job » counts these): every positive type but further training.</summary>
    public static bool Emploi(string type) => type is "CDI" or "CDD_6_PLUS" or "CDD_MOINS_6" or "ALTERNANCE" or "CREATION";

    public static readonly IReadOnlyList<(string Code, string Libelle)> Sources =
        [("declaratif", "Déclaratif"), ("justificatif", "Justificatif vu"), ("tiers", "Tiers (employeur, organisme)")];

    public static readonly IReadOnlyList<(string Code, string Libelle)> Niveaux =
        [("infra_bac", "Sans diplôme ou infra-bac"), ("bac", "Niveau bac"), ("superieur", "Au-delà du bac")];

    public static readonly IReadOnlyList<(string Code, string Libelle)> Allocations =
        [("RSA", "RSA"), ("ASS", "ASS"), ("AAH", "AAH"), ("ARE", "ARE")];

    public static readonly IReadOnlyList<(string Code, string Libelle)> Freins =
        [("mobilite", "Mobilité"), ("logement", "Logement"), ("garde", "Garde d'enfants"), ("langue", "Langue"), ("equipement", "Équipement"), ("connexion", "Connexion")];

    public static readonly IReadOnlyList<(string Code, string Libelle)> Genres =
        [("femme", "Femme"), ("homme", "Homme"), ("autre", "Autre ou non communiqué")];

    public static readonly IReadOnlyList<(string Code, string Libelle)> Supports =
        [("entretien", "Entretien"), ("telephone", "Téléphone"), ("visite", "Visite"), ("visio", "Visio"), ("mail", "Courriel"), ("tiers", "Échange avec un tiers")];

    public static readonly IReadOnlyList<(string Code, string Libelle)> Seances =
        [("matin", "Matin"), ("apres_midi", "Après-midi"), ("journee", "Journée"), ("soir", "Soir")];
    public const string Present = "present", Excuse = "excuse", Absent = "absent", Retard = "retard";
    public static readonly IReadOnlyList<(string Code, string Libelle)> StatutsPresence =
        [(Present, "Présent·e"), (Excuse, "Absent·e justifié·e"), (Absent, "Absent·e"), (Retard, "En retard")];
    public static readonly IReadOnlyList<(string Code, string Libelle)> Axes =
        [("projet", "Projet professionnel"), ("competences", "Compétences techniques"), ("mobilite", "Mobilité"), ("logement", "Logement"), ("sante", "Santé"), ("numerique", "Numérique"), ("autre", "Autre")];
    public static readonly IReadOnlyList<(string Code, string Libelle)> StatutsObjectif = [("en_cours", "En cours"), ("atteint", "Atteint"), ("abandonne", "Abandonné")];
    public static readonly IReadOnlyList<(string Code, string Libelle)> StatutsAction =
        [("planifiee", "Planifiée"), ("en_cours", "En cours"), ("realisee", "Réalisée"), ("abandonnee", "Abandonnée"), ("en_attente", "En attente")];
    public static bool Existe(IReadOnlyList<(string Code, string Libelle)> liste, string? code) => liste.Any(x => x.Code == code);
    public static string Libelle(IReadOnlyList<(string Code, string Libelle)> liste, string? code) => liste.FirstOrDefault(x => x.Code == code).Libelle ?? code ?? "";
    /// <summary>The labels of a list, for a French error message (« Entretien, Téléphone, … »).</summary>
    public static string Libelles(IReadOnlyList<(string Code, string Libelle)> liste) => string.Join(", ", liste.Select(x => x.Libelle));
    public static string Codes(IReadOnlyList<(string Code, string Libelle)> liste) => string.Join(", ", liste.Select(x => x.Code));
    /// <summary>The codes a client must send, each with its label, for a French error message (« entretien (Entretien), telephone (Téléphone), … »):
    /// the API's client sends the code, the page's user reads the label.</summary>
    public static string Choix(IReadOnlyList<(string Code, string Libelle)> liste) => string.Join(", ", liste.Select(x => $"{x.Code} ({x.Libelle})"));
    public static int MoisDe(string moment) => Moments.First(m => m.Code == moment).Mois;
}
