using System.Net;
using AngleSharp.Dom;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Referentiels;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Connecter;

/// <summary>Outreach events (aller vers): recorded from the page, linked to an enrolment made there, tied to the records kept that day as
/// « Autre lieu »; another structure sees nothing of them.</summary>
public class AllerVersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Une_action_en_residence_compte_les_personnes_rencontrees_les_adhesions_et_les_accompagnements_autre_lieu()
    {
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
        var s = await ScenarioConnexion.CreerAsync(app);
        var adhesion = await s.AdhererAsync(app);
        // A record the structure's mediator kept that day « Autre lieu » in the commune.
        var activite = await app.AvecDb(async db =>
        {
            var m = await db.Mediateurs.Where(x => x.Emplois.Any(e => e.StructureId == s.Structure)).Select(x => x.Id).FirstAsync();
            var a = new Activite { MediateurId = m, Type = VocabulaireCoop.Individuel, Date = new DateOnly(2025, 3, 12), DureeMinutes = 20, TypeLieu = VocabulaireCoop.AutreLieu,
                Commune = "Marseille", Themes = "E-mail", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow };
            db.Activites.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var client = await Formulaires.ConnecterAsync(app, s.EmailMediateur, s.MotDePasseMediateur);
        (await Formulaires.PageAsync(client, "/admin/connexion")).QuerySelector("a[href='/admin/connexion/aller-vers']").ShouldNotBeNull();
        var page = await Formulaires.PageAsync(client, "/admin/connexion/aller-vers");
        var form = page.QuerySelector<IHtmlFormElement>("form[aria-labelledby=t-nouvelle]")!;
        var refus = await Formulaires.SoumettreAsync(client, form, [new("Date", "2025-03-12"), new("TypeLieu", "plage"), new("Lieu", "Hall B"), new("Commune", "Marseille"), new("PersonnesRencontrees", "-1")]);
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = await refus.Content.ReadAsStringAsync();
        texte.ShouldContain("Nombre de personnes rencontrées");
        var ok = await Formulaires.SoumettreAsync(client, form, [new("Date", "2025-03-12"), new("TypeLieu", "residence"), new("Lieu", "Hall B, résidence Les Cèdres"),
            new("Commune", "Marseille"), new("CodeQpv", "qn01371n"), new("Mediateurs", "Inès, Karim"), new("PersonnesRencontrees", "23"), new("Programme", s.Programme.ToString())]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());

        var liste = await s.Mediateur.GetFromJsonAsync<JsonElement>("/api/v1/connexion/aller-vers");
        var ev = liste[0];
        (ev.GetProperty("personnesRencontrees").GetInt32(), ev.GetProperty("codeQpv").GetString()).ShouldBe((23, "QN01371N"));
        ev.GetProperty("activitesAutreLieu").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([activite]);
        var id = ev.GetProperty("id").GetInt32();
        (await s.Mediateur.PostAsJsonAsync($"/api/v1/connexion/aller-vers/{id}/liens", new { type = "adhesion", id = adhesion })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.Mediateur.PostAsJsonAsync($"/api/v1/connexion/aller-vers/{id}/liens", new { type = "adhesion", id = adhesion })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.Mediateur.PostAsJsonAsync($"/api/v1/connexion/aller-vers/{id}/liens", new { type = "adhesion", id = 999999 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Mediateur.GetFromJsonAsync<JsonElement>("/api/v1/connexion/aller-vers"))[0].GetProperty("adhesions").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([adhesion]);
        (await Formulaires.PageAsync(client, "/admin/connexion/aller-vers")).QuerySelector($"#evenements a[href='/admin/connexion/adhesions/{adhesion}']").ShouldNotBeNull();

        // Another structure: an empty list, and no link to this event.
        var ailleurs = (await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app))).Api;
        (await ailleurs.GetFromJsonAsync<JsonElement>("/api/v1/connexion/aller-vers")).GetArrayLength().ShouldBe(0);
        (await ailleurs.PostAsJsonAsync($"/api/v1/connexion/aller-vers/{id}/liens", new { type = "adhesion", id = adhesion })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ailleurs.PostAsJsonAsync("/api/v1/connexion/aller-vers", new { structure = s.Structure, date = "2025-03-12", typeLieu = "marche", lieu = "Marché", commune = "Marseille", personnesRencontrees = 3 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
    [Fact]
    public async Task Un_diagnostic_fait_pendant_une_action_d_aller_vers_la_montre_et_y_renvoie()
    {
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
        var s = await ScenarioConnexion.CreerAsync(app);
        var fiche = await s.FicheAsync(app, qpv: "QN01371N");
        var r = await s.Mediateur.PostAsJsonAsync("/api/v1/connexion/aller-vers",
            new { structure = s.Structure, date = "2025-03-12", typeLieu = "marche", lieu = "Marché du Prado", commune = "Marseille", personnesRencontrees = 12 });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var ev = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var client = await Formulaires.ConnecterAsync(app, s.EmailMediateur, s.MotDePasseMediateur);
        var page = await Formulaires.PageAsync(client, $"/beneficiaires/{fiche}/diagnostic-fabrique");
        page.QuerySelector($"select#evenement option[value='{ev}']")!.TextContent.ShouldContain("Marché du Prado");
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Last();
        string[] reponses = ["Equipement", "aucun", "Connexion", "aucune", "Competences[appareil]", "0", "Competences[courriel]", "0", "Competences[demarche]", "0"];
        var champs = reponses.Chunk(2).Select(x => new KeyValuePair<string, string>(x[0], x[1])).ToList();
        // An event that is not in the list: refused next to the field, nothing recorded.
        var refus = await Formulaires.SoumettreAsync(client, form, [.. champs, new("Evenement", "999999")]);
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refus.Content.ReadAsStringAsync()).ShouldContain("Choisissez une action d&#x27;aller vers de la liste");
        (await app.AvecDb(db => db.Set<Passerelle.Features.Connecter.Fabrique.DiagnosticFabrique>().CountAsync(d => d.BeneficiaireId == fiche))).ShouldBe(0);
        var ok = await Formulaires.SoumettreAsync(client, form, [.. champs, new("Evenement", ev.ToString())]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
        var diagnostic = await app.AvecDb(db => db.Set<Passerelle.Features.Connecter.Fabrique.DiagnosticFabrique>().Where(d => d.BeneficiaireId == fiche).Select(d => d.Id).SingleAsync());
        page = await Formulaires.PageAsync(client, $"/beneficiaires/{fiche}/diagnostic-fabrique");
        page.QuerySelector("#action-aller-vers")!.TextContent.ShouldContain("12/03/2025");
        page.QuerySelector($"#action-aller-vers a[href='/admin/connexion/aller-vers#action-{ev}']").ShouldNotBeNull();
        (await s.Mediateur.GetFromJsonAsync<JsonElement>("/api/v1/connexion/aller-vers"))[0].GetProperty("diagnostics").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([diagnostic]);
        (await Formulaires.PageAsync(client, "/admin/connexion/aller-vers")).QuerySelector($"tr#action-{ev}").ShouldNotBeNull();
    }
}
