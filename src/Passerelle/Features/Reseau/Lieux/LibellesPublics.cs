namespace Passerelle.Features.Reseau.Lieux;

/// <summary>
/// Plain-French wordings shown to the public for the labels of the national standard "Lieux de médiation numérique"
/// (<see cref="StandardLieux"/>): services, publics, adapted support, fees, access and support modes.
/// The standard's exact value stays what is stored, exported and sent in URLs (<c>service=…</c>); only the text read by a
/// person changes. Source of the values: schema "Lieux de médiation numérique" v1.x (La MedNum / ANCT, schema.data.gouv.fr);
/// wordings written for this project following the "plain language" guidance of the French administration (FALC principles:
/// a verb, everyday words, an example). A value missing from the table is shown as is. See docs/libelles-publics.md.
/// </summary>
public static class LibellesPublics
{
    static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        // services
        ["Aide aux démarches administratives"] = "Faire mes démarches en ligne (impôts, CAF, retraite, santé…)",
        ["Maîtrise des outils numériques du quotidien"] = "Prendre en main un équipement informatique (ordinateur, tablette, téléphone)",
        ["Insertion professionnelle via le numérique"] = "Chercher un emploi ou une formation sur internet",
        ["Utilisation sécurisée du numérique"] = "Me protéger sur internet (arnaques, mots de passe)",
        ["Parentalité et éducation avec le numérique"] = "Accompagner mes enfants avec les écrans et l'école en ligne",
        ["Loisirs et créations numériques"] = "Loisirs et création (photo, vidéo, jeux…)",
        ["Compréhension du monde numérique"] = "Comprendre le numérique et trier l'information",
        ["Accès internet et matériel informatique"] = "Utiliser sur place un ordinateur, une imprimante ou internet",
        ["Acquisition de matériel informatique à prix solidaire"] = "Acheter un ordinateur ou un téléphone à petit prix",
        // publics_specifiquement_adresses
        ["Familles et/ou enfants"] = "Familles et enfants",
        ["Seniors"] = "Personnes âgées",
        // prise_en_charge_specifique
        ["Surdité"] = "Personnes sourdes ou malentendantes",
        ["Handicaps moteurs"] = "Personnes en fauteuil ou qui se déplacent difficilement",
        ["Handicaps mentaux"] = "Personnes avec un handicap mental",
        ["Illettrisme"] = "Personnes qui ont du mal à lire ou à écrire",
        ["Langues étrangères (anglais)"] = "Aide possible en anglais",
        ["Langues étrangères (autres)"] = "Aide possible dans d'autres langues",
        ["Déficience visuelle"] = "Personnes aveugles ou malvoyantes",
        // frais_a_charge
        ["Gratuit sous condition"] = "Gratuit selon votre situation",
        // modalites_accompagnement
        ["En autonomie"] = "Seul, avec du matériel en libre accès",
        ["Accompagnement individuel"] = "Avec un médiateur, seul à seul",
        ["Dans un atelier collectif"] = "En petit groupe, pendant un atelier",
        ["À distance"] = "À distance, par téléphone ou en vidéo",
        // modalites_acces
        ["Se présenter"] = "Venir sans rendez-vous",
        ["Téléphoner"] = "Appeler avant de venir",
        ["Contacter par mail"] = "Écrire un courriel",
        ["Prendre un RDV en ligne"] = "Prendre rendez-vous sur internet",
        ["Envoyer un mail avec une fiche de prescription"] = "Sur orientation d'un professionnel (travailleur social…)",
    };

    /// <summary>The public wording of a standard value, or the value itself when the table has none (e.g. "Gratuit", "Jeunes").</summary>
    public static string Dire(string valeur) => Table.GetValueOrDefault(valeur, valeur);

    /// <summary>Every (standard value, public wording) pair, for the documentation test.</summary>
    public static IReadOnlyDictionary<string, string> Tout => Table;
}
