using Passerelle.Features.Financer.Deliberations.Lecture;

namespace Passerelle.Tests.Features.Financer.Deliberations.Lecture;

/// <summary>Texts built to make a reader backtrack or scan quadratically (a tester's finding): each is read to a proposition,
/// nothing is guessed, and beyond 200 000 characters the reader says what it left out. No timing is asserted here: the
/// figures are measured by the bench.</summary>
public class TextesHostilesTests
{
    public static TheoryData<string, int> Textes => new()
    {
        { "Madame ", 20_000 }, { "Pour : 1 ", 20_000 }, { "1 ", 50_000 }, { "OBJET : a-\n", 2_000 },
    };

    [Theory]
    [MemberData(nameof(Textes))]
    public void Un_texte_hostile_est_lu_sans_rien_inventer(string motif, int fois)
    {
        var p = new LecteurActes().Lire(string.Concat(Enumerable.Repeat(motif, fois)));
        (p.Numero, p.DateSeance, p.Collectivite).ShouldBe((null, null, null));
        p.Beneficiaires.ShouldBeEmpty();
    }

    /// <summary>« a-\n » repeated: every line is a word cut at its end, joined into one endless word. Rescanning that word at
    /// each line made the reading quadratic (600 KB took about 23 s). The work is counted, not timed: twice the text, at most
    /// about twice the steps, and a bounded number of steps per character (at most 400 whole-text searches for cut words).</summary>
    [Fact]
    public void Des_mots_coupes_a_chaque_ligne_sont_lus_en_travail_lineaire()
    {
        static long Pas(int lignes)
        {
            var doc = new Document("OBJET : aide\n\nDÉCIDE\n\n" + string.Concat(Enumerable.Repeat("a-\n", lignes)));
            Beneficiaires.Lire(doc, null).Lus.ShouldBeEmpty();
            return doc.Pas;
        }
        var simple = Pas(30_000);
        var double_ = Pas(60_000);
        double_.ShouldBeLessThan(simple * 5 / 2);
        double_.ShouldBeLessThan(60_000L * 3 * 450);
        new LecteurActes().Lire(string.Concat(Enumerable.Repeat("a-\n", 200_000))).Avertissements.ShouldContain(Garde.AvertissementTronque);
    }

    [Fact]
    public void Au_dela_de_200_000_caracteres_un_avertissement_dit_ce_qui_n_a_pas_ete_lu()
    {
        var acte = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Donnees", "deliberations-exemples", "08-deliberation-rejetee.txt"));
        var long_ = acte + new string('\n', 10) + string.Concat(Enumerable.Repeat("Annexe sans rapport avec l'acte. ", 8_000));
        var p = new LecteurActes().Lire(long_);
        p.Avertissements[0].ShouldBe("Seuls les 200 000 premiers caractères ont été lus.");
        p.Numero.ShouldNotBeNull();
        new LecteurActes().Lire(acte).Avertissements.ShouldNotContain("Seuls les 200 000 premiers caractères ont été lus.");
    }
}
