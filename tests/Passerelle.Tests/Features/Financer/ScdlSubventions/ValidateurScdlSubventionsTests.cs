using Passerelle.Features.Financer.ScdlSubventions;

namespace Passerelle.Tests.Features.Financer.ScdlSubventions;

public class ValidateurScdlSubventionsTests
{
    const string Entete = "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide";
    // The standard doc's worked example (fictitious, checksum-valid SIRETs).
    const string Exemple = "Métropole Exemple,20099999300013,2023-07-10,013-200999993-20230629-DPV_23_412-DE,Association régionale Exemple pour l'inclusion numérique,99999999800019,,\"Fabrique de l'inclusion numérique phase III : programme d'actions 2023 (équiper, connecter, accompagner) - convention annuelle d'objectifs\",70000.00,aide en numéraire,échelonné,2023-07-20/2024-03-31,,non,1.00,";

    static List<Passerelle.Features.Financer.Deliberations.ErreurScdl> Ligne(string ligne) => ValidateurScdlSubventions.Valider(Entete + "\n" + ligne + "\n");

    static string Change(int colonne, string valeur)
    {
        var c = Passerelle.Web.Csv.Lire(new StringReader(Exemple), ',')[0].Champs;
        c[colonne] = valeur;
        return string.Join(",", c.Select(x => "\"" + x.Replace("\"", "\"\"") + "\""));
    }

    [Fact]
    public void L_exemple_officiel_passe_toutes_les_regles()
    {
        var texte = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Donnees", "scdl-subventions", "exemple-valide_v2.1.csv"));
        Passerelle.Web.Csv.Lire(new StringReader(texte), ',').Count.ShouldBe(30);
        ValidateurScdlSubventions.Valider(texte).ShouldBeEmpty();
        Ligne(Exemple).ShouldBeEmpty();
    }

    [Fact]
    public void Chaque_regle_enfreinte_est_signalee_avec_sa_colonne()
    {
        ValidateurScdlSubventions.Valider(Entete.Replace("nomAttribuant,idAttribuant", "idAttribuant,nomAttribuant") + "\n").ShouldHaveSingleItem().Ligne.ShouldBe(1);
        ValidateurScdlSubventions.Valider(Entete.Replace("idRAE", "idRae") + "\n").ShouldHaveSingleItem().Colonne.ShouldBeNull();
        ValidateurScdlSubventions.Valider(Entete.Replace(",dispositifAide", "") + "\n").ShouldHaveSingleItem();
        Ligne("a,b,c").ShouldHaveSingleItem().Message.ShouldContain("3 colonnes");
        (string Ligne, string Colonne)[] cas =
        [
            (Change(0, ""), "nomAttribuant"), (Change(1, ""), "idAttribuant"),
            (Change(1, "20099999300014"), "idAttribuant"), (Change(1, "200999993"), "idAttribuant"), (Change(1, "2009999930001A"), "idAttribuant"),
            // Luhn right on the 14 digits, wrong on the SIREN part.
            (Change(1, "12345678000006"), "idAttribuant"),
            (Change(2, ""), "dateConvention"), (Change(2, "10/07/2023"), "dateConvention"), (Change(2, "2023-02-30"), "dateConvention"),
            (Change(4, ""), "nomBeneficiaire"),
            (Change(5, "999999998"), "idBeneficiaire"), (Change(5, "99999999800018"), "idBeneficiaire"),
            (Change(6, "W12345678"), "rnaBeneficiaire"), (Change(6, "w123456789"), "rnaBeneficiaire"), (Change(6, "W12345678A"), "rnaBeneficiaire"),
            (Change(7, ""), "objet"), (Change(7, new string('x', 257)), "objet"),
            (Change(8, ""), "montant"), (Change(8, "70 000"), "montant"), (Change(8, "70000,00"), "montant"), (Change(8, "70000 €"), "montant"),
            (Change(9, "Aide en numéraire"), "nature"), (Change(9, "aide en numéraire ; aide en nature"), "nature"), (Change(9, ""), "nature"),
            (Change(10, ""), "conditionsVersement"), (Change(10, new string('y', 257)), "conditionsVersement"),
            (Change(11, "2023-07-20_2024-03-31"), "datesPeriodeVersement"), (Change(11, "2023-07-20/"), "datesPeriodeVersement"), (Change(11, ""), "datesPeriodeVersement"),
            (Change(12, "123456"), "idRAE"),
            (Change(13, "Oui"), "notificationUE"), (Change(13, "NON"), "notificationUE"), (Change(13, ""), "notificationUE"),
            (Change(14, "0"), "pourcentageSubvention"), (Change(14, "0.009"), "pourcentageSubvention"), (Change(14, "1.01"), "pourcentageSubvention"),
            (Change(14, "100"), "pourcentageSubvention"), (Change(14, "0,5"), "pourcentageSubvention"), (Change(14, ""), "pourcentageSubvention"),
        ];
        foreach (var (ligne, colonne) in cas) Ligne(ligne).ShouldContain(e => e.Colonne == colonne && e.Ligne == 2, $"{colonne} : {ligne}");
        // One of idBeneficiaire / rnaBeneficiaire: neither is refused, the RNA alone or both are fine.
        Ligne(Change(5, "")).ShouldHaveSingleItem().Colonne.ShouldBe("idBeneficiaire");
        Ligne(Change(5, "").Replace(",\"\",\"Fabrique", ",\"W133000001\",\"Fabrique")).ShouldBeEmpty();
        // The edges: 0.01 and 1 allowed; one date or two; every nature of the enum; 256 characters exactly.
        foreach (var ok in new[] { Change(14, "0.01"), Change(14, "1"), Change(11, "2023-07-20"), Change(9, "aide en nature;aide en numéraire"),
                     Change(7, new string('é', 256)), Change(8, "-150.5"), Change(12, "12345"), Change(5, "999 999 998 00019") })
            Ligne(ok).ShouldBeEmpty(ok);
    }

    [Fact]
    public void Le_siret_suit_la_regle_de_validata()
    {
        Identifiants.SiretScdlValide("20099999300013").ShouldBeTrue();
        Identifiants.SiretScdlValide("12345678000006").ShouldBeFalse(); // SIREN key wrong
        Identifiants.SiretScdlValide("35600000000048").ShouldBeTrue(); // La Poste head office: Luhn
        Identifiants.SiretScdlValide("35600000012345").ShouldBeFalse(); // digit sum 29
        Identifiants.SiretScdlValide("35600000012346").ShouldBeTrue(); // digit sum 30, a multiple of 5
        Identifiants.SiretScdlValide("999.999.998.00019").ShouldBeTrue();
        Identifiants.SiretScdlValide("999999998").ShouldBeFalse();
    }

    [Fact]
    public void L_objet_se_coupe_sur_une_fin_de_mot()
    {
        var objet = string.Join(" ", Enumerable.Repeat("inclusion", 40));
        var coupe = ExportScdlSubventions.Couper(objet, 256);
        coupe.Length.ShouldBeLessThanOrEqualTo(256);
        coupe.ShouldEndWith("inclusion");
        objet.ShouldStartWith(coupe);
        ExportScdlSubventions.Couper("court", 256).ShouldBe("court");
    }
}
