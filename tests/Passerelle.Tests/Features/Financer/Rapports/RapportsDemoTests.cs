using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Demo;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Rapports;

/// <summary>The demo CAF funder account sees its own funder report (tester's finding: it saw none, the demo reports all belonged to
/// other funders) and no other funder's.</summary>
public class RapportsDemoTests(AppFactoryDemo app) : IClassFixture<AppFactoryDemo>
{
    [Fact]
    public async Task Le_compte_financeur_de_demo_voit_le_compte_rendu_de_la_caf_et_pas_ceux_des_autres()
    {
        var (_, rapportCaf, autres) = await app.AvecDb(async db =>
        {
            var caf = await db.Set<Financeur>().Where(f => f.Demo && f.Nom == FinancementDemo.NomCaf).Select(f => f.Id).SingleAsync();
            var rapports = await db.Set<RapportFinancier>().Where(r => r.Demo)
                .Join(db.Set<Subvention>(), r => r.SubventionId, s => s.Id, (r, s) => new { r.Id, s.FinanceurId, r.Statut }).ToListAsync();
            var duCaf = rapports.Where(r => r.FinanceurId == caf).ShouldHaveSingleItem();
            duCaf.Statut.ShouldBe(StatutsRapport.Soumis);
            return (caf, duCaf.Id, rapports.Where(r => r.FinanceurId != caf).Select(r => r.Id).ToList());
        });
        // Other funders' demo reports exist (the Métropole's, the State's, the pathways school's…): each must stay hidden.
        autres.ShouldNotBeEmpty();

        var fichier = app.Services.GetRequiredService<IConfiguration>()["Demo:FichierComptes"]!;
        var ligne = (await File.ReadAllLinesAsync(fichier)).Single(l => l.StartsWith("financeur ")).Split(' ');
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var connexion = await Formulaires.PageAsync(client, "/connexion");
        (await Formulaires.SoumettreAsync(client, connexion.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Formulaire.Email", ligne[1]), new("Formulaire.MotDePasse", ligne[2])])).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var liste = await Formulaires.PageAsync(client, "/admin/financement/rapports?filtre=tous");
        var liens = liste.QuerySelectorAll("main a[href^='/admin/financement/rapports/']").Select(a => a.GetAttribute("href")).ToList();
        liens.ShouldContain($"/admin/financement/rapports/{rapportCaf}");
        foreach (var id in autres) liens.ShouldNotContain($"/admin/financement/rapports/{id}");
        var fiche = await Formulaires.PageAsync(client, $"/admin/financement/rapports/{rapportCaf}");
        fiche.QuerySelector("main")!.TextContent.ShouldContain("Ville d'Aix-en-Provence");
        fiche.QuerySelector("#journal-rapport").ShouldBeNull(); // a funder never sees who wrote what
        (await client.GetAsync($"/admin/financement/rapports/{autres[0]}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
