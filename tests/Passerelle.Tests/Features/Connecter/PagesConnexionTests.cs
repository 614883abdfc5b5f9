using System.Net;
using AngleSharp.Dom;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Connecter;

/// <summary>The staff pages that were API-only (programme form, renewal, refund, line deactivation), the reconciliation with an operator's
/// invoice and the indicators' exports; on SQLite and PostgreSQL.</summary>
public class PagesConnexionTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateTimeOffset Depart = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    static IHtmlFormElement Formulaire(AngleSharp.Dom.IDocument page, string handler) =>
        page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().First(f => (f.GetAttribute("action") ?? "").Contains(handler));

    [Fact]
    public async Task Un_gestionnaire_cree_puis_modifie_un_programme_avec_ses_partenaires_et_ses_offres()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var client = await Formulaires.ConnecterAsync(app, s.EmailGestion, s.MotDePasseGestion);
        (await Formulaires.PageAsync(client, "/admin/connexion")).QuerySelector("a[href='/admin/connexion/programmes/edition']").ShouldNotBeNull();
        var page = await Formulaires.PageAsync(client, "/admin/connexion/programmes/edition");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var nom = "Connexion page " + Guid.NewGuid().ToString("N")[..6];
        KeyValuePair<string, string> V(string k, string v) => new(k, v);
        List<KeyValuePair<string, string>> champs =
        [
            V("Saisie.Nom", nom), V("Saisie.StructureGestionnaireId", s.Structure.ToString()), V("Saisie.Debut", "2025-01-01"), V("Saisie.Budget", "12 500"),
            V("Saisie.PlafondMensuel", "abc"), V("Saisie.DureeMois", "9"), V("Saisie.Regles", "rsa"), V("Saisie.Regles", "resident_qpv"),
            V("Saisie.Partenaires[0].Role", "operateur"), V("Saisie.Partenaires[0].Nom", "Opérateur Sud"),
            V("Saisie.Offres[0].Type", "recharge"), V("Saisie.Offres[0].Libelle", "Recharge 5 €"), V("Saisie.Offres[0].ValeurFaciale", "5"),
            V("Saisie.Offres[0].PrixPaye", "2"), V("Saisie.Offres[0].Subvention", "3"), V("Saisie.Offres[0].SubventionPayeePar", "Métropole"),
        ];
        // A cap that is not an amount: the page says so next to the field, in French, and nothing is created.
        var refus = await Formulaires.SoumettreAsync(client, form, champs);
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await Formulaires.DocumentAsync(refus);
        html.QuerySelector("#err-plafond")!.TextContent.ShouldContain("Montant en euros");
        champs[4] = V("Saisie.PlafondMensuel", "30");
        var ok = await Formulaires.SoumettreAsync(client, html.QuerySelector<IHtmlFormElement>("main form")!, champs);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
        var id = await app.AvecDb(db => db.Set<ProgrammeConnexion>().Where(p => p.Nom == nom).Select(p => p.Id).SingleAsync());
        ok.Headers.Location!.ToString().ShouldBe($"/admin/connexion/programmes/{id}");
        var p = await app.AvecDb(db => db.Set<ProgrammeConnexion>().SingleAsync(x => x.Id == id));
        (p.BudgetCentimes, p.PlafondMensuelCentimes, p.Regles).ShouldBe((1_250_000L, 3000L, "rsa,resident_qpv"));
        var offre = await app.AvecDb(db => db.Set<OffreConnexion>().SingleAsync(o => o.ProgrammeId == id));
        (offre.ValeurFacialeCentimes, offre.PrixPayeCentimes, offre.SubventionCentimes).ShouldBe((500L, 200L, 300L));

        // Edit: the offer withdrawn, a partner added; the programme's page links to the form.
        (await Formulaires.PageAsync(client, $"/admin/connexion/programmes/{id}")).QuerySelector($"a[href='/admin/connexion/programmes/edition/{id}']").ShouldNotBeNull();
        var edition = await Formulaires.PageAsync(client, $"/admin/connexion/programmes/edition/{id}");
        var r = await Formulaires.SoumettreAsync(client, edition.QuerySelector<IHtmlFormElement>("main form")!,
            [V("Saisie.Offres[0].Active", "false"), V("Saisie.Partenaires[1].Role", "bailleur"), V("Saisie.Partenaires[1].Nom", "Habitat Sud")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await app.AvecDb(db => db.Set<OffreConnexion>().SingleAsync(o => o.ProgrammeId == id))).Active.ShouldBeFalse();
        (await app.AvecDb(db => db.Set<PartenaireProgramme>().Where(x => x.ProgrammeId == id).OrderBy(x => x.Nom).Select(x => x.Nom).ToListAsync())).ShouldBe(["Habitat Sud", "Opérateur Sud"]);
        // A mediator cannot open the form.
        var mediateur = await Formulaires.ConnecterAsync(app, s.EmailMediateur, s.MotDePasseMediateur);
        var interdit = await mediateur.GetAsync($"/admin/connexion/programmes/edition/{id}");
        interdit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        interdit.Headers.Location!.ToString().ShouldContain("/acces-refuse");
    }

    [Fact]
    public async Task Renouveler_rembourser_et_desactiver_une_ligne_depuis_la_page_de_l_adhesion()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var id = await s.AdhererAsync(app);
        (await s.RechargerAsync(id, 1000, "BON-A")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.Gestion.PostAsJsonAsync($"/api/v1/connexion/adhesions/{id}/lignes", new { iccid = "8933150319000009876", numero = "0611223344", operateur = "Opérateur Sud", activeeLe = "2025-03-12" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var client = await Formulaires.ConnecterAsync(app, s.EmailMediateur, s.MotDePasseMediateur);
        var url = $"/admin/connexion/adhesions/{id}";
        var page = await Formulaires.PageAsync(client, url);
        var recharge = await app.AvecDb(db => db.Set<MouvementRecharge>().Where(m => m.AdhesionId == id).Select(m => m.Id).SingleAsync());

        // A cancelled voucher of 4 €: a new negative movement; the top-up itself is unchanged.
        var r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Rembourser"),
            [new("Mouvement", recharge.ToString()), new("TypeRemboursement", "bon_annule"), new("MontantRembourse", "4"), new("ReferenceRemboursement", "ANNUL-1")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await app.AvecDb(db => db.Set<MouvementRecharge>().Where(m => m.AdhesionId == id).OrderBy(m => m.Id).Select(m => m.MontantCentimes).ToListAsync())).ShouldBe([1000L, -400L]);
        page = await Formulaires.PageAsync(client, url);
        var trop = await Formulaires.SoumettreAsync(client, Formulaire(page, "Rembourser"), [new("Mouvement", recharge.ToString()), new("MontantRembourse", "7")]);
        trop.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await trop.Content.ReadAsStringAsync()).ShouldContain("Il reste 6,00");

        // The line is deactivated from the page; a date before its activation is refused.
        var ligne = await app.AvecDb(db => db.Set<LigneMobile>().Where(l => l.AdhesionId == id).Select(l => l.Id).SingleAsync());
        var avant = await Formulaires.SoumettreAsync(client, Formulaire(page, "Desactiver"), [new("Ligne", ligne.ToString()), new("DesactiveeLe", "2025-03-01")]);
        avant.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await avant.Content.ReadAsStringAsync()).ShouldContain("Date de désactivation entre le 12/03/2025");
        (await Formulaires.SoumettreAsync(client, Formulaire(page, "Desactiver"), [new("Ligne", ligne.ToString())])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<LigneMobile>().SingleAsync(l => l.Id == ligne))).DesactiveeLe.ShouldBe(new DateOnly(2025, 3, 12));

        // At the review, renewal from the page with a recent proof (the manager).
        app.Horloge.Regler(new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var gestion = await Formulaires.ConnecterAsync(app, s.EmailGestion, s.MotDePasseGestion);
        page = await Formulaires.PageAsync(gestion, url);
        var sans = await Formulaires.SoumettreAsync(gestion, Formulaire(page, "Renouveler"), []);
        sans.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sans.Content.ReadAsStringAsync()).ShouldContain("a expiré");
        (await Formulaires.SoumettreAsync(gestion, Formulaire(page, "Renouveler"), [new("DateJustificatif", "2025-11-15")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<Adhesion>().SingleAsync(a => a.Id == id))).Renouvellements.ShouldBe(1);
    }

    [Fact]
    public async Task Le_rapprochement_signale_les_mouvements_sans_reference_les_lignes_sans_recharge_et_les_ecarts()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var id = await s.AdhererAsync(app);
        (await s.RechargerAsync(id, 500, "BON-1")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.RechargerAsync(id, 500, "BON-2")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.RechargerAsync(id, 500, reference: null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = $"/api/v1/connexion/programmes/{s.Programme}";
        (await s.Mediateur.PostAsJsonAsync($"{url}/bons", new { offre = s.OffreRecharge, quantite = 100, recuLe = "2025-03-01", reference = "LOT-1" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The invoice pasted on the page: BON-2 invoiced 4 € instead of 5 €, BON-9 has no top-up.
        var client = await Formulaires.ConnecterAsync(app, s.EmailMediateur, s.MotDePasseMediateur);
        var page = await Formulaires.PageAsync(client, $"/admin/connexion/programmes/{s.Programme}/rapprochement");
        var facture = Formulaire(page, "Facture");
        var mauvaise = await Formulaires.SoumettreAsync(client, facture, [new("Operateur", "Opérateur Sud"), new("Numero", "F-2025-03"), new("DateFacture", "2025-03-31"),
            new("Lignes", "référence;montant;date\nBON-1;cinq;12/03/2025")]);
        mauvaise.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mauvaise.Content.ReadAsStringAsync()).ShouldContain("Ligne 2 : montant « cinq » illisible");
        var lignes = "référence;montant;date\nBON-1;5,00;12/03/2025\nBON-2;4,00;12/03/2025\nBON-9;5,00;12/03/2025";
        var r = await Formulaires.SoumettreAsync(client, facture, [new("Operateur", "Opérateur Sud"), new("Numero", "F-2025-03"), new("DateFacture", "2025-03-31"), new("Lignes", lignes)]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        // The same invoice twice: 409 on the API.
        var deux = await s.Mediateur.PostAsJsonAsync($"{url}/factures", new { operateur = "Opérateur Sud", numero = "F-2025-03", date = "2025-03-31", lignes = new[] { new { reference = "BON-1", montant = 500, date = "2025-03-12" } } });
        deux.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var rapport = await s.Mediateur.GetFromJsonAsync<JsonElement>($"{url}/rapprochement?du=2025-03-01&au=2025-03-31");
        rapport.GetProperty("sansReference").GetInt32().ShouldBe(1);
        rapport.GetProperty("ecarts").EnumerateArray().Select(e => (e.GetProperty("reference").GetString(), e.GetProperty("facture").GetInt64(), e.GetProperty("journal").GetInt64()))
            .ShouldBe([("BON-2", 400L, 500L)]);
        rapport.GetProperty("sansMouvement").EnumerateArray().Select(e => e.GetProperty("reference").GetString()).ShouldBe(["BON-9"]);
        rapport.GetProperty("nonFacturees").GetArrayLength().ShouldBe(0);
        rapport.GetProperty("stock").EnumerateArray().Single(x => x.GetProperty("offre").GetInt32() == s.OffreRecharge).GetProperty("restants").GetInt32().ShouldBe(97);
        page = await Formulaires.PageAsync(client, $"/admin/connexion/programmes/{s.Programme}/rapprochement?du=2025-03-01&au=2025-03-31");
        page.QuerySelector("#t-ecarts-table")!.TextContent.ShouldContain("BON-2");
        // Another structure's staff: refused.
        var ailleurs = (await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app))).Api;
        (await ailleurs.GetAsync($"{url}/rapprochement")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Les_indicateurs_s_exportent_en_csv_et_xlsx_a_la_vue_du_compte()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        var id = await s.AdhererAsync(app);
        (await s.RechargerAsync(id, 150_000 / 100)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = $"/api/v1/connexion/programmes/{s.Programme}/indicateurs";
        var csv = await s.Gestion.GetAsync($"{url}.csv?du=2025-03-01&au=2025-03-31");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = await csv.Content.ReadAsStringAsync();
        texte.ShouldContain("mars 2025");
        texte.ShouldContain("Personnes par motif d'éligibilité");
        texte.ShouldContain("masqué");
        var xlsx = await s.Gestion.GetAsync($"{url}.xlsx?du=2025-03-01&au=2025-03-31");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(ExportIndicateurs.TypeXlsx);
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        // The page shows months in words, amounts with the euro sign kept, and the download links.
        var client = await Formulaires.ConnecterAsync(app, s.EmailGestion, s.MotDePasseGestion);
        var page = await Formulaires.PageAsync(client, $"/admin/connexion/programmes/{s.Programme}/indicateurs?du=2025-03-01&au=2025-03-31");
        page.QuerySelector("#par-mois tbody th")!.TextContent.ShouldBe("mars 2025");
        page.QuerySelector($"a[href^='{url}.xlsx']").ShouldNotBeNull();
        // A mediator elsewhere has no view of it: 403.
        var ailleurs = (await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app))).Api;
        (await ailleurs.GetAsync($"{url}.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Un_operateur_partenaire_est_renvoye_vers_acces_refuse_sur_les_parts_du_diagnostic()
    {
        app.Horloge.Regler(Depart);
        var s = await ScenarioConnexion.CreerAsync(app);
        // An account of the programme's partner landlord (kind Operateur): it sees its programmes' aggregates, not the territory's diagnostics.
        var (email, mdp) = await app.CreerCompteAsync(Roles.Operateur);
        await app.AvecDb(async db =>
        {
            db.GestionsStructures.Add(new() { UtilisateurId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), StructureId = s.StructureBailleur });
            await db.SaveChangesAsync();
        });
        var operateur = await Formulaires.ConnecterAsync(app, email, mdp);
        var refus = await operateur.GetAsync("/admin/connexion/diagnostics");
        refus.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refus.Headers.Location!.ToString().ShouldContain("/acces-refuse");
        (await operateur.GetAsync(refus.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The team sees the page.
        var gestion = await Formulaires.ConnecterAsync(app, s.EmailGestion, s.MotDePasseGestion);
        (await gestion.GetAsync("/admin/connexion/diagnostics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
