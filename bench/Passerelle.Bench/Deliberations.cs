using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>Deliberations register benchmark: N acts (default 50 000, 300 bodies, 2015–2025) generated straight into the database,
/// then on the running server the register search (GET /api/v1/deliberations with typical filters, p50/p95) and the SCDL export
/// (GET /donnees/deliberations.csv, then the CLI `deliberations export`).
/// Usage: bench.sh deliberations [--actes 50000] [--secondes 10] [--clients 8] [--pg "Host=…;Database=postgres"]</summary>
static class DeliberationsBench
{
    static readonly string[] Mots = ["inclusion", "numérique", "subvention", "convention", "médiation", "association", "quartier", "conseiller", "atelier", "équipement"];
    static readonly (string Code, string Nom)[] Matieres = [("7.5", "finances locales/subventions"), ("1.4", "commande publique/autres types de contrats"),
        ("8.5", "domaines de compétences par thèmes/politique de la ville-habitat-logement"), ("9.1", "autres domaines de compétences/autres domaines de compétences des communes")];

    static string Siret(int i)
    {
        var debut = "2" + (100000000000 + i * 7919L).ToString()[..12];
        for (var cle = 0; cle < 10; cle++)
        {
            var s = debut + cle;
            var somme = 0;
            for (var k = 0; k < 14; k++) { var c = s[13 - k] - '0'; if (k % 2 == 1) { c *= 2; if (c > 9) c -= 9; } somme += c; }
            if (somme % 10 == 0) return s;
        }
        throw new InvalidOperationException();
    }

    public static async Task<int> ExecuterAsync(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var app = V("--app") ?? Path.GetFullPath("src/Passerelle/bin/Release/net10.0/Passerelle.dll");
        var actes = int.Parse(V("--actes") ?? "50000");
        var secondes = int.Parse(V("--secondes") ?? "10");
        var clients = int.Parse(V("--clients") ?? "8");
        var dossier = V("--dossier") ?? Path.GetFullPath("bench/results");
        Directory.CreateDirectory(dossier);
        Console.WriteLine($"# Passerelle bench délibérations — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {actes:N0} actes, {clients} clients, {secondes} s par mesure");
        var bases = new List<(string Nom, string[] Config, Func<DbConnection> Connexion)>();
        var fichier = Path.Combine(dossier, $"delib-{Guid.NewGuid():N}.db");
        if (!args.Contains("--sans-sqlite")) bases.Add(("SQLite", ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={fichier}"], () => new SqliteConnection($"Data Source={fichier}")));
        if (V("--pg") is { Length: > 0 } pg)
        {
            var cs = pg.Replace("Database=postgres", "Database=delib_" + Environment.ProcessId);
            bases.Add(("PostgreSQL", ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={cs}"], () => new NpgsqlConnection(cs)));
        }
        foreach (var (nom, config, connexion) in bases)
        {
            Console.WriteLine($"\n## {nom}");
            await Processus.Executer(app, ["migrate", .. config], attendre: true);
            var chrono = Stopwatch.StartNew();
            await using (var c = connexion()) { await c.OpenAsync(); await GenererAsync(c, actes); }
            Console.WriteLine($"- génération directe en base : {chrono.Elapsed.TotalSeconds:0.0} s");
            var motDePasse = "Bench-" + Guid.NewGuid().ToString("N");
            await Processus.Executer(app, ["admin", "create", "--email", "bench@passerelle.test", .. config], attendre: true, entree: motDePasse);
            // Without a second factor the register answered 403 to the administrator, and those refusals were timed (the
            // loop counted only 5xx): the figures of the first run measured nothing.
            string cle;
            await using (var c = connexion()) { await c.OpenAsync(); cle = await DoubleFacteur.ActiverAsync(c, "bench@passerelle.test"); }
            var port = Processus.PortLibre();
            var serveur = Processus.Demarrer(app, [$"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning", "--Taches:Actives=false",
                "--RateLimit:ConnexionsParMinute=1000", .. config]);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
                await Charge.AttendreSante(http);
                var jeton = (await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "bench@passerelle.test", password = motDePasse, twoFactorCode = DoubleFacteur.CodeTotp(cle) }))
                    .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
                var r = new Random(11);
                var requetes = Enumerable.Range(0, 200).Select(i => (i % 4) switch
                {
                    0 => $"/api/v1/deliberations?collectivite={Siret(r.Next(300))}",
                    1 => $"/api/v1/deliberations?annee={2015 + r.Next(11)}&matiere=7.5",
                    2 => $"/api/v1/deliberations?q={Uri.EscapeDataString(Mots[r.Next(Mots.Length)])}&annee={2015 + r.Next(11)}",
                    _ => $"/api/v1/deliberations?q={Uri.EscapeDataString(Mots[r.Next(Mots.Length)] + " " + Mots[r.Next(Mots.Length)])}&page={1 + r.Next(5)}",
                }).ToArray();
                await Charge.Mesurer(http, requetes, clients, TimeSpan.FromSeconds(3)); // warm-up
                var recherche = await Charge.Mesurer(http, requetes, clients, TimeSpan.FromSeconds(secondes));
                Console.WriteLine($"- recherche au registre (/api/v1/deliberations, {requetes.Length} requêtes variées) : {recherche}");
                var durees = new List<double>();
                long octets = 0;
                for (var i = 0; i < 3; i++)
                {
                    chrono.Restart();
                    octets = (await http.GetByteArrayAsync("/donnees/deliberations.csv")).Length;
                    durees.Add(chrono.Elapsed.TotalMilliseconds);
                }
                Console.WriteLine($"- export SCDL public (/donnees/deliberations.csv, {octets / 1024.0 / 1024:0.0} Mo) : médiane {durees.Order().ElementAt(1):0} ms (3 mesures : {string.Join(", ", durees.Select(d => d.ToString("0")))} ms)");
                Console.WriteLine($"- mémoire du serveur après l'export (VmRSS) : {Processus.MemoireMo(serveur):0} Mo");
            }
            finally
            {
                serveur.Kill(entireProcessTree: true);
                await serveur.WaitForExitAsync();
            }
            var sortie = Path.Combine(dossier, "deliberations-export.csv");
            chrono.Restart();
            await Processus.Executer(app, ["migrate", .. config], attendre: true);
            var demarrage = chrono.Elapsed.TotalSeconds;
            chrono.Restart();
            var message = await Processus.Executer(app, ["deliberations", "export", sortie, .. config], attendre: true);
            Console.WriteLine($"- commande `deliberations export` (processus complet) : {chrono.Elapsed.TotalSeconds:0.00} s, démarrage à vide {demarrage:0.00} s — {message.Trim()}");
        }
        try { File.Delete(fichier); } catch (IOException) { }
        return 0;
    }

    static async Task GenererAsync(DbConnection c, int n)
    {
        var r = new Random(42);
        await using var tx = await c.BeginTransactionAsync();
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO "Deliberations" ("CollectiviteNom", "CollectiviteSiret", "Organe", "Numero", "DateSeance", "Objet", "MatiereCode", "Unanimite", "Adoptee",
                "MembresEnExercice", "Presents", "Representes", "Excuses", "VotePour", "VoteContre", "VoteAbstention", "BudgetAnnee", "BudgetNom", "Version", "CreeLe", "ModifieLe", "ModifiePar")
            VALUES (@nom, @siret, @organe, @numero, @date, @objet, @matiere, FALSE, TRUE, 45, 38, 4, 3, @pour, @contre, @abst, @annee, 'Budget principal', 1, @le, @le, 'bench')
            """;
        DbParameter P(string nom) { var p = cmd.CreateParameter(); p.ParameterName = nom; cmd.Parameters.Add(p); return p; }
        var (pNom, pSiret, pOrgane, pNumero, pDate, pObjet, pMatiere, pPour, pContre, pAbst, pAnnee, pLe) =
            (P("nom"), P("siret"), P("organe"), P("numero"), P("date"), P("objet"), P("matiere"), P("pour"), P("contre"), P("abst"), P("annee"), P("le"));
        pLe.Value = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < n; i++)
        {
            var corps = r.Next(300);
            var date = new DateOnly(2015, 1, 1).AddDays(r.Next(11 * 365));
            var m = Matieres[r.Next(Matieres.Length)];
            var contre = r.Next(5);
            pNom.Value = $"Collectivité {corps}"; pSiret.Value = Siret(corps); pOrgane.Value = r.Next(2) == 0 ? "bureau" : "conseil_municipal";
            pNumero.Value = $"D{date.Year}-{i}"; pDate.Value = date; pMatiere.Value = m.Code;
            pObjet.Value = $"Programme d'{Mots[0]} {Mots[r.Next(Mots.Length)]} : {Mots[r.Next(Mots.Length)]} et {Mots[r.Next(Mots.Length)]} n° {i}";
            pPour.Value = 42 - contre - 1; pContre.Value = contre; pAbst.Value = 1; pAnnee.Value = date.Year.ToString();
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
}
