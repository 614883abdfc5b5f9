using System.Net;
using System.Net.Http.Json;
using Passerelle.Features.Activites;
using Passerelle.Features.Comptes;
using Passerelle.Features.Statistiques;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Activites;

public class StatistiquesTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task SemerAsync() => await app.AvecDb(async db =>
    {
        if (db.Activites.Any(a => a.Notes == "stat")) return;
        var m = new Passerelle.Features.Mediateurs.Mediateur { Prenom = "Stat", Nom = "Istique" };
        db.Mediateurs.Add(m);
        await db.SaveChangesAsync();
        Activite A(string type, DateOnly date, int duree, string themes, int participants = 0, string typeLieu = "À distance") => new()
        {
            MediateurId = m.Id, Type = type, Date = date, DureeMinutes = duree, TypeLieu = typeLieu, Themes = themes, ParticipantsAnonymes = participants, Notes = "stat",
            CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
        };
        db.Activites.AddRange(
            A(VocabulaireCoop.Collectif, new DateOnly(2025, 1, 15), 120, "Navigation sur internet", participants: 10, typeLieu: "Autre lieu"),
            A(VocabulaireCoop.Individuel, new DateOnly(2025, 1, 20), 45, "Aide aux démarches administratives"),
            A(VocabulaireCoop.Individuel, new DateOnly(2025, 2, 3), 20, "E-mail|Navigation sur internet"),
            A(VocabulaireCoop.Individuel, new DateOnly(2025, 2, 4), 60, "E-mail"));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Un_atelier_compte_ses_participants_et_les_filtres_s_appliquent()
    {
        await SemerAsync();
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var t = (await admin.GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2025-01-01&au=2025-02-28"))!;
        t.Accompagnements.ShouldBe(13); // 10 participants + 3 individual accompaniments
        t.Ateliers.ShouldBe(1);
        t.ParMois.Select(m => (m.Libelle, m.Accompagnements)).ShouldBe([("2025-01", 11), ("2025-02", 2)]);
        t.ParTheme.Single(x => x.Libelle == "Navigation sur internet").Accompagnements.ShouldBe(11);
        t.ParDuree.Single(x => x.Libelle == "Moins de 30 min").Accompagnements.ShouldBe(1);
        t.Masque.ShouldBeFalse();
        var individuels = (await admin.GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2025-01-01&au=2025-02-28&type=Accompagnement%20individuel&theme=E-mail"))!;
        individuels.Accompagnements.ShouldBe(2);
        (await admin.GetAsync("/api/v1/statistiques?qpv=QN01301M")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/statistiques?theme=Jardinage")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/statistiques?du=2025-03-01&au=2025-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Les_financeurs_et_la_page_publique_ne_voient_pas_les_petits_nombres()
    {
        await SemerAsync();
        var financeur = await app.ClientApiAsync(Roles.Financeur);
        var t = (await financeur.GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2025-01-01&au=2025-02-28"))!;
        t.Masque.ShouldBeTrue();
        t.ParMois.Single(m => m.Libelle == "2025-01").Accompagnements.ShouldBe(11);
        t.ParMois.Single(m => m.Libelle == "2025-02").Accompagnements.ShouldBe(-1); // 2 < 5: masked
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/statistiques/public?du=2025-01-01&au=2025-02-28");
        page.QuerySelector("#tableau-mois")!.TextContent.ShouldContain("moins de 5");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Istique");
        var csv = await (await app.ClientApiAsync(Roles.Administrateur)).GetStringAsync("/api/v1/statistiques.csv?du=2025-01-01&au=2025-02-28&type=Atelier%20collectif");
        csv.ShouldContain("\"du=2025-01-01\"");
        csv.ShouldContain("\"type=Atelier collectif\"");
        csv.ShouldContain("\"Total\",\"\",\"10\",\"1\"");
    }
}
