using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

/// <summary>Statistics benchmark: a national year of activity records generated straight into the database (about 4 000 mediators),
/// then, on the running server, the dashboard API with typical filters against the plain SQL aggregate of the same records
/// (same run, same data), and the insertion throughput of records through POST /api/v1/activites.
/// Usage: bench.sh statistiques [--accompagnements 5000000] [--accompagnements-sqlite 500000] [--mediateurs 4000] [--secondes 10] [--sans-faits | --faits-seulement]
/// (the views are measured from the records, then again after the monthly facts are built; --sans-faits: the first pass only;
/// --faits-seulement: the second only). [--base NOM]: the PostgreSQL database NOM, kept on the server given by --pg and reused when it
/// already holds records (no generation of records; the facts built only if they are not, or if changes are pending; no insertion
/// measure, whose records would leave change marks; the referrals and diagnostics, <see cref="GenererSuiviAsync"/>, written if it has
/// none, as in a base kept from before they were generated). [--vues 3,6]: only these views (1-based, in the order of the table below).
/// When both passes run, each view's whole dashboard read from the facts must equal the one read from the records (referral outcomes
/// and skills progression included), or the run stops.</summary>
static partial class Statistiques
{
    public static async Task<int> ExecuterAsync(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var app = V("--app") ?? Path.GetFullPath("src/Passerelle/bin/Release/net10.0/Passerelle.dll");
        var pg = args.Contains("--sans-pg") ? null : V("--pg") ?? Environment.GetEnvironmentVariable("PASSERELLE_TEST_PG");
        if (string.IsNullOrWhiteSpace(pg)) pg = null;
        var mediateurs = int.Parse(V("--mediateurs") ?? "4000");
        var secondes = int.Parse(V("--secondes") ?? "10");
        var dossier = V("--dossier") ?? Path.GetFullPath("bench/results");
        Directory.CreateDirectory(dossier);
        Console.WriteLine($"# Passerelle bench statistiques — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {mediateurs} médiateurs, {secondes} s par mesure");
        var csvLieux = Path.Combine(dossier, "lieux-4000.csv");
        Generateur.Ecrire(csvLieux, 4000);

        var bases = new List<(string Nom, string[] Config, int Accompagnements, Func<DbConnection> Connexion)>();
        var fichier = Path.Combine(dossier, $"stat-{Guid.NewGuid():N}.db");
        if (!args.Contains("--sans-sqlite"))
            bases.Add(("SQLite", ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={fichier}"], int.Parse(V("--accompagnements-sqlite") ?? "500000"),
                () => new SqliteConnection($"Data Source={fichier}")));
        if (pg is not null)
        {
            var cs = pg.Replace("Database=postgres", "Database=" + (V("--base") ?? "stat_" + Environment.ProcessId));
            bases.Add(("PostgreSQL", ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={cs}"], int.Parse(V("--accompagnements") ?? "5000000"), () => new NpgsqlConnection(cs + ";Command Timeout=1200")));
        }
        foreach (var (nom, config, accompagnements, connexion) in bases)
        {
            Console.WriteLine($"\n## {nom} — {accompagnements:N0} accompagnements");
            await Processus.Executer(app, ["migrate", .. config], attendre: true);
            var reprise = nom == "PostgreSQL" && V("--base") is not null && await ScalaireAsync(connexion, "SELECT count(*) FROM \"Activites\"") > 0;
            if (!reprise) await Processus.Executer(app, ["lieux", "import", csvLieux, "--source", "bench", .. config], attendre: true);
            var motDePasse = "Bench-" + Guid.NewGuid().ToString("N");
            var courriel = reprise ? $"bench-{Guid.NewGuid():N}@passerelle.test" : "bench@passerelle.test";
            await Processus.Executer(app, ["admin", "create", "--email", courriel, .. config], attendre: true, entree: motDePasse);
            var chrono = Stopwatch.StartNew();
            int structureType, activites;
            if (reprise)
            {
                (structureType, activites) = (1 + Math.Max(1, mediateurs / 4) / 2, (int)await ScalaireAsync(connexion, "SELECT count(*) FROM \"Activites\""));
                Console.WriteLine($"- base reprise (--base) : {activites:N0} comptes rendus déjà générés");
            }
            else
            {
                await using (var c = connexion())
                {
                    await c.OpenAsync();
                    (structureType, activites) = await GenererAsync(c, mediateurs, accompagnements);
                }
                Console.WriteLine($"- génération directe en base : {activites:N0} comptes rendus ({accompagnements:N0} accompagnements, {accompagnements / 4:N0} personnes dont 10 % en QPV, 70 % des accompagnements individuels reliés à une fiche) en {chrono.Elapsed.TotalSeconds:0} s");
            }

            chrono.Restart();
            await using (var c = connexion())
            {
                await c.OpenAsync();
                var (orientations, diagnostics, niveaux) = await GenererSuiviAsync(c);
                Console.WriteLine(orientations + diagnostics == 0 ? "- orientations et diagnostics déjà présents (base reprise)"
                    : $"- suivi des personnes généré : {orientations:N0} orientations, {diagnostics:N0} diagnostics ({niveaux:N0} niveaux de compétences) en {chrono.Elapsed.TotalSeconds:0} s");
            }
            var port = Processus.PortLibre();
            var serveur = Processus.Demarrer(app, [$"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning",
                "--RateLimit:EcrituresParMinute=1000000", "--RateLimit:ConnexionsParMinute=1000", "--Taches:Actives=false", .. config]);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
                await Charge.AttendreSante(http);
                // A manager, not an administrator: administrators need a second factor for the API (refused with 401 otherwise, which
                // the measuring loop, counting only 5xx as errors, would have timed as fast answers).
                await using (var r = connexion())
                {
                    await r.OpenAsync();
                    await using var cmd = r.CreateCommand();
                    cmd.CommandText = "UPDATE \"AspNetUserRoles\" SET \"RoleId\" = (SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = 'Gestionnaire') "
                        + $"WHERE \"UserId\" = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '{courriel}')";
                    if (await cmd.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("Le compte du bench n'a pas pu devenir gestionnaire.");
                }
                var jeton = (await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = courriel, password = motDePasse }))
                    .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
                var commune = "Lyon";
                var filtres = new (string Nom, string Requete, string Sql)[]
                {
                    ("une structure, une année", $"du=2025-01-01&au=2025-12-31&structure={structureType}",
                        $"\"Date\" >= @du AND \"Date\" <= @au AND \"MediateurId\" IN (SELECT \"MediateurId\" FROM \"Emplois\" WHERE \"StructureId\" = {structureType})"),
                    ("une structure, un trimestre, habitants d'un QPV", $"du=2025-04-01&au=2025-06-30&structure={structureType}&qpv=oui",
                        $"\"Date\" >= @du AND \"Date\" <= @au AND \"MediateurId\" IN (SELECT \"MediateurId\" FROM \"Emplois\" WHERE \"StructureId\" = {structureType}) AND EXISTS (SELECT 1 FROM \"Beneficiaires\" b WHERE b.\"Id\" = a.\"BeneficiaireId\" AND b.\"CodeQpv\" IS NOT NULL)"),
                    ("une commune, une année", $"du=2025-01-01&au=2025-12-31&commune={commune}",
                        $"\"Date\" >= @du AND \"Date\" <= @au AND (\"LieuId\" IN (SELECT \"Id\" FROM \"Lieux\" WHERE \"CommuneRecherche\" = 'lyon') OR \"Commune\" = 'Lyon')"),
                    ("un médiateur, un mois", "du=2025-03-01&au=2025-03-31&mediateur=17",
                        "\"Date\" >= @du AND \"Date\" <= @au AND \"MediateurId\" = 17"),
                    ("tout le territoire, un mois", "du=2025-03-01&au=2025-03-31", "\"Date\" >= @du AND \"Date\" <= @au"),
                    ("tout le territoire, une année", "du=2025-01-01&au=2025-12-31", "\"Date\" >= @du AND \"Date\" <= @au"),
                };
                await using var c = connexion();
                await c.OpenAsync();
                // Decision 0032: the views first from the records (the facts not built yet: the server reads the records), then the
                // monthly facts built by the command line while the server runs (the backfill an existing deployment runs once), timed,
                // and the same views again, now from the facts — both against the same plain aggregate, in the same run.
                var tableaux = new Dictionary<string, JsonElement>();
                var phases = args.Contains("--sans-faits") ? new[] { "comptes rendus" } : args.Contains("--faits-seulement") ? ["faits mensuels"] : ["comptes rendus", "faits mensuels"];
                foreach (var phase in phases)
                {
                    if (phase == "faits mensuels" && reprise && await ScalaireAsync(connexion, FaitsPrets) == 2)
                        Console.WriteLine("- faits mensuels et faits de personnes déjà construits, aucune marque en attente (base reprise)");
                    else if (phase == "faits mensuels")
                    {
                        chrono.Restart();
                        await Processus.Executer(app, ["statistiques", "faits", .. config], attendre: true);
                        Console.WriteLine($"- faits mensuels construits (statistiques faits, serveur en marche) en {chrono.Elapsed.TotalSeconds:0} s");
                    }
                    Console.WriteLine($"### lu depuis : {phase}");
                    foreach (var (libelle, requete, sql) in filtres.Where((_, i) => V("--vues") is not { } vues || vues.Split(',').Contains((i + 1).ToString())))
                    {
                        // Warm-up, and the check that what is timed is the dashboard: a 200 whose total is the plain aggregate's.
                        var reponse = await http.GetAsync("/api/v1/statistiques?" + requete);
                        if (!reponse.IsSuccessStatusCode) throw new InvalidOperationException($"{libelle} : le tableau de bord a répondu {(int)reponse.StatusCode}.");
                        var tableau = await reponse.Content.ReadFromJsonAsync<JsonElement>();
                        var total = tableau.GetProperty("accompagnements").GetInt64();
                        if (tableaux.TryGetValue(libelle, out var depuisComptesRendus)) Comparer(libelle, depuisComptesRendus, tableau);
                        else tableaux[libelle] = tableau;
                        var api = await Charge.Mesurer(http, ["/api/v1/statistiques?" + requete], 2, TimeSpan.FromSeconds(secondes));
                        var (du, au) = Bornes(requete);
                        var brut = await MesurerSqlAsync(c, sql, du, au, TimeSpan.FromSeconds(secondes));
                        if (total != brut.Accompagnements) throw new InvalidOperationException($"{libelle} : {total} accompagnements au tableau de bord, {brut.Accompagnements} par l'agrégat SQL.");
                        Console.WriteLine($"- {libelle} : tableau de bord complet (API, 2 clients) {api} ; agrégat SQL seul (total et accompagnements par mois) p50 {brut.P50:0.0} ms, p95 {brut.P95:0.0} ms ({brut.N} requêtes, {brut.Lignes:N0} comptes rendus, {brut.Accompagnements:N0} accompagnements comme au tableau de bord) ; ratio p95 ×{api.P95 / brut.P95:0.0}");
                    }
                    if (phase == "faits mensuels" && phases.Length == 2)
                        Console.WriteLine("- chaque tableau lu depuis les faits est identique à celui lu depuis les comptes rendus (résultats des orientations et compétences compris ; "
                            + string.Join(", ", tableaux.Select(t => $"{t.Key} : {Suivi(t.Value)}")) + ")");
                }
                if (reprise)
                {
                    Console.WriteLine("- insertion non mesurée (base reprise : ses comptes rendus laisseraient des marques en attente)");
                    continue;
                }
                // Insertion throughput through the API: the bench account records as a mediator.
                await using (var cmd = c.CreateCommand())
                {
                    cmd.CommandText = "UPDATE \"Mediateurs\" SET \"UtilisateurId\" = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'bench@passerelle.test') WHERE \"Id\" = 1";
                    await cmd.ExecuteNonQueryAsync();
                }
                var corps = JsonContent.Create(new { type = "Accompagnement individuel", date = "2025-03-05", duree = 45, typeLieu = "À distance", themes = new[] { "E-mail" }, materiel = new[] { "Téléphone" } });
                await corps.LoadIntoBufferAsync();
                var octets = await corps.ReadAsByteArrayAsync();
                var insertion = await Charge.MesurerAvec(16, TimeSpan.FromSeconds(secondes), (_, _) =>
                {
                    var contenu = new ByteArrayContent(octets);
                    contenu.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    return http.PostAsync("/api/v1/activites", contenu);
                });
                Console.WriteLine($"- insertion de comptes rendus (POST /api/v1/activites, 16 clients) : {insertion}");
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

    /// <summary>2 when both the monthly facts and the people facts (of the layout the app reads, « 2 ») are built and no change mark is pending.</summary>
    const string FaitsPrets = "SELECT (SELECT count(*) FROM \"FaitsActivites\" WHERE \"Dimension\" = 'construit') + (SELECT count(*) FROM \"FaitsPersonnes\" WHERE \"Dimension\" = 'construit' AND \"Valeur\" = '2') "
        + "- (SELECT count(*) FROM \"MarquesFaits\") - (SELECT count(*) FROM \"MarquesPersonnes\")";

    static async Task<long> ScalaireAsync(Func<DbConnection> connexion, string sql)
    {
        await using var c = connexion();
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>Throws, naming the blocks that differ, unless the dashboard read from the facts is the one read from the records.</summary>
    static void Comparer(string libelle, JsonElement comptesRendus, JsonElement faits)
    {
        var ecarts = comptesRendus.EnumerateObject().Select(p => p.Name)
            .Where(nom => !faits.TryGetProperty(nom, out var v) || v.GetRawText() != comptesRendus.GetProperty(nom).GetRawText()).ToList();
        if (ecarts.Count > 0) throw new InvalidOperationException($"{libelle} : lu depuis les faits, le tableau diffère de celui lu depuis les comptes rendus ({string.Join(", ", ecarts)}).");
    }

    /// <summary>What a dashboard shows of the follow-up: referrals with an outcome row, and people whose progression is measured (summed
    /// over competences; null cells, masked, count 0).</summary>
    static string Suivi(JsonElement t) =>
        $"{t.GetProperty("resultatsOrientations").EnumerateArray().Sum(l => l.GetProperty("personnes").ValueKind == JsonValueKind.Number ? l.GetProperty("personnes").GetInt32() : 0)} orientations, "
        + $"{t.GetProperty("competences").EnumerateArray().Sum(c => c.GetProperty("personnes").ValueKind == JsonValueKind.Number ? c.GetProperty("personnes").GetInt32() : 0)} progressions mesurées";

    static (DateOnly, DateOnly) Bornes(string requete)
    {
        var p = requete.Split('&').Select(x => x.Split('=')).ToDictionary(x => x[0], x => x[1]);
        return (DateOnly.Parse(p["du"]), DateOnly.Parse(p["au"]));
    }

    sealed record MesureSql(int N, double P50, double P95, long Lignes, long Accompagnements);

    /// <summary>The plain aggregate a DBA would write: total records and accompaniments per month for the same filters.</summary>
    static async Task<MesureSql> MesurerSqlAsync(DbConnection c, string condition, DateOnly du, DateOnly au, TimeSpan duree)
    {
        var sqlite = c is SqliteConnection;
        var mois = sqlite ? "substr(\"Date\", 1, 7)" : "date_trunc('month', \"Date\")";
        var sql = $"SELECT {mois} AS m, count(*), sum(CASE WHEN \"Type\" = 'Atelier collectif' THEN \"ParticipantsAnonymes\" + \"ParticipantsNommes\" ELSE 1 END) " +
                  $"FROM \"Activites\" a WHERE {condition} GROUP BY {mois}";
        var temps = new List<double>();
        long lignes = 0, accompagnements = 0;
        var fin = Stopwatch.StartNew();
        while (fin.Elapsed < duree || temps.Count < 5)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (nom, v) in new[] { ("du", du), ("au", au) })
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@" + nom;
                p.Value = sqlite ? v.ToString("yyyy-MM-dd") : v;
                cmd.Parameters.Add(p);
            }
            var t = Stopwatch.StartNew();
            lignes = accompagnements = 0;
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync())
                {
                    lignes += r.GetInt64(1);
                    accompagnements += Convert.ToInt64(r.GetValue(2));
                }
            temps.Add(t.Elapsed.TotalMilliseconds);
        }
        temps.Sort();
        return new MesureSql(temps.Count, temps[temps.Count / 2], temps[(int)(temps.Count * 0.95)], lignes, accompagnements);
    }
}
