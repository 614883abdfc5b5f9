using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bogus;

// Passerelle's benchmark: generates the national-scale directory and measures the app from a
// separate process (CLI import, then HTTP load on the running server). Usage:
//   dotnet run -c Release --project bench/Passerelle.Bench -- [--app path/Passerelle.dll] [--lieux 20000]
//       [--secondes 20] [--clients 16] [--pg "Host=…;Username=…;Password=…;Database=postgres"]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("statistiques")) return await Statistiques.ExecuterAsync(args);
if (args.Contains("csv")) return LectureCsv.Executer(args);
if (args.Contains("deliberations")) return await DeliberationsBench.ExecuterAsync(args);
if (args.Contains("actes")) return LectureActes.Executer(args);
if (args.Contains("equipement")) return await EquipementBench.ExecuterAsync(args);
if (args.Contains("connexion")) return await ConnexionBench.ExecuterAsync(args);
if (args.Contains("financement")) return await FinancementBench.ExecuterAsync(args);
if (args.Contains("parcours")) return await ParcoursBench.ExecuterAsync(args);
if (args.Contains("pilotage")) return await PilotageBench.ExecuterAsync(args);
if (args.Contains("endurance")) return await Endurance.ExecuterAsync(args);
var options = Options.Lire(args);
Directory.CreateDirectory(options.Dossier);
var csv = Path.Combine(options.Dossier, $"lieux-{options.Lieux}.csv");
Generateur.Ecrire(csv, options.Lieux);
Console.WriteLine($"# Passerelle bench — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {options.Lieux} lieux, {options.Clients} clients, {options.Secondes} s par mesure");

var bases = new List<(string Nom, string[] Config, Func<System.Data.Common.DbConnection> Connexion)>();
var fichierSqlite = Path.Combine(options.Dossier, $"bench-{Guid.NewGuid():N}.db");
if (!args.Contains("--sans-sqlite")) bases.Add(("SQLite", ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={fichierSqlite}"],
    () => new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fichierSqlite}")));
if (options.Pg?.Replace("Database=postgres", "Database=bench_" + Environment.ProcessId) is { } pgBench)
    bases.Add(("PostgreSQL", ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={pgBench}"], () => new Npgsql.NpgsqlConnection(pgBench)));

foreach (var (nom, config, connexion) in bases)
{
    Console.WriteLine($"\n## {nom}");
    await Processus.Executer(options.App, ["migrate", .. config], attendre: true); // creates the PostgreSQL database when missing
    var debutSansTravail = Stopwatch.StartNew();
    await Processus.Executer(options.App, ["migrate", .. config], attendre: true);
    var demarrage = debutSansTravail.Elapsed.TotalSeconds;
    var chrono = Stopwatch.StartNew();
    var sortie = await Processus.Executer(options.App, ["lieux", "import", csv, "--source", "bench", .. config], attendre: true);
    var import = chrono.Elapsed.TotalSeconds;
    Console.WriteLine($"- import CSV de {options.Lieux} lieux (commande `lieux import`, processus complet) : {import:0.00} s ; démarrage à vide du même binaire (`migrate` sans migration) : {demarrage:0.00} s ; import net ≈ {import - demarrage:0.00} s");
    Console.WriteLine($"  {sortie.Trim().Split('\n').Last()}");
    chrono.Restart();
    sortie = await Processus.Executer(options.App, ["lieux", "import", csv, "--source", "bench", .. config], attendre: true);
    Console.WriteLine($"- réimport identique (idempotent) : {chrono.Elapsed.TotalSeconds:0.00} s — {sortie.Trim().Split('\n').Last()}");

    var motDePasse = "Bench-" + Guid.NewGuid().ToString("N");
    await Processus.Executer(options.App, ["admin", "create", "--email", "bench@passerelle.test", .. config], attendre: true, entree: motDePasse);
    string cle; // the API refuses an administrator without a second factor
    await using (var c = connexion()) { await c.OpenAsync(); cle = await DoubleFacteur.ActiverAsync(c, "bench@passerelle.test"); }
    var port = Processus.PortLibre();
    var serveur = Processus.Demarrer(options.App, [$"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning",
        "--RateLimit:EcrituresParMinute=1000000", "--RateLimit:ReservationsParMinute=1000000", "--RateLimit:RecherchesParMinute=1000000", "--RateLimit:ConnexionsParMinute=1000", "--Taches:Actives=false", .. config]);
    try
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await Charge.AttendreSante(http);
        var requetes = Charge.Requetes(options.Lieux);
        await Charge.Mesurer(http, ["/health"], 16, TimeSpan.FromSeconds(3)); // warm-up
        await Charge.Mesurer(http, requetes, 16, TimeSpan.FromSeconds(3));
        var sante = await Charge.Mesurer(http, ["/health"], options.Clients, TimeSpan.FromSeconds(options.Secondes));
        if (args.Contains("--sans-annuaire")) { await RendezVous.MesurerAsync(http, motDePasse, cle, options, sante); continue; }
        var recherche = await Charge.Mesurer(http, requetes, options.Clients, TimeSpan.FromSeconds(options.Secondes));
        Console.WriteLine($"- /health : {sante}");
        Console.WriteLine($"- recherche annuaire (/api/v1/lieux, {requetes.Length} requêtes variées) : {recherche}");
        Console.WriteLine($"- ratio recherche/health : p50 ×{recherche.P50 / sante.P50:0.0}, p95 ×{recherche.P95 / sante.P95:0.0}");
        var page = await Charge.Mesurer(http, requetes.Select(r => r.Replace("/api/v1/lieux", "/lieux")).ToArray(), options.Clients, TimeSpan.FromSeconds(options.Secondes / 2.0));
        Console.WriteLine($"- page HTML /lieux (mêmes critères) : {page}");
        Console.WriteLine($"- mémoire du serveur après la charge (VmRSS) : {Processus.MemoireMo(serveur):0} Mo");
        if (options.RendezVous) await RendezVous.MesurerAsync(http, motDePasse, cle, options, sante);
    }
    finally
    {
        serveur.Kill(entireProcessTree: true);
        await serveur.WaitForExitAsync();
    }
}
try { File.Delete(fichierSqlite); File.Delete(fichierSqlite + "-wal"); File.Delete(fichierSqlite + "-shm"); } catch (IOException) { }
return 0;

sealed record Options(string App, int Lieux, int Secondes, int Clients, string? Pg, string Dossier, bool RendezVous = true)
{
    public static Options Lire(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        return new Options(
            V("--app") ?? Path.GetFullPath("src/Passerelle/bin/Release/net10.0/Passerelle.dll"),
            int.Parse(V("--lieux") ?? "20000"), int.Parse(V("--secondes") ?? "20"), int.Parse(V("--clients") ?? "16"),
            V("--pg") ?? Environment.GetEnvironmentVariable("PASSERELLE_TEST_PG"),
            V("--dossier") ?? Path.GetFullPath("bench/results"), !args.Contains("--sans-rendez-vous"));
    }
}

static class Generateur
{
    static readonly (string Nom, string Cp, double Lat, double Lon)[] Villes =
    [
        ("Paris", "75011", 48.857, 2.379), ("Marseille", "13003", 43.311, 5.380), ("Lyon", "69007", 45.745, 4.842),
        ("Toulouse", "31000", 43.604, 1.444), ("Nice", "06000", 43.703, 7.266), ("Nantes", "44000", 47.218, -1.554),
        ("Strasbourg", "67000", 48.573, 7.752), ("Montpellier", "34000", 43.611, 3.877), ("Bordeaux", "33000", 44.838, -0.579),
        ("Lille", "59000", 50.629, 3.057), ("Rennes", "35000", 48.117, -1.678), ("Reims", "51100", 49.258, 4.032),
        ("Martigues", "13500", 43.405, 5.048), ("Aubagne", "13400", 43.293, 5.571), ("Saint-Denis", "97400", -20.882, 55.450),
        ("Fort-de-France", "97200", 14.616, -61.059), ("Limoges", "87000", 45.833, 1.262), ("Brest", "29200", 48.390, -4.486),
    ];
    static readonly string[] Horaires = ["Mo-Fr 09:00-12:00,14:00-17:00; PH off", "Tu-Sa 10:00-18:00", "Mo,We,Fr 09:00-12:00", "Mo-Th 08:30-12:30,13:30-17:00; Fr 08:30-12:00; PH off", ""];
    static readonly string[] Services = ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien", "Insertion professionnelle via le numérique",
        "Utilisation sécurisée du numérique", "Loisirs et créations numériques", "Accès internet et matériel informatique"];

    public static void Ecrire(string chemin, int n)
    {
        if (File.Exists(chemin)) return;
        Randomizer.Seed = new Random(2026);
        var f = new Faker("fr");
        using var w = new StreamWriter(chemin, false, new UTF8Encoding(false));
        w.WriteLine("\"id\",\"pivot\",\"nom\",\"commune\",\"code_postal\",\"code_insee\",\"adresse\",\"complement_adresse\",\"latitude\",\"longitude\",\"typologie\",\"telephone\",\"courriels\",\"site_web\",\"horaires\",\"presentation_resume\",\"presentation_detail\",\"source\",\"itinerance\",\"structure_parente\",\"date_maj\",\"services\",\"publics_specifiquement_adresses\",\"prise_en_charge_specifique\",\"frais_a_charge\",\"dispositif_programmes_nationaux\",\"formations_labels\",\"autres_formations_labels\",\"modalites_acces\",\"modalites_accompagnement\",\"fiche_acces_libre\",\"prise_rdv\"");
        for (var i = 0; i < n; i++)
        {
            var v = Villes[i % Villes.Length];
            var services = string.Join('|', f.PickRandom(Services, f.Random.Int(1, 4)).Distinct());
            string[] c =
            [
                $"bench-{i}", "00000000000000", $"{f.PickRandom("Espace numérique", "Médiathèque", "Centre social", "France Services", "Tiers-lieu")} {f.Name.LastName()} {i}",
                v.Nom, v.Cp, "", f.Address.StreetAddress(), "", (v.Lat + f.Random.Double(-0.15, 0.15)).ToString("0.00000"), (v.Lon + f.Random.Double(-0.15, 0.15)).ToString("0.00000"),
                f.PickRandom("ASSO", "BIB", "CCAS", "EPN", "MUNI"), "+3342" + f.Random.ReplaceNumbers("#######"), $"contact{i}@exemple.org", "",
                f.PickRandom(Horaires), "", "", "Bench", f.PickRandom("Fixe", "Fixe", "Itinérant"), "", "2025-01-15", services, f.PickRandom("", "Seniors", "Jeunes|Femmes"),
                f.PickRandom("", "", "Surdité"), f.PickRandom("Gratuit", "Payant"), "", "", "", "Se présenter", f.PickRandom("Accompagnement individuel", "En autonomie|Dans un atelier collectif"), "", "",
            ];
            w.WriteLine(string.Join(',', c.Select(x => "\"" + x.Replace("\"", "\"\"") + "\"")));
        }
    }
}

static class Processus
{
    public static async Task<string> Executer(string app, string[] args, bool attendre, string? entree = null)
    {
        using var p = Demarrer(app, args);
        if (entree is not null) await p.StandardInput.WriteLineAsync(entree);
        p.StandardInput.Close();
        var sortie = await p.StandardOutput.ReadToEndAsync();
        var erreurs = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args.Take(3))} a échoué ({p.ExitCode}) : {sortie} {erreurs}");
        return sortie;
    }

    public static Process Demarrer(string app, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Path.GetDirectoryName(app)! };
        psi.ArgumentList.Add(app);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_gcServer"] = "0";
        return Process.Start(psi)!;
    }

    public static int PortLibre()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public static double MemoireMo(Process p)
    {
        foreach (var ligne in File.ReadLines($"/proc/{p.Id}/status"))
            if (ligne.StartsWith("VmRSS:")) return double.Parse(ligne.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        return double.NaN;
    }
}

sealed record Mesure(int Requetes, int Erreurs, double P50, double P95, double P99, double ParSeconde)
{
    public override string ToString() => $"{Requetes} requêtes ({ParSeconde:0} req/s), p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, erreurs {Erreurs}";
}

static class Charge
{
    public static async Task AttendreSante(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("Le serveur ne répond pas.");
    }

    public static string[] Requetes(int n)
    {
        var r = new Random(7);
        var communes = new[] { "Paris", "Marseille", "Lyon", "Toulouse", "Nantes", "Martigues", "Brest", "Reims" };
        var services = new[] { "Aide%20aux%20d%C3%A9marches%20administratives", "Ma%C3%AEtrise%20des%20outils%20num%C3%A9riques%20du%20quotidien" };
        var liste = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            liste.Add((i % 5) switch
            {
                0 => $"/api/v1/lieux?commune={communes[r.Next(communes.Length)]}",
                1 => $"/api/v1/lieux?commune={communes[r.Next(communes.Length)]}&service={services[r.Next(2)]}",
                2 => $"/api/v1/lieux?lat={43.3 + r.NextDouble() * 0.05:0.000}&lon={5.38 + r.NextDouble() * 0.05:0.000}&rayon_km=5",
                3 => $"/api/v1/lieux?code_postal=13&modalite=Accompagnement%20individuel&page={r.Next(1, 5)}",
                _ => $"/api/v1/lieux?q={new[] { "media", "centre", "france" }[r.Next(3)]}&ouvert=true",
            });
        }
        return [.. liste];
    }

    public static Task<Mesure> Mesurer(HttpClient http, string[] urls, int clients, TimeSpan duree) =>
        MesurerAvec(clients, duree, (c, i) => http.GetAsync(urls[i % urls.Length], HttpCompletionOption.ResponseContentRead));

    /// <summary>Each client sends requests back to back for the duration; latency of each is recorded. An answer is an error
    /// unless <paramref name="attendu"/> accepts its code (by default any code under 400: a refusal — 401, 403, 404 — timed as
    /// a success would measure nothing).</summary>
    public static async Task<Mesure> MesurerAvec(int clients, TimeSpan duree, Func<int, int, Task<HttpResponseMessage>> envoyer,
        Func<HttpStatusCode, bool>? attendu = null)
    {
        attendu ??= code => (int)code < 400;
        var fin = Stopwatch.GetTimestamp() + (long)(duree.TotalSeconds * Stopwatch.Frequency);
        var durees = new List<double>[clients];
        var erreurs = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            durees[c] = [];
            var i = c * 7919;
            while (Stopwatch.GetTimestamp() < fin)
            {
                var t = Stopwatch.GetTimestamp();
                using var rep = await envoyer(c, i++);
                durees[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!attendu(rep.StatusCode)) Interlocked.Increment(ref erreurs);
            }
        }));
        var toutes = durees.SelectMany(d => d).Order().ToArray();
        double Q(double q) => toutes.Length == 0 ? double.NaN : toutes[Math.Min(toutes.Length - 1, (int)(q * toutes.Length))];
        return new Mesure(toutes.Length, erreurs, Q(0.5), Q(0.95), Q(0.99), toutes.Length / duree.TotalSeconds);
    }

}
