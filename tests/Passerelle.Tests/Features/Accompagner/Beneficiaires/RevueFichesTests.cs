using System.Net;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Beneficiaires;

/// <summary>Findings of the new-user review of 1 December 2026 on people's files.</summary>
public class RevueFichesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Le_lien_Personnes_du_menu_explique_l_absence_de_structure_au_lieu_de_refuser()
    {
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var r = await admin.GetAsync("/beneficiaires");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(r);
        doc.QuerySelector("#sans-structure")!.TextContent.ShouldContain("aucune structure");
        doc.QuerySelector("#fiches").ShouldBeNull();
    }

    [Fact]
    public async Task Une_fiche_ne_se_fusionne_pas_avec_elle_meme_meme_a_l_etape_du_choix()
    {
        var (_, _, _, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var client = await Formulaires.ConnecterAsync(app, email, mdp);
        var jeton = (await Formulaires.PageAsync(client, "/beneficiaires/nouveau")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var r = await client.PostAsync("/beneficiaires/fusion?handler=Choisir", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", jeton), new("A", "44"), new("B", "44"), new("Garder", "44")]));
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await r.Content.ReadAsStringAsync()).ShouldNotContain("Confirmer la fusion");
    }
}
