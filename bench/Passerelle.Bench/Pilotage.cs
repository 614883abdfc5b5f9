using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

/// <summary>Territorial steering benchmark (issue 15): a national reference of communes (the shipped Métropole plus synthetic
/// communes up to <c>--communes</c>), places imported through the CLI then spread over the communes, one weekly permanence and
/// monthly slots per place, people by residence and a year of accompaniments written straight into the database; then, on the
/// running server, <c>GET /api/v1/pilotage/ecarts</c> for one métropole (92 communes, <c>epci=</c>) and for one région
/// (<c>region=</c>, 5 100 synthetic communes, the size of Grand Est), and with <c>--national</c> for every commune, against the plain
/// SQL of the same aggregates (demand by residence, people and first-time people, places, permanences, seats, full sessions and
/// waiting lists) restricted to the same zones, in the same run, same data.
/// Usage: bench.sh pilotage [--communes 35000] [--lieux 20000] [--accompagnements 5000000] [--accompagnements-sqlite 500000]
/// [--secondes 20] [--sans-sqlite] [--sans-pg] [--national]</summary>
static class PilotageBench
{
    const string Metropole = "200054807";
    static readonly DateOnly Du = new(2025, 1, 1), Au = new(2025, 12, 31);

    public static async Task<int> ExecuterAsync(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var app = V("--app") ?? Path.GetFullPath("src/Passerelle/bin/Release/net10.0/Passerelle.dll");
        var pg = args.Contains("--sans-pg") ? null : V("--pg") ?? Environment.GetEnvironmentVariable("PASSERELLE_TEST_PG");
        var communes = int.Parse(V("--communes") ?? "35000");
        var nbLieux = int.Parse(V("--lieux") ?? "20000");
        var secondes = int.Parse(V("--secondes") ?? "20");
        var dossier = V("--dossier") ?? Path.GetFullPath("bench/results");
        Directory.CreateDirectory(dossier);
        Console.WriteLine($"# Passerelle bench pilotage — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {communes:N0} communes, {nbLieux:N0} lieux, {secondes} s par mesure");
        var csvLieux = Path.Combine(dossier, $"lieux-{nbLieux}.csv");
        Generateur.Ecrire(csvLieux, nbLieux);

        var bases = new List<(string Nom, string[] Config, int Accompagnements, Func<DbConnection> Connexion)>();
        var fichier = Path.Combine(dossier, $"pilotage-{Guid.NewGuid():N}.db");
        if (!args.Contains("--sans-sqlite"))
            bases.Add(("SQLite", ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={fichier}"], int.Parse(V("--accompagnements-sqlite") ?? "500000"),
                () => new SqliteConnection($"Data Source={fichier};Default Timeout=1200")));
        if (!string.IsNullOrWhiteSpace(pg))
        {
            var cs = pg.Replace("Database=postgres", "Database=pilotage_" + Environment.ProcessId);
            bases.Add(("PostgreSQL", ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={cs}"], int.Parse(V("--accompagnements") ?? "5000000"),
                () => new NpgsqlConnection(cs + ";Command Timeout=1200")));
        }
        foreach (var (nom, config, accompagnements, connexion) in bases)
        {
            Console.WriteLine($"\n## {nom} — {accompagnements:N0} accompagnements");
            await Processus.Executer(app, ["migrate", .. config], attendre: true);
            await Processus.Executer(app, ["lieux", "import", csvLieux, "--source", "bench", .. config], attendre: true);
            var motDePasse = "Bench-" + Guid.NewGuid().ToString("N");
            await Processus.Executer(app, ["admin", "create", "--email", "bench@passerelle.test", .. config], attendre: true, entree: motDePasse);
            var chrono = Stopwatch.StartNew();
            await using (var c = connexion())
            {
                await c.OpenAsync();
                var resume = await TerritoireBench.GenererAsync(c, communes, accompagnements);
                Console.WriteLine($"- génération directe en base en {chrono.Elapsed.TotalSeconds:0} s : {resume}");
            }
            // The pilotage API is for administrators (second factor), funders and managers: the bench account becomes a funder.
            await using (var c = connexion())
            {
                await c.OpenAsync();
                await TerritoireBench.SqlAsync(c, """
                    UPDATE "AspNetUserRoles" SET "RoleId" = (SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'Financeur')
                      WHERE "UserId" = (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'bench@passerelle.test')
                    """);
            }
            var port = Processus.PortLibre();
            var serveur = Processus.Demarrer(app, [$"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning",
                "--RateLimit:ConnexionsParMinute=1000", "--Taches:Actives=false", .. config]);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
                await AttendreAsync(http);
                var connexionApi = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "bench@passerelle.test", password = motDePasse });
                connexionApi.EnsureSuccessStatusCode();
                var jeton = (await connexionApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
                await using var c = connexion();
                await c.OpenAsync();
                var mesures = new List<(string, string?, string?)> { ("une métropole (EPCI 200054807, 92 communes)", Metropole, null),
                    ($"une région (code {TerritoireBench.RegionMesuree}, {TerritoireBench.CommunesRegionMesuree:N0} communes)", null, TerritoireBench.RegionMesuree) };
                if (args.Contains("--national")) mesures.Add(("toutes les communes", null, null));
                foreach (var (libelle, epci, region) in mesures)
                {
                    var url = $"/api/v1/pilotage/ecarts?niveau=commune&du={Du:yyyy-MM-dd}&au={Au:yyyy-MM-dd}" + (epci is null ? "" : "&epci=" + epci)
                        + (region is null ? "" : "&region=" + region);
                    var essai = await http.GetAsync(url); // warm-up, and the number of rows
                    essai.EnsureSuccessStatusCode();
                    var lignes = (await essai.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lignes").GetArrayLength();
                    var api = await MesurerApiAsync(http, url, TimeSpan.FromSeconds(secondes));
                    var brut = await SqlSimple.MesurerAsync(c, epci, region, Du, Au, TimeSpan.FromSeconds(secondes));
                    Console.WriteLine($"- {libelle}, {lignes:N0} lignes : tableau des écarts (API, 1 client) p50 {api.P50:0} ms, p95 {api.P95:0} ms ({api.N} requêtes) ; mêmes agrégats en SQL seul p50 {brut.P50:0} ms, p95 {brut.P95:0} ms ({brut.N} passes) ; ratio p95 ×{api.P95 / brut.P95:0.0}");
                }
                Console.WriteLine($"- mémoire du serveur après la charge (VmRSS) : {Processus.MemoireMo(serveur):0} Mo");
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

    /// <summary>One client, requests back to back for the duration and at least five of them (a slow table still gets a p95).</summary>
    static async Task<SqlSimple.Resultat> MesurerApiAsync(HttpClient http, string url, TimeSpan duree)
    {
        var temps = new List<double>();
        var chrono = Stopwatch.StartNew();
        while (chrono.Elapsed < duree || temps.Count < 5)
        {
            var t = Stopwatch.StartNew();
            using var r = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            r.EnsureSuccessStatusCode();
            temps.Add(t.Elapsed.TotalMilliseconds);
        }
        return SqlSimple.Quantiles(temps);
    }

    /// <summary>Waits up to five minutes for <c>/health</c>: the first start on a large database migrates and loads the reference.</summary>
    static async Task AttendreAsync(HttpClient http)
    {
        var fin = Stopwatch.StartNew();
        while (fin.Elapsed < TimeSpan.FromMinutes(5))
        {
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
            await Task.Delay(1000);
        }
        throw new TimeoutException("Le serveur ne répond pas après cinq minutes.");
    }
}

/// <summary>The plain SQL a database administrator would write for the same aggregates, one pass = every query below; for a
/// métropole or a région, residents are those whose postcode is one of its communes' postcodes and places those of its communes
/// and their arrondissements.</summary>
static class SqlSimple
{
    public sealed record Resultat(int N, double P50, double P95);

    public static async Task<Resultat> MesurerAsync(DbConnection c, string? epci, string? region, DateOnly du, DateOnly au, TimeSpan duree)
    {
        var sqlite = c is SqliteConnection;
        var filtre = epci is null && region is null;
        var zone = "z.\"Type\" = 'commune'" + (epci is null ? "" : " AND z.\"EpciSiren\" = @epci") + (region is null ? "" : " AND z.\"CodeRegion\" = @region");
        // Postcodes are |-joined in the reference: unnest on PostgreSQL; on SQLite a resident belongs when '|' + postcode + '|' is inside '|' + list + '|'.
        var residence = filtre ? "" : sqlite
            ? $"AND EXISTS (SELECT 1 FROM \"Communes\" z WHERE {zone} AND instr('|' || z.\"CodesPostaux\" || '|', '|' || b.\"CodePostal\" || '|') > 0)"
            : $"AND b.\"CodePostal\" IN (SELECT unnest(string_to_array(z.\"CodesPostaux\", '|')) FROM \"Communes\" z WHERE {zone})";
        var lieux = filtre ? "" : $"AND l.\"CodeInsee\" IN (SELECT a.\"CodeInsee\" FROM \"Communes\" a WHERE a.\"CodeInsee\" IN (SELECT z.\"CodeInsee\" FROM \"Communes\" z WHERE {zone}) " +
            $"OR a.\"CommuneParente\" IN (SELECT z.\"CodeInsee\" FROM \"Communes\" z WHERE {zone}))";
        string[] requetes =
        [
            // Accompaniments by residence.
            $"SELECT b.\"Commune\", b.\"CodePostal\", b.\"CodeQpv\", count(*) FROM \"Activites\" a JOIN \"Beneficiaires\" b ON b.\"Id\" = a.\"BeneficiaireId\" " +
            $"WHERE a.\"Date\" >= @du AND a.\"Date\" <= @au {residence} GROUP BY b.\"Commune\", b.\"CodePostal\", b.\"CodeQpv\"",
            // People accompanied and, of them, first-time people (no record before the period).
            $"SELECT b.\"Commune\", b.\"CodePostal\", b.\"CodeQpv\", count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM \"Activites\" x WHERE x.\"BeneficiaireId\" = b.\"Id\" AND x.\"Date\" < @du) THEN 0 ELSE 1 END) " +
            $"FROM \"Beneficiaires\" b WHERE EXISTS (SELECT 1 FROM \"Activites\" a WHERE a.\"BeneficiaireId\" = b.\"Id\" AND a.\"Date\" >= @du AND a.\"Date\" <= @au) {residence} " +
            "GROUP BY b.\"Commune\", b.\"CodePostal\", b.\"CodeQpv\"",
            // Places, permanences, seats, full sessions and waiting lists per place.
            $"SELECT l.\"CodeInsee\", count(*) FROM \"Lieux\" l WHERE NOT l.\"Archive\" {lieux} GROUP BY l.\"CodeInsee\"",
            $"SELECT p.\"LieuId\", count(*) FROM \"Permanences\" p JOIN \"Lieux\" l ON l.\"Id\" = p.\"LieuId\" WHERE NOT p.\"Archivee\" {lieux} GROUP BY p.\"LieuId\"",
            $"SELECT k.\"LieuId\", sum(k.\"Capacite\") FROM \"Creneaux\" k JOIN \"Lieux\" l ON l.\"Id\" = k.\"LieuId\" WHERE NOT k.\"Ferme\" AND k.\"Debut\" >= @debut AND k.\"Debut\" < @fin {lieux} GROUP BY k.\"LieuId\"",
            $"SELECT s.\"LieuId\", count(*) FROM \"SessionsAteliers\" s JOIN \"Lieux\" l ON l.\"Id\" = s.\"LieuId\" WHERE NOT s.\"Annulee\" AND s.\"Inscrits\" >= s.\"Capacite\" AND s.\"Debut\" >= @debut AND s.\"Debut\" < @fin {lieux} GROUP BY s.\"LieuId\"",
        ];
        var temps = new List<double>();
        var chrono = Stopwatch.StartNew();
        while (chrono.Elapsed < duree || temps.Count < 5)
        {
            var t = Stopwatch.StartNew();
            foreach (var sql in requetes)
            {
                await using var cmd = c.CreateCommand();
                cmd.CommandText = sql;
                cmd.CommandTimeout = 1200;
                void P(string nom, object v) { var p = cmd.CreateParameter(); p.ParameterName = "@" + nom; p.Value = v; cmd.Parameters.Add(p); }
                P("du", sqlite ? du.ToString("yyyy-MM-dd") : du);
                P("au", sqlite ? au.ToString("yyyy-MM-dd") : au);
                P("debut", sqlite ? du.ToString("yyyy-MM-dd 00:00:00") : du.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                P("fin", sqlite ? au.AddDays(1).ToString("yyyy-MM-dd 00:00:00") : au.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                if (epci is not null) P("epci", epci);
                if (region is not null) P("region", region);
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) { }
            }
            temps.Add(t.Elapsed.TotalMilliseconds);
        }
        return Quantiles(temps);
    }

    /// <summary>Median and 95th percentile (nearest rank) of durations in milliseconds.</summary>
    public static Resultat Quantiles(List<double> temps)
    {
        temps.Sort();
        return new Resultat(temps.Count, temps[temps.Count / 2], temps[Math.Min(temps.Count - 1, (int)Math.Ceiling(temps.Count * 0.95) - 1)]);
    }
}
