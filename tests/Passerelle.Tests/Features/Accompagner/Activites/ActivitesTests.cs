using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Comptes;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Activites;

public class ActivitesTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>A mediator account linked to a mediator card working at a place; returns its API client, card and place.</summary>
    async Task<(HttpClient Api, int MediateurId, int LieuId, string Email, string MotDePasse)> MediateurAsync()
    {
        var (api, mediateurId, lieuId, email, mdp) = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        return (api, mediateurId!.Value, lieuId, email, mdp);
    }

    [Fact]
    public async Task Apres_minuit_heure_de_paris_le_jour_local_n_est_pas_dans_le_futur()
    {
        var (api, _, lieuId, _, _) = await MediateurAsync();
        // 23:30 UTC on 11 March is 00:30 on 12 March in Paris: a record of the local day is accepted…
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 11, 23, 30, 0, TimeSpan.Zero));
        try
        {
            object Corps(string date) => new { type = "Accompagnement individuel", date, duree = 20, typeLieu = "Lieu d'activité", lieuId, themes = new[] { "E-mail" } };
            var r = await api.PostAsJsonAsync("/api/v1/activites", Corps("2025-03-12"));
            r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            // …and the next local day is still the future.
            (await api.PostAsJsonAsync("/api/v1/activites", Corps("2025-03-13"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }

    [Fact]
    public async Task Enregistrer_par_l_api_avec_les_libelles_nationaux()
    {
        var (api, mediateurId, lieuId, _, _) = await MediateurAsync();
        var r = await api.PostAsJsonAsync("/api/v1/activites", new
        {
            type = "Accompagnement individuel", date = "2025-03-11", duree = 45, typeLieu = "Lieu d'activité", lieuId,
            themes = new[] { "Aide aux démarches administratives", "E-mail" }, themesDemarches = new[] { "Argent - Impôts" }, nomDemarche = "Déclaration de revenus",
            materiel = new[] { "Ordinateur" }, autonomie = "Avec guidage",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await r.Content.ReadFromJsonAsync<ActiviteCreeeDto>())!.Id;
        var a = await app.AvecDb(db => db.Activites.SingleAsync(x => x.Id == id));
        (a.MediateurId, a.Themes, a.ThemesDemarches, a.Accompagnements).ShouldBe((mediateurId, "Aide aux démarches administratives|E-mail", "Argent - Impôts", 1));

        var atelier = await api.PostAsJsonAsync("/api/v1/activites", new { type = "Atelier collectif", date = "2025-03-10", duree = 120, typeLieu = "À domicile", commune = "Istres",
            themes = new[] { "Navigation sur internet" }, materiel = Array.Empty<string>(), participantsAnonymes = 9 });
        atelier.StatusCode.ShouldBe(HttpStatusCode.Created);
        var idAtelier = (await atelier.Content.ReadFromJsonAsync<ActiviteCreeeDto>())!.Id;
        (await app.AvecDb(db => db.Activites.SingleAsync(x => x.Id == idAtelier))).Accompagnements.ShouldBe(9); // a workshop counts its participants
    }

    [Theory]
    [InlineData("type", "Permanence")]
    [InlineData("typeLieu", "Dans la rue")]
    [InlineData("autonomie", "Très autonome")]
    [InlineData("theme", "Jardinage")]
    [InlineData("materiel", "Minitel")]
    [InlineData("date", "2099-01-01")]
    [InlineData("duree", "0")]
    public async Task Valeurs_hors_des_listes_nationales_refusees(string champ, string valeur)
    {
        var (api, _, lieuId, _, _) = await MediateurAsync();
        var corps = new Dictionary<string, object?>
        {
            ["type"] = "Accompagnement individuel", ["date"] = "2025-03-11", ["duree"] = 30, ["typeLieu"] = "Lieu d'activité", ["lieuId"] = lieuId,
            ["themes"] = new[] { "E-mail" }, ["materiel"] = new[] { "Téléphone" },
        };
        switch (champ)
        {
            case "theme": corps["themes"] = new[] { valeur }; break;
            case "materiel": corps["materiel"] = new[] { valeur }; break;
            case "duree": corps["duree"] = int.Parse(valeur); break;
            default: corps[champ] = valeur; break;
        }
        var avant = await app.AvecDb(db => db.Activites.CountAsync());
        var r = await api.PostAsJsonAsync("/api/v1/activites", corps);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await r.Content.ReadAsStringAsync()).ShouldContain("Compte rendu invalide");
        (await app.AvecDb(db => db.Activites.CountAsync())).ShouldBe(avant);
    }

    [Fact]
    public async Task Un_compte_sans_fiche_de_mediateur_ou_un_financeur_ne_peut_pas_enregistrer()
    {
        var corps = new { type = "Accompagnement individuel", date = "2025-03-11", duree = 30, typeLieu = "À distance", themes = new[] { "E-mail" } };
        var sansFiche = await (await app.ClientApiAsync(Roles.Mediateur)).PostAsJsonAsync("/api/v1/activites", corps);
        sansFiche.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sansFiche.Content.ReadAsStringAsync()).ShouldContain("fiche de médiateur");
        (await (await app.ClientApiAsync(Roles.Financeur)).PostAsJsonAsync("/api/v1/activites", corps)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Un_rendez_vous_honore_donne_un_compte_rendu_pre_rempli_une_seule_fois()
    {
        var (_, mediateurId, lieuId, email, mdp) = await MediateurAsync();
        await Scenario.PermanenceAsync(app, lieuId, [mediateurId], [DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(9, 45));
        var c = await app.AvecDb(db => db.Creneaux.Where(x => x.LieuId == lieuId).OrderBy(x => x.Debut).FirstAsync());
        (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(c.Id, prenom: "Hélène"))).EnsureSuccessStatusCode();
        var reservationId = await app.AvecDb(db => db.Reservations.Where(r => r.CreneauId == c.Id).Select(r => r.Id).SingleAsync());
        await app.AvecDb(db => db.Reservations.Where(r => r.Id == reservationId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Statut, StatutReservation.Honoree)));
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 13, 10, 0, 0, TimeSpan.Zero));
        try
        {
            var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            var connexion = await Formulaires.PageAsync(client, "/connexion");
            await Formulaires.SoumettreAsync(client, connexion.QuerySelector<IHtmlFormElement>("main form")!, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]);
            var page = await Formulaires.PageAsync(client, $"/activites/nouvelle?reservation={reservationId}");
            page.QuerySelector("#date")!.GetAttribute("value").ShouldBe("2025-03-13");
            page.QuerySelector("#duree")!.GetAttribute("value").ShouldBe("45");
            page.QuerySelector("input[name='Saisie.Themes'][value='Aide aux démarches administratives']")!.HasAttribute("checked").ShouldBeTrue();
            page.QuerySelector("#demarche")!.GetAttribute("value").ShouldBe("Déclaration de revenus");
            // One click: confirm as proposed.
            var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, []);
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await app.AvecDb(db => db.Activites.SingleAsync(a => a.ReservationId == reservationId))).MediateurId.ShouldBe(mediateurId);
            var liste = await Formulaires.PageAsync(client, "/activites");
            liste.QuerySelectorAll("#activites tbody tr").Length.ShouldBeGreaterThanOrEqualTo(1);
            // Twice: refused.
            var encore = await Formulaires.SoumettreAsync(client, (await Formulaires.PageAsync(client, $"/activites/nouvelle?reservation={reservationId}")).QuerySelector<IHtmlFormElement>("main form")!, []);
            encore.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await encore.Content.ReadAsStringAsync()).ShouldContain("déjà son compte rendu");
            (await app.AvecDb(db => db.Activites.CountAsync(a => a.ReservationId == reservationId))).ShouldBe(1);
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }
}
