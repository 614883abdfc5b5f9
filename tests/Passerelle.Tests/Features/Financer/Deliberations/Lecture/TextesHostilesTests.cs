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
