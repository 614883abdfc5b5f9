using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>Booking benchmark on the running server: 500 places with permanences over 13 weeks, free-slot search,
/// booking throughput with 32 clients, and 10 000 concurrent attempts on a known number of seats.</summary>
static class RendezVous
{
    public static async Task MesurerAsync(HttpClient http, string motDePasse, string cle, Options options, Mesure sante)
    {
        var connexion = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "bench@passerelle.test", password = motDePasse, twoFactorCode = DoubleFacteur.CodeTotp(cle) });
        connexion.EnsureSuccessStatusCode();
        var jeton = (await connexion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var admin = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton);

        var lieux = new List<(int Id, string Commune)>();
        for (var page = 1; lieux.Count < 500; page++)
        {
            var p = await http.GetFromJsonAsync<JsonElement>($"/api/v1/lieux?taille=100&page={page}");
            foreach (var i in p.GetProperty("items").EnumerateArray()) lieux.Add((i.GetProperty("id").GetInt32(), i.GetProperty("commune").GetString()!));
        }
        lieux = lieux.Take(500).ToList();
        var chrono = Stopwatch.StartNew();
        var mediateurs = new List<int>();
        for (var i = 0; i < 1000; i++)
        {
            var r = await admin.PostAsJsonAsync("/api/v1/mediateurs", new { prenom = "Bench", nom = $"Médiateur {i}" });
            mediateurs.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }
        var creneaux = 0;
        var aujourdHui = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < lieux.Count; i++)
        {
            var r = await admin.PostAsJsonAsync("/api/v1/permanences", new
            {
                lieuId = lieux[i].Id, motifId = 2, type = "Hebdomadaire", jours = new[] { "Tuesday", "Thursday" }, heureDebut = "09:00:00", heureFin = "12:00:00",
                dateDebut = aujourdHui.ToString("yyyy-MM-dd"), mediateurIds = new[] { mediateurs[2 * i], mediateurs[2 * i + 1] },
            });
            r.EnsureSuccessStatusCode();
            creneaux += (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("creneauxGeneres").GetInt32();
        }
        Console.WriteLine($"\n### Rendez-vous\n- préparation : 500 lieux, 1 000 médiateurs, 500 permanences (mardi et jeudi 9 h–12 h, 2 places) → {creneaux} créneaux sur 13 semaines, en {chrono.Elapsed.TotalSeconds:0.0} s par l'API");

        var communes = lieux.Select(l => Uri.EscapeDataString(l.Commune)).Distinct().ToArray();
        var recherches = Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? $"/api/v1/creneaux?commune={communes[i % communes.Length]}&motif=2"
            : $"/api/v1/creneaux?lieu={lieux[i % lieux.Count].Id}").ToArray();
        await Charge.Mesurer(http, recherches, 16, TimeSpan.FromSeconds(3));
        var recherche = await Charge.Mesurer(http, recherches, options.Clients, TimeSpan.FromSeconds(options.Secondes));
        Console.WriteLine($"- recherche de créneaux libres (/api/v1/creneaux, par commune ou par lieu, {options.Clients} clients) : {recherche}");
        Console.WriteLine($"- ratio créneaux/health : p50 ×{recherche.P50 / sante.P50:0.0}, p95 ×{recherche.P95 / sante.P95:0.0}");

        // Throughput: 32 clients book distinct free slots of the first 250 places.
        var libres = new List<int>();
        foreach (var l in lieux.Take(250))
        {
            var p = await http.GetFromJsonAsync<JsonElement>($"/api/v1/creneaux?lieu={l.Id}&taille=500");
            foreach (var c in p.GetProperty("items").EnumerateArray())
                for (var k = 0; k < c.GetProperty("placesRestantes").GetInt32(); k++) libres.Add(c.GetProperty("id").GetInt32());
        }
        var suivant = -1;
        var creees = 0;
        var reservation = await Charge.MesurerAvec(32, TimeSpan.FromSeconds(options.Secondes), async (client, i) =>
        {
            var n = Interlocked.Increment(ref suivant);
            var id = libres[n % libres.Count];
            var r = await http.PostAsJsonAsync("/api/v1/reservations", new { creneauId = id, prenom = "Bench", nom = $"P{n}", telephone = "0612345678", consentement = true });
            if (r.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref creees);
            return r;
        }, code => code is HttpStatusCode.Created or HttpStatusCode.Conflict);
        Console.WriteLine($"- réservations (POST /api/v1/reservations, 32 clients, sièges distincts) : {reservation} ; {creees} créées");

        // 10 000 concurrent attempts on the seats of the other 250 places: exactly as many successes as seats.
        var cibles = new List<(int Id, int Places)>();
        foreach (var l in lieux.Skip(250).Take(250))
        {
            var p = await http.GetFromJsonAsync<JsonElement>($"/api/v1/creneaux?lieu={l.Id}&taille=2");
            foreach (var c in p.GetProperty("items").EnumerateArray()) cibles.Add((c.GetProperty("id").GetInt32(), c.GetProperty("placesRestantes").GetInt32()));
        }
        var sieges = cibles.Sum(c => c.Places);
        int succes = 0, conflits = 0, autres = 0;
        var semaphore = new SemaphoreSlim(64);
        chrono.Restart();
        await Task.WhenAll(Enumerable.Range(0, 10_000).Select(async i =>
        {
            await semaphore.WaitAsync();
            try
            {
                var r = await http.PostAsJsonAsync("/api/v1/reservations", new { creneauId = cibles[i % cibles.Count].Id, prenom = "Course", nom = $"N{i}", email = $"n{i}@exemple.org", consentement = true });
                if (r.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref succes);
                else if (r.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref conflits);
                else Interlocked.Increment(ref autres);
            }
            finally { semaphore.Release(); }
        }));
        var restants = 0;
        foreach (var l in lieux.Skip(250).Take(250))
        {
            var p = await http.GetFromJsonAsync<JsonElement>($"/api/v1/creneaux?lieu={l.Id}&taille=500");
            restants += p.GetProperty("items").EnumerateArray().Where(c => cibles.Any(x => x.Id == c.GetProperty("id").GetInt32())).Sum(c => c.GetProperty("placesRestantes").GetInt32());
        }
        Console.WriteLine($"- 10 000 tentatives concurrentes (64 à la fois) sur {cibles.Count} créneaux totalisant {sieges} places : {succes} réussies, {conflits} refusées (409), {autres} autres, places restantes ensuite {restants} ; surréservation : {(succes > sieges ? "OUI" : "aucune")} ; {chrono.Elapsed.TotalSeconds:0.0} s");
    }
}
