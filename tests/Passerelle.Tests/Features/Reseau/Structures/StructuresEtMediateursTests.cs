using System.Net;
using AngleSharp.Dom;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau.Structures;

public class StructuresEtMediateursTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Rna() => "W13" + Random.Shared.Next(1000000, 9999999);

    [Fact]
    public async Task Siret_controle_par_sa_cle_rna_et_doublons_refuses()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var faux = await admin.PostAsJsonAsync("/api/v1/structures", new { nom = "CCAS", siret = "43493312300028", typologie = "CCAS" });
        faux.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await faux.Content.ReadAsStringAsync()).ShouldContain("clé de contrôle");
        (await admin.PostAsJsonAsync("/api/v1/structures", new { nom = "Sans identifiant", typologie = "ASSO" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/structures", new { nom = "Type inconnu", rna = Rna(), typologie = "XYZ" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rna = Rna();
        var ok = await admin.PostAsJsonAsync("/api/v1/structures", new { nom = "Les Ordis Solidaires", rna = rna.ToLowerInvariant(), typologie = "ASSO", telephone = "04 91 00 00 00" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        var s = (await ok.Content.ReadFromJsonAsync<StructureDto>())!;
        s.Rna.ShouldBe(rna);
        s.Telephone.ShouldBe("+33491000000");
        var doublon = await admin.PostAsJsonAsync("/api/v1/structures", new { nom = "Copie", rna, typologie = "ASSO" });
        doublon.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await doublon.Content.ReadAsStringAsync()).ShouldContain("déjà ce SIRET ou ce RNA");
        (await admin.DeleteAsync($"/api/v1/structures/{s.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.ClientAnonyme().GetFromJsonAsync<List<StructureDto>>("/api/v1/structures"))!.ShouldNotContain(x => x.Id == s.Id);
    }

    [Fact]
    public async Task Mediateur_emplois_dates_et_lieux()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var s = (await (await admin.PostAsJsonAsync("/api/v1/structures", new { nom = "Centre social du Vallon", rna = Rna(), typologie = "CS" })).Content.ReadFromJsonAsync<StructureDto>())!;
        var creation = await admin.PostAsJsonAsync("/api/v1/mediateurs", new { prenom = "Inès", nom = "Benali", conseillerNumerique = true, aidantsConnect = true });
        creation.StatusCode.ShouldBe(HttpStatusCode.Created, await creation.Content.ReadAsStringAsync());
        var m = (await creation.Content.ReadFromJsonAsync<MediateurDto>())!;
        m.ConseillerNumerique.ShouldBeTrue(JsonSerializer.Serialize(m));
        var emploi = await admin.PostAsJsonAsync($"/api/v1/mediateurs/{m.Id}/emplois", new { structureId = s.Id, debut = "2024-09-01", fin = "2025-08-31" });
        emploi.StatusCode.ShouldBe(HttpStatusCode.OK);
        var chevauchement = await admin.PostAsJsonAsync($"/api/v1/mediateurs/{m.Id}/emplois", new { structureId = s.Id, debut = "2025-01-01" });
        chevauchement.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync($"/api/v1/mediateurs/{m.Id}/emplois", new { structureId = s.Id, debut = "2025-09-01", fin = "2025-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync($"/api/v1/mediateurs/{m.Id}/emplois", new { structureId = s.Id, debut = "2025-09-01" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lieu = await admin.PostAsJsonAsync("/api/v1/lieux", new { nom = "Point numérique du Vallon", pivot = s.Id > 0 ? "W133001234" : "", adresse = "1 rue", codePostal = "13013", commune = "Marseille", structureId = s.Id });
        var lieuId = (await lieu.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await admin.PutAsJsonAsync($"/api/v1/mediateurs/{m.Id}/lieux", new[] { lieuId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync($"/api/v1/mediateurs/{m.Id}/lieux", new[] { 99999999 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var lu = (await admin.GetFromJsonAsync<MediateurDto>($"/api/v1/mediateurs/{m.Id}"))!;
        lu.Emplois.Select(e => (e.Debut, e.Fin)).ShouldBe([(new DateOnly(2024, 9, 1), (DateOnly?)new DateOnly(2025, 8, 31)), (new DateOnly(2025, 9, 1), null)]);
        lu.Lieux.ShouldBe([lieuId]);
        (await admin.PutAsJsonAsync($"/api/v1/mediateurs/{m.Id}", new { prenom = "Inès", nom = "Benali", telephone = "abc" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Mediators are people: not public.
        (await app.ClientAnonyme().GetAsync($"/api/v1/mediateurs/{m.Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Pages_structures_et_mediateurs_sans_javascript()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/structures/nouvelle");
        var rna = Rna();
        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!,
            [new("Saisie.Nom", "Médiathèque de l'Alcazar"), new("Saisie.Rna", rna), new("Saisie.Typologie", "BIB")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var structures = await Formulaires.PageAsync(client, "/admin/structures");
        structures.QuerySelectorAll("tbody td").Select(t => t.TextContent).ShouldContain(rna);
        var invalide = await Formulaires.SoumettreAsync(client, (await Formulaires.PageAsync(client, "/admin/structures/nouvelle")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!,
            [new("Saisie.Nom", "Faux SIRET"), new("Saisie.Siret", "43493312300028"), new("Saisie.Typologie", "BIB")]);
        invalide.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invalide.Content.ReadAsStringAsync()).ShouldContain("clé de contrôle");

        var structureId = await app.AvecDb(db => Task.FromResult(db.Structures.Single(s => s.Rna == rna).Id));
        var form = (await Formulaires.PageAsync(client, "/admin/mediateurs/nouveau")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        r = await Formulaires.SoumettreAsync(client, form, [new("Saisie.Prenom", "Hugo"), new("Saisie.Nom", "Marchetti"), new("Saisie.ConseillerNumerique", "true"),
            new("StructureId", structureId.ToString()), new("Debut", "2025-02-01")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var liste = await Formulaires.PageAsync(client, "/admin/mediateurs");
        var ligne = liste.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Hugo Marchetti"));
        ligne.TextContent.ShouldContain("Médiathèque de l'Alcazar");
        ligne.QuerySelectorAll("td")[2].TextContent.ShouldBe("Oui");
    }
}
