using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Notifications;
using Passerelle.Tests.Features.Financer.Subventions;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Rapports;

/// <summary>The funder report's loop through the pages (manager fills and submits, administrator sends back then accepts, funder reads,
/// others do not), its journal, its printable page and PDF, and its reminders with a moved clock.</summary>
public class RapportsTests(AppFactory app) : IClassFixture<AppFactory>
{
    sealed record Contexte(int Structure, int Financeur, string NomFinanceur, int Subvention, int Rapport, string Email, string MotDePasse);

    async Task<Contexte> PreparerAsync(int exercice = 2023)
    {
        var structure = await Scenario.StructureAsync(app);
        var nom = "Financeur " + Guid.NewGuid().ToString("N")[..6];
        var financeur = await Financement.FinanceurAsync(app, nom);
        var sub = await Financement.SubventionAsync(app, financeur, structure, 3_000_000, StatutsSubvention.Versee, exercice);
        var (_, _, _, email, mdp) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        var rapport = await app.AvecDb(async db =>
        {
            var c = new Convention { Intitule = $"Convention {exercice}", PartenaireId = structure, DateDebut = new(exercice, 1, 1), DateFin = new(exercice + 1, 1, 1),
                SubventionId = sub, MontantAnnuelCentimes = 3_000_000, Gratuite = false };
            db.Conventions.Add(c);
            await db.SaveChangesAsync();
            await GestionObjectifs.AjouterAsync(db, c.Id, new SaisieObjectif("Accompagner", MesuresFinancement.Accompagnements, null, 100), default);
            await db.SaveChangesAsync();
            await GestionObjectifs.AjouterAsync(db, c.Id, new SaisieObjectif("Permanences", null, "permanences", 20), default);
            await db.SaveChangesAsync();
            using var scope = app.Services.CreateScope();
            return (await GestionRapports.OuvrirAsync(db, sub, exercice, scope.ServiceProvider.GetRequiredService<CatalogueIndicateurs>(), "admin", app.Horloge, default))!.Id;
        });
        return new(structure, financeur, nom, sub, rapport, email, mdp);
    }

    static IHtmlFormElement Formulaire(AngleSharp.Dom.IDocument page, string handler, string url)
    {
        var form = page.QuerySelector<IHtmlFormElement>("#formulaire-rapport")!;
        form.SetAttribute("action", url + "?handler=" + handler);
        return form;
    }

    [Fact]
    public async Task L_association_remplit_et_envoie_le_territoire_renvoie_puis_accepte_le_financeur_lit()
    {
        var x = await PreparerAsync();
        var url = $"/admin/financement/rapports/{x.Rapport}";
        var gestionnaire = await Formulaires.ConnecterAsync(app, x.Email, x.MotDePasse);
        var page = await Formulaires.PageAsync(gestionnaire, url);
        page.QuerySelectorAll("#indicateurs tbody tr").Length.ShouldBe(2);
        page.QuerySelector("#indicateurs")!.TextContent.ShouldContain("mesuré");

        // Without the qualitative part, or with a gap not explained: refused in French, nothing submitted.
        var r = await Formulaires.SoumettreAsync(gestionnaire, Formulaire(page, "Soumettre", url),
            [new("Prevu[64]", "10 000"), new("Realise[64]", "14 000"), new("Declare[2]", "18")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var erreurs = (await Formulaires.DocumentAsync(r)).QuerySelector("#erreurs")!.TextContent;
        erreurs.ShouldContain("bilan qualitatif");
        // A value reached too large for the column (numeric(14,1)), and 29 digits that overflow a decimal: a French message, not a 500.
        foreach (var enorme in new[] { "99999999999999", "99999999999999999999999999999" })
        {
            page = await Formulaires.PageAsync(gestionnaire, url);
            r = await Formulaires.SoumettreAsync(gestionnaire, Formulaire(page, "Soumettre", url),
                [new("BilanQualitatif", "Permanences."), new("Prevu[64]", "10 000"), new("Realise[64]", "10 000"), new("Declare[2]", enorme)]);
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Formulaires.DocumentAsync(r)).QuerySelector("#erreurs")!.TextContent.ShouldContain("inférieur à 1 000 milliards");
        }
        page = await Formulaires.PageAsync(gestionnaire, url);
        r = await Formulaires.SoumettreAsync(gestionnaire, Formulaire(page, "Soumettre", url),
            [new("BilanQualitatif", "Permanences tenues dans trois quartiers."), new("Prevu[64]", "10 000"), new("Realise[64]", "14 000"), new("Declare[2]", "18")]);
        (await Formulaires.DocumentAsync(r)).QuerySelector("#erreurs")!.TextContent.ShouldContain("64 – Charges de personnel");
        page = await Formulaires.PageAsync(gestionnaire, url);
        r = await Formulaires.SoumettreAsync(gestionnaire, Formulaire(page, "Soumettre", url),
            [new("BilanQualitatif", "Permanences tenues dans trois quartiers."), new("Prevu[64]", "10 000"), new("Realise[64]", "14 000"),
             new("Explication[64]", "Un poste de plus au second semestre."), new("Declare[2]", "18")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Statut(x.Rapport)).ShouldBe(StatutsRapport.Soumis);
        (await app.AvecDb(db => db.Set<LigneRapport>().SingleAsync(l => l.RapportId == x.Rapport && l.Compte == "64"))).RealiseCentimes.ShouldBe(1_400_000);

        // The administrator sends it back: a comment is required.
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var pageAdmin = await Formulaires.PageAsync(admin, url);
        var corriger = pageAdmin.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action")!.Contains("handler=Corriger"));
        (await Formulaires.SoumettreAsync(admin, corriger, [new("Commentaire", "")])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.SoumettreAsync(admin, corriger, [new("Commentaire", "Joignez le détail des postes.")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Statut(x.Rapport)).ShouldBe(StatutsRapport.ACorriger);
        // Once sent back, no second decision.
        (await Formulaires.SoumettreAsync(admin, corriger, [new("Commentaire", "Encore")])).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The association sees the comment, submits again; the administrator accepts; the grant is « compte rendu reçu ».
        page = await Formulaires.PageAsync(gestionnaire, url);
        page.QuerySelector("#demande-correction")!.TextContent.ShouldContain("Joignez le détail des postes.");
        (await Formulaires.SoumettreAsync(gestionnaire, Formulaire(page, "Soumettre", url), [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        pageAdmin = await Formulaires.PageAsync(admin, url);
        var accepter = pageAdmin.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action")!.Contains("handler=Accepter"));
        (await Formulaires.SoumettreAsync(admin, accepter, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Statut(x.Rapport)).ShouldBe(StatutsRapport.Accepte);
        (await app.AvecDb(db => db.Set<Subvention>().SingleAsync(s => s.Id == x.Subvention))).Statut.ShouldBe(StatutsSubvention.Justifiee);
        // An accepted report is no longer written.
        page = await Formulaires.PageAsync(gestionnaire, url);
        page.QuerySelector("#soumettre").ShouldBeNull();
        var journal = await app.AvecDb(db => db.Set<JournalFinancement>().Where(j => j.Objet == GestionRapports.Objet && j.ObjetId == x.Rapport && j.Champ == "statut").Select(j => j.Nouveau).ToListAsync());
        journal.Count.ShouldBe(4);
        journal.ShouldContain("À corriger : Joignez le détail des postes.");
        // The history says what happened in plain French, never the stored field names (tester's finding).
        var quoi = (await Formulaires.PageAsync(admin, url)).QuerySelectorAll("#journal-rapport tbody td:nth-child(3)").Select(td => td.TextContent).ToList();
        quoi.ShouldContain("Compte rendu modifié");
        quoi.ShouldContain("Changement d'état");
        quoi.ShouldNotContain("saisie");
        quoi.ShouldNotContain("statut");
        // The beneficiary's 360° page lists the report.
        var beneficiaire = await app.AvecDb(db => db.Set<Subvention>().Where(s => s.Id == x.Subvention).Select(s => s.BeneficiaireId).SingleAsync());
        (await Formulaires.PageAsync(admin, $"/admin/financement/structures/{beneficiaire}")).QuerySelector("#liste-rapports-structure")!
            .QuerySelectorAll($"a[href='{url}']").Length.ShouldBe(1);

        // The grant's funder reads it, without names nor journal; another funder and a mediator do not.
        var (ef, mf) = await CompteFinanceurAsync(x.NomFinanceur);
        var financeur = await Formulaires.ConnecterAsync(app, ef, mf);
        var vue = await Formulaires.PageAsync(financeur, url);
        vue.QuerySelector("#journal-rapport").ShouldBeNull();
        vue.QuerySelector("#formulaire-rapport input[name^='Prevu']").ShouldBeNull();
        var (ea, ma) = await CompteFinanceurAsync("Autre financeur " + Guid.NewGuid().ToString("N")[..4]);
        var autre = await Formulaires.ConnecterAsync(app, ea, ma);
        (await autre.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mediateur = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        (await mediateur.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A manager of another structure does not find it.
        var gestionAutre = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        (await gestionAutre.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Printable page and PDF.
        (await Formulaires.PageAsync(gestionnaire, url + "/imprimer")).QuerySelector("h1")!.TextContent.ShouldContain("exercice 2023");
        var pdf = await financeur.GetAsync(url + "/imprimer/pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync())[..4].ShouldBe("%PDF"u8.ToArray());
    }

    async Task<(string, string)> CompteFinanceurAsync(string nomFinanceur)
    {
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        await app.AvecDb(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            // Tied by id (decision 0026); the name stays as a label.
            var cle = nomFinanceur.ToLower();
            var fid = await db.Set<Financeur>().Where(f => f.Nom.ToLower() == cle).Select(f => (int?)f.Id).FirstOrDefaultAsync();
            db.Add(new ProfilCompte { UtilisateurId = id, Financeur = nomFinanceur, FinanceurId = fid });
            await db.SaveChangesAsync();
        });
        return (email, mdp);
    }

    Task<string> Statut(int id) => app.AvecDb(db => db.Set<RapportFinancier>().Where(r => r.Id == id).Select(r => r.Statut).SingleAsync());

    [Fact]
    public async Task Les_rappels_partent_une_fois_avant_puis_une_fois_apres_l_echeance()
    {
        var x = await PreparerAsync(2031);
        Task<int> Executer() => app.AvecDb(db => RappelsRapports.ExecuterAsync(db, app.Horloge, default));
        Task<int> Messages() => app.AvecDb(db => db.Notifications.CountAsync(n => n.Type == RappelsRapports.Type && n.Destinataire == x.Email));
        var depart = app.Horloge.GetUtcNow();
        try
        {
            app.Horloge.Regler(new DateTimeOffset(2032, 5, 1, 8, 0, 0, TimeSpan.Zero)); // due 30 June 2032: more than 30 days ahead
            await Executer();
            (await Messages()).ShouldBe(0);
            app.Horloge.Regler(new DateTimeOffset(2032, 6, 5, 8, 0, 0, TimeSpan.Zero));
            await Executer();
            await Executer();
            (await Messages()).ShouldBe(1);
            app.Horloge.Regler(new DateTimeOffset(2032, 7, 2, 8, 0, 0, TimeSpan.Zero));
            await Executer();
            await Executer();
            (await Messages()).ShouldBe(2);
            (await app.AvecDb(db => db.Notifications.Where(n => n.Type == RappelsRapports.Type && n.Destinataire == x.Email).OrderBy(n => n.Id).Select(n => n.Sujet).ToListAsync()))
                .ShouldBe(["Compte rendu financier 2031 à rendre avant le 30 juin 2032", "Compte rendu financier 2031 en retard"]);
            // The board shows it late.
            var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
            (await Formulaires.PageAsync(admin, "/admin/financement")).QuerySelector("#rapports-en-retard")!.TextContent.ShouldContain("exercice 2031");
            (await Formulaires.PageAsync(admin, "/admin/financement/rapports?filtre=en-retard")).QuerySelector("#rapports")!.TextContent.ShouldContain("2031");
        }
        finally { app.Horloge.Regler(depart); }
    }
}
