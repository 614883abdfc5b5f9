using Passerelle.Features.Financer.Deliberations.Lecture;

namespace Passerelle.Tests.Features.Financer.Deliberations.Lecture;

/// <summary>Acts of other layouts than the corpus (written for these tests, fictitious): a département council with a
/// dashed list of grants and a sentence vote, a métropole council with its date in words and an amount « 90.000,00 € »,
/// a town asking the State for a per-post subsidy, a rejected act.</summary>
public class ActesFictifsTests
{
    static readonly LecteurActes Lecteur = new();

    const string Acte_departement = """
DÉPARTEMENT DE LA GIRONDE                                  Conseil départemental

Séance plénière du lundi 25 mars 2024

Délibération n° 2024.DEP.17

Objet de la délibération : Plan départemental d'inclusion numérique – Soutien aux
espaces publics numériques – Année 2024

Le Conseil départemental s'est réuni le 25 mars 2024 sous la présidence de
M. Jean-Marc LABORDE, Président du Conseil départemental.

Conseillers départementaux en exercice : 66 – Présents : 52 – Procurations : 10 – Absents : 4

Rapporteure : Mme Sophie DUCASSE-LAMOTHE, Vice-présidente chargée des solidarités

Vu le Code général des collectivités territoriales,
Vu le budget primitif 2024 du Département,

Le Conseil départemental, après en avoir délibéré,

DÉCIDE

Article 1 : d'attribuer au titre de l'année 2024 les subventions suivantes :
  - Association Médiation Numérique du Médoc : 12 000 € ;
  - Association Cyber-Base de Langon : 8 500 € ;
  - Centre social Bordeaux Nord : 4 250 € ;

Article 2 : les dépenses seront imputées au budget 2024, chapitre 65, article 6574, fonction 58.

Adopté par 48 voix pour, 12 voix contre et 2 abstentions.

Transmis en préfecture le 28/03/2024
Identifiant : 033-223300013-20240325-2024_DEP_17-DE
""";

    const string Acte_metropole = """
                         MÉTROPOLE GARONNE-OCÉAN
                  Délibération du Conseil de la Métropole
          Séance du vingt-huit février deux mille vingt-quatre

N° DL-2024-045                                   Matière : 8.6 – Emploi-formation professionnelle

OBJET : École de code « La Fabrique Numérique » – Attribution d'une subvention de
fonctionnement pour l'année 2024

L'an deux mille vingt-quatre, le vingt-huit février, le Conseil de la Métropole s'est
réuni sous la présidence de Madame Hélène MARTINEZ-ROUSSEL, Présidente.

Membres en exercice : 48 ; Présents : 41 ; Représentés : 5 ; Excusés : 2

Madame Hélène MARTINEZ-ROUSSEL, Présidente, expose :

L'association La Fabrique Numérique forme chaque année soixante développeurs. Son budget
2024 s'élève à 1 250 000 € ; elle sollicite la Métropole à hauteur de 7,2 % de ce budget.

Le Conseil de la Métropole, après en avoir délibéré, à l'unanimité,
Votants : 46 ; Pour : 46 ; Contre : 0 ; Abstentions : néant

- DÉCIDE d'accorder une subvention de fonctionnement de 90.000,00 € à l'association
  La Fabrique Numérique pour l'année 2024 ;
- DIT que la dépense sera imputée au budget principal 2024, sous-politique B370,
  chapitre 65, article 65748, fonction 67.

Reçu au contrôle de légalité le 4 mars 2024
""";

    const string Acte_commune = """
Mairie de Saint-Pierre-du-Mont
Conseil municipal – séance du 16 décembre 2020

DÉLIBÉRATION N° DG20_174

Nomenclature : 9.1 Autres domaines de compétences des communes

Présents : 30 — Représentés : 9 — Absents : 0

Sous la présidence de M. Alain VIGNAU, Maire.
Rapporteur : Mme Claire PUYOO

OBJET : Candidature au dispositif Conseiller numérique France Services

Le conseil municipal, après en avoir délibéré, par 30 voix pour, 9 voix contre, 0 abstention,

- SOLLICITE auprès de l'État une subvention de 50 000 € par poste pour deux postes de
  conseillers numériques, versée en trois fois ;
- AUTORISE le Maire à signer la convention.

Envoyé en préfecture le 21/12/2020
Reçu en préfecture le 21/12/2020
ID : 040-214002812-20201216-DG20_174-DE
""";

    const string Acte_rejet = """
VILLE DE MONTFORT
CONSEIL MUNICIPAL DU 12 OCTOBRE 2023
Délibération n° 2023-88

OBJET : Subvention à l'association Numérique Pour Tous

Présents : 20   Représentés : 5   Absents : 2
Sous la présidence de Mme Julie ROCHE, Maire.

Le conseil municipal est invité à attribuer une subvention de 5 000 € à l'association
Numérique Pour Tous, imputée au chapitre 65, nature 6574.

Vote : 10 voix pour, 15 voix contre.
La délibération n'est pas adoptée.
""";

    [Fact]
    public void Conseil_departemental_liste_a_tirets_et_vote_en_phrase()
    {
        var p = Lecteur.Lire(Acte_departement);
        p.Collectivite.ShouldBe("Département de la Gironde");
        p.TypeOrgane.ShouldBe("conseil_departemental");
        p.Numero.ShouldBe("2024.DEP.17");
        p.DateSeance.ShouldBe(new DateOnly(2024, 3, 25));
        p.Objet.ShouldBe("Plan départemental d'inclusion numérique – Soutien aux espaces publics numériques – Année 2024");
        p.President.ShouldBe("Jean-Marc LABORDE");
        p.Rapporteur.ShouldBe("Sophie DUCASSE-LAMOTHE");
        (p.Presents, p.Representes, p.Excuses).ShouldBe((52, 10, 4));
        p.Vote.ShouldBe(new VotePropose(48, 12, 2, 0));
        p.Unanimite.ShouldBe(false);
        p.Adoptee.ShouldBe(true);
        p.Beneficiaires.ShouldBe([
            new BeneficiairePropose("Association Médiation Numérique du Médoc", 12000m, "aide en numéraire"),
            new BeneficiairePropose("Association Cyber-Base de Langon", 8500m, "aide en numéraire"),
            new BeneficiairePropose("Centre social Bordeaux Nord", 4250m, "aide en numéraire")]);
        p.MontantTotalEur.ShouldBe(24750m);
        p.ImputationBudgetaire.ShouldBe(new ImputationProposee(2024, null, "65", "6574", "58"));
        p.TransmissionPrefecture.ShouldBe(new TransmissionProposee(new DateOnly(2024, 3, 28), "033-223300013-20240325-2024_DEP_17-DE"));
        p.MatiereActesCode.ShouldBeNull();
        p.Avertissements.ShouldBeEmpty();
    }

    [Fact]
    public void Conseil_metropolitain_date_en_lettres_et_unanimite_avec_decompte()
    {
        var p = Lecteur.Lire(Acte_metropole);
        p.Collectivite.ShouldBe("Métropole Garonne-Océan");
        p.TypeOrgane.ShouldBe("conseil_metropolitain");
        p.Numero.ShouldBe("DL-2024-045");
        p.DateSeance.ShouldBe(new DateOnly(2024, 2, 28));
        p.MatiereActesCode.ShouldBe("8.6");
        p.Rapporteur.ShouldBe("Hélène MARTINEZ-ROUSSEL");
        p.Vote.ShouldBe(new VotePropose(46, 0, 0, 0));
        p.Unanimite.ShouldBe(true);
        // The school's budget (1 250 000 €) is not aid; the amount is « 90.000,00 € ».
        p.Beneficiaires.ShouldBe([new BeneficiairePropose("La Fabrique Numérique", 90000m, "aide en numéraire")]);
        p.ImputationBudgetaire.ShouldBe(new ImputationProposee(2024, "B370", "65", "65748", "67"));
        p.TransmissionPrefecture.ShouldBe(new TransmissionProposee(new DateOnly(2024, 3, 4), null));
    }

    [Fact]
    public void Demande_de_subvention_par_poste_la_commune_est_beneficiaire()
    {
        var p = Lecteur.Lire(Acte_commune);
        p.Collectivite.ShouldBe("Commune de Saint-Pierre-du-Mont");
        p.Numero.ShouldBe("DG20_174");
        p.Vote.ShouldBe(new VotePropose(30, 9, 0, 0));
        p.Beneficiaires.ShouldBe([new BeneficiairePropose("Commune de Saint-Pierre-du-Mont", 100000m, "aide en numéraire")]);
        p.MatiereActesCode.ShouldBe("9.1");
        p.TransmissionPrefecture!.Identifiant.ShouldBe("040-214002812-20201216-DG20_174-DE");
        p.ImputationBudgetaire.ShouldBeNull();
    }

    [Fact]
    public void Acte_rejete_aucune_aide_ni_imputation()
    {
        var p = Lecteur.Lire(Acte_rejet);
        p.Adoptee.ShouldBe(false);
        p.Vote.ShouldBe(new VotePropose(10, 15, 0, 0));
        p.Beneficiaires.ShouldBeEmpty();
        p.MontantTotalEur.ShouldBeNull();
        p.ImputationBudgetaire.ShouldBeNull();
        p.Numero.ShouldBe("2023-88");
        p.President.ShouldBe("Julie ROCHE");
    }

    [Fact]
    public void Les_incoherences_sont_signalees_sans_etre_corrigees()
    {
        var texte = Acte_commune.Replace("par 30 voix pour", "par 31 voix pour").Replace("20201216-DG20_174", "20201217-DG20_175")
            .Replace("Reçu en préfecture le 21/12/2020", "Reçu en préfecture le 15/12/2020");
        var p = Lecteur.Lire(texte);
        p.Vote!.Pour.ShouldBe(31);
        p.Avertissements.ShouldContain(a => a.Contains("40 voix") && a.Contains("39 votants"));
        p.Avertissements.ShouldContain(a => a.Contains("précède la séance"));
        p.Avertissements.ShouldContain(a => a.Contains("17/12/2020"));
        p.Avertissements.ShouldContain(a => a.Contains("DG20_175"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\f  ")]
    [InlineData("Bonjour")]
    [InlineData("OBJET :\nArticle 1 :\n- s'engage à :\n€ € €\nN°\nDélibération n°\n« « « »")]
    public void Un_texte_sans_acte_ne_fait_rien_deviner(string texte)
    {
        var p = Lecteur.Lire(texte);
        p.Numero.ShouldBeNull();
        p.DateSeance.ShouldBeNull();
        p.Vote.ShouldBeNull();
        p.Beneficiaires.ShouldBeEmpty();
        p.TransmissionPrefecture.ShouldBeNull();
    }
}
