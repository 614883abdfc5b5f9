namespace Passerelle.Features.Reseau.Lieux;

/// <summary>Maps the columns and vocabulary of legacy v0.1 files (and the leftover v0.1 keys of
/// the national map's JSON) to v1; whatever cannot be mapped is reported, never silently dropped.</summary>
public static class StandardV01
{
    public static readonly string[] ColonnesAnciennes =
        ["cle_ban", "courriel", "publics_accueillis", "conditions_acces", "labels_nationaux", "labels_autres", "accessibilite"];

    public static bool EstAncien(IEnumerable<string> colonnes) => colonnes.Any(c => ColonnesAnciennes.Contains(c));

    static readonly (string Motif, string Colonne, string Valeur)[] PublicsAccueillis =
    [
        ("jeune", "publics_specifiquement_adresses", "Jeunes"),
        ("étudiant", "publics_specifiquement_adresses", "Étudiants"),
        ("famille", "publics_specifiquement_adresses", "Familles et/ou enfants"),
        ("enfant", "publics_specifiquement_adresses", "Familles et/ou enfants"),
        ("senior", "publics_specifiquement_adresses", "Seniors"),
        ("femme", "publics_specifiquement_adresses", "Femmes"),
        ("surdité", "prise_en_charge_specifique", "Surdité"),
        ("sourd", "prise_en_charge_specifique", "Surdité"),
        ("moteur", "prise_en_charge_specifique", "Handicaps moteurs"),
        ("mental", "prise_en_charge_specifique", "Handicaps mentaux"),
        ("psychique", "prise_en_charge_specifique", "Handicaps mentaux"),
        ("illettrisme", "prise_en_charge_specifique", "Illettrisme"),
        ("anglais", "prise_en_charge_specifique", "Langues étrangères (anglais)"),
        ("langue", "prise_en_charge_specifique", "Langues étrangères (autres)"),
        ("visuel", "prise_en_charge_specifique", "Déficience visuelle"),
        ("aveugle", "prise_en_charge_specifique", "Déficience visuelle"),
    ];

    static readonly (string Motif, string Colonne, string Valeur)[] LabelsNationaux =
    [
        ("france services", "dispositif_programmes_nationaux", "France Services"),
        ("cnfs", "dispositif_programmes_nationaux", "Conseillers numériques"),
        ("conseiller", "dispositif_programmes_nationaux", "Conseillers numériques"),
        ("aidants connect", "dispositif_programmes_nationaux", "Aidants Connect"),
        ("fabrique", "formations_labels", "Fabriques de Territoire"),
        ("grande", "dispositif_programmes_nationaux", "Grande école du numérique"),
        ("caf", "dispositif_programmes_nationaux", "Point d'accès numérique CAF"),
        ("pix", "dispositif_programmes_nationaux", "Certification PIX"),
        ("promeneurs", "dispositif_programmes_nationaux", "Promeneurs du net"),
        ("croix", "dispositif_programmes_nationaux", "La Croix Rouge"),
        ("relais", "dispositif_programmes_nationaux", "Relais numérique (Emmaüs Connect)"),
        ("emmaüs", "dispositif_programmes_nationaux", "Emmaüs Connect"),
        ("bibliothèque", "dispositif_programmes_nationaux", "Bibliothèques numérique de référence"),
    ];

    // The 15 finer v0.1 services, each folded into the v1 service that contains it.
    static readonly (string Motif, string Valeur)[] ServicesAnciens =
    [
        ("démarche", "Aide aux démarches administratives"),
        ("santé", "Aide aux démarches administratives"),
        ("smartphone", "Maîtrise des outils numériques du quotidien"),
        ("ordinateur", "Maîtrise des outils numériques du quotidien"),
        ("quotidien", "Maîtrise des outils numériques du quotidien"),
        ("proches", "Maîtrise des outils numériques du quotidien"),
        ("insertion", "Insertion professionnelle via le numérique"),
        ("emploi", "Insertion professionnelle via le numérique"),
        ("entreprise", "Insertion professionnelle via le numérique"),
        ("sécur", "Utilisation sécurisée du numérique"),
        ("parentalité", "Parentalité et éducation avec le numérique"),
        ("éducation", "Parentalité et éducation avec le numérique"),
        ("créer avec", "Loisirs et créations numériques"),
        ("loisir", "Loisirs et créations numériques"),
        ("culture", "Compréhension du monde numérique"),
        ("citoyenneté", "Compréhension du monde numérique"),
        ("connexion", "Accès internet et matériel informatique"),
        ("accéder à du matériel", "Accès internet et matériel informatique"),
        ("équiper", "Acquisition de matériel informatique à prix solidaire"),
    ];

    static readonly (string Motif, string Valeur)[] Modalites =
    [
        ("autonomie", "En autonomie"), ("seul", "En autonomie"),
        ("individuel", "Accompagnement individuel"), ("avec de l'aide", "Accompagnement individuel"),
        ("atelier", "Dans un atelier collectif"), ("distance", "À distance"),
    ];

    /// <summary>Rewrites one row in place to v1 columns and values; adds warnings for the rest.</summary>
    public static void Convertir(Dictionary<string, string?> v, int ligne, List<Probleme> problemes)
    {
        void Deplacer(string ancienne, string nouvelle)
        {
            if (!v.Remove(ancienne, out var valeur) || string.IsNullOrWhiteSpace(valeur)) return;
            if (string.IsNullOrWhiteSpace(v.GetValueOrDefault(nouvelle))) v[nouvelle] = valeur;
        }
        Deplacer("courriel", "courriels");
        Deplacer("labels_autres", "autres_formations_labels");
        Deplacer("accessibilite", "fiche_acces_libre");
        v.Remove("cle_ban");

        Eclater(v, "publics_accueillis", PublicsAccueillis, ligne, problemes, ignorer: v => v.Contains("tout", StringComparison.OrdinalIgnoreCase));
        Eclater(v, "labels_nationaux", LabelsNationaux, ligne, problemes);
        if (v.Remove("conditions_acces", out var conditions) && !string.IsNullOrWhiteSpace(conditions))
        {
            var frais = new List<string>();
            foreach (var c in Valeurs(conditions))
            {
                var bas = c.ToLowerInvariant();
                if (bas.Contains("gratuit") && (bas.Contains("condition") || bas.Contains("adhésion"))) frais.Add("Gratuit sous condition");
                else if (bas.Contains("gratuit")) frais.Add("Gratuit");
                else if (bas.Contains("payant") || bas.Contains("adhésion") || bas.Contains("tarif")) frais.Add("Payant");
                else problemes.Add(new Probleme(ligne, "conditions_acces", c, "Condition d'accès v0.1 sans équivalent en v1 : non reprise.", false));
            }
            Fusionner(v, "frais_a_charge", frais);
        }
        Remplacer(v, "services", ServicesAnciens, StandardLieux.Services, ligne, problemes);
        Remplacer(v, "modalites_accompagnement", Modalites, StandardLieux.ModalitesAccompagnement, ligne, problemes);
    }

    static IEnumerable<string> Valeurs(string texte) =>
        texte.Split(['|', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static void Eclater(Dictionary<string, string?> v, string colonne, (string Motif, string Colonne, string Valeur)[] table,
        int ligne, List<Probleme> problemes, Func<string, bool>? ignorer = null)
    {
        if (!v.Remove(colonne, out var texte) || string.IsNullOrWhiteSpace(texte)) return;
        var ajouts = new Dictionary<string, List<string>>();
        foreach (var valeur in Valeurs(texte))
        {
            if (ignorer?.Invoke(valeur) == true) continue;
            var bas = valeur.ToLowerInvariant();
            var trouve = table.FirstOrDefault(t => bas.Contains(t.Motif));
            if (trouve.Colonne is null)
            {
                problemes.Add(new Probleme(ligne, colonne, valeur, "Valeur v0.1 sans équivalent en v1 : non reprise.", false));
                continue;
            }
            if (!ajouts.TryGetValue(trouve.Colonne, out var liste)) ajouts[trouve.Colonne] = liste = [];
            liste.Add(trouve.Valeur);
        }
        foreach (var (c, liste) in ajouts) Fusionner(v, c, liste);
    }

    static void Remplacer(Dictionary<string, string?> v, string colonne, (string Motif, string Valeur)[] table,
        string[] permises, int ligne, List<Probleme> problemes)
    {
        if (!v.TryGetValue(colonne, out var texte) || string.IsNullOrWhiteSpace(texte)) return;
        var resultat = new List<string>();
        foreach (var valeur in Valeurs(texte))
        {
            if (permises.Contains(valeur)) { resultat.Add(valeur); continue; }
            var bas = valeur.ToLowerInvariant();
            var trouve = table.FirstOrDefault(t => bas.Contains(t.Motif)).Valeur;
            if (trouve is null) problemes.Add(new Probleme(ligne, colonne, valeur, "Valeur v0.1 sans équivalent en v1 : non reprise.", false));
            else resultat.Add(trouve);
        }
        v[colonne] = string.Join('|', resultat.Distinct());
    }

    static void Fusionner(Dictionary<string, string?> v, string colonne, List<string> ajouts)
    {
        if (ajouts.Count == 0) return;
        var existantes = Valeurs(v.GetValueOrDefault(colonne) ?? "");
        v[colonne] = string.Join('|', existantes.Concat(ajouts).Distinct());
    }
}
