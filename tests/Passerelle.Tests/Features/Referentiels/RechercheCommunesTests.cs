using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Tests.Features.Referentiels;

/// <summary>The forgiving commune search on the shipped reference (92 communes of the Métropole and Marseille's 16 arrondissements).</summary>
public class RechercheCommunesTests
{
    static readonly List<Commune> Reference = Charger();

    static List<Commune> Charger()
    {
        using var lecteur = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Seed", "communes-amp_cog2026.csv"));
        return Passerelle.Web.Csv.Lire(lecteur, ',').Skip(1).Select(l => l.Champs).Select(c => new Commune
        {
            CodeInsee = c[0], Nom = c[1], Type = c[2], CommuneParente = c[3].Length > 0 ? c[3] : null, CodesPostaux = c[4],
            Population = c[6].Length > 0 ? int.Parse(c[6]) : null, NomRecherche = RechercheCommunes.Cle(c[1]),
        }).ToList();
    }

    [Fact]
    public void La_reference_livree_compte_92_communes_et_16_arrondissements()
    {
        Reference.Count(c => c.Type == Commune.TypeCommune).ShouldBe(92);
        Reference.Count(c => c.Type == Commune.TypeArrondissement).ShouldBe(16);
    }

    [Theory]
    [InlineData("Saint-Victoret", "13102")]
    [InlineData("st victoret", "13102")]
    [InlineData("ST-VICTORET", "13102")]
    [InlineData("Sainte-Marie", null)]
    [InlineData("saint chamas", "13092")]
    [InlineData("St Chamas", "13092")]
    [InlineData("la ciotat", "13028")]
    [InlineData("LA-CIOTAT", "13028")]
    [InlineData("aix en provence", "13001")]
    [InlineData("Aix", "13001")]
    [InlineData("Châteauneuf les Martigues", "13026")]
    [InlineData("chateauneuf-les-martigues", "13026")]
    [InlineData("Port St Louis du Rhone", "13078")]
    [InlineData("Marseille 3e", "13203")]
    [InlineData("marseille 3", "13203")]
    [InlineData("Marseille 03", "13203")]
    [InlineData("Marseille 3ème arrondissement", "13203")]
    [InlineData("13003", "13203")]
    [InlineData("13230", "13078")]
    [InlineData("13980", "13003")]
    [InlineData("Marseille", "13055")]
    public void Le_premier_resultat_est_la_commune_voulue(string saisie, string? attendu)
    {
        var r = RechercheCommunes.Chercher(Reference, saisie);
        if (attendu is null) r.ShouldBeEmpty();
        else r.First().CodeInsee.ShouldBe(attendu, $"« {saisie} » → {string.Join(", ", r.Select(c => c.Nom))}");
    }

    [Fact]
    public void Un_debut_de_code_postal_propose_les_communes_qui_le_servent()
    {
        var r = RechercheCommunes.Chercher(Reference, "1313", 20);
        r.ShouldNotBeEmpty();
        r.ShouldAllBe(c => c.CodesPostaux.Split('|', StringSplitOptions.None).Any(cp => cp.StartsWith("1313")));
    }

    [Theory]
    [InlineData("Marseille 3e", "marseille", "13003")]
    [InlineData("13003", null, "13003")]
    [InlineData("St-Victoret", "saintvictoret", null)]
    [InlineData("Lyon 2e", "lyon", "69002")]
    [InlineData("Paris 20", "paris", "75020")]
    public void L_annuaire_lit_une_saisie_de_commune(string saisie, string? cle, string? codePostal)
    {
        var s = RechercheCommunes.Interpreter(saisie);
        s.Cle.ShouldBe(cle);
        s.CodePostal.ShouldBe(codePostal);
    }

    [Theory]
    [InlineData("Saint-Victoret", "St Victoret", true)]
    [InlineData("Marseille 3e Arrondissement", "Marseille", true)]
    [InlineData("Aix-en-Provence", "aix", true)]
    [InlineData("Aix-en-Provence", "Aixe", false)]
    [InlineData("Sainte-Maxime", "ste maxime", true)]
    public void Un_lieu_correspond_a_la_saisie(string communeDuLieu, string saisie, bool attendu) =>
        RechercheCommunes.Correspond(communeDuLieu, RechercheCommunes.Interpreter(saisie)).ShouldBe(attendu);
}
