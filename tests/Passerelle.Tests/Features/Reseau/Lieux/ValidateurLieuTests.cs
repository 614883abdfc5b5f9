using Passerelle.Features;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Tests.Features.Reseau.Lieux;

public class ValidateurLieuTests
{
    static Dictionary<string, string?> Valide() => new()
    {
        ["id"] = "lieu-1", ["pivot"] = "43493312300029", ["nom"] = "Médiathèque", ["commune"] = "Martigues",
        ["code_postal"] = "13500", ["adresse"] = "1 rue de la Paix", ["date_maj"] = "2024-04-02",
    };

    static (LigneLieu? Ligne, List<Probleme> Problemes) Valider(string colonne, string? valeur)
    {
        var v = Valide();
        v[colonne] = valeur;
        var p = new List<Probleme>();
        return (ValidateurLieu.Valider(v, 7, p), p);
    }

    static void Rejete(string colonne, string? valeur, string extrait)
    {
        var (ligne, p) = Valider(colonne, valeur);
        ligne.ShouldBeNull();
        var rejet = p.ShouldHaveSingleItem();
        rejet.Bloquant.ShouldBeTrue();
        rejet.Colonne.ShouldBe(colonne);
        rejet.Ligne.ShouldBe(7);
        rejet.Raison.ShouldContain(extrait);
    }

    static LigneLieu Accepte(string colonne, string? valeur, int avertissements = 0)
    {
        var (ligne, p) = Valider(colonne, valeur);
        p.Where(x => x.Bloquant).ShouldBeEmpty();
        p.Count.ShouldBe(avertissements);
        return ligne!;
    }

    [Fact] public void Ligne_minimale_acceptee() => Accepte("nom", "Médiathèque").Nom.ShouldBe("Médiathèque");

    [Theory]
    [InlineData("id")] [InlineData("pivot")] [InlineData("nom")] [InlineData("commune")]
    [InlineData("code_postal")] [InlineData("adresse")] [InlineData("date_maj")]
    public void Colonnes_obligatoires(string colonne) => Rejete(colonne, "  ", "obligatoire");

    [Fact]
    public void Pivot()
    {
        Rejete("pivot", "1234", "SIRET");
        Rejete("pivot", "4349331230002X9", "SIRET");
        Accepte("pivot", "W123456789").Pivot.ShouldBe("W123456789");
        var (_, p) = Valider("pivot", "00000000000000");
        p.ShouldHaveSingleItem().Raison.ShouldContain("factice");
        Valider("pivot", "43493312300028").Problemes.ShouldHaveSingleItem().Raison.ShouldContain("Luhn");
    }

    [Fact]
    public void Codes_postal_et_insee()
    {
        Rejete("code_postal", "1350", "5 chiffres");
        Rejete("code_postal", "13 500", "5 chiffres");
        Rejete("code_insee", "2C004", "INSEE");
        Accepte("code_insee", "2A004").CodeInsee.ShouldBe("2A004");
        Accepte("code_insee", "97411");
    }

    [Fact]
    public void Coordonnees()
    {
        Rejete("latitude", "91", "intervalle");
        Rejete("latitude", "nord", "Nombre");
        var v = Valide(); v["latitude"] = "43,5"; v["longitude"] = "5.1";
        var p = new List<Probleme>();
        ValidateurLieu.Valider(v, 1, p)!.Latitude.ShouldBe(43.5);
        p.ShouldHaveSingleItem().Raison.ShouldContain("Virgule");
        v["longitude"] = "181"; p.Clear();
        ValidateurLieu.Valider(v, 1, p).ShouldBeNull();
        p.Single(x => x.Bloquant).Colonne.ShouldBe("longitude");
    }

    [Fact]
    public void Telephone_converti_au_format_international()
    {
        Accepte("telephone", "04 50 56 87 49", 1).Telephone.ShouldBe("+33450568749");
        Accepte("telephone", "+33180059880").Telephone.ShouldBe("+33180059880");
        Accepte("telephone", "0262 12 34 56", 1).Telephone.ShouldBe("+262262123456");
        Rejete("telephone", "12", "téléphone");
        Rejete("telephone", "+44 20 7946 0958", "téléphone");
    }

    [Fact]
    public void Courriels_et_adresses_web()
    {
        Accepte("courriels", "a@b.fr|c@d.fr").Courriels.ShouldBe("a@b.fr|c@d.fr");
        Accepte("courriels", "a@b.fr;c@d.fr", 1).Courriels.ShouldBe("a@b.fr|c@d.fr");
        Rejete("courriels", "pas-une-adresse", "électronique");
        Rejete("site_web", "javascript:alert(1)", "web");
        Rejete("prise_rdv", "www.exemple.fr", "http");
        Rejete("fiche_acces_libre", "ftp://exemple.fr", "http");
        Accepte("prise_rdv", "https://www.rdv-solidarites.fr/");
    }

    [Fact]
    public void Horaires_non_reconnus_gardes_avec_un_avertissement()
    {
        var (ligne, p) = Valider("horaires", "du lundi au vendredi");
        ligne!.Horaires.ShouldBe("du lundi au vendredi");
        p.ShouldHaveSingleItem().Bloquant.ShouldBeFalse();
        Accepte("horaires", "Mo-Fr 08:30-12:30; PH off");
    }

    [Fact]
    public void Resume_limite_a_280_caracteres() => Rejete("presentation_resume", new string('a', 281), "280");

    [Fact]
    public void Date_de_mise_a_jour() { Rejete("date_maj", "02/04/2024", "AAAA-MM-JJ"); Rejete("date_maj", "2024-02-30", "AAAA-MM-JJ"); }

    [Theory]
    [InlineData("services", "Aide aux démarches administratives|Loisirs et créations numériques")]
    [InlineData("publics_specifiquement_adresses", "Jeunes|Seniors")]
    [InlineData("prise_en_charge_specifique", "Surdité|Langues étrangères (anglais)")]
    [InlineData("frais_a_charge", "Gratuit sous condition")]
    [InlineData("dispositif_programmes_nationaux", "France Services|Conseillers numériques")]
    [InlineData("formations_labels", "Étapes numériques(La Poste)|SUD LABS (PACA)")]
    [InlineData("modalites_acces", "Se présenter|Prendre un RDV en ligne")]
    [InlineData("modalites_accompagnement", "À distance|En autonomie")]
    [InlineData("itinerance", "Itinérant|Fixe")]
    public void Enumerations_exactes_acceptees(string colonne, string valeur) => Accepte(colonne, valeur);

    [Theory]
    [InlineData("services", "Réparer un vélo")]
    [InlineData("publics_specifiquement_adresses", "Retraités")]
    [InlineData("prise_en_charge_specifique", "Braille")]
    [InlineData("frais_a_charge", "Gratuit pour tous")]
    [InlineData("dispositif_programmes_nationaux", "CNFS")]
    [InlineData("formations_labels", "Label imaginaire")]
    [InlineData("modalites_acces", "Venir")]
    [InlineData("modalites_accompagnement", "Par courrier")]
    [InlineData("itinerance", "Mobile")]
    public void Valeurs_hors_liste_rejetees(string colonne, string valeur) => Rejete(colonne, valeur, "hors de la liste");

    [Fact]
    public void Casse_et_accents_corriges_avec_avertissement()
    {
        Accepte("publics_specifiquement_adresses", "seniors|etudiants", 2).PublicsSpecifiquementAdresses.ShouldBe("Seniors|Étudiants");
    }

    [Fact]
    public void Typologie_inconnue_signalee_sans_rejet()
    {
        var (ligne, p) = Valider("typologie", "ASSO|ZORGLUB");
        ligne!.Typologie.ShouldBe("ASSO|ZORGLUB");
        p.ShouldHaveSingleItem().Valeur.ShouldBe("ZORGLUB");
    }

    [Fact]
    public void Exemple_officiel_du_standard_valide_sans_remarque()
    {
        var fichier = FichierLieux.Lire(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Seed", "lieux-exemple-valide_v1.0.2.csv")), "csv");
        fichier.Colonnes.ShouldBe(StandardLieux.Colonnes);
        var p = new List<Probleme>();
        var ligne = ValidateurLieu.Valider(fichier.Lignes.Single().Valeurs, 2, p);
        p.ShouldBeEmpty();
        ligne!.Services.ShouldBe("Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique|Loisirs et créations numériques");
        // Round trip: what we write is what we read.
        ligne.VersColonnes().ShouldBe(StandardLieux.Colonnes.Select(c => fichier.Lignes[0].Valeurs[c] ?? "").ToArray());
    }
}
