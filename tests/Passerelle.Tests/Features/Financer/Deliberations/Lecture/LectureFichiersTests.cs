using System.Text;
using Passerelle.Features.Financer.Deliberations.Lecture;

namespace Passerelle.Tests.Features.Financer.Deliberations.Lecture;

/// <summary>Reading an act from a file: a PDF's text layer, and every kind of bad input answered in French.</summary>
public class LectureFichiersTests
{
    static readonly ExtracteurTextePdf Pdf = new();

    static string Lire(byte[] octets, string nom) => LectureFichier.Texte(octets, nom, Pdf, CancellationToken.None);

    [Fact]
    public void Un_pdf_de_l_acte_donne_les_memes_valeurs_que_son_texte()
    {
        var texte = File.ReadAllText(Path.Combine(ComparaisonCorpus.Dossier, "03-conseil-municipal-conseillers-numeriques.txt"));
        var lu = Lire(PdfActes.Ecrire(texte), "acte.pdf");
        lu.ShouldContain("\f"); // pages separated by a form feed
        var depuisPdf = new LecteurActes().Lire(lu);
        var depuisTexte = new LecteurActes().Lire(texte);
        depuisPdf.Numero.ShouldBe("DEL2024_041");
        depuisPdf.DateSeance.ShouldBe(new DateOnly(2024, 4, 11));
        depuisPdf.Vote.ShouldBe(new VotePropose(24, 4, 1, 0));
        depuisPdf.Beneficiaires.ShouldBe(depuisTexte.Beneficiaires);
        depuisPdf.TransmissionPrefecture.ShouldBe(depuisTexte.TransmissionPrefecture);
        depuisPdf.ImputationBudgetaire.ShouldBe(depuisTexte.ImputationBudgetaire);
        depuisPdf.Engagements.Count.ShouldBe(4);
    }

    [Fact]
    public void Un_tableau_garde_ses_colonnes_dans_le_pdf()
    {
        var texte = File.ReadAllText(Path.Combine(ComparaisonCorpus.Dossier, "06-commission-permanente-departement.txt"));
        var p = new LecteurActes().Lire(Lire(PdfActes.Ecrire(texte), "acte.pdf"));
        p.Beneficiaires.Count.ShouldBe(5);
        p.Beneficiaires[1].MontantEur.ShouldBe(5250m);
        p.Beneficiaires[4].Nature.ShouldBe("aide en nature");
        p.MontantTotalEur.ShouldBe(22400m);
    }

    [Fact]
    public void Un_pdf_sans_couche_texte_est_refuse_avec_un_message_clair()
    {
        var e = Should.Throw<ActeIllisibleException>(() => Lire(PdfActes.SansTexte(), "scan.pdf"));
        e.Message.ShouldBe("Ce PDF ne contient pas de texte : collez le texte de l'acte.");
    }

    [Fact]
    public void Un_pdf_protege_par_mot_de_passe_est_refuse()
    {
        var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        document.SecuritySettings.UserPassword = "secret";
        document.SecuritySettings.OwnerPassword = "proprietaire";
        using var flux = new MemoryStream();
        document.Save(flux);
        Should.Throw<ActeIllisibleException>(() => Lire(flux.ToArray(), "protege.pdf")).Message.ShouldContain("mot de passe");
    }

    [Fact]
    public void Un_pdf_endommage_est_refuse()
    {
        var octets = PdfActes.Ecrire("Délibération n° 2024-01\nOBJET : essai");
        var tronque = octets[..(octets.Length / 3)];
        Should.Throw<ActeIllisibleException>(() => Lire(tronque, "abime.pdf")).Message.ShouldContain("PDF");
        Should.Throw<ActeIllisibleException>(() => Lire(Encoding.UTF8.GetBytes("%PDF-1.7 pas vraiment"), "faux.pdf")).Message.ShouldContain("PDF");
    }

    [Fact]
    public void Un_fichier_nomme_pdf_qui_n_en_est_pas_un_est_refuse() =>
        Should.Throw<ActeIllisibleException>(() => Lire(Encoding.UTF8.GetBytes("Délibération n° 1"), "acte.pdf")).Message.ShouldContain("n'est pas un PDF");

    [Fact]
    public void Un_fichier_binaire_nomme_txt_est_refuse()
    {
        var binaire = new byte[4096];
        new Random(7).NextBytes(binaire);
        Should.Throw<ActeIllisibleException>(() => Lire(binaire, "acte.txt")).Message.ShouldContain("n'est pas un texte lisible");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x20, 0x0A })]
    public void Un_fichier_vide_est_refuse(byte[] octets) =>
        Should.Throw<ActeIllisibleException>(() => Lire(octets, "acte.txt")).Message.ShouldContain("vide");

    [Fact]
    public void Un_texte_windows_1252_est_lu()
    {
        var octets = CodePagesEncoding().GetBytes("Délibération n° 2024-07\nSéance du 3 février 2024\n");
        var p = new LecteurActes().Lire(Lire(octets, "acte.txt"));
        p.Numero.ShouldBe("2024-07");
        p.DateSeance.ShouldBe(new DateOnly(2024, 2, 3));
    }

    static Encoding CodePagesEncoding() => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}
