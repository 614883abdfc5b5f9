using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Beneficiaires;

/// <summary>Importing people the structure already follows still imports them, but the report names, row by row, the existing file
/// each one looks like (same rules as the duplicates page), so that the team can merge instead of keeping two files.</summary>
public class ImportDoublonsTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Entete = "suivi,prenom,nom,telephone,courriel,annee_naissance,genre,statut,commune,code_postal,code_qpv,consentement,notes\n";

    [Fact]
    public async Task Le_rapport_d_import_signale_les_fiches_deja_connues_sans_refuser_l_import()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var r = await m.Api.PostAsJsonAsync("/api/v1/beneficiaires", new { suivi = true, prenom = "Hélène", nom = "Dupré", telephone = "06 44 55 66 77",
            anneeNaissance = 1948, genre = "Féminin", statut = "Retraité", consentement = true });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var existante = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        async Task<RapportImportBeneficiaires> ImporterAsync(string lignes)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Entete + lignes)), "fichier", "fiches.csv" } };
            var reponse = await m.Api.PostAsync("/api/v1/beneficiaires/import", form);
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK, await reponse.Content.ReadAsStringAsync());
            return (await reponse.Content.ReadFromJsonAsync<RapportImportBeneficiaires>())!;
        }

        // Line 2: the same person typed without accents; line 3: someone else with the same birth year.
        var rapport = await ImporterAsync("oui,Helene,DUPRE,+33644556677,,1948,Féminin,Retraité,,,,oui,\noui,Marcel,Roux,,,1948,Masculin,Retraité,,,,oui,\n");
        rapport.Crees.ShouldBe(2);
        var doublon = rapport.Doublons.ShouldHaveSingleItem();
        (doublon.Ligne, doublon.FicheId).ShouldBe((2, existante));
        doublon.Message.ShouldBe($"Ligne 2 : Helene DUPRE ressemble à la fiche n° {existante} déjà enregistrée (Hélène Dupré : noms proches, même téléphone, "
            + "même année de naissance). Si c'est la même personne, fusionnez les deux fiches depuis la page des doublons.");

        // Marcel imported again: the row looks like the file made just before, and is imported all the same.
        rapport = await ImporterAsync("oui,Marcel,Roux,,,1948,Masculin,Retraité,,,,oui,\n");
        rapport.Crees.ShouldBe(1);
        rapport.Doublons.ShouldHaveSingleItem().Ligne.ShouldBe(2);
        (await m.Api.GetFromJsonAsync<List<BeneficiaireResume>>("/api/v1/beneficiaires"))!.Count(b => b.Nom == "Marcel Roux").ShouldBe(2);

        // The page says the same to the team, under the count of files created.
        var client = await Formulaires.ConnecterAsync(app, m.Email, m.MotDePasse);
        var doc = await Formulaires.PageAsync(client, "/beneficiaires/import");
        var jeton = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var envoi = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Entete + "oui,Marcel,Roux,,,1948,Masculin,Retraité,,,,oui,\n")), "fichier", "fiches.csv" },
        };
        var page = await Formulaires.DocumentAsync(await client.PostAsync("/beneficiaires/import", envoi));
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("1 fiche(s) importée(s)");
        var avis = page.QuerySelector("#doublons-import").ShouldNotBeNull(page.QuerySelector("main")?.InnerHtml);
        // Two Marcel Roux files exist by now: the row names both.
        var lignes = avis.QuerySelectorAll("li").Select(l => l.TextContent).ToList();
        lignes.Count.ShouldBe(2);
        lignes.ShouldAllBe(l => l.StartsWith("Ligne 2 : Marcel Roux ressemble à la fiche n° "));
        avis.QuerySelector("a")!.GetAttribute("href").ShouldBe("/beneficiaires/doublons");
    }
}
