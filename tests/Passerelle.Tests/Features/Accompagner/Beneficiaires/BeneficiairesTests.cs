using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Beneficiaires;

public class BeneficiairesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static object Suivie(string prenom, string nom, string? telephone = null, int? annee = 1956, string? qpv = null, string? commune = "Port-Saint-Louis-du-Rhône") =>
        new { suivi = true, prenom, nom, telephone, anneeNaissance = annee, genre = "Féminin", statut = "Retraité", commune, codePostal = "13230", codeQpv = qpv, consentement = true };

    static async Task<int> CreerAsync(HttpClient api, object fiche)
    {
        var r = await api.PostAsJsonAsync("/api/v1/beneficiaires", fiche);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CreeDto>())!.Id;
    }

    [Fact]
    public async Task Une_fiche_n_est_ouverte_qu_a_sa_structure_et_chaque_ouverture_est_journalisee()
    {
        var (a, b) = (await Scenario.StructureAsync(app), await Scenario.StructureAsync(app));
        var mediatriceA = await Scenario.EquipierAsync(app, a);
        var gestionnaireA = await Scenario.EquipierAsync(app, a, Roles.Gestionnaire);
        var mediatriceB = await Scenario.EquipierAsync(app, b);
        var gestionnaireB = await Scenario.EquipierAsync(app, b, Roles.Gestionnaire);
        var id = await CreerAsync(mediatriceA.Api, Suivie("Josiane", "Martin", "06 11 22 33 44"));

        (await mediatriceA.Api.GetAsync($"/api/v1/beneficiaires/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fiche = await gestionnaireA.Api.GetFromJsonAsync<BeneficiaireDto>($"/api/v1/beneficiaires/{id}");
        (fiche!.Nom, fiche.Telephone, fiche.TrancheAge).ShouldBe(("Martin", "+33611223344", "60 - 69 ans"));
        (await mediatriceB.Api.GetAsync($"/api/v1/beneficiaires/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gestionnaireB.Api.GetAsync($"/api/v1/beneficiaires/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await mediatriceB.Api.GetFromJsonAsync<List<BeneficiaireResume>>("/api/v1/beneficiaires"))!.ShouldNotContain(x => x.Id == id);
        (await mediatriceA.Api.GetFromJsonAsync<List<BeneficiaireResume>>("/api/v1/beneficiaires?q=martin"))!.ShouldContain(x => x.Id == id);
        // Coordinators (administrators) and funders see aggregates only.
        foreach (var role in new[] { Roles.Administrateur, Roles.Financeur })
        {
            var c = await app.ClientApiAsync(role);
            (await c.GetAsync($"/api/v1/beneficiaires/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await c.GetAsync("/api/v1/beneficiaires")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        // The other structure cannot change, merge or erase it either.
        (await mediatriceB.Api.PutAsJsonAsync($"/api/v1/beneficiaires/{id}", Suivie("X", "Y"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await mediatriceB.Api.DeleteAsync($"/api/v1/beneficiaires/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var journal = await app.AvecDb(db => db.Journal.Where(j => j.Objet == "Beneficiaire" && j.ObjetId == id).OrderBy(j => j.Id).ToListAsync());
        journal.Select(j => j.Action).ShouldBe(["Création", "Consultation", "Consultation"]);
        journal[1].Utilisateur.ShouldBe(mediatriceA.Email);
        journal[2].Utilisateur.ShouldBe(gestionnaireA.Email);
        journal.ShouldAllBe(j => j.Le == new DateTime(2025, 3, 12, 10, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Un_suivi_demande_le_consentement_et_une_fiche_anonyme_ne_garde_aucune_identite()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var sans = await m.Api.PostAsJsonAsync("/api/v1/beneficiaires", new { suivi = true, prenom = "Jean", nom = "Sans", consentement = false });
        sans.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await sans.Content.ReadAsStringAsync()).ShouldContain("accord");
        var hors = await m.Api.PostAsJsonAsync("/api/v1/beneficiaires", new { suivi = false, genre = "Autre" });
        hors.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var qpvInconnu = await m.Api.PostAsJsonAsync("/api/v1/beneficiaires", new { suivi = false, commune = "Arles", codeQpv = "QN99999Z" });
        qpvInconnu.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var id = await CreerAsync(m.Api, new { suivi = false, prenom = "Ne", nom = "Pas garder", telephone = "0611223344", anneeNaissance = 2010, genre = "Masculin", statut = "Scolarisé", commune = "Arles" });
        var b = await app.AvecDb(db => db.Beneficiaires.SingleAsync(x => x.Id == id));
        (b.Nom, b.Prenom, b.Telephone, b.Genre, b.AnneeNaissance).ShouldBe((null, null, null, "Masculin", 2010));
        // The database refuses a followed file without consent even if the code forgot.
        await Should.ThrowAsync<DbUpdateException>(() => app.AvecDb(async db =>
        {
            db.Beneficiaires.Add(new Beneficiaire { StructureId = b.StructureId, Suivi = true, Nom = "Sans accord", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Les_doublons_sont_detectes_et_fusionnes_avec_leurs_accompagnements()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var a = await CreerAsync(m.Api, Suivie("Josiane", "Martin", "06 11 22 33 44"));
        var b = await CreerAsync(m.Api, Suivie("Josianne", "Martin", "06 11 22 33 44", annee: null));
        var c = await CreerAsync(m.Api, Suivie("Martin", "Josiane", null, annee: 1956)); // first and last name swapped, same birth year
        var autre = await CreerAsync(m.Api, Suivie("Paul", "Durand", "06 11 22 33 44"));
        var doublons = (await m.Api.GetFromJsonAsync<List<Doublon>>("/api/v1/beneficiaires/doublons"))!;
        // b and c share neither contact nor birth year: names alone are not enough.
        doublons.Select(d => (d.A.Id, d.B.Id)).Order().ShouldBe(new[] { (a, b), (a, c) }.Order());
        doublons.ShouldNotContain(d => d.A.Id == autre || d.B.Id == autre);

        foreach (var (personne, date) in new[] { (a, "2025-03-10"), (b, "2025-03-11") })
            (await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date, duree = 30, typeLieu = "À distance",
                themes = new[] { "E-mail" }, beneficiaireId = personne })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var atelier = await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Atelier collectif", date = "2025-03-11", duree = 120, typeLieu = "À distance",
            themes = new[] { "E-mail" }, participants = new[] { a, b }, participantsAnonymes = 3 });
        atelier.StatusCode.ShouldBe(HttpStatusCode.Created, await atelier.Content.ReadAsStringAsync());
        (await m.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{b}/orientations", new { categorie = "Autre", destinataire = "CCAS", motif = "Aide sociale" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await m.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{a}/fusion", new { absorberId = b })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await m.Api.GetAsync($"/api/v1/beneficiaires/{b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var fiche = (await m.Api.GetFromJsonAsync<BeneficiaireDto>($"/api/v1/beneficiaires/{a}"))!;
        fiche.Accompagnements.ShouldBe(3); // two individual records and one workshop (attended once, not twice)
        fiche.Orientations.Count.ShouldBe(1);
        await app.AvecDb(async db =>
        {
            var w = await db.Activites.SingleAsync(x => x.Type == "Atelier collectif" && x.Participants.Any(p => p.BeneficiaireId == a));
            (w.ParticipantsNommes, await db.ParticipantsActivites.CountAsync(p => p.ActiviteId == w.Id)).ShouldBe((1, 1));
            (await db.Journal.AnyAsync(j => j.Action == "Fusion" && j.ObjetId == a)).ShouldBeTrue();
        });
    }

    [Fact]
    public async Task Les_personnes_nouvelles_et_revenues_sont_comptees_selon_les_bornes_de_la_periode()
    {
        var s = await Scenario.StructureAsync(app);
        var m = await Scenario.EquipierAsync(app, s);
        var ancienne = await CreerAsync(m.Api, Suivie("Ancienne", "Personne", annee: 1950, qpv: "QN01371N"));
        var nouvelle = await CreerAsync(m.Api, Suivie("Nouvelle", "Personne", annee: 1990, commune: "Arles"));
        async Task Acc(int personne, string date) => (await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date, duree = 30,
            typeLieu = "À distance", themes = new[] { "E-mail" }, beneficiaireId = personne })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Acc(ancienne, "2025-01-15");
        await Acc(ancienne, "2025-03-01");
        await Acc(nouvelle, "2025-03-02");
        (await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Atelier collectif", date = "2025-03-03", duree = 120, typeLieu = "À distance", themes = new[] { "E-mail" },
            participants = new[] { ancienne }, participantsAnonymes = 4,
            decomptesAnonymes = new[] { new { critere = "Genre", valeur = "Masculin", nombre = 3 }, new { critere = "Tranche d'âge", valeur = "70 ans et plus", nombre = 4 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var mars = (await admin.GetFromJsonAsync<Tableau>($"/api/v1/statistiques?du=2025-03-01&au=2025-03-31&structure={s}"))!;
        (mars.Accompagnements, mars.Ateliers, mars.Beneficiaires, mars.BeneficiairesSuivis, mars.BeneficiairesAnonymes, mars.NouveauxBeneficiaires).ShouldBe((7, 1, 6, 2, 4, 1));
        mars.ParGenre.ShouldContain(new LignePersonnes("Masculin", 3));
        mars.ParGenre.ShouldContain(new LignePersonnes("Féminin", 2));
        mars.ParGenre.ShouldContain(new LignePersonnes("Non communiqué", 1));
        mars.ParTrancheAge.ShouldContain(new LignePersonnes("70 ans et plus", 5)); // born 1950 + four anonymous
        mars.Qpv.Single(l => l.Libelle == "QPV").Accompagnements.ShouldBe(2); // one individual, one workshop participant
        mars.Qpv.Single(l => l.Libelle == "Hors QPV").Accompagnements.ShouldBe(1);
        var janvier = (await admin.GetFromJsonAsync<Tableau>($"/api/v1/statistiques?du=2025-01-01&au=2025-03-31&structure={s}"))!;
        janvier.NouveauxBeneficiaires.ShouldBe(2);
        var qpv = (await admin.GetFromJsonAsync<Tableau>($"/api/v1/statistiques?du=2025-03-01&au=2025-03-31&structure={s}&qpv=oui"))!;
        (qpv.Accompagnements, qpv.Beneficiaires).ShouldBe((2, 1)); // the workshop counts only its QPV participant
        var horsQpv = (await admin.GetFromJsonAsync<Tableau>($"/api/v1/statistiques?du=2025-03-01&au=2025-03-31&structure={s}&qpv=non"))!;
        horsQpv.Accompagnements.ShouldBe(1);
        (await admin.GetAsync("/api/v1/statistiques?qpv=peut-etre")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Orientations_et_diagnostics_donnent_resultats_et_progression()
    {
        var s = await Scenario.StructureAsync(app);
        var m = await Scenario.EquipierAsync(app, s);
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var id = await CreerAsync(m.Api, Suivie("Personne", $"Numéro{i}", annee: 1960 + i));
            ids.Add(id);
            (await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = "2025-03-05", duree = 60, typeLieu = "À distance",
                themes = new[] { "E-mail" }, beneficiaireId = id })).StatusCode.ShouldBe(HttpStatusCode.Created);
            var d1 = await m.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{id}/diagnostics", new { date = "2025-01-10", niveaux = new Dictionary<string, int> { ["2.1"] = 0, ["4.1"] = 1 } });
            d1.StatusCode.ShouldBe(HttpStatusCode.Created, await d1.Content.ReadAsStringAsync());
            (await m.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{id}/diagnostics", new { date = "2025-03-10", niveaux = new Dictionary<string, int> { ["2.1"] = i < 3 ? 2 : 0 } }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            var o = await m.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{id}/orientations", new { categorie = "Structure d'aide aux démarches administratives (France Services…)", destinataire = "France Services", motif = "Carte grise" });
            var oid = (await o.Content.ReadFromJsonAsync<CreeDto>())!.Id;
            (await m.Api.PutAsJsonAsync($"/api/v1/beneficiaires/orientations/{oid}/resultat", new { resultat = i < 4 ? "Aboutie" : "Non aboutie", le = "2025-03-12" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        (await m.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{ids[0]}/diagnostics", new { niveaux = new Dictionary<string, int> { ["9.9"] = 1 } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await m.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{ids[0]}/diagnostics", new { niveaux = new Dictionary<string, int> { ["1.1"] = 4 } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await m.Api.PutAsJsonAsync($"/api/v1/beneficiaires/orientations/1/resultat", new { resultat = "Peut-être" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // an unknown outcome is bad input, before any access check

        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var t = (await admin.GetFromJsonAsync<Tableau>($"/api/v1/statistiques?du=2025-01-01&au=2025-03-31&structure={s}"))!;
        t.ResultatsOrientations.ShouldBe([new LignePersonnes("Aboutie", 4), new LignePersonnes("Non aboutie", 1)]);
        var c = t.Competences.Single(x => x.Code == "2.1");
        (c.Personnes, c.NiveauInitial, c.NiveauActuel, c.EnProgres).ShouldBe((5, 0, 1.2, 3));
        t.Competences.ShouldNotContain(x => x.Code == "4.1"); // assessed once only: no progression to show
        var financeur = await app.ClientApiAsync(Roles.Financeur);
        var masque = (await financeur.GetFromJsonAsync<Tableau>($"/api/v1/statistiques?du=2025-01-01&au=2025-03-31&structure={s}"))!;
        masque.ResultatsOrientations.ShouldBe([new LignePersonnes("Aboutie", null), new LignePersonnes("Non aboutie", null)]); // under 5: masked, written null (never -1)
    }

    [Fact]
    public async Task Effacement_sur_demande_et_anonymisation_apres_24_mois_sans_activite()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var demande = await CreerAsync(m.Api, Suivie("Efface", "Moi", "0611223344"));
        var export = await m.Api.GetAsync($"/api/v1/beneficiaires/{demande}/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsStringAsync()).ShouldContain("Moi");
        (await m.Api.DeleteAsync($"/api/v1/beneficiaires/{demande}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var effacee = await app.AvecDb(db => db.Beneficiaires.SingleAsync(b => b.Id == demande));
        (effacee.Nom, effacee.Telephone, effacee.Suivi, effacee.AnneeNaissance).ShouldBe((null, null, false, 1956));
        (await app.AvecDb(db => db.Journal.Where(j => j.ObjetId == demande && j.Objet == "Beneficiaire").Select(j => j.Action).ToListAsync()))
            .ShouldBe(["Création", "Consultation", "Export RGPD", "Effacement"]);

        // A record of the person, changed once: its journal holds the old → new procedure name until the erasure.
        var avecCompteRendu = await CreerAsync(m.Api, Suivie("Journal", "Efface", "0611223355"));
        object CompteRendu(string demarche) => new { type = "Accompagnement individuel", date = "2025-03-11", duree = 30, typeLieu = "Lieu d'activité", lieuId = m.LieuId,
            beneficiaireId = avecCompteRendu, themes = new[] { "Aide aux démarches administratives" }, themesDemarches = new[] { "Argent - Impôts" }, nomDemarche = demarche };
        var cr = await m.Api.PostAsJsonAsync("/api/v1/activites", CompteRendu("Dossier RSA de Mme Efface"));
        cr.StatusCode.ShouldBe(HttpStatusCode.Created, await cr.Content.ReadAsStringAsync());
        var crId = (await cr.Content.ReadFromJsonAsync<Passerelle.Features.Accompagner.Activites.ActiviteCreeeDto>())!.Id;
        (await m.Api.PutAsJsonAsync($"/api/v1/activites/{crId}", CompteRendu("Dossier CAF rue des Lilas"))).IsSuccessStatusCode.ShouldBeTrue();
        async Task<string> DetailsJournal() => string.Join(" | ", await app.AvecDb(db => db.Journal
            .Where(j => (j.Objet == "Activite" && j.ObjetId == crId) || (j.Objet == "Beneficiaire" && j.ObjetId == avecCompteRendu)).Select(j => j.Details ?? "").ToListAsync()));
        (await DetailsJournal()).ShouldContain("rue des Lilas");
        (await m.Api.DeleteAsync($"/api/v1/beneficiaires/{avecCompteRendu}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var apres = await DetailsJournal();
        apres.ShouldNotContain("Lilas");
        apres.ShouldNotContain("RSA");
        (await app.AvecDb(db => db.Journal.CountAsync(j => j.Objet == "Activite" && j.ObjetId == crId))).ShouldBe(2); // who and when stay

        var inactive = await CreerAsync(m.Api, Suivie("Inactive", "Depuis"));
        var active = await CreerAsync(m.Api, Suivie("Active", "Recente"));
        // The second person was helped again in January 2026.
        await app.AvecDb(db => db.Beneficiaires.Where(b => b.Id == active).ExecuteUpdateAsync(u => u.SetProperty(b => b.DerniereActiviteLe, new DateTime(2026, 1, 10, 10, 0, 0, DateTimeKind.Utc))));
        try
        {
            app.Horloge.Regler(new DateTimeOffset(2027, 3, 13, 10, 0, 0, TimeSpan.Zero)); // 24 months + 1 day after the first file's last activity
            var n = await app.AvecDb(db => AnonymiserFiches.ExecuterAsync(db, app.Horloge, 24, CancellationToken.None));
            n.ShouldBeGreaterThanOrEqualTo(1); // other tests of this class share the database
            await app.AvecDb(async db =>
            {
                (await db.Beneficiaires.SingleAsync(b => b.Id == inactive)).AnonymiseLe.ShouldNotBeNull();
                (await db.Beneficiaires.SingleAsync(b => b.Id == inactive)).Nom.ShouldBeNull();
                (await db.Beneficiaires.SingleAsync(b => b.Id == active)).Nom.ShouldBe("Recente");
            });
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }

    [Fact]
    public async Task Import_csv_tout_ou_rien_puis_export()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var modele = await m.Api.GetStringAsync("/api/v1/beneficiaires/modele.csv");
        async Task<HttpResponseMessage> Importer(string csv)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "fichier", "fiches.csv" } };
            return await m.Api.PostAsync("/api/v1/beneficiaires/import", form);
        }
        var faux = modele.TrimStart('\uFEFF') + "oui,Sans,Accord,,,1970,Féminin,Retraité,Arles,13200,,non,\nnon,,,,,19x0,Masculin,,,,,,\n";
        var r = await Importer(faux);
        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var rapport = (await r.Content.ReadFromJsonAsync<RapportImportBeneficiaires>())!;
        rapport.Erreurs.Count.ShouldBe(2);
        rapport.Erreurs[0].ShouldContain("Ligne 4");
        rapport.Erreurs[1].ShouldContain("annee_naissance");
        (await m.Api.GetFromJsonAsync<List<BeneficiaireResume>>("/api/v1/beneficiaires"))!.ShouldBeEmpty();

        var ok = await Importer(modele);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadFromJsonAsync<RapportImportBeneficiaires>())!.Crees.ShouldBe(2);
        var export = (await m.Api.GetStringAsync("/api/v1/beneficiaires/export.csv")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        export.Length.ShouldBe(3);
        export[1].ShouldContain("Camille");
        export[1].ShouldContain("QN01371N");
    }

    [Fact]
    public async Task Export_coop_et_xlsx_des_statistiques()
    {
        var s = await Scenario.StructureAsync(app);
        var m = await Scenario.EquipierAsync(app, s);
        var p = await CreerAsync(m.Api, Suivie("Coop", "Export"));
        (await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = "2025-03-05", duree = 45, typeLieu = "Lieu d'activité", lieuId = m.LieuId,
            themes = new[] { "E-mail", "Santé" }, materiel = new[] { "Ordinateur" }, autonomie = "Autonome", beneficiaireId = p, orientation = "Autre" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var csv = (await m.Api.GetStringAsync("/api/v1/activites/export-coop.csv")).TrimStart('\uFEFF');
        var lignes = Passerelle.Web.Csv.Lire(new StringReader(csv), ',').Select(l => l.Champs).ToList();
        lignes[0].ShouldBe(Passerelle.Features.Accompagner.Activites.ExportCoop.Colonnes);
        var l = lignes[1];
        string C(string colonne) => l[lignes[0].IndexOf(colonne)];
        (C("Date"), C("Type"), C("Participants"), C("Bénéficiaire"), C("Canaux d’accompagnement"), C("Durée (min)"), C("Thématique(s) d’accompagnement"),
            C("Niveau d’autonomie (ou de l’atelier)"), C("Bénéficiaire réorienté"), C("Structure de redirection"), C("Genre du bénéficiaire"), C("Tranche d’âge du bénéficiaire"))
            .ShouldBe(("05/03/2025", "Accompagnement individuel", "1", "Coop Export", "Lieu d’activité", "45", "E-mail\nSanté", "3/3", "Oui", "Autre", "Féminin", "60 - 69 ans"));

        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var xlsx = await admin.GetAsync($"/api/v1/statistiques.xlsx?du=2025-03-01&structure={s}&qpv=non");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var cellules = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text).ToList();
        cellules.ShouldContain("du=2025-03-01");
        cellules.ShouldContain("qpv=non");
        cellules.ShouldContain($"structure={s}");
        cellules.ShouldNotContain("Coop Export"); // never a name in statistics
    }

    [Fact]
    public async Task Les_modifications_de_comptes_rendus_sont_journalisees()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var autre = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var corps = new { type = "Accompagnement individuel", date = "2025-03-05", duree = 45, typeLieu = "À distance", themes = new[] { "E-mail" } };
        var r = await m.Api.PostAsJsonAsync("/api/v1/activites", corps);
        var id = (await r.Content.ReadFromJsonAsync<Passerelle.Features.Accompagner.Activites.ActiviteCreeeDto>())!.Id;
        (await m.Api.PutAsJsonAsync($"/api/v1/activites/{id}", corps with { duree = 60 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await autre.Api.PutAsJsonAsync($"/api/v1/activites/{id}", corps)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not one of theirs
        (await autre.Api.DeleteAsync($"/api/v1/activites/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await m.Api.DeleteAsync($"/api/v1/activites/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var journal = await app.AvecDb(db => db.Journal.Where(j => j.Objet == "Activite" && j.ObjetId == id).OrderBy(j => j.Id).ToListAsync());
        journal.Select(j => j.Action).ShouldBe(["Création", "Modification", "Suppression"]);
        journal[1].Details.ShouldBe("Durée : « 45 » → « 60 »");
        journal.ShouldAllBe(j => j.Utilisateur == m.Email);
    }
}
