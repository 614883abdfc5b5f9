using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Former.Parcours;
using Passerelle.Features.Notifications;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Former.Parcours.ScenarioParcours;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14 §3: a journal entry's next step with a due date queues one reminder to its author in the outbox, the day before at
/// 8:00 Paris time, void after the due day, naming no learner and carrying no private note; none for a step without a date.</summary>
public class RappelsParcoursTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Prochaine_etape_datee_programme_un_rappel_a_son_auteur()
    {
        var e = await EcoleAsync(app);
        var id = await AdmisAsync(app, e, "Rappel", "Etape");
        var r = await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new
        {
            le = "2025-03-12", synthese = "Point sur la recherche de stage.", notePrivee = "Souci de santé confié.", prochaineEtape = "Relancer l'entreprise d'accueil", prochaineEtapeLe = "2025-03-20",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/journal", new { le = "2025-03-12", prochaineEtape = "Sans date" })).EnsureSuccessStatusCode();
        var rappels = await app.AvecDb(db => db.Notifications.Where(n => n.Type == RappelsParcours.TypeEtape && n.Corps.Contains($"/parcours/inscriptions/{id}")).ToListAsync());
        var n = rappels.ShouldHaveSingleItem();
        (n.Destinataire, n.Canal, n.Etat).ShouldBe((e.ReferentEmail, CanalNotification.Email, EtatNotification.EnAttente));
        n.PrevueLe.ShouldBe(new DateTime(2025, 3, 19, 7, 0, 0)); // 8:00 in Paris (winter time)
        n.PerimeLe.ShouldBe(new DateTime(2025, 3, 20, 23, 0, 0));
        n.Corps.ShouldContain("« Relancer l'entreprise d'accueil »");
        n.Sujet.ShouldContain("20 mars 2025");
        (n.Sujet + n.Corps).ShouldNotContain("Rappel Etape");
        n.Corps.ShouldNotContain("santé");
    }
}
