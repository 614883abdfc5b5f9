using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Piloter.Actions;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>The action plan's form as a browser sends it: the page's own fields, its antiforgery token included (the form names
/// its action, so the token must be asked for explicitly — without it the post was refused with a 400 page).</summary>
public class PlanActionFormulaireTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task L_administrateur_ajoute_un_arret_itinerant_depuis_la_zone_puis_le_retrouve_au_plan()
    {
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, "/pilotage/actions?zone=QN01371N");
        var form = page.QuerySelector<IHtmlFormElement>("form[aria-labelledby='nouvelle-action']").ShouldNotBeNull();
        form.QuerySelector("input[name='__RequestVerificationToken']").ShouldNotBeNull();
        page.QuerySelector<IHtmlSelectElement>("#action-type")!.Value.ShouldBe("itinerance");
        var r = await Formulaires.SoumettreAsync(admin, form, [new("Saisie.Titre", "Arrêt itinérant (test du formulaire)"), new("Saisie.Porteur", "Métropole (test)")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var action = await app.AvecDb(db => db.Set<ActionTerritoriale>().SingleAsync(a => a.Titre == "Arrêt itinérant (test du formulaire)"));
        (action.Type, action.Zones, action.Statut).ShouldBe(("itinerance", "QN01371N", "prevue"));

        var plan = WebUtility.HtmlDecode(await admin.GetStringAsync(r.Headers.Location!.ToString()));
        plan.ShouldContain("Action ajoutée au plan.");
        plan.ShouldContain("Arrêt itinérant (test du formulaire)");
    }

    [Fact]
    public async Task Une_zone_inconnue_est_refusee_en_francais_sur_son_champ()
    {
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, "/pilotage/actions");
        var form = page.QuerySelector<IHtmlFormElement>("form[aria-labelledby='nouvelle-action']")!;
        var r = await Formulaires.SoumettreAsync(admin, form, [new("Saisie.Titre", "Action mal rattachée"), new("Saisie.Type", "ateliers"),
            new("Saisie.Zones", "QN00000X"), new("Saisie.Porteur", "Ville"), new("Saisie.Debut", "2026-01-05")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        html.ShouldContain("Zone(s) inconnue(s) : QN00000X");
        (await app.AvecDb(db => db.Set<ActionTerritoriale>().AnyAsync(a => a.Titre == "Action mal rattachée"))).ShouldBeFalse();
    }

    [Fact]
    public async Task L_action_se_modifie_puis_se_supprime_et_le_financeur_ne_peut_ni_l_un_ni_l_autre()
    {
        var id = await app.AvecDb(async db =>
        {
            var a = new ActionTerritoriale { Titre = "Permanence à modifier", Type = "permanence", Zones = "13078", Porteur = "Ville", Debut = new DateOnly(2025, 9, 1), CoutCentimes = 100_000 };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, $"/pilotage/actions/{id}");
        page.QuerySelector<IHtmlInputElement>("#action-zones")!.Value.ShouldBe("13078");
        page.QuerySelector<IHtmlInputElement>("#action-couteuros")!.Value.ShouldBe("1000");
        var form = page.QuerySelector<IHtmlFormElement>("form[aria-labelledby='nouvelle-action']")!;
        var r = await Formulaires.SoumettreAsync(admin, form, [new("Saisie.Zones", "13078, QN01371N"), new("Saisie.Statut", "en-cours"), new("Saisie.CoutEuros", "1250.50")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var modifiee = await app.AvecDb(db => db.Set<ActionTerritoriale>().SingleAsync(a => a.Id == id));
        (modifiee.Zones, modifiee.Statut, modifiee.CoutCentimes, modifiee.Titre).ShouldBe(("13078|QN01371N", "en-cours", 125_050L, "Permanence à modifier"));

        // A bad end date stays on the page with its French message, nothing changes.
        page = await Formulaires.PageAsync(admin, $"/pilotage/actions/{id}");
        form = page.QuerySelector<IHtmlFormElement>("form[aria-labelledby='nouvelle-action']")!;
        r = await Formulaires.SoumettreAsync(admin, form, [new("Saisie.Fin", "2025-01-01")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()).ShouldContain("La fin ne précède pas le début.");

        var financeur = await Formulaires.ConnecterAsync(app, Roles.Financeur);
        Refuse(await financeur.GetAsync($"/pilotage/actions/{id}")).ShouldBeTrue();
        (await admin.GetAsync("/pilotage/actions/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var suppression = page.QuerySelector<IHtmlFormElement>("form[aria-labelledby='supprimer-action']")!;
        r = await Formulaires.SoumettreAsync(admin, suppression, []);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<ActionTerritoriale>().AnyAsync(a => a.Id == id))).ShouldBeFalse();
        (await Formulaires.SoumettreAsync(admin, suppression, [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Le_gestionnaire_ne_modifie_ni_ne_supprime_l_action_d_un_autre()
    {
        var (email, mdp) = await app.CreerCompteAsync(Roles.Gestionnaire);
        var (sienne, autre) = await app.AvecDb(async db =>
        {
            var a = new ActionTerritoriale { Titre = "Action du gestionnaire (test)", Type = "ateliers", Zones = "13078", Porteur = "Asso", Debut = new DateOnly(2026, 11, 20), CreePar = email };
            var b = new ActionTerritoriale { Titre = "Étude d'Aix d'un autre (test)", Type = "partenariat", Zones = "13001", Porteur = "Ville d'Aix", Debut = new DateOnly(2026, 11, 21), CreePar = "autre.gestionnaire@exemple.fr" };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var gestionnaire = await Formulaires.ConnecterAsync(app, email, mdp);
        var plan = await Formulaires.PageAsync(gestionnaire, "/pilotage/actions");
        plan.QuerySelectorAll($"a[href='/pilotage/actions/{sienne}']").Length.ShouldBe(1);
        plan.QuerySelectorAll($"a[href='/pilotage/actions/{autre}']").Length.ShouldBe(0);
        plan.QuerySelector($"#action-{autre}").ShouldNotBeNull();

        Refuse(await gestionnaire.GetAsync($"/pilotage/actions/{autre}")).ShouldBeTrue();
        // Its own edit page's forms, posted at the other action's id: refused, nothing changed nor deleted.
        var page = await Formulaires.PageAsync(gestionnaire, $"/pilotage/actions/{sienne}");
        var modification = page.QuerySelector<IHtmlFormElement>("form[aria-labelledby='nouvelle-action']")!;
        modification.SetAttribute("action", $"/pilotage/actions/{autre}");
        Refuse(await Formulaires.SoumettreAsync(gestionnaire, modification, [new("Saisie.Titre", "Détournée")])).ShouldBeTrue();
        var suppression = page.QuerySelector<IHtmlFormElement>("form[aria-labelledby='supprimer-action']")!;
        suppression.SetAttribute("action", $"/pilotage/actions/{autre}?handler=Supprimer");
        Refuse(await Formulaires.SoumettreAsync(gestionnaire, suppression, [])).ShouldBeTrue();
        (await app.AvecDb(db => db.Set<ActionTerritoriale>().SingleAsync(a => a.Id == autre))).Titre.ShouldBe("Étude d'Aix d'un autre (test)");

        // Their own action: edited and deleted; an administrator may delete the other one.
        suppression.SetAttribute("action", $"/pilotage/actions/{sienne}?handler=Supprimer");
        (await Formulaires.SoumettreAsync(gestionnaire, suppression, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<ActionTerritoriale>().AnyAsync(a => a.Id == sienne))).ShouldBeFalse();
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var pageAdmin = await Formulaires.PageAsync(admin, $"/pilotage/actions/{autre}");
        var r = await Formulaires.SoumettreAsync(admin, pageAdmin.QuerySelector<IHtmlFormElement>("form[aria-labelledby='supprimer-action']")!, []);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<ActionTerritoriale>().AnyAsync(a => a.Id == autre))).ShouldBeFalse();
    }

    /// <summary>A page refused to a role: 403, or the redirect to the access-refused page (cookie authentication).</summary>
    static bool Refuse(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.Forbidden
        || r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.ToString().Contains("/acces-refuse") == true;

    [Fact]
    public async Task L_etude_imprimable_donne_la_couverture_des_quartiers_les_zones_prioritaires_et_le_plan()
    {
        // One place at Port-Saint-Louis (43.38, 4.80) offering a service: Les Aygalades is 46 km away.
        var lieu = await Scenario.LieuAsync(app);
        await app.AvecDb(db => db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Services, "aide-aux-demarches-administratives").SetProperty(l => l.CodeInsee, "13078")));
        await app.AvecDb(async db =>
        {
            db.Add(new ActionTerritoriale { Titre = "Étude de stratégie (test)", Type = "partenariat", Zones = "QN01371N|13078", Porteur = "Ville", Debut = new DateOnly(2025, 2, 1),
                CoutCentimes = 1_970_000, Cofinancement = "CAF 50 % (9 850 €)" });
            return await db.SaveChangesAsync();
        });
        var financeur = await Formulaires.ConnecterAsync(app, Roles.Financeur);
        var page = await Formulaires.PageAsync(financeur, "/pilotage/etude?epci=200054807&du=2025-03-03&au=2025-03-16");
        page.QuerySelectorAll("#etude-quartiers tbody tr[data-code='QN01371N']").Length.ShouldBe(1);
        // Les Aygalades (Marseille 15e) has a reference point and no place within 5 km in this territory (no place at all).
        page.QuerySelector("#etude-eloignes")!.TextContent.ShouldContain("Aygalades");
        page.QuerySelectorAll("#etude-communes tbody tr").Length.ShouldBe(10);
        var plan = page.QuerySelector("#etude-plan")!.TextContent;
        plan.ShouldContain("Étude de stratégie (test)");
        plan.ShouldContain("Quartier prioritaire de Port-Saint-Louis");
        plan.ShouldContain("CAF 50 % (9 850 €)");

        // The same study as an A4 PDF, linked from the page, read back: the QPV, the far neighbourhood with its distance, the plan.
        var lien = page.QuerySelector<IHtmlAnchorElement>("#etude-pdf").ShouldNotBeNull().GetAttribute("href")!;
        lien.ShouldBe("/pilotage/etude?handler=pdf&du=2025-03-03&au=2025-03-16&epci=200054807");
        var r = await financeur.GetAsync(lien);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await r.Content.ReadAsByteArrayAsync()))
        {
            var premiere = pdf.GetPage(1);
            (Math.Round(premiere.Width), Math.Round(premiere.Height)).ShouldBe((595.0, 842.0));
            var texte = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            texte.ShouldContain("Étude territoriale d'inclusion numérique des quartiers prioritaires");
            texte.ShouldContain("du 3 mars 2025 au 16 mars 2025");
            texte.ShouldContain("(QN01371N)");
            texte.ShouldContain("Port-Saint-Louis");
            // Les Aygalades: 46.24 km from the only place (hand-computed in EcartsTests).
            texte.ShouldContain("Aygalades (QN01358I) : lieu le plus proche à 46,2 km");
            // Table cells wrap in narrow columns: their words are checked one by one.
            texte.ShouldContain("stratégie");
            texte.ShouldContain("CAF 50 %");
        }
        (await financeur.GetStringAsync("/pilotage/etude?handler=pdf&du=2025-13-01")).ShouldContain("AAAA-MM-JJ");
        (await financeur.GetAsync("/pilotage")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.PageAsync(financeur, "/pilotage")).QuerySelector("a[href='/pilotage/etude']").ShouldNotBeNull();
        Refuse(await (await Formulaires.ConnecterAsync(app, Roles.Mediateur)).GetAsync("/pilotage/etude")).ShouldBeTrue();
        (await Formulaires.PageAsync(financeur, "/pilotage/etude?du=2025-13-01")).QuerySelector("#erreurs")!.TextContent.ShouldContain("AAAA-MM-JJ");
    }
}
