namespace Passerelle.Features.Former.Aidants;

/// <summary>The first version of the framework of first-level digital help gestures (issue 14 §7), seeded in the database and then
/// edited by the territory. It is a reasoned starting point, not a national text: no official framework of first-level help exists in
/// the project's sources, so each domain is tied to what those sources say.
/// <list type="bullet">
/// <item><b>Accueillir et diagnostiquer</b> — the Fabrique's <i>accompagner</i> axis: « equip local associations to run diagnostics of a
/// person's situation on those three fields » (équiper, connecter, accompagner; shared docs, mission.md §2 and glossary
/// « diagnostic équiper–connecter–accompagner »); the person's autonomy in La Coop's vocabulary (« Avec guidage · Autonome avec guidage
/// en cas de besoin · Autonome », standards coop-activites.md).</item>
/// <item><b>Guider sans faire à la place</b> — the project's booking text for administrative help: « Il ne la fera pas à votre place sans
/// votre accord » (the seeded « Aide aux démarches administratives » reason); acting on a person's behalf is Aidants Connect's mandate
/// (glossary).</item>
/// <item><b>Protéger les données personnelles</b> — the privacy rules the project applies to every personal file (consent, nothing kept
/// beyond need: standards rapports-effacement.md, parcours-formation.md §6).</item>
/// <item><b>FranceConnect et Aidants Connect</b> — glossary: Aidants Connect is « the national scheme letting a trained helper act on a
/// person's behalf under a mandate »; its mandate categories are La Coop's administrative-procedure themes (coop-activites.md).</item>
/// <item><b>Savoir orienter</b> — La Coop's referral list (administration, other mediation structure, operator of the procedure, social
/// structure, insertion structure, France Services) and the national hotline Solidarité Numérique (glossary, coop-activites.md).</item>
/// </list>
/// Levels (<see cref="Niveaux"/>) follow the same four steps as the people's skills diagnostic (« Pas encore » … « Autonome »), shifted to
/// 1–4 and ending with « can pass it on », the aim of training helpers.</summary>
public static class ReferentielAidants
{
    public const string Auto = "auto", Formateur = "formateur";

    /// <summary>The dated scale: 1 to 4.</summary>
    public static readonly IReadOnlyList<(int Niveau, string Libelle)> Niveaux =
        [(1, "1 — Je découvre"), (2, "2 — Je le fais avec de l'aide"), (3, "3 — Je le fais seul·e"), (4, "4 — Je peux l'expliquer à d'autres")];

    /// <summary>A competency counts as acquired from level 3 in the trainer's latest assessment.</summary>
    public const int NiveauAcquis = 3;

    public static string Libelle(int niveau) => Niveaux.FirstOrDefault(n => n.Niveau == niveau).Libelle ?? niveau.ToString();

    public static readonly string[] Domaines =
        ["Accueillir et diagnostiquer", "Guider sans faire à la place", "Protéger les données personnelles", "FranceConnect et Aidants Connect", "Savoir orienter"];

    /// <summary>The 15 seeded competencies, ids 1–15 (<c>HasData</c>).</summary>
    public static CompetenceAidant[] PremiereVersion()
    {
        var lignes = new (string Code, int Domaine, string Libelle, string Description)[]
        {
            ("A1", 0, "Accueillir la personne et faire préciser sa demande", "Reformuler la demande, demander ce qui est urgent, laisser la personne parler de sa situation."),
            ("A2", 0, "Faire le diagnostic équiper – connecter – accompagner", "Vérifier si la personne a un appareil, une connexion et qui peut l'aider, puis proposer les offres du territoire."),
            ("A3", 0, "Repérer le niveau d'autonomie de la personne", "Avec guidage, autonome avec guidage en cas de besoin, ou autonome : adapter l'aide à ce niveau."),
            ("G1", 1, "Faire faire plutôt que faire à la place", "La personne tient la souris ou le téléphone ; l'aidant·e montre et explique."),
            ("G2", 1, "Expliquer chaque étape avec des mots simples", "Vérifier que la personne a compris et peut refaire seule la prochaine fois."),
            ("G3", 1, "Ne faire à la place qu'avec l'accord exprès de la personne", "Sinon seulement avec un mandat Aidants Connect ; le dire à la personne avant de commencer."),
            ("D1", 2, "Ne jamais noter ni garder les identifiants et mots de passe", "La personne saisit elle-même ses mots de passe ; rien n'est écrit ni enregistré sur le poste."),
            ("D2", 2, "Recueillir le consentement et ne rien laisser après l'aide", "Demander avant de voir un document ; fermer les sessions, effacer les fichiers téléchargés."),
            ("D3", 2, "Reconnaître une arnaque et prévenir la personne", "Faux sites payants, messages d'hameçonnage, demandes de code par téléphone."),
            ("F1", 3, "Aider la personne à se connecter avec FranceConnect", "Avec son propre compte (impots.gouv, Ameli, La Poste…), sans jamais utiliser celui de l'aidant·e."),
            ("F2", 3, "Utiliser un mandat Aidants Connect dans ses limites", "Mandat signé par la personne, démarches de la catégorie choisie, durée respectée ; aidant·e habilité·e seulement."),
            ("F3", 3, "Savoir quand Aidants Connect ne s'applique pas", "Aidant·e non habilité·e, démarche hors du mandat, personne qui peut faire seule : pas de mandat."),
            ("O1", 4, "Reconnaître les limites de l'aide de premier niveau", "Situation sociale ou juridique complexe, litige, détresse : passer la main."),
            ("O2", 4, "Orienter vers la bonne structure et noter l'orientation", "France Services, médiation numérique, structure sociale, opérateur de la démarche, insertion professionnelle."),
            ("O3", 4, "Connaître les relais du territoire", "Lieux de médiation numérique proches, permanences, ligne nationale Solidarité Numérique."),
        };
        return lignes.Select((l, i) => new CompetenceAidant
        {
            Id = i + 1, Code = l.Code, Domaine = Domaines[l.Domaine], Libelle = l.Libelle, Description = l.Description, Ordre = (i + 1) * 10, Active = true,
        }).ToArray();
    }
}
