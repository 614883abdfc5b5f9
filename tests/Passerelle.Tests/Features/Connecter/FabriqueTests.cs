using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Connecter.Fabrique;
using Passerelle.Tests.Features.Equiper;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Connecter;

/// <summary>The three-field diagnostic: what it proposes, what a re-run shows, and the mediator's path from the interview to a top-up in HTML.</summary>
public class FabriqueTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    async Task<(ScenarioConnexion S, int Fiche, int Appareil, int Session)> PreparerAsync()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var appareil = await EquipementTests.EnStockAsync(s.Gestion, await EquipementTests.LotAsync(app, s.Gestion));
        var lieu = await Scenario.LieuAsync(app);
        var session = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 3, 20, 9, 0, 0), 10);
        return (s, await s.FicheAsync(app, qpv: "QN01371N"), appareil.Id, session.Id);
    }

    [Fact]
    public async Task Le_diagnostic_propose_un_appareil_un_programme_et_un_atelier_puis_montre_ce_qui_a_change()
    {
        var (s0, fiche, appareil, session) = await PreparerAsync();
        var s = s0;
        var url = $"/api/v1/beneficiaires/{fiche}/diagnostics-fabrique";
        var r = await s.Mediateur.PostAsJsonAsync(url, new { equipement = "aucun", connexion = "aucune", competences = new { appareil = 1, courriel = 0, demarche = 0 }, objectifs = new[] { "demarche" } });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var d = await r.Content.ReadFromJsonAsync<JsonElement>();
        d.GetProperty("manques").GetProperty("equipement").GetBoolean().ShouldBeTrue();
        d.GetProperty("manques").GetProperty("competences").GetBoolean().ShouldBeTrue();
        var p = d.GetProperty("propositions");
        p.GetProperty("appareils").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ShouldContain(appareil);
        var programme = p.GetProperty("programmes").EnumerateArray().Single(x => x.GetProperty("id").GetInt32() == s.Programme);
        programme.GetProperty("regle").GetString().ShouldBe("resident_qpv");
        p.GetProperty("ateliers").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ShouldContain(session);
        d.GetProperty("changements").GetArrayLength().ShouldBe(0);

        // Three months later: equipped, connected, more skilled; the re-run says what changed and proposes nothing more.
        app.Horloge.Regler(Depart.AddMonths(3));
        s = await s.ReconnecterAsync(app);
        var r2 = await s.Mediateur.PostAsJsonAsync(url, new { equipement = "correct", connexion = "box", competences = new { appareil = 2, courriel = 2, demarche = 1 } });
        r2.StatusCode.ShouldBe(HttpStatusCode.Created);
        var d2 = await r2.Content.ReadFromJsonAsync<JsonElement>();
        d2.GetProperty("manques").GetProperty("connexion").GetBoolean().ShouldBeFalse();
        d2.GetProperty("propositions").GetProperty("appareils").GetArrayLength().ShouldBe(0);
        var changements = d2.GetProperty("changements").EnumerateArray().Select(c => c.GetString()).ToList();
        changements.ShouldContain("Compétences : 1/6 → 5/6");
        changements.ShouldContain(c => c!.StartsWith("Équipement : « Aucun appareil à la maison »"));
        (await app.AvecDb(db => db.Set<DiagnosticFabrique>().CountAsync(x => x.BeneficiaireId == fiche))).ShouldBe(2);

        // Bad codes: 400; another structure: 403; unknown file: 404.
        var mauvais = await s.Mediateur.PostAsJsonAsync(url, new { equipement = "tablette", connexion = "fibre" });
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mauvais.Content.ReadAsStringAsync()).ShouldContain("Équipement attendu");
        var ailleurs = (await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app))).Api;
        (await ailleurs.PostAsJsonAsync(url, new { equipement = "aucun", connexion = "aucune", competences = new { appareil = 0, courriel = 0, demarche = 0 } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Mediateur.PostAsJsonAsync("/api/v1/beneficiaires/999999/diagnostics-fabrique", new { equipement = "aucun", connexion = "aucune", competences = new { appareil = 0, courriel = 0, demarche = 0 } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Du_diagnostic_a_la_recharge_sans_javascript()
    {
        var (s, fiche, _, _) = await PreparerAsync();
        var client = await Formulaires.ConnecterAsync(app, s.EmailMediateur, s.MotDePasseMediateur);
        // The person's file links to the diagnostic.
        (await Formulaires.PageAsync(client, $"/beneficiaires/{fiche}")).QuerySelector($"a[href='/beneficiaires/{fiche}/diagnostic-fabrique']").ShouldNotBeNull();
        var page = await Formulaires.PageAsync(client, $"/beneficiaires/{fiche}/diagnostic-fabrique");
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Last();
        var r = await Formulaires.SoumettreAsync(client, form, [new("Equipement", "aucun"), new("Connexion", "aucune"), new("Competences[appareil]", "1"),
            new("Competences[courriel]", "0"), new("Competences[demarche]", "0"), new("Objectifs", "demarche")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        page = await Formulaires.PageAsync(client, $"/beneficiaires/{fiche}/diagnostic-fabrique");
        page.QuerySelector("#propositions").ShouldNotBeNull();
        page.QuerySelectorAll("#appareils li").Length.ShouldBe(1);
        page.QuerySelectorAll("#ateliers li").Length.ShouldBeGreaterThan(0);

        // Enrol from the proposal: an expired proof is refused next to the field, a recent one enrols.
        var adhesion = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().First(f => f.QuerySelector("input[name=Programme]")?.GetAttribute("value") == s.Programme.ToString());
        var refus = await Formulaires.SoumettreAsync(client, adhesion, [new("Justificatif", "justificatif de domicile"), new("DateJustificatif", "2024-10-01")]);
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refus.Content.ReadAsStringAsync()).ShouldContain("a expiré le 01/01/2025");
        var ok = await Formulaires.SoumettreAsync(client, adhesion, [new("Justificatif", "justificatif de domicile"), new("DateJustificatif", "2025-03-01")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
        var lien = ok.Headers.Location!.ToString();
        lien.ShouldStartWith("/admin/connexion/adhesions/");
        // Back on the diagnostic, the programme shows the enrolment instead of offering a new one.
        var revu = await Formulaires.PageAsync(client, $"/beneficiaires/{fiche}/diagnostic-fabrique");
        revu.QuerySelector($".adhesion-existante a[href='{lien}']").ShouldNotBeNull();
        revu.QuerySelectorAll("main form input[name=Programme]").Any(i => i.GetAttribute("value") == s.Programme.ToString()).ShouldBeFalse();

        // A top-up of 5 € from the enrolment's page.
        var pageAdhesion = await Formulaires.PageAsync(client, lien);
        var recharge = await Formulaires.SoumettreAsync(client, pageAdhesion.QuerySelector<IHtmlFormElement>("form[action*=Recharger]")!,
            [new("Offre", s.OffreRecharge.ToString()), new("MontantEuros", "5"), new("Reference", "BON-42")]);
        recharge.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recharge.Content.ReadAsStringAsync());
        (await Formulaires.PageAsync(client, lien)).QuerySelector("#consomme")!.TextContent.ShouldBe("5,00\u00A0€ sur 30,00\u00A0€");
        // Over the cap: the message is shown, nothing recorded.
        var trop = await Formulaires.SoumettreAsync(client, pageAdhesion.QuerySelector<IHtmlFormElement>("form[action*=Recharger]")!,
            [new("Offre", s.OffreRecharge.ToString()), new("MontantEuros", "25,01")]);
        trop.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await trop.Content.ReadAsStringAsync()).ShouldContain("Plafond mensuel dépassé");
    }
}
