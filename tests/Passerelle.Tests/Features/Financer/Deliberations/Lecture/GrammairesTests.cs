using Passerelle.Features.Financer.Deliberations.Lecture;

namespace Passerelle.Tests.Features.Financer.Deliberations.Lecture;

/// <summary>French number, date and vote grammar as printed in acts.</summary>
public class GrammairesTests
{
    [Theory]
    [InlineData("une subvention de 12.500,00 € pour", 12500)]
    [InlineData("soit 12 500 euros", 12500)]
    [InlineData("150 000 €", 150000)]
    [InlineData("9 850 € TTC", 9850)]
    [InlineData("un montant de 186 420,00 € HT", 186420)]
    [InlineData("1 234,5 EUR", 1234.5)]
    [InlineData("31500€", 31500)]
    [InlineData("2 224 070 €", 2224070)]
    public void Montants(string texte, double attendu) =>
        Nombres.Montants(texte).Single().Valeur.ShouldBe((decimal)attendu);

    [Fact]
    public void Montants_taxe_et_annee_voisine()
    {
        var m = Nombres.Montants("en 2025 18 500 € HT puis 3,5 % du budget").ToList();
        m.Single().Valeur.ShouldBe(18500m);
        m.Single().Taxe.ShouldBe("HT");
        Nombres.Pourcentages("représentant 3,5 % du budget et 40 pour cent").Select(p => p.Valeur).ShouldBe([3.5m, 40m]);
    }

    [Theory]
    [InlineData("vingt-trois", 23)]
    [InlineData("deux mille vingt-trois", 2023)]
    [InlineData("quatre-vingt-dix-neuf", 99)]
    [InlineData("soixante et onze", 71)]
    [InlineData("trente et un", 31)]
    [InlineData("Quatre-Vingts", 80)]
    [InlineData("mille neuf cent quatre-vingt-quinze", 1995)]
    [InlineData("premier", 1)]
    public void Nombres_en_lettres(string mots, int attendu) => Nombres.LireEnLettres(mots).ShouldBe(attendu);

    [Fact]
    public void Un_mot_qui_n_est_pas_un_nombre_n_est_pas_lu() => Nombres.LireEnLettres("vingt chats").ShouldBeNull();

    [Theory]
    [InlineData("le quinze mars deux mille vingt-trois", "2023-03-15")]
    [InlineData("L'an deux mille vingt-trois et le quinze mars à dix-huit heures", "2023-03-15")]
    [InlineData("L'an deux mille vingt-quatre, le onze avril", "2024-04-11")]
    [InlineData("le trente et un décembre deux mille vingt", "2020-12-31")]
    [InlineData("Séance du jeudi 1er février 2024", "2024-02-01")]
    [InlineData("reçu le 16/04/2024 à 09:41", "2024-04-16")]
    [InlineData("Reçu par le MI le 2024-04-16", "2024-04-16")]
    [InlineData("le 31 decembre 2023", "2023-12-31")]
    public void Dates_imprimees(string texte, string attendu) =>
        Passerelle.Features.Financer.Deliberations.Lecture.Dates.Toutes(Document.Plier(texte)).First().Date.ShouldBe(DateOnly.Parse(attendu));

    [Fact]
    public void Une_date_impossible_n_est_pas_lue() => Passerelle.Features.Financer.Deliberations.Lecture.Dates.Toutes("le 31/02/2024 et le 30 fevrier 2024").ShouldBeEmpty();

    [Theory]
    [InlineData("pour la période du 1er janvier au 31 décembre 2025", "2025-01-01", "2025-12-31")]
    [InlineData("du 15 septembre 2025 au\n 30 juin 2026", "2025-09-15", "2026-06-30")]
    [InlineData("du 1er octobre au 30 septembre 2025", "2024-10-01", "2025-09-30")]
    [InlineData("du 01/03/2025 au 28/02/2026", "2025-03-01", "2026-02-28")]
    public void Periodes(string texte, string debut, string fin)
    {
        var p = Passerelle.Features.Financer.Deliberations.Lecture.Dates.Periode(Document.Plier(texte))!.Value;
        (p.Debut, p.Fin).ShouldBe((DateOnly.Parse(debut), DateOnly.Parse(fin)));
    }

    [Theory]
    [InlineData("ADOPTÉE à 24 POUR, 4 CONTRE et 1 ABSTENTION.", 24, 4, 1, 0)]
    [InlineData("Par 41 voix pour,\n     0 voix contre,\n     3 abstentions,", 41, 0, 3, 0)]
    [InlineData("Pour : 16        Contre : 0        Abstention : 1        Ne prend pas part au vote : 1", 16, 0, 1, 1)]
    [InlineData("POUR :          11\nCONTRE :        14\nABSTENTIONS :    2", 11, 14, 2, 0)]
    [InlineData("Votants : 46 ; Pour : 46 ; Contre : 0 ; Abstentions : néant", 46, 0, 0, 0)]
    [InlineData("adoptée par 30 voix pour et 9 contre", 30, 9, 0, 0)]
    [InlineData("Adopté à la majorité : Pour 53, Contre 0, Abstention 0", 53, 0, 0, 0)]
    [InlineData("   Présents   Pour   Contre   Abstentions   Non-participation\n      24        25       2          2               1", 25, 2, 2, 1)]
    public void Votes_imprimes(string texte, int pour, int contre, int abstention, int nonParticipation) =>
        Votes.Vote(Votes.Comptes(new Document(texte)))!.Value.Vote.ShouldBe(new VotePropose(pour, contre, abstention, nonParticipation));

    [Theory]
    [InlineData("Adopté à l'unanimité.")]
    [InlineData("une subvention de 42 000 € pour 3 postes et pour 24 mois")]
    [InlineData("Pour : 16")]
    [InlineData("une participation pour 2025 à 29 500 €, contre 24 000 € en 2024")]
    public void Pas_de_vote_sans_decompte(string texte) => Votes.Vote(Votes.Comptes(new Document(texte))).ShouldBeNull();

    [Theory]
    [InlineData("VAL D'YÈVRE ET ARNON", "Val d'Yèvre et Arnon")]
    [InlineData("SAINT-AMAND-MONTROND", "Saint-Amand-Montrond")]
    [InlineData("BAGNOLS-SUR-CÈZE", "Bagnols-sur-Cèze")]
    [InlineData("LES SABLES-D'OLONNE", "Les Sables-d'Olonne")]
    [InlineData("Bédarieux", "Bédarieux")]
    public void Noms_de_lieux_en_casse_normale(string capitales, string attendu) => Collectivite.EnCasseNormale(capitales).ShouldBe(attendu);

    [Theory]
    [InlineData("la déma-\n  térialisation des démarches", "la dématérialisation des démarches")]
    [InlineData("une durée de vingt-\n quatre mois", "une durée de vingt-quatre mois")]
    [InlineData("à Saint-\n    Pierre-des-Tripiers", "à Saint-Pierre-des-Tripiers")]
    [InlineData("Catherine LE BIHAN-\nMORVAN", "Catherine LE BIHAN-MORVAN")]
    [InlineData("**Attribution** de\nsubventions", "Attribution de subventions")]
    public void Lignes_jointes(string texte, string attendu)
    {
        var d = new Document(texte);
        d.Joindre(0, d.Texte.Length).ShouldBe(attendu);
    }
}
