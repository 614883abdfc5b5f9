using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Former.Parcours;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Browser;

/// <summary>Issue 14's journey: a candidate applies; the school's manager admits them with a referent; the insertion counsellor writes a
/// private note the referent cannot read; the referent records a signed attendance sheet from the cohort page (a second one for the same
/// session is refused on the form), then the +3-month outcome from the week's queue; the cohort's positive-exit
/// rate and the school's grant report (a 90 000 € grant whose convention aims at the +3-month positive exits) change; the funder sees no
/// name, neither on the cohort nor on the report. Every page checked with axe.</summary>
[Collection("navigateur")]
public class ParcoursFormation(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    async Task<(string Email, string Mdp, int MediateurId)> EquipierAsync(int structureId, string prenom, string role = Roles.Mediateur)
    {
        var (email, mdp) = await app.CompteAsync(role);
        var id = await app.AvecDb(async db =>
        {
            var uid = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            if (role == Roles.Gestionnaire) { db.GestionsStructures.Add(new GestionStructure { UtilisateurId = uid, StructureId = structureId }); await db.SaveChangesAsync(); return 0; }
            var m = new Mediateur { Prenom = prenom, Nom = "Équipe", UtilisateurId = uid, Courriel = email };
            m.Employer(structureId, new DateOnly(2024, 1, 1), null);
            db.Mediateurs.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        return (email, mdp, id);
    }

    [Fact]
    public async Task Candidature_admission_note_privee_resultat_a_trois_mois_et_indicateurs()
    {
        var aujourdHui = app.Aujourdhui;
        var (structure, cohorte) = await app.AvecDb(async db =>
        {
            var s = new Structure { Nom = "École du parcours (test)", Typologie = "ASSO" };
            var p = new Programme { Nom = "Développeur web (test)", Structure = s, Financeurs = "Financeur du parcours" };
            var c = new Cohorte { Programme = p, Nom = "Promo du parcours", Debut = aujourdHui.AddDays(-150), Fin = aujourdHui.AddDays(30), Capacite = 20, HeuresPrevues = 800 };
            db.AddRange(s, p, c);
            await db.SaveChangesAsync();
            return (s.Id, c.Id);
        });
        // The school's grant, its convention aiming at the +3-month positive exits, and this year's report opened before any outcome.
        var (financeurId, rapport) = await app.AvecDb(async db =>
        {
            var f = new Financeur { Nom = "Financeur du parcours" };
            db.Add(f);
            await db.SaveChangesAsync();
            var sub = new Subvention { FinanceurId = f.Id, BeneficiaireId = structure, Exercice = aujourdHui.Year, Objet = "Fonctionnement de l'école (test)", MontantCentimes = 9_000_000, CreeLe = app.Maintenant };
            db.Add(sub);
            await db.SaveChangesAsync();
            var conv = new Convention { Intitule = "Convention de l'école (test)", PartenaireId = structure, DateDebut = new(aujourdHui.Year, 1, 1), DateFin = new(aujourdHui.Year, 12, 31), SubventionId = sub.Id, MontantAnnuelCentimes = 9_000_000, Gratuite = false };
            db.Conventions.Add(conv);
            await db.SaveChangesAsync();
            await GestionObjectifs.AjouterAsync(db, conv.Id, new SaisieObjectif("Insérer les apprenants trois mois après la formation", MesuresParcours.SortiesPositives3Mois, null, 60), default);
            await db.SaveChangesAsync();
            var r = await GestionRapports.OuvrirAsync(db, sub.Id, aujourdHui.Year, new CatalogueIndicateurs([new MesuresParcours()]), "test", app.Horloge, default);
            (await db.Set<IndicateurRapport>().Where(i => i.RapportId == r!.Id).Select(i => i.Mesure).SingleAsync()).ShouldBeNull();
            return (f.Id, r!.Id);
        });
        var gestion = await EquipierAsync(structure, "", Roles.Gestionnaire);
        var referent = await EquipierAsync(structure, "Rachida");
        var cip = await EquipierAsync(structure, "Karim");

        // The candidate applies through the public form and lands on their own page.
        var candidat = await app.NouvellePageAsync();
        await candidat.GotoAsync($"/parcours/candidater/{cohorte}");
        await Navigateur.VerifierAccessibiliteAsync(candidat);
        await candidat.Locator("#prenom").FillAsync("Salomé");
        await candidat.Locator("#nom").FillAsync("Parcours");
        await candidat.Locator("#datenaissance").FillAsync("2002-06-15");
        await candidat.Locator("#genre").SelectOptionAsync("femme");
        await candidat.Locator("#courriel").FillAsync("salome@exemple.fr");
        await candidat.Locator("#consentement").CheckAsync();
        await candidat.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma candidature" }).ClickAsync();
        await candidat.AttendreAdresseAsync("**/parcours/moi/*");
        (await candidat.Locator("#statut").InnerTextAsync()).ShouldBe("Candidat·e");
        await Navigateur.VerifierAccessibiliteAsync(candidat);

        // The manager admits them from the cohort board and names the referent.
        var page = await app.ConnecterAsync(gestion.Email, gestion.Mdp);
        await page.Locator("#menu-equipe").GetByRole(AriaRole.Link, new() { Name = "Parcours" }).ClickAsync();
        await page.AttendreAdresseAsync("**/parcours");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Promo du parcours" }).ClickAsync();
        await page.AttendreAdresseAsync("**/parcours/cohortes/*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.Locator("#sans-referent + ul").GetByRole(AriaRole.Link, new() { Name = "Salomé Parcours" }).ClickAsync();
        await page.AttendreAdresseAsync("**/parcours/inscriptions/*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        var fiche = new Uri(page.Url).AbsolutePath;
        var id = int.Parse(fiche.Split('/').Last());
        // After a form, the page comes back on the form's anchor.
        var surFiche = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(fiche) + "(#[a-z-]+)?$");
        await page.Locator("#decision-referentid").SelectOptionAsync(referent.MediateurId.ToString());
        await page.Locator("#decision-demandeuremploi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await page.AttendreAdresseAsync(surFiche);
        (await page.Locator("#statut").InnerTextAsync()).ShouldStartWith("Admis·e");
        (await page.Locator("#referent").InnerTextAsync()).ShouldBe("Rachida Équipe");
        await Navigateur.VerifierAccessibiliteAsync(page);
        // The insertion counsellor joins the team; the pathway started five months ago.
        await app.AvecDb(async db =>
        {
            db.Add(new MembreEquipe { InscriptionId = id, MediateurId = cip.MediateurId, Role = "cip", Debut = app.Maintenant });
            await db.Set<Inscription>().Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.AdmissionLe, aujourdHui.AddDays(-150)).SetProperty(i => i.Statut, "en_formation"));
            await db.SaveChangesAsync();
            return 0;
        });

        // The counsellor writes a private note.
        var conseiller = await app.ConnecterAsync(cip.Email, cip.Mdp);
        await conseiller.GotoAsync(fiche);
        await conseiller.Locator("#journal-synthese").FillAsync("Entretien sur le projet professionnel.");
        await conseiller.Locator("#journal-noteprivee").FillAsync("Difficultés de logement évoquées en confiance.");
        await conseiller.GetByRole(AriaRole.Button, new() { Name = "Ajouter au journal" }).ClickAsync();
        await conseiller.AttendreAdresseAsync(surFiche);
        (await conseiller.Locator("#entrees-journal").InnerTextAsync()).ShouldContain("Difficultés de logement");
        await Navigateur.VerifierAccessibiliteAsync(conseiller);

        // The referent records today's signed attendance sheet from the cohort page (Salomé late: 2,5 h of 3,5 h); the rate shows on her line.
        var ref_ = await app.ConnecterAsync(referent.Email, referent.Mdp);
        await ref_.GotoAsync($"/parcours/cohortes/{cohorte}");
        await ref_.Locator("#feuille-heures").FillAsync("3,5");
        await ref_.Locator("#feuille-signeepar").FillAsync("Formatrice du parcours");
        await ref_.Locator($"#feuille-statut-{id}").SelectOptionAsync("retard");
        await ref_.Locator($"#feuille-heures-{id}").FillAsync("2,5");
        await ref_.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la feuille" }).ClickAsync();
        await ref_.AttendreAdresseAsync(new System.Text.RegularExpressions.Regex($"/parcours/cohortes/{cohorte}#feuilles$"));
        (await ref_.Locator("#liste-feuilles").InnerTextAsync()).ShouldContain("Formatrice du parcours");
        (await ref_.Locator("#apprenants tbody tr").Filter(new() { HasText = "Salomé Parcours" }).InnerTextAsync()).ShouldContain("71.4 % (1 séance)");
        await Navigateur.VerifierAccessibiliteAsync(ref_);
        // The same session again: the form says so, nothing is recorded twice.
        await ref_.Locator("#feuille-heures").FillAsync("3,5");
        await ref_.Locator("#feuille-signeepar").FillAsync("Formatrice du parcours");
        await ref_.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la feuille" }).ClickAsync();
        await ref_.Locator("#erreurs").GetByText("Une feuille de présence est déjà enregistrée pour cette séance.").WaitForAsync(new() { Timeout = 60_000 });
        await Navigateur.VerifierAccessibiliteAsync(ref_);

        // The referent cannot read the note; they record the exit (three months ago), then the +3-month outcome from the week's queue.
        await ref_.GotoAsync(fiche);
        var journal = await ref_.Locator("#entrees-journal").InnerTextAsync();
        journal.ShouldContain("Entretien sur le projet professionnel.");
        journal.ShouldNotContain("Difficultés de logement");
        await ref_.Locator("#sortie-le").FillAsync(aujourdHui.AddMonths(-3).ToString("yyyy-MM-dd"));
        await ref_.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la sortie" }).ClickAsync();
        await ref_.AttendreAdresseAsync(surFiche);
        await ref_.GotoAsync("/parcours/referent");
        await Navigateur.VerifierAccessibiliteAsync(ref_);
        (await ref_.Locator("#mesures-dues").InnerTextAsync()).ShouldContain("À 3 mois");
        await ref_.Locator("#mesures-dues li").Filter(new() { HasText = "À 3 mois" }).GetByRole(AriaRole.Link).ClickAsync();
        await ref_.AttendreAdresseAsync(surFiche);
        await ref_.Locator("#resultat-moment").SelectOptionAsync("3mois");
        await ref_.Locator("#resultat-type").SelectOptionAsync("CDI");
        await ref_.Locator("#resultat-le").FillAsync(aujourdHui.ToString("yyyy-MM-dd"));
        await ref_.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le résultat" }).ClickAsync();
        await ref_.AttendreAdresseAsync(surFiche);
        (await ref_.Locator("#resultats").InnerTextAsync()).ShouldContain("À 3 mois : CDI");
        await ref_.GotoAsync($"/parcours/cohortes/{cohorte}");
        (await ref_.Locator("#indicateurs-sorties td[data-moment='3mois']").InnerTextAsync()).ShouldBe("1 / 1 (100 %)");
        await Navigateur.VerifierAccessibiliteAsync(ref_);

        // The school's manager saves the grant report's draft: the measured +3-month positive exits are now 100 %.
        await page.GotoAsync($"/admin/financement/rapports/{rapport}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await page.GetByText("Compte rendu enregistré.").WaitForAsync(new() { Timeout = 60_000 });
        var ligne = page.Locator("#indicateurs tbody tr").Filter(new() { HasText = "trois mois après" });
        (await ligne.InnerTextAsync()).ShouldContain("100 %");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // The programme's funder sees the aggregates, masked, and no name.
        var (femail, fmdp) = await app.CompteAsync(Roles.Financeur);
        await app.AvecDb(async db =>
        {
            db.Add(new ProfilCompte { UtilisateurId = await db.Users.Where(u => u.Email == femail).Select(u => u.Id).SingleAsync(), Financeur = "Financeur du parcours", FinanceurId = financeurId });
            return await db.SaveChangesAsync();
        });
        var financeur = await app.ConnecterAsync(femail, fmdp);
        await financeur.GotoAsync($"/parcours/cohortes/{cohorte}");
        await Navigateur.VerifierAccessibiliteAsync(financeur);
        var texte = await financeur.Locator("main").InnerTextAsync();
        texte.ShouldNotContain("Salomé");
        (await financeur.Locator("#indicateurs-sorties td[data-moment='3mois']").InnerTextAsync()).ShouldBe("masqué");
        await financeur.GotoAsync($"/admin/financement/rapports/{rapport}");
        await Navigateur.VerifierAccessibiliteAsync(financeur);
        (await financeur.Locator("#indicateurs").InnerTextAsync()).ShouldContain("100 %");
        (await financeur.Locator("main").InnerTextAsync()).ShouldNotContain("Salomé");
    }
}
