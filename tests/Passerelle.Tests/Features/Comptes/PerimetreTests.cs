using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Comptes;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Tests.Features.Comptes;

/// <summary>Routes that touch one structure's objects × who asks (administrator, managers and mediators of structures A and B,
/// funder, anonymous) × the object's structure: access outside the perimeter of <see cref="Autorisations"/> fails the test.</summary>
public class PerimetreTests(AppFactory app) : IClassFixture<AppFactory>
{
    sealed record Acteur(string Nom, HttpClient Page, HttpClient Api, string? Jeton);
    sealed record Objets(int Structure, int Mediateur, int AutreCarte, int Lieu, int Reservation, int Session, int Inscription);
    sealed record Requete(string Nom, bool Api, string[] Autorises, Func<Acteur, HttpRequestMessage> Construire);

    static readonly DateTime Rdv = new(2025, 3, 13, 8, 0, 0);

    /// <summary>A structure with its manager, its mediator (account, card, place, permanence), a second card (a past job there), a booking and a workshop
    /// session with one registration; the accounts to sign in are added to <paramref name="comptes"/>.</summary>
    async Task<Objets> StructureAsync(string nom, Dictionary<string, (string Email, string Mdp)> comptes)
    {
        var structure = await Scenario.StructureAsync(app);
        var (_, _, _, emailG, mdpG) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        var (_, mediateur, lieu, emailM, mdpM) = await Scenario.EquipierAsync(app, structure);
        await app.AvecDb(db => db.Lieux.Where(l => l.Id == lieu).ExecuteUpdateAsync(u => u.SetProperty(l => l.StructureId, structure)));
        var autre = (await Scenario.MediateursAsync(app, 1))[0].Id;
        await app.AvecDb(async db =>
        {
            var m = await db.Mediateurs.Include(x => x.Emplois).SingleAsync(x => x.Id == autre);
            m.Employer(structure, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
            await db.SaveChangesAsync();
        });
        await Scenario.PermanenceAsync(app, lieu, [mediateur!.Value], [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var creneau = await app.AvecDb(db => db.Creneaux.Where(c => c.LieuId == lieu && c.Debut == Rdv).Select(c => c.Id).SingleAsync());
        (await app.ClientAnonyme().PostAsync("/api/v1/reservations", JsonContent.Create(Scenario.Personne(creneau, prenom: "Odette")))).EnsureSuccessStatusCode();
        var session = await Scenario.SessionAsync(app, lieu, Rdv, 8);
        (await app.ClientAnonyme().PostAsJsonAsync($"/api/v1/ateliers/sessions/{session.Id}/inscriptions",
            new { prenom = "Lucien", nom = "Perimetre", email = "lucien@exemple.fr", consentement = true })).EnsureSuccessStatusCode();
        var reservation = await app.AvecDb(db => db.Reservations.Where(r => r.CreneauId == creneau).Select(r => r.Id).SingleAsync());
        var inscription = await app.AvecDb(db => db.Inscriptions.Where(i => i.SessionId == session.Id).Select(i => i.Id).SingleAsync());
        comptes["gestionnaire " + nom] = (emailG, mdpG);
        comptes["médiateur " + nom] = (emailM, mdpM);
        return new Objets(structure, mediateur.Value, autre, lieu, reservation, session.Id, inscription);
    }

    async Task<Acteur> ActeurAsync(string nom, string email, string mdp)
    {
        var page = await Formulaires.ConnecterAsync(app, email, mdp);
        // The sign-out form of the layout carries the account's antiforgery token, valid for every form.
        var jeton = (await Formulaires.PageAsync(page, "/admin")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        return new Acteur(nom, page, await app.ClientApiAsync(email, mdp), jeton);
    }

    static HttpRequestMessage Formulaire(Acteur a, string url, params (string, string)[] champs)
    {
        var valeurs = champs.Select(c => new KeyValuePair<string, string>(c.Item1, c.Item2)).ToList();
        if (a.Jeton is not null) valeurs.Add(new("__RequestVerificationToken", a.Jeton));
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(valeurs) };
    }

    static bool Refuse(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.ToString() is { } l && (l.Contains("/acces-refuse") || l.Contains("/connexion"));

    /// <summary>Structures A and B, then every actor signed in on the morning of the appointments (attendance is noted once they have started).</summary>
    async Task<(Objets A, Objets B, Dictionary<string, Acteur> Acteurs)> PreparerAsync()
    {
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
        var comptes = new Dictionary<string, (string, string)>();
        var a = await StructureAsync("A", comptes);
        var b = await StructureAsync("B", comptes);
        comptes["administrateur"] = await app.CreerCompteAsync(Roles.Administrateur);
        comptes["financeur"] = await app.CreerCompteAsync(Roles.Financeur);
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 13, 8, 30, 0, TimeSpan.Zero));
        var acteurs = new Dictionary<string, Acteur> { ["anonyme"] = new Acteur("anonyme", app.ClientAnonyme(), app.ClientAnonyme(), null) };
        foreach (var (nom, (email, mdp)) in comptes) acteurs[nom] = await ActeurAsync(nom, email, mdp);
        return (a, b, acteurs);
    }

    [Fact]
    public async Task Chaque_route_reste_dans_le_perimetre_de_la_structure()
    {
        var (a, b, acteurs) = await PreparerAsync();

        var requetes = new List<Requete>();
        var annee = 2030;
        foreach (var (x, o) in new[] { ("A", a), ("B", b) })
        {
            string[] equipe = ["médiateur " + x, "gestionnaire " + x];
            string[] gestion = ["administrateur", "gestionnaire " + x];
            requetes.AddRange(
            [
                new($"agenda du médiateur {x}", false, equipe, _ => new(HttpMethod.Get, $"/admin/agenda?mediateur={o.Mediateur}&date=2025-03-13")),
                new($"agenda du lieu {x}", false, ["gestionnaire " + x], _ => new(HttpMethod.Get, $"/admin/agenda?lieu={o.Lieu}&date=2025-03-13")),
                new($"émargement {x}", false, equipe, _ => new(HttpMethod.Get, $"/admin/agenda/session/{o.Session}")),
                new($"présence à l'atelier {x}", false, equipe, c => Formulaire(c, $"/admin/agenda/session/{o.Session}", ("inscriptionId", $"{o.Inscription}"), ("statut", "Honoree"))),
                new($"présence au rendez-vous {x}", false, equipe, c => Formulaire(c, "/admin/agenda?handler=Marquer", ("reservationId", $"{o.Reservation}"), ("statut", "Honoree"))),
                new($"lien d'agenda du médiateur {x}", false, ["médiateur " + x], c => Formulaire(c, "/admin/agenda?handler=Ics", ("mediateur", $"{o.Mediateur}"))),
                new($"compte rendu pré-rempli du rendez-vous {x}", false, equipe, _ => new(HttpMethod.Get, $"/activites/nouvelle?reservation={o.Reservation}")),
                new($"compte rendu pré-rempli de l'atelier {x}", false, equipe, _ => new(HttpMethod.Get, $"/activites/nouvelle?session={o.Session}")),
                new($"emploi d'un médiateur {x} dans {x}", true, gestion, _ => new(HttpMethod.Post, $"/api/v1/mediateurs/{o.AutreCarte}/emplois")
                    { Content = JsonContent.Create(new { structureId = o.Structure, debut = $"{annee++}-01-01", fin = $"{annee - 1}-12-31" }) }),
                new($"modification du médiateur {x}", true, gestion, _ => new(HttpMethod.Put, $"/api/v1/mediateurs/{o.AutreCarte}")
                    { Content = JsonContent.Create(new { prenom = "Médiateur", nom = "Modifié " + x }) }),
                new($"archivage d'un médiateur {x}", true, gestion, _ => new(HttpMethod.Delete, $"/api/v1/mediateurs/{o.AutreCarte}")),
            ]);
        }
        // A manager may not add a job at another structure, even to a mediator of theirs.
        requetes.Add(new("emploi du médiateur A dans B", true, ["administrateur"], _ => new(HttpMethod.Post, $"/api/v1/mediateurs/{a.Mediateur}/emplois")
            { Content = JsonContent.Create(new { structureId = b.Structure, debut = $"{annee++}-01-01", fin = $"{annee - 1}-12-31" }) }));

        var echecs = new List<string>();
        foreach (var q in requetes)
            foreach (var acteur in acteurs.Values)
            {
                var r = await (q.Api ? acteur.Api : acteur.Page).SendAsync(q.Construire(acteur));
                var autorise = q.Autorises.Contains(acteur.Nom);
                if (!autorise && !Refuse(r)) echecs.Add($"{q.Nom} : ouvert à {acteur.Nom} ({(int)r.StatusCode} {r.Headers.Location}).");
                if (autorise && (Refuse(r) || (int)r.StatusCode >= 400)) echecs.Add($"{q.Nom} : refusé à {acteur.Nom} ({(int)r.StatusCode} {r.Headers.Location}).");
            }
        echecs.ShouldBeEmpty();
        // The people of structure B stay hidden from A's team, and the refused requests changed nothing there.
        var pageA = await Formulaires.PageAsync(acteurs["gestionnaire A"].Page, "/admin/agenda");
        pageA.QuerySelectorAll("#mediateur option").Select(o => o.GetAttribute("value")).ShouldBe([a.Mediateur.ToString()]);
        (await app.AvecDb(db => db.Mediateurs.Where(m => m.Id == a.Mediateur).SelectMany(m => m.Emplois).CountAsync(e => e.StructureId == b.Structure))).ShouldBe(1);
    }

    [Fact]
    public async Task Un_gestionnaire_ne_lit_pas_l_agenda_d_une_autre_structure()
    {
        var (a, b, acteurs) = await PreparerAsync();
        var gestionnaireA = acteurs["gestionnaire A"].Page;
        var sien = await Formulaires.PageAsync(gestionnaireA, $"/admin/agenda?mediateur={a.Mediateur}&date=2025-03-13");
        sien.QuerySelector("#rendez-vous")!.TextContent.ShouldContain("Odette Martin");
        // The secret calendar link belongs to the mediator alone.
        sien.QuerySelector("form[action*='handler=Ics']").ShouldBeNull();
        var refus = await gestionnaireA.GetAsync($"/admin/agenda?mediateur={b.Mediateur}&date=2025-03-13");
        refus.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await gestionnaireA.GetAsync(refus.Headers.Location);
        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Accès refusé");
        html.ShouldNotContain("Odette");
        (await app.AvecDb(db => db.Reservations.SingleAsync(r => r.Id == b.Reservation))).Statut.ShouldBe(StatutReservation.Confirmee);
    }

    [Fact]
    public async Task Un_financeur_n_a_pas_d_agenda()
    {
        var financeur = await Formulaires.ConnecterAsync(app, Roles.Financeur);
        var accueil = await Formulaires.PageAsync(financeur, "/admin");
        accueil.QuerySelector("a[href='/admin/agenda']").ShouldBeNull();
        Refuse(await financeur.GetAsync("/admin/agenda")).ShouldBeTrue();
        var mediateur = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        (await Formulaires.PageAsync(mediateur, "/admin")).QuerySelector("a[href='/admin/agenda']").ShouldNotBeNull();
    }
}
