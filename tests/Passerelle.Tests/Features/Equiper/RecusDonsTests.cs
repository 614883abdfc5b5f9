using System.Net;
using System.Net.Http.Json;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>Company receipts (cerfa 16216) numbered per year without gaps; public bodies get an attestation, never a receipt.</summary>
public class RecusDonsTests(AppFactory app) : IClassFixture<AppFactory>
{
    static object Recu(long centimes = 120000) => new { montantCentimes = centimes, methodeValorisation = "Valeur nette comptable", formeJuridique = "SAS", adresseDonateur = "1 rue de la Paix, 13001 Marseille" };

    async Task<(int Id, string Suivi)> OffreRecueAsync(HttpClient equipe, string origine)
    {
        var o = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/equipement/offres", EquipementTests.Offre(origine))).Content.ReadFromJsonAsync<OffreCreeeDto>())!;
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{o.Id}/qualification", new { accepter = true })).EnsureSuccessStatusCode();
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{o.Id}/reception", new { nombreAppareils = 3, poidsKg = 7 })).EnsureSuccessStatusCode();
        return (o.Id, o.Suivi);
    }

    [Fact]
    public async Task Recus_numerotes_par_annee_et_attestation_pour_un_organisme_public()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var (a, suiviA) = await OffreRecueAsync(equipe, "entreprise");
        var (b, _) = await OffreRecueAsync(equipe, "entreprise");
        var ra = (await (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{a}/recu", Recu())).Content.ReadFromJsonAsync<RecuDto>())!;
        var rb = (await (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{b}/recu", Recu(0))).Content.ReadFromJsonAsync<RecuDto>())!;
        ra.Numero.ShouldStartWith("2025-");
        int.Parse(rb.Numero[5..]).ShouldBe(int.Parse(ra.Numero[5..]) + 1);
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{a}/recu", Recu())).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), suiviA + "/recu");
        page.QuerySelector("#montant")!.TextContent.ShouldBe("***1200,00 €***");
        page.QuerySelector("#recu")!.TextContent.ShouldContain("SIREN 732829320");

        var (p, suiviP) = await OffreRecueAsync(equipe, "public");
        var refus = await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{p}/recu", Recu());
        refus.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refus.Content.ReadAsStringAsync()).ShouldContain("attestation de don");
        (await Formulaires.PageAsync(app.ClientAnonyme(), suiviP + "/recu")).QuerySelector("#attestation")!.TextContent.ShouldContain("n'ouvre pas droit");
        var invalide = await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{a}/recu", new { montantCentimes = -1 });
        invalide.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalide.Content.ReadAsStringAsync()).ShouldContain("forme juridique");
    }
}
