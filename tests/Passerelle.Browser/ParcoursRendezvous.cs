using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Web;

namespace Passerelle.Browser;

[Collection("navigateur")]
public class ParcoursRendezvous(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    [Fact]
    public async Task Un_habitant_reserve_un_creneau_puis_l_annule_depuis_son_lien()
    {
        var page = await app.NouvellePageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Prendre rendez-vous avec un médiateur" }).ClickAsync();
        await page.GetByLabel("Votre commune ou votre code postal").FillAsync("Port-Saint-Louis-du-Rhône");
        await page.GetByLabel("Pour quoi").SelectOptionAsync(new SelectOptionValue { Label = "Aide aux démarches administratives (45 min)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir les prochains créneaux" }).ClickAsync();
        await page.Locator("#titre-creneaux").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.Locator("li.creneau a").First.ClickAsync();
        await page.AttendreAdresseAsync("**/rendez-vous/reserver/*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Prénom").FillAsync("Yvette");
        await page.GetByLabel("Nom *", new() { Exact = true }).FillAsync("Castelli");
        await page.GetByLabel("Téléphone portable").FillAsync("06 98 76 54 32");
        await page.GetByLabel("J'accepte que mes coordonnées servent à ce rendez-vous").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer le rendez-vous" }).ClickAsync();
        await page.AttendreAdresseAsync("**/mon-rendez-vous/**");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Votre rendez-vous est confirmé");
        (await page.GetByText("À apporter").CountAsync()).ShouldBe(1);
        await Navigateur.VerifierAccessibiliteAsync(page);
        var lien = page.Url.Split('?')[0];

        // Later, from the link received by SMS.
        var plusTard = await app.NouvellePageAsync();
        await plusTard.GotoAsync(lien);
        (await plusTard.Locator("#pratique").TextContentAsync())!.ShouldContain("Ajouter à mon agenda");
        // Cancelling asks first.
        await plusTard.GetByRole(AriaRole.Link, new() { Name = "Annuler ce rendez-vous" }).ClickAsync();
        await plusTard.Locator("#confirmer-annulation").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(plusTard);
        await plusTard.GetByRole(AriaRole.Button, new() { Name = "Oui, annuler le rendez-vous" }).ClickAsync();
        await plusTard.GetByRole(AriaRole.Status).WaitForAsync();
        (await plusTard.GetByRole(AriaRole.Link, new() { Name = "Reprendre un rendez-vous" }).CountAsync()).ShouldBe(1);
        (await plusTard.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("C'est annulé");
        (await plusTard.Locator("#etat").TextContentAsync()).ShouldBe("Annulé");
        await Navigateur.VerifierAccessibiliteAsync(plusTard);
    }

    [Fact]
    public async Task Un_atelier_se_remplit_la_suivante_attend_et_une_annulation_la_fait_entrer()
    {
        var sessionId = await app.AvecDb(async db =>
        {
            var lieu = await db.Lieux.FirstAsync(l => l.IdLocal == "demo-mfs-port-saint-louis");
            var atelier = await db.Ateliers.FirstAsync();
            var s = new SessionAtelier { AtelierId = atelier.Id, LieuId = lieu.Id, Debut = app.Maintenant.AddDays(10), Fin = app.Maintenant.AddDays(10).AddHours(2), Capacite = 1 };
            db.SessionsAteliers.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        async Task<IPage> Inscrire(string prenom)
        {
            var page = await app.NouvellePageAsync();
            await page.GotoAsync($"/ateliers/{sessionId}");
            await page.GetByLabel("Prénom").FillAsync(prenom);
            await page.GetByLabel("Nom *", new() { Exact = true }).FillAsync("Garcia");
            await page.GetByLabel("Adresse électronique").FillAsync($"{prenom.ToLowerInvariant()}@exemple.fr");
            await page.GetByLabel("J'accepte que mes coordonnées servent à cette inscription").CheckAsync();
            await page.GetByRole(AriaRole.Button).Filter(new() { HasText = "M'inscrire" }).ClickAsync();
            await page.AttendreAdresseAsync("**/mon-rendez-vous/**");
            return page;
        }
        var premiere = await Inscrire("Rosa");
        (await premiere.Locator("h1").TextContentAsync()).ShouldBe("Votre inscription est confirmée");
        var page2 = await app.NouvellePageAsync();
        await page2.GotoAsync($"/ateliers/{sessionId}");
        (await page2.Locator("#places").TextContentAsync())!.ShouldContain("Complet");
        await Navigateur.VerifierAccessibiliteAsync(page2);
        var seconde = await Inscrire("Paco");
        (await seconde.Locator("h1").TextContentAsync()).ShouldBe("Vous êtes sur la liste d'attente");
        (await seconde.Locator("#etat").TextContentAsync())!.ShouldContain("position 1");
        await Navigateur.VerifierAccessibiliteAsync(seconde);

        await premiere.GetByRole(AriaRole.Link, new() { Name = "Annuler mon inscription" }).ClickAsync();
        await premiere.Locator("#confirmer-annulation").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(premiere);
        await premiere.GetByRole(AriaRole.Button, new() { Name = "Oui, annuler mon inscription" }).ClickAsync();
        await premiere.GetByRole(AriaRole.Status).WaitForAsync();
        await seconde.ReloadAsync();
        (await seconde.Locator("#etat").TextContentAsync()).ShouldBe("Inscrit(e)");
        var message = await app.AvecDb(db => db.Notifications.Where(n => n.Type == "promotion" && n.Destinataire == "paco@exemple.fr").Select(n => n.Sujet).SingleAsync());
        message.ShouldStartWith("Une place s'est libérée");
    }

    [Fact]
    public async Task Une_mediatrice_ouvre_sa_journee_et_note_la_presence()
    {
        var compte = File.ReadAllLines(app.FichierComptes).Select(l => l.Split(' ')).Single(c => c[0] == "mediateur");
        // An appointment that started 10 minutes ago on the demo convention's permanence.
        await app.AvecDb(async db =>
        {
            var p = await db.Permanences.Include(x => x.Mediateurs).FirstAsync(x => x.Mediateurs.Any(m => m.UtilisateurId != null));
            var c = new Creneau { PermanenceId = p.Id, LieuId = p.LieuId, MotifId = p.MotifId, Debut = app.Maintenant.AddMinutes(-10), Fin = app.Maintenant.AddMinutes(35), Capacite = 1, Reserves = 1 };
            db.Creneaux.Add(c);
            await db.SaveChangesAsync();
            db.Reservations.Add(new Reservation { CreneauId = c.Id, Jeton = Jetons.Nouveau(), Prenom = "Lucienne", Nom = "Ferrand", Consentement = true, Statut = StatutReservation.Confirmee, CreeLe = app.Maintenant.AddDays(-3) });
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await app.ConnecterAsync(compte[1], compte[2]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir mon agenda" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/agenda");
        var ligne = page.Locator("#rendez-vous tbody tr").Filter(new() { HasText = "Lucienne Ferrand" });
        (await ligne.CountAsync()).ShouldBe(1);
        await Navigateur.VerifierAccessibiliteAsync(page);
        await ligne.GetByRole(AriaRole.Button, new() { Name = "Venu(e) : Lucienne Ferrand" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        (await page.Locator("#rendez-vous tbody tr").Filter(new() { HasText = "Lucienne Ferrand" }).Locator("strong").TextContentAsync()).ShouldBe("Venu(e)");
        // Back on the same line, which holds the focus and announces the change (not the top of the page).
        var notee = page.Locator("#rendez-vous tbody tr").Filter(new() { HasText = "Lucienne Ferrand" });
        (await notee.GetByRole(AriaRole.Status).TextContentAsync()).ShouldBe("Présence notée : Venu(e).");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe(await notee.GetAttributeAsync("id"));
        // The dashboard of today before the record…
        var aujourdHui = app.Aujourdhui.ToString("yyyy-MM-dd");
        var mediateurId = await app.AvecDb(db => db.Mediateurs.Where(m => m.Courriel == compte[1]).Select(m => m.Id).SingleAsync());
        async Task<int> TotalDuJour()
        {
            var stats = await page.Context.NewPageAsync();
            await stats.GotoAsync($"/statistiques?du={aujourdHui}&au={aujourdHui}&mediateur={mediateurId}");
            var texte = (await stats.Locator("#total-accompagnements").TextContentAsync())!;
            await stats.CloseAsync();
            return int.Parse(new string(texte.Where(char.IsDigit).ToArray()));
        }
        var avant = await TotalDuJour();
        // Then the activity record, pre-filled from the appointment, confirmed as proposed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Compte rendu : Lucienne Ferrand" }).ClickAsync();
        await page.AttendreAdresseAsync("**/activites/nouvelle?reservation=*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        // Back to the agenda of that day, at the same line: the record is done, no second one is offered.
        await page.AttendreAdresseAsync("**/admin/agenda?date=*#rdv-*");
        (await page.Locator("p.succes[role=status]").TextContentAsync())!.ShouldContain("Compte rendu enregistré");
        var faite = page.Locator("#rendez-vous tbody tr").Filter(new() { HasText = "Lucienne Ferrand" });
        (await faite.Locator(".compte-rendu-fait").TextContentAsync())!.ShouldContain("Compte rendu fait ✓");
        (await faite.GetByRole(AriaRole.Link, new() { Name = "Compte rendu : Lucienne Ferrand" }).CountAsync()).ShouldBe(0);
        (await faite.GetByRole(AriaRole.Button, new() { Name = "✓ Venu(e) : Lucienne Ferrand" }).GetAttributeAsync("aria-pressed")).ShouldBe("true");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await faite.GetByRole(AriaRole.Link, new() { Name = "voir / modifier le compte rendu de Lucienne Ferrand" }).ClickAsync();
        await page.AttendreAdresseAsync("**/activites/nouvelle?id=*");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Modifier le compte rendu");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu de l'équipe" }).GetByRole(AriaRole.Link, new() { Name = "Comptes rendus" }).ClickAsync();
        await page.AttendreAdresseAsync("**/activites");
        (await page.Locator("#activites tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        await Navigateur.VerifierAccessibiliteAsync(page);
        // …and after: the dashboard counts it.
        (await TotalDuJour()).ShouldBe(avant + 1);
    }

    [Fact]
    public async Task Au_guichet_la_mediatrice_reserve_pour_une_personne_sans_telephone()
    {
        var compte = File.ReadAllLines(app.FichierComptes).Select(l => l.Split(' ')).Single(c => c[0] == "mediateur");
        var demain = app.Maintenant.AddDays(1);
        var creneauId = await app.AvecDb(db => db.Creneaux
            .Where(c => c.Reserves < c.Capacite && c.Debut > demain && c.Permanence!.Mediateurs.Any(m => m.Courriel == compte[1]))
            .OrderBy(c => c.Debut).Select(c => c.Id).FirstAsync());
        var page = await app.ConnecterAsync(compte[1], compte[2]);
        await page.GotoAsync($"/rendez-vous/reserver/{creneauId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "réservez ce créneau au guichet" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/agenda/guichet?creneau=*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Prénom").FillAsync("Odile");
        await page.GetByLabel("Nom *", new() { Exact = true }).FillAsync("Sans-Téléphone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prendre le rendez-vous" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/agenda?date=*#rdv-*");
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("aucun message ne lui sera envoyé");
        (await page.Locator("#rendez-vous tbody tr").Filter(new() { HasText = "Odile Sans-Téléphone" }).CountAsync()).ShouldBe(1);
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    [Fact]
    public async Task La_coordinatrice_gere_une_session_d_atelier_apres_sa_creation()
    {
        var sessionId = await app.AvecDb(async db =>
        {
            var lieu = await db.Lieux.FirstAsync(l => l.IdLocal == "demo-mfs-port-saint-louis");
            var atelier = await db.Ateliers.FirstAsync();
            var s = new SessionAtelier { AtelierId = atelier.Id, LieuId = lieu.Id, Debut = app.Maintenant.AddDays(12), Fin = app.Maintenant.AddDays(12).AddHours(2), Capacite = 1 };
            db.SessionsAteliers.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        foreach (var prenom in new[] { "Irène", "Jules" })
        {
            var p = await app.NouvellePageAsync();
            await p.GotoAsync($"/ateliers/{sessionId}");
            await p.GetByLabel("Prénom").FillAsync(prenom);
            await p.GetByLabel("Nom *", new() { Exact = true }).FillAsync("Mercier");
            await p.GetByLabel("Adresse électronique").FillAsync($"{prenom.ToLowerInvariant()}.mercier@exemple.fr");
            await p.GetByLabel("J'accepte que mes coordonnées servent à cette inscription").CheckAsync();
            await p.GetByRole(AriaRole.Button).Filter(new() { HasText = "M'inscrire" }).ClickAsync();
            await p.AttendreAdresseAsync("**/mon-rendez-vous/**");
        }
        var compte = File.ReadAllLines(app.FichierComptes).Select(l => l.Split(' ')).Single(c => c[0] == "administrateur");
        var page = await app.ConnecterAsync(compte[1], compte[2]);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu de l'équipe" }).GetByRole(AriaRole.Link, new() { Name = "Ateliers" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/ateliers");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.Locator($"#sessions-a-venir a[href='/admin/ateliers/sessions/{sessionId}']").ClickAsync();
        await page.AttendreAdresseAsync($"**/admin/ateliers/sessions/{sessionId}");
        (await page.Locator("#attente").TextContentAsync())!.ShouldContain("Jules Mercier");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Places", new() { Exact = false }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les places" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("1 personne(s) de la liste d'attente inscrite(s)");
        (await page.Locator("#inscrits").TextContentAsync())!.ShouldContain("Jules Mercier");
        await page.GetByLabel("Je confirme l'annulation de cette session").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler la session et prévenir les personnes" }).ClickAsync();
        await page.Locator("#etat-session").Filter(new() { HasText = "Session annulée" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("2 personne(s) prévenue(s)");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    [Fact]
    public async Task La_coordinatrice_voit_la_realisation_de_la_convention_mois_par_mois()
    {
        var compte = File.ReadAllLines(app.FichierComptes).Select(l => l.Split(' ')).Single(c => c[0] == "administrateur");
        var page = await app.ConnecterAsync(compte[1], compte[2]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir les conventions" }).ClickAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Médiation numérique à la Maison France Service de Port-Saint-Louis-du-Rhône", Exact = true }).ClickAsync();
        await page.Locator("#livraison").WaitForAsync();
        var lignes = await page.Locator("#livraison tbody tr").AllTextContentsAsync();
        lignes.Count.ShouldBe(12);
        lignes[0].ShouldContain("octobre 2024");
        lignes.ShouldContain(l => l.Contains("août 2025") && l.Contains("Insuffisant"));
        (await page.Locator("#alerte-livraison").TextContentAsync())!.ShouldContain("en dessous des engagements");
        // Delivered accompaniments and people, from the activity records of the convention.
        var realise = (await page.Locator("#realise").InnerTextAsync())!;
        realise.ShouldContain("Personnes accompagnées");
        int.Parse(new string((await page.Locator("#realise .chiffre").First.TextContentAsync())!.Where(char.IsDigit).ToArray())).ShouldBeGreaterThan(0);
        (await page.Locator("#tranches-convention tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await Navigateur.VerifierAccessibiliteAsync(page);
        // The other management pages of this issue, checked for accessibility too.
        foreach (var url in new[] { "/admin/permanences", "/admin/ateliers", "/admin/notifications", "/admin/agenda", "/admin/conventions/nouvelle", "/statistiques", "/statistiques/public" })
        {
            await page.GotoAsync(url);
            (await page.Locator("h1").CountAsync()).ShouldBe(1);
            await Navigateur.VerifierAccessibiliteAsync(page);
        }
    }
}
