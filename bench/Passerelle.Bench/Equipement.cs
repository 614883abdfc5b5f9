using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>Équiper benchmark: N devices (default 100 000) in lots of 500 and 10 history lines each (1 000 000 events) spread over the
/// last twelve months, generated straight into the database after the lots are created through the API; then, on the running
/// server with a signed-in manager, p50/p95 of the scan lookup (<c>/admin/equipement/scan?code=</c>, by tag and by serial, the
/// redirect not followed) against <c>/health</c> measured in the same run, the dashboard (<c>/admin/equipement/tableau-de-bord</c>,
/// last twelve months, with the history's index <c>(Vers, Le, AppareilId)</c>, then in the same run with the previous <c>(Le, Vers, AppareilId)</c>
/// in its place, each after its query plan) and the label sheet of a lot of 500 devices (<c>/admin/equipement/lots/{id}/etiquettes</c>).
/// Usage: bench.sh equipement [--appareils 100000] [--secondes 10] [--clients 8] [--pg "Host=…;Database=postgres"] [--sans-sqlite]</summary>
static class EquipementBench
{
    const int ParLot = 500, EvenementsParAppareil = 10;
    static readonly string[] Chemin = ["recu", "qualifie", "efface", "teste", "classe", "reconditionne", "en_stock", "reserve", "en_stock", "vendu"];

    public static async Task<int> ExecuterAsync(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var app = V("--app") ?? Path.GetFullPath("src/Passerelle/bin/Release/net10.0/Passerelle.dll");
        var appareils = int.Parse(V("--appareils") ?? "100000");
        var secondes = int.Parse(V("--secondes") ?? "10");
        var clients = int.Parse(V("--clients") ?? "8");
        var dossier = V("--dossier") ?? Path.GetFullPath("bench/results");
        Directory.CreateDirectory(dossier);
        var lots = (appareils + ParLot - 1) / ParLot;
        Console.WriteLine($"# Passerelle bench équipement — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {appareils:N0} appareils en {lots} lots, "
            + $"{appareils * EvenementsParAppareil:N0} événements, {clients} clients, {secondes} s par mesure");
        var bases = new List<(string Nom, string[] Config, Func<DbConnection> Connexion, bool Pg)>();
        var fichier = Path.Combine(dossier, $"equipement-{Guid.NewGuid():N}.db");
        if (!args.Contains("--sans-sqlite")) bases.Add(("SQLite", ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={fichier}"], () => new SqliteConnection($"Data Source={fichier}"), false));
        if (V("--pg") is { Length: > 0 } pg)
        {
            var cs = pg.Replace("Database=postgres", "Database=equipement_" + Environment.ProcessId);
            bases.Add(("PostgreSQL", ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={cs}"], () => new NpgsqlConnection(cs), true));
        }
        foreach (var (nom, config, connexion, estPg) in bases)
        {
            Console.WriteLine($"\n## {nom}");
            await Processus.Executer(app, ["migrate", .. config], attendre: true);
            var motDePasse = "Bench-" + Guid.NewGuid().ToString("N");
            await Processus.Executer(app, ["admin", "create", "--email", "bench@passerelle.test", .. config], attendre: true, entree: motDePasse);
            var port = Processus.PortLibre();
            string[] serveurArgs = [$"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning", "--Taches:Actives=false",
                "--RateLimit:EcrituresParMinute=1000000", "--RateLimit:ReservationsParMinute=1000000", "--RateLimit:RecherchesParMinute=1000000", "--RateLimit:ConnexionsParMinute=1000", .. config];
            var serveur = Processus.Demarrer(app, serveurArgs);
            var cookies = new CookieContainer();
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(300) };
            try
            {
                await AttendreDemarrageAsync(http);
                // A manager, not an administrator: administrators need a second factor for the API and every staff page.
                await using (var c = connexion())
                {
                    await c.OpenAsync();
                    await using var cmd = c.CreateCommand();
                    cmd.CommandText = "UPDATE \"AspNetUserRoles\" SET \"RoleId\" = (SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = 'Gestionnaire') "
                        + "WHERE \"UserId\" = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'bench@passerelle.test')";
                    if (await cmd.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("Le compte du bench n'a pas pu devenir gestionnaire.");
                }
                (await http.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email = "bench@passerelle.test", password = motDePasse })).EnsureSuccessStatusCode();
                var chrono = Stopwatch.StartNew();
                var idsLots = new List<int>();
                // The API with a bearer token (a cookie-signed API write would need the antiforgery token of a page).
                using var api = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromSeconds(300) };
                var jeton = (await (await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "bench@passerelle.test", password = motDePasse }))
                    .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton);
                for (var l = 0; l < lots; l++) idsLots.Add(await LotAsync(api, l));
                Console.WriteLine($"- {lots} lots créés par l'API (offre, acceptation, réception) : {chrono.Elapsed.TotalSeconds:0.0} s");
                chrono.Restart();
                await using (var c = connexion()) { await c.OpenAsync(); await GenererAsync(c, idsLots, appareils, estPg); }
                Console.WriteLine($"- génération directe en base ({appareils:N0} appareils, {appareils * EvenementsParAppareil:N0} événements) : {chrono.Elapsed.TotalSeconds:0.0} s");
                var r = new Random(5);
                var scans = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? $"/admin/equipement/scan?code=EQ-{1 + r.Next(appareils):D6}" : $"/admin/equipement/scan?code=BENCH-{r.Next(appareils)}").ToArray();
                await Charge.Mesurer(http, ["/health"], clients, TimeSpan.FromSeconds(3)); // warm-up
                await Charge.Mesurer(http, scans, clients, TimeSpan.FromSeconds(3));
                var sante = await Charge.Mesurer(http, ["/health"], clients, TimeSpan.FromSeconds(secondes));
                var scan = await Charge.Mesurer(http, scans, clients, TimeSpan.FromSeconds(secondes));
                Console.WriteLine($"- /health : {sante}");
                Console.WriteLine($"- scan (étiquette ou numéro de série, redirection non suivie) : {scan}");
                Console.WriteLine($"- ratio scan/health : p50 ×{scan.P50 / sante.P50:0.0}, p95 ×{scan.P95 / sante.P95:0.0}");
                await using (var c = connexion()) { await c.OpenAsync(); await PlanAsync(c, estPg); }
                var tableau = await Charge.Mesurer(http, ["/admin/equipement/tableau-de-bord"], 2, TimeSpan.FromSeconds(secondes));
                Console.WriteLine($"- tableau de bord (12 derniers mois, 2 clients), index (Vers, Le, AppareilId) : {tableau}");
                // Before, in the same run: the index of the previous version, led by the date, in place of the new one.
                await using (var c = connexion())
                {
                    await c.OpenAsync();
                    await using var cmd = c.CreateCommand();
                    cmd.CommandTimeout = 600;
                    cmd.CommandText = "DROP INDEX \"IX_EvenementsAppareils_Vers_Le_AppareilId\"; CREATE INDEX \"IX_EvenementsAppareils_Le_Vers_AppareilId\" ON \"EvenementsAppareils\" (\"Le\", \"Vers\", \"AppareilId\"); ANALYZE";
                    await cmd.ExecuteNonQueryAsync();
                    await PlanAsync(c, estPg);
                }
                var avant = await Charge.Mesurer(http, ["/admin/equipement/tableau-de-bord"], 2, TimeSpan.FromSeconds(secondes));
                Console.WriteLine($"- tableau de bord, avant : index (Le, Vers, AppareilId) de la version précédente : {avant} ; ratio p95 avant/après ×{avant.P95 / tableau.P95:0.0}");
                var etiquettes = await Charge.Mesurer(http, [$"/admin/equipement/lots/{idsLots[0]}/etiquettes"], 2, TimeSpan.FromSeconds(secondes));
                Console.WriteLine($"- planche d'étiquettes d'un lot de {ParLot} appareils (QR codes, 2 clients) : {etiquettes}");
                var statut = (await http.GetAsync($"/admin/equipement/lots/{idsLots[0]}/etiquettes")).StatusCode;
                var ouverture = await http.GetAsync("/admin/equipement/scan?code=BENCH-5");
                var statutTableau = (await http.GetAsync("/admin/equipement/tableau-de-bord")).StatusCode;
                if (statut != HttpStatusCode.OK || statutTableau != HttpStatusCode.OK || ouverture.StatusCode != HttpStatusCode.Redirect || ouverture.Headers.Location?.ToString() != "/admin/equipement/appareils/6")
                    throw new InvalidOperationException($"Réponses inattendues (étiquettes : {statut}, tableau : {statutTableau}, scan : {(int)ouverture.StatusCode} {ouverture.Headers.Location}) : la mesure ne vaut rien.");
                Console.WriteLine($"- mémoire du serveur (VmRSS) : {Processus.MemoireMo(serveur):0} Mo");
            }
            finally
            {
                serveur.Kill(entireProcessTree: true);
                await serveur.WaitForExitAsync();
            }
        }
        try { File.Delete(fichier); File.Delete(fichier + "-wal"); File.Delete(fichier + "-shm"); } catch (IOException) { }
        return 0;
    }

    /// <summary>Up to five minutes for the server's first answer: on two shared cores a cold start took 69 s (more than the 60 s of
    /// <c>Charge.AttendreSante</c>).</summary>
    static async Task AttendreDemarrageAsync(HttpClient http)
    {
        var fin = Stopwatch.StartNew();
        while (fin.Elapsed < TimeSpan.FromMinutes(5))
        {
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) { Console.WriteLine($"- démarrage du serveur : {fin.Elapsed.TotalSeconds:0} s"); return; } }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(1000);
        }
        throw new TimeoutException("Le serveur ne répond pas après 5 minutes.");
    }

    static async Task Reussi(HttpResponseMessage r)
    {
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{r.RequestMessage?.RequestUri} : {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    static async Task<int> LotAsync(HttpClient http, int i)
    {
        var offre = await http.PostAsJsonAsync("/api/v1/equipement/offres", new
        {
            origine = i % 5 == 0 ? "public" : "entreprise", organisation = $"Donateur bench {i % 40}", siret = "73282932000074", contactNom = "Bench", courriel = "bench@exemple.org",
            adresseEnlevement = "Marseille", disponibilites = "En semaine", ageAnnees = 5, disquesPresents = true, lignes = new[] { new { type = "portable", quantite = ParLot } },
        });
        await Reussi(offre);
        var id = (await offre.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await Reussi(await http.PostAsJsonAsync($"/api/v1/equipement/offres/{id}/qualification", new { accepter = true }));
        var lot = await http.PostAsJsonAsync($"/api/v1/equipement/offres/{id}/reception", new { nombreAppareils = ParLot, poidsKg = ParLot * 2 });
        await Reussi(lot);
        return (await lot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Prints the plan of the dashboard's heaviest query (devices entering each counted state over the last twelve months), written
    /// as EF writes it, with the indexes in place.</summary>
    static async Task PlanAsync(DbConnection c, bool pg)
    {
        var debut = DateTime.UtcNow.AddYears(-1);
        var d = pg ? $"'{debut:yyyy-MM-dd HH:mm:ss}+00'" : $"'{debut:yyyy-MM-dd HH:mm:ss}'";
        await using var cmd = c.CreateCommand();
        cmd.CommandText = (pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + "SELECT \"Vers\", count(DISTINCT \"AppareilId\") FROM \"EvenementsAppareils\" WHERE \"Le\" >= " + d
            + " AND \"Vers\" IN ('recu', 'reconditionne', 'vendu', 'donne', 'deee', 'pieces') GROUP BY \"Vers\"";
        await using var r = await cmd.ExecuteReaderAsync();
        Console.WriteLine("  plan :");
        while (await r.ReadAsync()) Console.WriteLine("    " + r.GetValue(r.FieldCount - 1));
    }

    /// <summary>Multi-row INSERTs of literals (numbers and fixed words only), 500 rows per statement, in one transaction.</summary>
    static async Task GenererAsync(DbConnection c, List<int> lots, int n, bool pg)
    {
        var debut = DateTime.UtcNow.AddDays(-360);
        string Date(DateTime d) => pg ? $"'{d:yyyy-MM-dd HH:mm:ss}+00'" : $"'{d:yyyy-MM-dd HH:mm:ss}'";
        await using var tx = await c.BeginTransactionAsync();
        async Task Executer(string sql)
        {
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.CommandTimeout = 600;
            await cmd.ExecuteNonQueryAsync();
        }
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            if (sb.Length == 0) sb.Append("INSERT INTO \"Appareils\" (\"Id\", \"LotId\", \"Origine\", \"Type\", \"Marque\", \"Modele\", \"NumeroSerie\", \"Etat\", \"Version\", \"Grade\", \"CreeLe\") VALUES ");
            else sb.Append(',');
            var etat = Chemin[i % Chemin.Length];
            sb.Append($"({i + 1}, {lots[i / ParLot]}, 'entreprise', 'portable', 'Lenovo', 'ThinkPad T480', 'BENCH-{i}', '{etat}', {EvenementsParAppareil - 1}, 'B', {Date(debut.AddMinutes(i * 4.5))})");
            if ((i + 1) % 500 == 0 || i == n - 1) { await Executer(sb.ToString()); sb.Clear(); }
        }
        long e = 0;
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < EvenementsParAppareil; k++)
            {
                if (sb.Length == 0) sb.Append("INSERT INTO \"EvenementsAppareils\" (\"AppareilId\", \"De\", \"Vers\", \"Le\", \"Auteur\") VALUES ");
                else sb.Append(',');
                sb.Append($"({i + 1}, {(k == 0 ? "NULL" : $"'{Chemin[k - 1]}'")}, '{Chemin[k]}', {Date(debut.AddMinutes(i * 4.5 + k * 600))}, 'bench')");
                if (++e % 500 == 0) { await Executer(sb.ToString()); sb.Clear(); }
            }
        }
        if (sb.Length > 0) await Executer(sb.ToString());
        if (pg) await Executer("SELECT setval(pg_get_serial_sequence('\"Appareils\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Appareils\"))");
        await tx.CommitAsync();
    }
}
