using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Former.Parcours.ScenarioParcours;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14, defects found by a fresh tester (ninth session), on SQLite and PostgreSQL: helpers' own outcome list validated per
/// programme nature (school's grant report unchanged by helpers), outcome dates bounded by today and by the moment's window, signed
/// sheets of future sessions refused, next-step and agreement dates bounded below, API errors listing codes, keyed by JSON field, all at once.</summary>
public class ResultatsEtDatesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static async Task<Dictionary<string, string[]>> ErreursAsync(HttpResponseMessage r)
    {
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    static async Task<int> CohorteAidantsAsync(AppFactory app, Ecole e)
    {
        var p = await e.Responsable.PostAsJsonAsync("/api/v1/parcours/programmes", new { nom = "Aidants de premier niveau", structureId = e.StructureId, financeurs = new[] { Financeur } });
        p.StatusCode.ShouldBe(HttpStatusCode.Created, await p.Content.ReadAsStringAsync());
        var programme = (await p.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await app.AvecDb(db => db.Set<Programme>().Where(x => x.Id == programme).ExecuteUpdateAsync(s => s.SetProperty(x => x.Nature, Programme.NatureAidants)));
        var c = await e.Responsable.PostAsJsonAsync("/api/v1/parcours/cohortes", new
        {
            programmeId = programme, nom = "Aidants printemps 2025", debut = "2025-04-01", fin = "2025-05-31", heuresPrevues = 35, capacite = 12,
            lieu = "Marseille", recrutementDebut = "2025-02-01", recrutementFin = "2025-03-25",
        });
        c.StatusCode.ShouldBe(HttpStatusCode.Created, await c.Content.ReadAsStringAsync());
        return (await c.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    static object Resultat(string moment, string type, string date, string source = "declaratif") => new { moment, type, date, source };

    [Fact]
    public async Task Les_aidants_ont_leur_liste_de_resultats_et_le_rapport_de_l_ecole_ne_les_compte_pas()
    {
        app.Horloge.Regler(Depart);
        var e = await EcoleAsync(app);
        var aidants = await CohorteAidantsAsync(app, e);
        var aidant = await AdmisAsync(app, e with { CohorteId = aidants }, "Aidante", "Resultat");
        var apprenant = await AdmisAsync(app, e, "Apprenant", "Resultat");
        foreach (var id in new[] { aidant, apprenant })
            (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/sortie", new { statut = "termine", le = "2025-03-12" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A school type for a helper, a helper type for a learner: 400 listing the codes of the right list.
        var erreurs = await ErreursAsync(await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{aidant}/resultats", Resultat("sortie", "CDI", "2025-03-12")));
        erreurs["Type"][0].ShouldContain("AIDE_ASSOCIATION");
        erreurs["Type"][0].ShouldContain("HABILITE_AC");
        erreurs["Type"][0].ShouldNotContain("CDD_6_PLUS");
        erreurs = await ErreursAsync(await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{apprenant}/resultats", Resultat("sortie", "HABILITE_AC", "2025-03-12")));
        erreurs["Type"][0].ShouldContain("CDD_6_PLUS");
        erreurs["Type"][0].ShouldNotContain("AIDE_ASSOCIATION");

        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{aidant}/resultats", Resultat("sortie", "AIDE_ASSOCIATION", "2025-03-12"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{apprenant}/resultats", Resultat("sortie", "SANS_SOLUTION", "2025-03-12"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        app.Horloge.Regler(new DateTimeOffset(2025, 6, 20, 10, 0, 0, TimeSpan.Zero));
        var referent = await e.ReferentAsync(app);
        (await referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{aidant}/resultats", Resultat("3mois", "A_QUITTE", "2025-06-15"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The helpers' cohort counts its own positive rule: practising at exit is positive, gone at 3 months is not.
        var ind = await referent.GetFromJsonAsync<JsonElement>($"/api/v1/parcours/cohortes/{aidants}/indicateurs");
        var sp = ind.GetProperty("sortiesPositives");
        (sp.GetProperty("sortie").GetProperty("n").GetInt32(), sp.GetProperty("sortie").GetProperty("d").GetInt32()).ShouldBe((1, 1));
        (sp.GetProperty("3mois").GetProperty("n").GetInt32(), sp.GetProperty("3mois").GetProperty("d").GetInt32()).ShouldBe((0, 1));

        // The school's grant report counts the school's programme only: one learner, no positive exit.
        var mesures = await app.AvecDb(db => new MesuresParcours().MesurerAsync(db, new PerimetreMesure(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), e.StructureId, null, false),
            [MesuresParcours.Apprenants, MesuresParcours.SortiesPositivesSortie], app.Horloge, CancellationToken.None));
        mesures[MesuresParcours.Apprenants].ShouldBe(1m);
        mesures[MesuresParcours.SortiesPositivesSortie].ShouldBe(0m);

        // Pages: the helper's outcome form offers the helpers' list; the progress pages show the outcomes.
        var equipe = await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp);
        var fiche = await Formulaires.PageAsync(equipe, $"/parcours/inscriptions/{aidant}");
        fiche.QuerySelector("#resultats")!.TextContent.ShouldContain("À 3 mois : A quitté l'association");
        var options = fiche.QuerySelectorAll("#resultat-type option").Select(o => o.GetAttribute("value")).ToList();
        options.ShouldContain("HABILITE_AC");
        options.ShouldNotContain("CDI");
        (await Formulaires.PageAsync(equipe, $"/parcours/inscriptions/{apprenant}")).QuerySelectorAll("#resultat-type option").Select(o => o.GetAttribute("value")).ShouldContain("CDI");
        var progression = await Formulaires.PageAsync(equipe, "/parcours/aidants");
        progression.QuerySelector("#aidants")!.TextContent.ShouldContain("À 3 mois : A quitté l'association");
        progression.QuerySelector("#associations")!.TextContent.ShouldContain("0 sur 1");
        (await Formulaires.PageAsync(equipe, $"/parcours/aidants/inscriptions/{aidant}")).QuerySelector("#resultats-aidant")!.TextContent
            .ShouldContain("À la sortie : Pratique l'aide numérique de premier niveau dans son association (le 12/03/2025)");
    }

    [Fact]
    public async Task La_date_d_un_resultat_ne_depasse_pas_aujourd_hui_et_tombe_dans_la_fenetre_du_moment()
    {
        app.Horloge.Regler(Depart);
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e, "Date", "Resultat");
        var autre = await AdmisAsync(app, e, "Date", "Page");
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/sortie", new { statut = "termine", le = "2025-03-12" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // An exit is recorded on the last day or after it, never ahead.
        var future = await ErreursAsync(await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{autre}/sortie", new { statut = "termine", le = "2025-08-20" }));
        future["Le"][0].ShouldBe("La date de sortie ne peut pas dépasser aujourd'hui.");
        var url = $"/api/v1/parcours/inscriptions/{id}/resultats";
        (await ErreursAsync(await e.Referent.PostAsJsonAsync(url, Resultat("sortie", "CDI", "2025-03-13"))))["Date"][0].ShouldContain("aujourd'hui au plus tard");

        // Every wrong field at once, the codes to send listed.
        var tout = await ErreursAsync(await e.Referent.PostAsJsonAsync(url, Resultat("12mois", "CDD", "2030-01-01", "oui")));
        tout.Keys.Order().ShouldBe(["Date", "Moment", "Source", "Type"]);
        tout["Source"][0].ShouldContain("declaratif (Déclaratif), justificatif (Justificatif vu)");
        tout["Type"][0].ShouldContain("CDD_MOINS_6");

        app.Horloge.Regler(new DateTimeOffset(2025, 8, 20, 10, 0, 0, TimeSpan.Zero));
        var referent = await e.ReferentAsync(app);
        (await referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{autre}/sortie", new { statut = "termine", le = "2025-08-20" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A « 6 mois » measure dated on the exit day, a « 3 mois » one two weeks after exit, an exit one in August: outside their windows.
        (await ErreursAsync(await referent.PostAsJsonAsync(url, Resultat("6mois", "CDI", "2025-03-12"))))["Date"][0].ShouldContain("du 12/08/2025 au 12/10/2025");
        (await ErreursAsync(await referent.PostAsJsonAsync(url, Resultat("3mois", "CDI", "2025-03-26"))))["Date"][0].ShouldContain("du 12/05/2025 au 12/07/2025");
        (await ErreursAsync(await referent.PostAsJsonAsync(url, Resultat("sortie", "CDI", "2025-08-01"))))["Date"][0].ShouldContain("du 12/03/2025 au 12/04/2025");
        (await referent.PostAsJsonAsync(url, Resultat("sortie", "FORMATION", "2025-03-12"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await referent.PostAsJsonAsync(url, Resultat("3mois", "CDD_MOINS_6", "2025-06-10"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await referent.PostAsJsonAsync(url, Resultat("6mois", "CDI", "2025-08-20"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.AvecDb(db => db.Set<Passerelle.Features.Former.Parcours.Resultat>().CountAsync(r => r.InscriptionId == id))).ShouldBe(3);

        // The page: the error next to the date field.
        var equipe = await Formulaires.ConnecterAsync(app, e.ReferentEmail, e.ReferentMdp);
        var fiche = await Formulaires.PageAsync(equipe, $"/parcours/inscriptions/{autre}");
        var reponse = await Formulaires.SoumettreAsync(equipe, fiche.QuerySelector<IHtmlFormElement>("#resultat")!, [new("Moment", "6mois"), new("Type", "CDI"), new("Le", "2025-08-20")]);
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(reponse);
        doc.QuerySelector("#resultat-le")!.GetAttribute("aria-invalid").ShouldBe("true");
        doc.QuerySelector("#erreurs")!.TextContent.ShouldContain("la mesure est datée du 20/01/2026 au 20/03/2026");
        doc.QuerySelector("#erreurs a[href='#resultat-le']").ShouldNotBeNull();
        var demain = await Formulaires.SoumettreAsync(equipe, fiche.QuerySelector<IHtmlFormElement>("#resultat")!, [new("Moment", "sortie"), new("Type", "CDI"), new("Le", "2025-08-21")]);
        (await Formulaires.DocumentAsync(demain)).QuerySelector("#erreurs")!.TextContent.ShouldContain("aujourd'hui au plus tard");
    }

    [Fact]
    public async Task Feuille_d_une_seance_a_venir_refusee()
    {
        app.Horloge.Regler(Depart);
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e, "Feuille", "Future");
        app.Horloge.Regler(new DateTimeOffset(2025, 4, 8, 10, 0, 0, TimeSpan.Zero)); // the course started a week ago
        e = e with { Referent = await e.ReferentAsync(app) };
        var feuille = (string le) => new { le, seance = "matin", heures = 3m, signeePar = "Formatrice Test", lignes = new[] { new { inscriptionId = id, statut = "present" } } };
        var erreurs = await ErreursAsync(await e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", feuille("2025-04-09")));
        erreurs["Le"][0].ShouldContain("séance passée");
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/cohortes/{e.CohorteId}/presences", feuille("2025-04-08"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.AvecDb(db => db.Set<FeuillePresence>().CountAsync(f => f.CohorteId == e.CohorteId))).ShouldBe(1);
    }

    [Fact]
    public async Task Echeance_de_prochaine_etape_et_accord_d_objectif_bornes_par_la_candidature()
    {
        app.Horloge.Regler(Depart);
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e, "Bornes", "Dates");
        var j = await ErreursAsync(await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal",
            new { le = "2025-03-12", support = "entretien", synthese = "Point", prochaineEtape = "Relancer", prochaineEtapeLe = "2019-01-01" }));
        j["ProchaineEtapeLe"][0].ShouldContain("jamais avant la candidature");
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal",
            new { le = "2025-03-12", support = "entretien", synthese = "Point", prochaineEtape = "Relancer", prochaineEtapeLe = "2025-03-20" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var o = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs", new { axe = "projet", intitule = "Choisir un métier", accord = false });
        var objectif = (await o.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var a = await ErreursAsync(await e.Referent.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs/{objectif}", new { statut = "atteint", accordLe = "1900-01-01" }));
        a["AccordLe"][0].ShouldContain("candidature du 12/03/2025");
        (await e.Referent.PutAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/objectifs/{objectif}", new { statut = "atteint", accordLe = "2025-03-12" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An action's errors: keyed by the JSON fields, every field at once, the codes listed.
        var act = await ErreursAsync(await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/plan/actions", new { objectifId = 0, intitule = "", statut = "finie" }));
        act.Keys.Order().ShouldBe(["Intitule", "ObjectifId", "Statut"]);
        act["Statut"][0].ShouldContain("planifiee (Planifiée)");
        var s = await ErreursAsync(await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-03-12", support = "pigeon", synthese = "Point" }));
        s["Support"][0].ShouldContain("telephone (Téléphone)");
    }
}
