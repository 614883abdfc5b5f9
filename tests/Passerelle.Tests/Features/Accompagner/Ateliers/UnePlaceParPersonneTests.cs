using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features.Accompagner.Ateliers;

/// <summary>Reported case 06: the same person posted twice to one workshop session and took two seats with two confirmations.
/// One person (same e-mail whatever its case, or same phone however written) holds one active registration per session and one
/// active booking per slot; a unique filtered index holds it under parallel requests (run on PostgreSQL by the test script).</summary>
public class UnePlaceParPersonneTests(AppFactory app) : IClassFixture<AppFactory>
{
    static Dictionary<string, object?> Cas06()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Donnees", "cas-signales", "06-inscription-atelier-doublon.json"));
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!
            .ToDictionary(kv => kv.Key, kv => (object?)(kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString() : kv.Value.GetBoolean()));
    }

    static Dictionary<string, object?> Avec(Dictionary<string, object?> p, string cle, object? valeur) => new(p) { [cle] = valeur };

    [Fact]
    public async Task Le_cas_06_poste_deux_fois_ne_prend_qu_une_place_et_n_envoie_qu_une_confirmation()
    {
        var lieu = await Scenario.LieuAsync(app);
        var session = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 4, 2, 12, 0, 0), capacite: 10);
        var client = app.ClientAnonyme();
        var url = $"/api/v1/ateliers/sessions/{session.Id}/inscriptions";
        var cas = Cas06();
        Task<int> Confirmations() => app.AvecDb(db => db.Notifications.CountAsync(n => n.Type == Passerelle.Features.Notifications.Avis.Confirmation
            && db.Inscriptions.Any(i => i.Id == n.InscriptionId && i.SessionId == session.Id)));
        (await client.PostAsJsonAsync(url, cas)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var confirmations = await Confirmations();
        confirmations.ShouldBeGreaterThan(0);
        var deuxieme = await client.PostAsJsonAsync(url, cas);
        deuxieme.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await deuxieme.Content.ReadAsStringAsync()).ShouldContain("déjà inscrit(e)");
        // The same person written otherwise: e-mail in capitals without phone, phone in international form without e-mail.
        (await client.PostAsJsonAsync(url, Avec(Avec(cas, "email", "JOSIANE.Exemple@exemple.fr"), "telephone", null))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsJsonAsync(url, Avec(Avec(cas, "telephone", "+33 6 98 76 54 32"), "email", null))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.AvecDb(db => db.SessionsAteliers.SingleAsync(s => s.Id == session.Id))).Inscrits.ShouldBe(1);
        (await app.AvecDb(db => db.Inscriptions.CountAsync(i => i.SessionId == session.Id))).ShouldBe(1);
        (await Confirmations()).ShouldBe(confirmations);

        // Once cancelled, the person may register again.
        var jeton = await app.AvecDb(db => db.Inscriptions.Where(i => i.SessionId == session.Id).Select(i => i.Jeton).SingleAsync());
        (await client.DeleteAsync($"/api/v1/inscriptions/{jeton}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync(url, cas)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task En_parallele_une_seule_inscription_et_une_seule_reservation_par_personne()
    {
        var lieu = await Scenario.LieuAsync(app);
        var session = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 4, 9, 12, 0, 0), capacite: 10);
        var clients = Enumerable.Range(0, 8).Select(_ => app.ClientAnonyme()).ToArray();
        var cas = Cas06();
        var variantes = new[] { cas, Avec(cas, "email", "Josiane.Exemple@Exemple.fr"), Avec(Avec(cas, "telephone", "0698765432"), "email", null) };
        var reponses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            clients[i % clients.Length].PostAsJsonAsync($"/api/v1/ateliers/sessions/{session.Id}/inscriptions", variantes[i % variantes.Length])));
        reponses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        reponses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(29);
        foreach (var r in reponses.Where(r => r.StatusCode == HttpStatusCode.Conflict)) (await r.Content.ReadAsStringAsync()).ShouldContain("déjà inscrit(e)");
        (await app.AvecDb(db => db.Inscriptions.CountAsync(i => i.SessionId == session.Id))).ShouldBe(1);
        (await app.AvecDb(db => db.SessionsAteliers.SingleAsync(s => s.Id == session.Id))).Inscrits.ShouldBe(1);

        // A slot of three seats: the same person gets one of them.
        var m = await Scenario.MediateursAsync(app, 1);
        var permanence = await Scenario.PermanenceAsync(app, lieu.Id, m.Select(x => x.Id), [DayOfWeek.Thursday], new TimeOnly(14, 0), new TimeOnly(14, 45));
        var creneau = await app.AvecDb(async db =>
        {
            var c = await db.Creneaux.Where(x => x.PermanenceId == permanence).OrderBy(x => x.Debut).FirstAsync();
            c.Capacite = 3;
            await db.SaveChangesAsync();
            return c.Id;
        });
        object Personne(int i) => Scenario.Personne(creneau, prenom: "Josiane", email: i % 2 == 0 ? "josiane.exemple@exemple.fr" : "JOSIANE.EXEMPLE@exemple.fr",
            telephone: i % 3 == 0 ? "06 98 76 54 32" : null);
        var reservations = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => clients[i % clients.Length].PostAsJsonAsync("/api/v1/reservations", Personne(i))));
        reservations.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        reservations.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(29);
        (await reservations.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync()).ShouldContain("déjà réservé ce créneau");
        (await app.AvecDb(db => db.Reservations.CountAsync(r => r.CreneauId == creneau))).ShouldBe(1);
        (await app.AvecDb(db => db.Creneaux.SingleAsync(c => c.Id == creneau))).Reserves.ShouldBe(1);
        // Someone else still gets a seat.
        (await clients[0].PostAsJsonAsync("/api/v1/reservations", Scenario.Personne(creneau, prenom: "Paul", email: "paul@exemple.fr", telephone: null)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task La_base_refuse_une_deuxieme_inscription_active_meme_si_le_code_l_oubliait()
    {
        var lieu = await Scenario.LieuAsync(app);
        var session = await Scenario.SessionAsync(app, lieu.Id, new DateTime(2025, 4, 16, 12, 0, 0), capacite: 10);
        Inscription Ligne(string email, StatutInscription statut) => new()
            { SessionId = session.Id, Jeton = Jetons.Nouveau(), Prenom = "J", Nom = "E", Email = email, Statut = statut, CreeLe = DateTime.UtcNow, Consentement = true };
        await app.AvecDb(async db => { db.Inscriptions.Add(Ligne("a@exemple.fr", StatutInscription.Annulee)); db.Inscriptions.Add(Ligne("a@exemple.fr", StatutInscription.Inscrit)); await db.SaveChangesAsync(); });
        await Should.ThrowAsync<DbUpdateException>(() => app.AvecDb(async db => { db.Inscriptions.Add(Ligne("A@Exemple.FR", StatutInscription.ListeAttente)); await db.SaveChangesAsync(); }));
    }
}
