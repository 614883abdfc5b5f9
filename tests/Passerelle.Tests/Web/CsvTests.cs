using Passerelle.Web;

namespace Passerelle.Tests.Web;

public class CsvTests
{
    [Fact]
    public void Chaque_enregistrement_porte_la_ligne_ou_il_commence()
    {
        var lus = Csv.Lire(new StringReader("id,nom\r\n\"1\",\"Deux\r\nlignes\"\r\n\r\n2,\"dit \"\"Le Cube\"\"\"\r\n3,Espace \"Le Cube\"\n"), ',');
        lus.Select(l => l.Ligne).ShouldBe([1, 2, 5, 6]);
        lus[1].Champs.ShouldBe(["1", "Deux\r\nlignes"]);
        lus[2].Champs.ShouldBe(["2", "dit \"Le Cube\""]);
        lus[3].Champs.ShouldBe(["3", "Espace \"Le Cube\""]);
    }

    [Fact]
    public void Un_guillemet_jamais_referme_est_refuse_avec_sa_ligne()
    {
        var e = Should.Throw<Csv.CsvInvalideException>(() => Csv.Lire(new StringReader("id,nom\n1,ok\n2,écran 15\" pouces\n3,fin\n"), ','));
        e.Ligne.ShouldBe(3);
        e.Message.ShouldContain("jamais refermé");
    }

    [Fact]
    public void L_ecriture_cite_chaque_champ_en_crlf_et_se_relit()
    {
        string[][] lignes = [["a", "b\"c", "d,e"], ["=1+2"], [""]];
        var texte = Csv.Ecrire(lignes);
        texte.ShouldBe("\"a\",\"b\"\"c\",\"d,e\"\r\n\"'=1+2\"\r\n\"\"\r\n");
        Csv.Lire(new StringReader(texte), ',').Select(l => l.Champs).ShouldBe([["a", "b\"c", "d,e"], ["=1+2"]]);
        Csv.Separateur("a;b;c,d\n1;2", ',', ';').ShouldBe(';');
        Csv.Separateur("a,b;c\n", ',', ';').ShouldBe(',');
    }
}
