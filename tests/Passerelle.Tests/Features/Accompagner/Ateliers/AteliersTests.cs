using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Notifications;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Ateliers;

public class AteliersTests(AppFactory app) : IClassFixture<AppFactory>
{
    static object Personne(string prenom) => new { prenom, nom = "Durand", email = $"{prenom.ToLowerInvariant()}@exemple.fr", consentement = true };

    [Fact]
    public async Task Complet_liste_d_attente_puis_promotion_a_l_annulation()
    {
        var lieu = await Scenario.LieuAsync(app);
        var session = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 4, 2, 12, 0, 0), capacite: 2);
        var client = app.ClientAnonyme();
        async Task<InscriptionCreeeDto> Inscrire(string prenom)
        {
            var r = await client.PostAsJsonAsync($"/api/v1/ateliers/sessions/{session.Id}/inscriptions", Personne(prenom));
            r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            return (await r.Content.ReadFromJsonAsync<InscriptionCreeeDto>())!;
        }
        var a = await Inscrire("Alice");
        var b = await Inscrire("Bernard");
        var c = await Inscrire("Chantal");
        var d = await Inscrire("Denis");
        (a.Statut, b.Statut, c.Statut, d.Statut).ShouldBe(("inscrit", "inscrit", "liste_attente", "liste_attente"));
        var sessions = await client.GetFromJsonAsync<SessionsDto>("/api/v1/ateliers/sessions?commune=13230");
        sessions!.Items.Single(s => s.Id == session.Id).PlacesRestantes.ShouldBe(0);

        (await client.DeleteAsync($"/api/v1/inscriptions/{a.Jeton}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var statuts = await app.AvecDb(db => db.Inscriptions.Where(i => i.SessionId == session.Id).ToDictionaryAsync(i => i.Prenom, i => i.Statut));
        statuts["Alice"].ShouldBe(StatutInscription.Annulee);
        statuts["Chantal"].ShouldBe(StatutInscription.Inscrit); // first on the list
        statuts["Denis"].ShouldBe(StatutInscription.ListeAttente);
        (await app.AvecDb(db => db.SessionsAteliers.SingleAsync(s => s.Id == session.Id))).Inscrits.ShouldBe(2);
        var promotion = await app.AvecDb(db => db.Notifications.SingleAsync(n => n.InscriptionId == c.Id && n.Type == Avis.Promotion && n.Canal == CanalNotification.Email));
        promotion.Corps.ShouldContain("une place s'est libérée");
        promotion.Corps.ShouldContain(c.Jeton);
        // The promoted person declines: the next one gets the seat.
        (await client.DeleteAsync($"/api/v1/inscriptions/{c.Jeton}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.AvecDb(db => db.Inscriptions.SingleAsync(i => i.Id == d.Id))).Statut.ShouldBe(StatutInscription.Inscrit);
    }

    [Fact]
    public async Task Places_d_atelier_en_parallele_jamais_depassees()
    {
        var lieu = await Scenario.LieuAsync(app);
        var session = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 4, 9, 12, 0, 0), capacite: 10);
        var reponses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            app.ClientAnonyme().PostAsJsonAsync($"/api/v1/ateliers/sessions/{session.Id}/inscriptions", Personne($"P{i}"))));
        reponses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var statuts = await Task.WhenAll(reponses.Select(async r => (await r.Content.ReadFromJsonAsync<InscriptionCreeeDto>())!.Statut));
        statuts.Count(s => s == "inscrit").ShouldBe(10);
        statuts.Count(s => s == "liste_attente").ShouldBe(50);
        (await app.AvecDb(db => db.SessionsAteliers.SingleAsync(s => s.Id == session.Id))).Inscrits.ShouldBe(10);
        (await app.AvecDb(db => db.Inscriptions.CountAsync(i => i.SessionId == session.Id && i.Statut == StatutInscription.Inscrit))).ShouldBe(10);
    }

    [Fact]
    public async Task Inscription_invalide_ou_session_inconnue()
    {
        var client = app.ClientAnonyme();
        (await client.PostAsJsonAsync("/api/v1/ateliers/sessions/999999/inscriptions", Personne("X"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var lieu = await Scenario.LieuAsync(app);
        var session = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 4, 16, 12, 0, 0), capacite: 5);
        (await client.PostAsJsonAsync($"/api/v1/ateliers/sessions/{session.Id}/inscriptions", new { prenom = "A", nom = "B", consentement = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.DeleteAsync("/api/v1/inscriptions/inconnu")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public class AteliersPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Programmer_une_serie_mensuelle_et_ouvrir_l_agenda_du_lieu()
    {
        var lieu = await Scenario.LieuAsync(app);
        await app.AvecDb(async db =>
        {
            var s = new Passerelle.Features.Reseau.Structures.Structure { Nom = "Asso", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "ASSO" };
            db.Structures.Add(s);
            db.Ateliers.Add(new Atelier { Titre = "Smartphone : les bases", DureeMinutes = 90 });
            await db.SaveChangesAsync();
            await db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.StructureId, s.Id));
        });
        var atelierId = await app.AvecDb(db => db.Ateliers.Where(a => a.Titre == "Smartphone : les bases").Select(a => a.Id).FirstAsync());
        var client = await Formulaires.ConnecterAsync(app, Passerelle.Features.Comptes.Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/ateliers");
        var form = page.QuerySelectorAll("main form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First();
        var r = await Formulaires.SoumettreAsync(client, form, [new("AtelierId", atelierId.ToString()), new("LieuId", lieu.Id.ToString()), new("Date", "2025-04-01"),
            new("Heure", "14:00"), new("Capacite", "6"), new("Mensuelle", "true"), new("Rang", "1"), new("Jour", "Wednesday"), new("Jusqu", "2025-06-30")]);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Formulaires.DocumentAsync(r)).QuerySelector("[role=alert]")?.TextContent);
        var sessions = await app.AvecDb(db => db.SessionsAteliers.Where(s => s.LieuId == lieu.Id).OrderBy(s => s.Debut).ToListAsync());
        sessions.Select(s => s.Debut).ShouldBe([new DateTime(2025, 4, 2, 12, 0, 0), new DateTime(2025, 5, 7, 12, 0, 0), new DateTime(2025, 6, 4, 12, 0, 0)]);
        sessions.ShouldAllBe(s => s.Capacite == 6 && s.Fin == s.Debut.AddMinutes(90));

        // The place's agenda opens to the managers of its structure (decision 0009), not to the territory's administrator.
        (await client.GetAsync($"/admin/agenda?lieu={lieu.Id}&date=2025-03-31&semaine=true")).Headers.Location!.ToString().ShouldContain("/acces-refuse");
        var (email, mdp) = await app.CreerCompteAsync(Passerelle.Features.Comptes.Roles.Gestionnaire);
        await app.AvecDb(async db =>
        {
            var structureId = await db.Lieux.Where(l => l.Id == lieu.Id).Select(l => l.StructureId!.Value).SingleAsync();
            db.GestionsStructures.Add(new() { UtilisateurId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), StructureId = structureId });
            await db.SaveChangesAsync();
        });
        var gestionnaire = await Formulaires.ConnecterAsync(app, email, mdp);
        var agenda = await Formulaires.PageAsync(gestionnaire, $"/admin/agenda?lieu={lieu.Id}&date=2025-03-31&semaine=true");
        agenda.QuerySelector("h1")!.TextContent.ShouldContain("du lieu");
        agenda.QuerySelector("main")!.TextContent.ShouldContain("Smartphone : les bases");
    }
}

public class CyclesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static object Personne(string prenom) => new { prenom, nom = "Cycle", email = $"{prenom.ToLowerInvariant()}@exemple.fr", consentement = true };

    [Fact]
    public async Task Un_cycle_se_reserve_en_entier_et_la_liste_d_attente_entre_en_entier()
    {
        var lieu = await Scenario.LieuAsync(app);
        var premiere = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 4, 1, 12, 0, 0), capacite: 1);
        var cle = Guid.NewGuid().ToString("N");
        var ids = await app.AvecDb(async db =>
        {
            var s1 = await db.SessionsAteliers.SingleAsync(s => s.Id == premiere.Id);
            s1.Cycle = cle;
            var autres = Enumerable.Range(1, 2).Select(k => new SessionAtelier { AtelierId = s1.AtelierId, LieuId = lieu.Id, Debut = s1.Debut.AddDays(7 * k), Fin = s1.Fin.AddDays(7 * k), Capacite = 1, Cycle = cle }).ToList();
            db.SessionsAteliers.AddRange(autres);
            await db.SaveChangesAsync();
            return new[] { s1.Id }.Concat(autres.Select(a => a.Id)).ToArray();
        });
        var client = app.ClientAnonyme();
        var a = (await (await client.PostAsJsonAsync($"/api/v1/ateliers/sessions/{ids[1]}/inscriptions", Personne("Ana"))).Content.ReadFromJsonAsync<InscriptionCreeeDto>())!;
        a.Statut.ShouldBe("inscrit");
        var sieges = await app.AvecDb(db => db.SessionsAteliers.Where(s => ids.Contains(s.Id)).Select(s => s.Inscrits).ToListAsync());
        sieges.ShouldAllBe(n => n == 1); // one seat in each of the three sessions
        var b = (await (await client.PostAsJsonAsync($"/api/v1/ateliers/sessions/{ids[0]}/inscriptions", Personne("Bob"))).Content.ReadFromJsonAsync<InscriptionCreeeDto>())!;
        b.Statut.ShouldBe("liste_attente");
        (await app.AvecDb(db => db.Inscriptions.CountAsync(i => i.Groupe == b.Jeton && i.Statut == StatutInscription.ListeAttente))).ShouldBe(3);

        var page = await Formulaires.PageAsync(client, $"/mon-rendez-vous/{a.Jeton}");
        page.QuerySelectorAll("#seances li").Length.ShouldBe(3);

        (await client.DeleteAsync($"/api/v1/inscriptions/{a.Jeton}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.AvecDb(db => db.Inscriptions.Where(i => i.Groupe == b.Jeton).Select(i => i.Statut).ToListAsync())).ShouldAllBe(s => s == StatutInscription.Inscrit);
        (await app.AvecDb(db => db.SessionsAteliers.Where(s => ids.Contains(s.Id)).Select(s => s.Inscrits).ToListAsync())).ShouldAllBe(n => n == 1);
    }
}
