using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// The soak of issue 16: the realistic mix against a running Passerelle (HAProxy in front of two instances, started by
/// <c>scripts/cluster.sh --endurance N</c>), for a duration, with think times — citizens search the directory, list
/// free slots, book one, read and cancel their booking (so seats stay free); mediators record an accompaniment and read
/// their people's files; coordinators read the year's and the month's statistics. Usage:
///   Passerelle.Bench endurance --url http://127.0.0.1:PORT --comptes demo-comptes.txt [--secondes 60]
///       [--citoyens 16] [--mediateurs 4] [--coordinateurs 2]
/// Prints one line per route (requests, answers by HTTP code, p50/p95/p99 in ms) and the summary
///   endurance: N requêtes, E erreurs
/// where an error is an answer outside the route's expected codes (a 409 on a booking whose slot filled meanwhile is
/// expected) or no answer at all (timeout, connection reset). Exit code 0 when E = 0.
/// </summary>
static class Endurance
{
    sealed record Appel(string Route, int Code, double Ms);

    public static async Task<int> ExecuterAsync(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var url = V("--url") ?? throw new ArgumentException("--url manquant");
        var comptes = File.ReadAllLines(V("--comptes") ?? throw new ArgumentException("--comptes manquant"))
            .Select(l => l.Split(' ')).Where(p => p.Length == 3).ToDictionary(p => p[0], p => (Email: p[1], MotDePasse: p[2]));
        var duree = TimeSpan.FromSeconds(int.Parse(V("--secondes") ?? "60"));
        int citoyens = int.Parse(V("--citoyens") ?? "16"), mediateurs = int.Parse(V("--mediateurs") ?? "4"), coordinateurs = int.Parse(V("--coordinateurs") ?? "2");

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), MaxConnectionsPerServer = 256 })
        { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var jetonMediateur = await ConnecterAsync(http, comptes["mediateur"]);
        var jetonGestionnaire = await ConnecterAsync(http, comptes["gestionnaire"]);
        var appels = new ConcurrentBag<Appel>();
        var fin = Stopwatch.GetTimestamp() + (long)(duree.TotalSeconds * Stopwatch.Frequency);
        bool Encore() => Stopwatch.GetTimestamp() < fin;
        Console.WriteLine($"# Endurance — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {duree.TotalSeconds:0} s, {citoyens} citoyens, {mediateurs} médiateurs, "
            + $"{coordinateurs} coordinateurs, {Environment.ProcessorCount} cœurs");

        var taches = new List<Task>();
        for (var i = 0; i < citoyens; i++) { var n = i; taches.Add(Task.Run(() => CitoyenAsync(http, appels, n, Encore))); }
        for (var i = 0; i < mediateurs; i++) { var n = i; taches.Add(Task.Run(() => MediateurAsync(http, appels, jetonMediateur, n, Encore))); }
        for (var i = 0; i < coordinateurs; i++) { var n = i; taches.Add(Task.Run(() => CoordinateurAsync(http, appels, jetonGestionnaire, n, Encore))); }
        await Task.WhenAll(taches);

        var erreurs = 0;
        foreach (var g in appels.GroupBy(a => a.Route).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = g.Select(a => a.Ms).Order().ToArray();
            double Q(double q) => ms[Math.Min(ms.Length - 1, (int)(q * ms.Length))];
            var codes = string.Join(", ", g.GroupBy(a => a.Code).OrderBy(c => c.Key).Select(c => $"{(c.Key == 0 ? "sans réponse" : c.Key.ToString())} × {c.Count()}"));
            var mauvais = g.Count(a => !Attendu(a.Route, a.Code));
            erreurs += mauvais;
            Console.WriteLine($"- {g.Key} : {ms.Length} requêtes ({codes}), p50 {Q(0.5):0} ms, p95 {Q(0.95):0} ms, p99 {Q(0.99):0} ms, erreurs {mauvais}");
        }
        Console.WriteLine($"endurance: {appels.Count} requêtes, {erreurs} erreurs");
        return erreurs == 0 && !appels.IsEmpty ? 0 : 1;
    }

    /// <summary>The codes a route may answer under a correct load: anything else counts as an error.</summary>
    static bool Attendu(string route, int code) => route switch
    {
        "POST /api/v1/reservations" => code is 201 or 409,
        "POST /api/v1/activites" => code == 201,
        "DELETE /api/v1/reservations/{jeton}" => code == 204,
        _ => code == 200,
    };

    static async Task<string> ConnecterAsync(HttpClient http, (string Email, string MotDePasse) compte)
    {
        using var r = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = compte.Email, password = compte.MotDePasse });
        r.EnsureSuccessStatusCode();
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Sends one request, records its route, code (0 = no answer) and duration; returns the body when it is 2xx.</summary>
    static async Task<string?> EnvoyerAsync(HttpClient http, ConcurrentBag<Appel> appels, string route, HttpRequestMessage requete)
    {
        var t = Stopwatch.GetTimestamp();
        try
        {
            using var r = await http.SendAsync(requete);
            var corps = await r.Content.ReadAsStringAsync();
            appels.Add(new Appel(route, (int)r.StatusCode, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            return r.IsSuccessStatusCode ? corps : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            appels.Add(new Appel(route, 0, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            return null;
        }
    }

    static HttpRequestMessage Get(string chemin, string? jeton = null)
    {
        var m = new HttpRequestMessage(HttpMethod.Get, chemin);
        if (jeton is not null) m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
        return m;
    }

    static readonly string[] Communes = ["Marseille", "Aubagne", "Martigues", "Aix-en-Provence", "Port-Saint-Louis-du-Rhône", "La Ciotat"];
    static readonly string[] Mots = ["media", "centre", "france", "numérique", "social"];

    static async Task CitoyenAsync(HttpClient http, ConcurrentBag<Appel> appels, int n, Func<bool> encore)
    {
        var hasard = new Random(1000 + n);
        Task Pause() => Task.Delay(hasard.Next(1000, 3000));
        while (encore())
        {
            var commune = Uri.EscapeDataString(Communes[hasard.Next(Communes.Length)]);
            await EnvoyerAsync(http, appels, "GET /api/v1/lieux", Get(hasard.Next(2) == 0 ? $"/api/v1/lieux?commune={commune}"
                : $"/api/v1/lieux?q={Uri.EscapeDataString(Mots[hasard.Next(Mots.Length)])}&ouvert=true"));
            await Pause();
            if (hasard.Next(3) == 0) { await EnvoyerAsync(http, appels, "GET /lieux (page)", Get($"/lieux?commune={commune}")); await Pause(); }
            var creneaux = await EnvoyerAsync(http, appels, "GET /api/v1/creneaux", Get("/api/v1/creneaux?taille=20"));
            await Pause();
            if (creneaux is null || hasard.Next(3) != 0 || !encore()) continue;
            var libres = JsonDocument.Parse(creneaux).RootElement.GetProperty("items").EnumerateArray()
                .Where(c => c.GetProperty("placesRestantes").GetInt32() >= 1).Select(c => c.GetProperty("id").GetInt32()).ToArray();
            if (libres.Length == 0) continue;
            var reservation = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations")
            {
                Content = JsonContent.Create(new { creneauId = libres[hasard.Next(libres.Length)], prenom = "Endurance", nom = $"Citoyen {n}",
                    email = $"endurance{n}@exemple.fr", consentement = true }),
            };
            var reponse = await EnvoyerAsync(http, appels, "POST /api/v1/reservations", reservation);
            if (reponse is null) continue;
            var jeton = JsonDocument.Parse(reponse).RootElement.GetProperty("jeton").GetString();
            await Pause();
            await EnvoyerAsync(http, appels, "GET /api/v1/reservations/{jeton}", Get($"/api/v1/reservations/{jeton}"));
            await Pause();
            await EnvoyerAsync(http, appels, "DELETE /api/v1/reservations/{jeton}", new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/reservations/{jeton}"));
        }
    }

    static async Task MediateurAsync(HttpClient http, ConcurrentBag<Appel> appels, string jeton, int n, Func<bool> encore)
    {
        var hasard = new Random(2000 + n);
        while (encore())
        {
            var compteRendu = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activites")
            {
                Content = JsonContent.Create(new { type = "Accompagnement individuel", date = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
                    duree = 15 * hasard.Next(1, 5), typeLieu = "À distance", themes = new[] { "E-mail" } }),
            };
            compteRendu.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
            await EnvoyerAsync(http, appels, "POST /api/v1/activites", compteRendu);
            await Task.Delay(hasard.Next(3000, 6000));
            await EnvoyerAsync(http, appels, "GET /api/v1/beneficiaires", Get("/api/v1/beneficiaires", jeton));
            await Task.Delay(hasard.Next(3000, 6000));
        }
    }

    static async Task CoordinateurAsync(HttpClient http, ConcurrentBag<Appel> appels, string jeton, int n, Func<bool> encore)
    {
        var hasard = new Random(3000 + n);
        var annee = DateTime.UtcNow.Year;
        while (encore())
        {
            await EnvoyerAsync(http, appels, "GET /api/v1/statistiques (année)", Get($"/api/v1/statistiques?du={annee}-01-01&au={annee}-12-31", jeton));
            await Task.Delay(hasard.Next(5000, 10000));
            var mois = hasard.Next(1, 12);
            await EnvoyerAsync(http, appels, "GET /api/v1/statistiques (mois)",
                Get($"/api/v1/statistiques?du={annee}-{mois:00}-01&au={new DateOnly(annee, mois, 1).AddMonths(1).AddDays(-1):yyyy-MM-dd}", jeton));
            await Task.Delay(hasard.Next(5000, 10000));
        }
    }
}
