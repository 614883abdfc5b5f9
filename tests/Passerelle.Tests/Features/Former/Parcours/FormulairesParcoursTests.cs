using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Former.Parcours.ScenarioParcours;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14, staff forms: programmes, cohorts and support-team members through the pages (Post-Redirect-Get, French errors)
/// and the API, managers of the school only.</summary>
public class FormulairesParcoursTests(AppFactory app) : IClassFixture<AppFactory>
{
    static IHtmlFormElement Form(AngleSharp.Dom.IDocument d, string selecteur = "main form[method=post]") => d.QuerySelector<IHtmlFormElement>(selecteur)!;

    [Fact]
    public async Task Programme_et_cohorte_crees_puis_modifies_par_le_responsable()
    {
        var e = await EcoleAsync(app);
        var resp = await Formulaires.ConnecterAsync(app, e.ResponsableEmail, e.ResponsableMdp);
        var index = await Formulaires.PageAsync(resp, "/parcours");
        index.QuerySelector("a[href='/parcours/programmes/edition']").ShouldNotBeNull();

        var page = await Formulaires.PageAsync(resp, "/parcours/programmes/edition");
        var vide = await Formulaires.SoumettreAsync(resp, Form(page), [new("Nom", ""), new("StructureId", e.StructureId.ToString())]);
        vide.StatusCode.ShouldBe(HttpStatusCode.OK);
        var erreurs = await Formulaires.DocumentAsync(vide);
        erreurs.QuerySelector("#erreurs")!.TextContent.ShouldContain("Indiquez le nom du programme.");
        erreurs.QuerySelector("#nom")!.GetAttribute("aria-invalid").ShouldBe("true");

        var ok = await Formulaires.SoumettreAsync(resp, Form(page), [new("Nom", "Data analyst"), new("StructureId", e.StructureId.ToString()),
            new("LabelDebut", "2025-01-01"), new("LabelFin", "2027-12-31"), new("Financeurs", "Métropole Test\r\nRégion Test\r\n")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var p = await app.AvecDb(db => db.Set<Programme>().SingleAsync(x => x.Nom == "Data analyst" && x.StructureId == e.StructureId));
        p.Financeurs.ShouldBe("Métropole Test|Région Test");

        var edition = await Formulaires.PageAsync(resp, $"/parcours/programmes/edition/{p.Id}");
        var inverse = await Formulaires.SoumettreAsync(resp, Form(edition), [new("LabelFin", "2024-06-30")]);
        (await Formulaires.DocumentAsync(inverse)).QuerySelector("#erreurs")!.TextContent.ShouldContain("La fin du label précède son début.");
        (await Formulaires.SoumettreAsync(resp, Form(edition), [new("Nom", "Data analyst (niveau 5)")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<Programme>().Where(x => x.Id == p.Id).Select(x => x.Nom).SingleAsync())).ShouldBe("Data analyst (niveau 5)");

        // A cohort of it: the dates in order, then the board; its edition keeps at least the admitted learners' places.
        var nouvelle = await Formulaires.PageAsync(resp, $"/parcours/cohortes/edition?programme={p.Id}");
        var dates = await Formulaires.SoumettreAsync(resp, Form(nouvelle), [new("Saisie.Nom", "Promo automne"), new("Saisie.Debut", "2025-10-01"), new("Saisie.Fin", "2025-09-01")]);
        (await Formulaires.DocumentAsync(dates)).QuerySelector("#erreurs")!.TextContent.ShouldContain("La fin de la session précède son début.");
        var creee = await Formulaires.SoumettreAsync(resp, Form(nouvelle), [new("Saisie.Nom", "Promo automne"), new("Saisie.Debut", "2025-10-01"), new("Saisie.Fin", "2026-04-30"),
            new("Saisie.HeuresPrevues", "900"), new("Saisie.Capacite", "18")]);
        creee.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cohorte = int.Parse(creee.Headers.Location!.ToString().Split('/').Last());
        var modif = await Formulaires.PageAsync(resp, $"/parcours/cohortes/edition/{cohorte}");
        (await Formulaires.SoumettreAsync(resp, Form(modif), [new("Saisie.Capacite", "20")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<Cohorte>().Where(c => c.Id == cohorte).Select(c => new { c.Capacite, c.HeuresPrevues }).SingleAsync())).ShouldBe(new { Capacite = 20, HeuresPrevues = 900 });

        // The board starts the session.
        var board = await Formulaires.PageAsync(resp, $"/parcours/cohortes/{cohorte}");
        (await Formulaires.SoumettreAsync(resp, Form(board, "#statut-cohorte"), [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<Cohorte>().Where(c => c.Id == cohorte).Select(c => c.Statut).SingleAsync())).ShouldBe("en_cours");

        // A mediator of the school neither opens these forms nor edits through the API.
        var mediateur = await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp);
        (await mediateur.GetAsync("/parcours/programmes/edition")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await mediateur.GetAsync($"/parcours/cohortes/edition/{cohorte}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await e.Referent.PutAsJsonAsync($"/api/v1/parcours/programmes/{p.Id}", new { nom = "X", structureId = e.StructureId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await e.Responsable.PutAsJsonAsync($"/api/v1/parcours/cohortes/{cohorte}", new { nom = "Promo automne", debut = "2025-10-01", fin = "2026-04-30", capacite = 0 }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Membres_de_l_equipe_dates_ajoutes_et_clos()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e);
        var resp = await Formulaires.ConnecterAsync(app, e.ResponsableEmail, e.ResponsableMdp);
        var fiche = await Formulaires.PageAsync(resp, $"/parcours/inscriptions/{id}");
        var ajout = await Formulaires.SoumettreAsync(resp, Form(fiche, "#membre"), [new("MediateurId", e.CipId.ToString()), new("Role", "cip")]);
        ajout.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        fiche = await Formulaires.PageAsync(resp, $"/parcours/inscriptions/{id}");
        fiche.QuerySelector("#equipe")!.TextContent.ShouldContain("Conseiller·ère en insertion professionnelle (CIP), depuis le 12/03/2025");
        var membre = await app.AvecDb(db => db.Set<MembreEquipe>().Where(m => m.InscriptionId == id && m.Role == "cip").Select(m => m.Id).SingleAsync());
        var sansMotif = await Formulaires.SoumettreAsync(resp, Form(fiche, "#fin-membre"), [new("MembreId", membre.ToString()), new("Le", "2025-03-12"), new("Motif", "")]);
        var doc = await Formulaires.DocumentAsync(sansMotif);
        doc.QuerySelector("#erreurs")!.TextContent.ShouldContain("Indiquez le motif de la fin de participation.");
        doc.QuerySelector("#fin-membre-motif")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await Formulaires.SoumettreAsync(resp, Form(fiche, "#fin-membre"), [new("MembreId", membre.ToString()), new("Le", "2025-03-12"), new("Motif", "Changement de poste")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<MembreEquipe>().Where(m => m.Id == membre).Select(m => m.MotifFin).SingleAsync())).ShouldBe("Changement de poste");

        // The API: closing twice is a 409, the referent is replaced and never closed, no member after the learner's last day.
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/equipe/{membre}/fin", new { le = "2025-03-12", motif = "Encore" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var referent = await app.AvecDb(db => db.Set<MembreEquipe>().Where(m => m.InscriptionId == id && m.Role == "referent").Select(m => m.Id).SingleAsync());
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/equipe/{referent}/fin", new { le = "2025-03-12", motif = "Départ" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/equipe", new { mediateurId = e.CipId, role = "social" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/sortie", new { statut = "termine", le = "2025-03-12" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var apres = await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/equipe", new { mediateurId = e.CipId, role = "social", debut = "2025-03-20" });
        apres.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await apres.Content.ReadAsStringAsync()).ShouldContain("dernier jour du parcours");
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/equipe", new { mediateurId = e.CipId, role = "social", debut = "2025-03-12" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Formulaire_public_ferme_et_journal_clos_apres_le_suivi()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e);
        // A finished cohort: the public page says it is closed instead of showing the form.
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/statut", new { statut = "terminee" })).EnsureSuccessStatusCode();
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), $"/parcours/candidater/{e.CohorteId}");
        page.QuerySelector("#candidatures-fermees")!.TextContent.ShouldContain("Les candidatures pour cette session sont fermées.");
        page.QuerySelector("main form").ShouldBeNull();

        // The journal: French labels for a wrong medium, a date inside the pathway, closed 7 months after the last day.
        var support = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-03-12", support = "pigeon", synthese = "x" });
        support.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await support.Content.ReadAsStringAsync()).ShouldContain("entretien (Entretien), telephone (Téléphone), visite (Visite)");
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-04-12", synthese = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/sortie", new { statut = "termine", le = "2025-03-12" })).EnsureSuccessStatusCode();
        try
        {
            app.Horloge.Regler(new DateTimeOffset(2025, 10, 12, 10, 0, 0, TimeSpan.Zero));
            var referent = await e.ReferentAsync(app);
            (await referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-10-12", synthese = "Appel à 6 mois" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            app.Horloge.Regler(new DateTimeOffset(2025, 10, 13, 10, 0, 0, TimeSpan.Zero));
            referent = await e.ReferentAsync(app);
            var clos = await referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-10-13", synthese = "Trop tard" });
            clos.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await clos.Content.ReadAsStringAsync()).ShouldContain("clos depuis le 12/10/2025");
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }

    [Fact]
    public async Task Effacement_sur_demande_anonymise_et_garde_les_agregats()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e, "Nora", "Efface");
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-03-12", synthese = "Premier entretien", notePrivee = "privé" })).EnsureSuccessStatusCode();
        var avant = await e.Responsable.GetFromJsonAsync<FicheParcoursDto>($"/api/v1/parcours/inscriptions/{id}");
        var indicateurs = await e.Responsable.GetStringAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/indicateurs");

        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/effacement", new { confirmation = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var sans = await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/effacement", new { confirmation = false });
        sans.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await sans.Content.ReadAsStringAsync()).ShouldContain("Cochez la case");
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/effacement", new { confirmation = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var apres = (await e.Responsable.GetFromJsonAsync<FicheParcoursDto>($"/api/v1/parcours/inscriptions/{id}"))!;
        (apres.Apprenant.Anonymise, apres.Apprenant.Nom, apres.Apprenant.Courriel, apres.Journal.Count).ShouldBe((true, "Personne anonymisée", (string?)null, 0));
        apres.Lien.ShouldNotBe(avant!.Lien);
        (await app.ClientAnonyme().GetAsync(avant.Lien)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await e.Responsable.GetStringAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/indicateurs")).ShouldBe(indicateurs);
        (await e.Responsable.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/effacement", new { confirmation = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
