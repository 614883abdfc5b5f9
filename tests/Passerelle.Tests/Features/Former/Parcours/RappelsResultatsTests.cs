using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Passerelle.Features.Former.Parcours;
using Passerelle.Features.Notifications;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Former.Parcours.ScenarioParcours;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14 §4, the reminders of the week's outcomes queue (<see cref="RappelsResultats"/>): the daily job e-mails the referent the
/// outcomes due this week, each outcome-moment once — two runs, or two instances at once, give one message; a recorded outcome is never
/// reminded; with the clock moved to the +3-month week, the next moment is reminded, and only it.</summary>
public class RappelsResultatsTests(AppFactory app) : IClassFixture<AppFactory>
{
    Task<int> PasserAsync() => app.AvecDb(db => RappelsResultats.ExecuterAsync(db, app.Horloge, NullLogger.Instance, default));
    Task<List<Notification>> MessagesAsync(string a) =>
        app.AvecDb(db => db.Notifications.Where(n => n.Type == RappelsResultats.Type && n.Destinataire == a).OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task Un_rappel_par_resultat_du_meme_si_la_tache_passe_deux_fois()
    {
        app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); // a Wednesday
        var e = await EcoleAsync(app);
        var a = await AdmisAsync(app, e, "Rappel", "Alpha");
        var b = await AdmisAsync(app, e, "Rappel", "Bravo");
        foreach (var id in new[] { a, b })
            (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{id}/sortie", new { statut = "termine", le = "2025-03-12" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await e.Referent.PostAsJsonAsync($"/api/v1/parcours/inscriptions/{b}/resultats", new { moment = "sortie", type = "CDI", date = "2025-03-12", source = "declaratif" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        // Two instances at once, then a second day: one message, naming the pathway still due (A at exit) and not the recorded one (B).
        await Task.WhenAll(PasserAsync(), PasserAsync());
        await PasserAsync();
        var m = (await MessagesAsync(e.ReferentEmail)).ShouldHaveSingleItem();
        (m.Canal, m.Etat).ShouldBe((CanalNotification.Email, EtatNotification.EnAttente));
        m.Sujet.ShouldBe("Parcours : un résultat à recueillir cette semaine");
        m.Corps.ShouldContain($"à la sortie, attendu le 12/03/2025 : /parcours/inscriptions/{a}");
        m.Corps.ShouldNotContain($"/parcours/inscriptions/{b}");
        m.Corps.ShouldNotContain("Alpha");
        (await app.AvecDb(db => db.Set<RappelResultat>().CountAsync(r => r.InscriptionId == a || r.InscriptionId == b))).ShouldBe(1);

        // The +3-month week (Monday 9 to Sunday 15 June): A's and B's +3 months are reminded in one message, A's exit not again.
        app.Horloge.Regler(new DateTimeOffset(2025, 6, 10, 6, 0, 0, TimeSpan.Zero));
        await PasserAsync();
        await PasserAsync();
        var messages = await MessagesAsync(e.ReferentEmail);
        messages.Count.ShouldBe(2);
        messages[1].Sujet.ShouldBe("Parcours : 2 résultats à recueillir cette semaine");
        messages[1].Corps.ShouldContain($"à 3 mois, attendu le 12/06/2025 : /parcours/inscriptions/{a}");
        messages[1].Corps.ShouldContain($"à 3 mois, attendu le 12/06/2025 : /parcours/inscriptions/{b}");
        messages[1].Corps.ShouldNotContain("à la sortie");
    }
}
