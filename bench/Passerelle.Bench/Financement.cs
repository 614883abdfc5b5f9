using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using NpgsqlTypes;

/// <summary>Funding benchmark (issue 11): 300 funders with one envelope per year, 5 000 beneficiary structures, N grants (default
/// 200 000) over ten exercises (2016–2025) each with a signed convention, and 10 ledger movements per grant (default 2 000 000:
/// one commitment, eight payment orders, one recovery) — running totals on each grant consistent with its movements — loaded by
/// COPY on PostgreSQL. Then, on the running server with a signed-in administrator: the board (<c>/admin/financement?annee=2024</c>)
/// against the plain SQL sum of the same exercise's movements per funder and envelope; the SCDL export of every row
/// (<c>/donnees/subventions.csv?tous=1</c>) against the plain SQL read of the same rows; the 360° page of the structure with the
/// most grants against the plain SQL read of its grants and movements. All measured in the same run on the same data.
/// Usage: bench.sh financement [--subventions 200000] [--secondes 10] [--pg "Host=…;Database=postgres"]</summary>
static class FinancementBench
{
    const int Financeurs = 300, Structures = 5_000, Annees = 10, PremiereAnnee = 2016, MouvementsParSubvention = 10;

    public static async Task<int> ExecuterAsync(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var app = V("--app") ?? Path.GetFullPath("src/Passerelle/bin/Release/net10.0/Passerelle.dll");
        var n = int.Parse(V("--subventions") ?? "200000");
        var secondes = int.Parse(V("--secondes") ?? "10");
        var pg = V("--pg") ?? Environment.GetEnvironmentVariable("PASSERELLE_TEST_PG");
        if (string.IsNullOrWhiteSpace(pg)) { Console.Error.WriteLine("Ce banc demande PostgreSQL (--pg)."); return 2; }
        var cs = pg.Replace("Database=postgres", "Database=financement_" + Environment.ProcessId);
        string[] config = ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={cs}"];
        Console.WriteLine($"# Passerelle bench financement — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {n:N0} subventions, "
            + $"{(long)n * MouvementsParSubvention:N0} mouvements, {Annees} exercices, {Financeurs} financeurs, {Structures:N0} bénéficiaires, {secondes} s par mesure");
        Console.WriteLine("\n## PostgreSQL");
        await Processus.Executer(app, ["migrate", .. config], attendre: true);
        var motDePasse = "Bench-" + Guid.NewGuid().ToString("N");
        await Processus.Executer(app, ["admin", "create", "--email", "bench@passerelle.test", .. config], attendre: true, entree: motDePasse);
        await using var c = new NpgsqlConnection(cs + ";Command Timeout=1200");
        await c.OpenAsync();
        // An administrator without a second factor is sent to /compte/securite on every page: the bench's account gets one.
        var cleBase32 = await DoubleFacteur.ActiverAsync(c, "bench@passerelle.test");
        var chrono = Stopwatch.StartNew();
        await GenererAsync(c, n);
        Console.WriteLine($"- génération directe en base (COPY) : {chrono.Elapsed.TotalSeconds:0} s");
        var (structureMax, nbMax) = await ScalaireAsync<(int, long)>(c,
            "SELECT \"BeneficiaireId\", count(*) FROM \"Subventions\" GROUP BY \"BeneficiaireId\" ORDER BY 2 DESC, 1 LIMIT 1", r => (r.GetInt32(0), r.GetInt64(1)));

        var port = Processus.PortLibre();
        var serveur = Processus.Demarrer(app, [$"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning", "--Taches:Actives=false",
            "--RateLimit:EcrituresParMinute=1000000", "--RateLimit:ConnexionsParMinute=1000", .. config]);
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        try
        {
            // A loaded machine may take more than the shared minute to start the server: up to five minutes here.
            for (var essai = 0; ; essai++)
                try { await Charge.AttendreSante(http); break; } catch (TimeoutException) when (essai < 4) { }
            (await http.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email = "bench@passerelle.test", password = motDePasse, twoFactorCode = DoubleFacteur.CodeTotp(cleBase32) })).EnsureSuccessStatusCode();
            foreach (var url in new[] { "/admin/financement?annee=2024", $"/admin/financement/structures/{structureMax}" })
                if (await http.GetAsync(url) is { StatusCode: not HttpStatusCode.OK } r)
                    throw new InvalidOperationException($"{url} répond {(int)r.StatusCode} {r.Headers.Location} au lieu de 200 : la mesure ne vaudrait rien.");

            var tableau = await Charge.Mesurer(http, ["/admin/financement?annee=2024"], 2, TimeSpan.FromSeconds(secondes));
            var sqlTableau = await MesurerSqlAsync(c, """
                SELECT s."FinanceurId", s."EnveloppeId",
                       sum(CASE WHEN m."Type" IN ('engagement', 'annulation') THEN m."MontantCentimes" ELSE 0 END),
                       sum(CASE WHEN m."Type" IN ('mandat', 'reversement', 'avoir') THEN m."MontantCentimes" ELSE 0 END)
                FROM "MouvementsSubventions" m JOIN "Subventions" s ON s."Id" = m."SubventionId"
                WHERE s."Exercice" = 2024 GROUP BY s."FinanceurId", s."EnveloppeId"
                """, TimeSpan.FromSeconds(secondes));
            Console.WriteLine($"- tableau de bord 2024 (page HTML, 2 clients) : {tableau}");
            Console.WriteLine($"  somme SQL des mouvements 2024 par financeur et enveloppe : {sqlTableau} ; ratio p95 ×{tableau.P95 / sqlTableau.P95:0.0}");

            var export = await Charge.Mesurer(http, ["/donnees/subventions.csv?tous=1"], 1, TimeSpan.FromSeconds(secondes * 3));
            var reponse = await http.GetAsync("/donnees/subventions.csv?tous=1");
            var octets = (await reponse.Content.ReadAsByteArrayAsync()).Length;
            var lignes = (await reponse.Content.ReadAsStringAsync()).Count(ch => ch == '\n') - 1;
            var sqlExport = await MesurerSqlAsync(c, """
                SELECT s."Id", f."Nom", f."Siret", s."ReferenceDecision", b."Nom", b."Siret", b."Rna", s."Objet", s."MontantCentimes", s."Nature",
                       s."ConditionsVersement", s."VersementDebut", s."VersementFin", s."NotificationUe", s."PartDixMilliemes", c."DateSignature", c."MontantAnnuelCentimes"
                FROM "Subventions" s JOIN "Financeurs" f ON f."Id" = s."FinanceurId" JOIN "Structures" b ON b."Id" = s."BeneficiaireId"
                LEFT JOIN "Conventions" c ON c."SubventionId" = s."Id"
                WHERE s."Statut" NOT IN ('demandee', 'refusee') ORDER BY s."Id"
                """, TimeSpan.FromSeconds(secondes * 3));
            Console.WriteLine($"- export SCDL de toutes les lignes (/donnees/subventions.csv?tous=1, 1 client) : {export} — {lignes:N0} lignes, {octets / 1_048_576.0:0.0} Mo");
            Console.WriteLine($"  lecture SQL des mêmes lignes (jointures financeur, bénéficiaire, convention) : {sqlExport} ; ratio p95 ×{export.P95 / sqlExport.P95:0.0}");

            var page360 = await Charge.Mesurer(http, [$"/admin/financement/structures/{structureMax}"], 2, TimeSpan.FromSeconds(secondes));
            var sql360 = await MesurerSqlAsync(c, $"""
                SELECT s."Id", s."Exercice", f."Nom", s."Objet", s."MontantCentimes", s."PayeCentimes", s."Statut", m."Date", m."Type", m."MontantCentimes"
                FROM "Subventions" s JOIN "Financeurs" f ON f."Id" = s."FinanceurId" LEFT JOIN "MouvementsSubventions" m ON m."SubventionId" = s."Id"
                WHERE s."BeneficiaireId" = {structureMax} ORDER BY s."Exercice" DESC, s."Id", m."Date", m."Id"
                """, TimeSpan.FromSeconds(secondes));
            // Since the seventh session the page shows the totals of every grant (one grouped query) and 50 grants a page with
            // their movements: its plain SQL is the same — totals, and the first 50 grants in the page's order with their movements.
            var sql360Page = await MesurerSqlAsync(c, $"""
                WITH t AS (SELECT count(*) AS n,
                                  sum(CASE WHEN "Statut" IN ('votee', 'notifiee', 'conventionnee', 'versee', 'justifiee', 'soldee') THEN "MontantCentimes" ELSE 0 END) AS vote,
                                  sum(CASE WHEN "Statut" IN ('votee', 'notifiee', 'conventionnee', 'versee', 'justifiee', 'soldee') THEN "PayeCentimes" ELSE 0 END) AS paye
                           FROM "Subventions" WHERE "BeneficiaireId" = {structureMax}),
                     p AS (SELECT s."Id", s."Exercice", f."Nom", s."Objet", s."MontantCentimes", s."PayeCentimes", s."Statut"
                           FROM "Subventions" s JOIN "Financeurs" f ON f."Id" = s."FinanceurId"
                           WHERE s."BeneficiaireId" = {structureMax} ORDER BY s."Exercice" DESC, f."Nom", s."Id" LIMIT 50)
                SELECT p.*, m."Date", m."Type", m."MontantCentimes", t.n, t.vote, t.paye
                FROM p CROSS JOIN t LEFT JOIN "MouvementsSubventions" m ON m."SubventionId" = p."Id"
                ORDER BY p."Exercice" DESC, p."Nom", p."Id", m."Date", m."Id"
                """, TimeSpan.FromSeconds(secondes));
            Console.WriteLine($"- page 360° de la structure qui a le plus de subventions ({nbMax:N0} subventions, {nbMax * MouvementsParSubvention:N0} mouvements, 2 clients) : {page360}");
            Console.WriteLine($"  lecture SQL de toutes ses subventions et mouvements (référence de la sixième session) : {sql360} ; ratio p95 ×{page360.P95 / sql360.P95:0.0}");
            Console.WriteLine($"  lecture SQL de ce que la page montre (totaux groupés, 50 premières subventions et leurs mouvements) : {sql360Page} ; ratio p95 ×{page360.P95 / sql360Page.P95:0.0}");
            var page360Fin = await Charge.Mesurer(http, [$"/admin/financement/structures/{structureMax}?page={(nbMax + 49) / 50}"], 2, TimeSpan.FromSeconds(secondes));
            Console.WriteLine($"  dernière page ({(nbMax + 49) / 50}) : {page360Fin}");
            Console.WriteLine($"- mémoire du serveur (VmRSS) : {Processus.MemoireMo(serveur):0} Mo");
        }
        finally
        {
            serveur.Kill(entireProcessTree: true);
            await serveur.WaitForExitAsync();
        }
        return 0;
    }

    sealed record MesureSql(int N, double P50, double P95, long Lignes)
    {
        public override string ToString() => $"p50 {P50:0.0} ms, p95 {P95:0.0} ms ({N} requêtes, {Lignes:N0} lignes)";
    }

    static async Task<MesureSql> MesurerSqlAsync(DbConnection c, string sql, TimeSpan duree)
    {
        var temps = new List<double>();
        long lignes = 0;
        var fin = Stopwatch.StartNew();
        while (fin.Elapsed < duree || temps.Count < 5)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            var t = Stopwatch.StartNew();
            lignes = 0;
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) lignes++;
            temps.Add(t.Elapsed.TotalMilliseconds);
        }
        temps.Sort();
        return new MesureSql(temps.Count, temps[temps.Count / 2], temps[Math.Min(temps.Count - 1, (int)(temps.Count * 0.95))], lignes);
    }

    static async Task<T> ScalaireAsync<T>(NpgsqlConnection c, string sql, Func<DbDataReader, T> lire)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return lire(r);
    }

    /// <summary>A SIRET the SCDL validator accepts: a 9-digit SIREN whose Luhn key is right (8 digits from <paramref name="corps"/>
    /// and a key), then the establishment number 0001 and the SIRET's own Luhn key. A first version keyed only the 14 digits:
    /// nine SIREN in ten were then wrong and the export left nine grants in ten out.</summary>
    static string Siret(int corps) => AvecCle(AvecCle(corps.ToString("D8")) + "0001");

    static string AvecCle(string chiffres)
    {
        for (var d = 0; d < 10; d++)
        {
            var s = chiffres + d;
            var somme = 0;
            for (var i = 0; i < s.Length; i++)
            {
                var x = s[s.Length - 1 - i] - '0';
                if (i % 2 == 1) { x *= 2; if (x > 9) x -= 9; }
                somme += x;
            }
            if (somme % 10 == 0) return s;
        }
        throw new InvalidOperationException();
    }

    static async Task GenererAsync(NpgsqlConnection c, int n)
    {
        var rnd = new Random(11);
        var maintenant = new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);
        await CopierAsync(c, "Financeurs", ["Id", "Nom", "Siret", "Siren", "Genre", "Demo"],
            Enumerable.Range(1, Financeurs).Select(i => { var s = Siret(21_300_000 + i); return new object?[] { i, $"Financeur {i}", s, s[..9], i % 10 == 0 ? "caf" : "collectivite", false }; }));
        await CopierAsync(c, "Structures", ["Id", "Nom", "Typologie", "Siret", "Archivee", "Demo"],
            Enumerable.Range(1, Structures).Select(i => new object?[] { i, $"Association {i}", "ASSO", Siret(44_000_000 + i), false, false }));
        await CopierAsync(c, "Enveloppes", ["Id", "FinanceurId", "Exercice", "Libelle", "SousPolitique", "Chapitre", "Nature", "Fonction", "MontantPrevuCentimes"],
            Enumerable.Range(0, Financeurs * Annees).Select(i => new object?[] { i + 1, 1 + i / Annees, PremiereAnnee + i % Annees, "Inclusion numérique", "E111", "65", "65748", "52",
                (long)(n / Financeurs) * 5_000_000 / Annees }));
        // Amounts 1 000 € – 100 000 €; the beneficiary drawn with a skew so that one structure has several hundred grants.
        var montants = new long[n];
        var subventions = Enumerable.Range(0, n).Select(i =>
        {
            var annee = PremiereAnnee + i % Annees;
            var financeur = 1 + rnd.Next(Financeurs);
            var beneficiaire = 1 + (int)(Structures * Math.Pow(rnd.NextDouble(), 1.5));
            var montant = montants[i] = 100_000L * (10 + rnd.Next(991)) / 10 * 10;
            var (engage, paye) = Totaux(montant);
            return new object?[] { i + 1, financeur, (financeur - 1) * Annees + (annee - PremiereAnnee) + 1, $"Délibération {annee}-{i}", beneficiaire, annee,
                $"Médiation numérique et accompagnement des publics {annee}", montant, 10_000, "aide en numéraire", "échelonné",
                new DateOnly(annee, 3, 1), new DateOnly(annee, 12, 31), false, "versee", maintenant, false, engage, paye };
        });
        await CopierAsync(c, "Subventions", ["Id", "FinanceurId", "EnveloppeId", "ReferenceDecision", "BeneficiaireId", "Exercice", "Objet", "MontantCentimes",
            "PartDixMilliemes", "Nature", "ConditionsVersement", "VersementDebut", "VersementFin", "NotificationUe", "Statut", "CreeLe", "Demo", "EngageCentimes", "PayeCentimes"], subventions);
        await CopierAsync(c, "Conventions", ["Id", "Intitule", "PartenaireId", "DateDebut", "DateFin", "CreneauxParSemaine", "AteliersParMois", "DateSignature", "Gratuite",
            "SubventionId", "MontantAnnuelCentimes"],
            Enumerable.Range(0, n).Select(i => { var annee = PremiereAnnee + i % Annees; return new object?[] { i + 1, "Convention d'objectifs", 1, new DateOnly(annee, 1, 1),
                new DateOnly(annee, 12, 31), 0, 0, new DateOnly(annee, 2, 15), false, i + 1, montants[i] }; }));
        var mouvements = Enumerable.Range(0, n).SelectMany(i => Mouvements(i + 1, montants[i], PremiereAnnee + i % Annees, maintenant));
        await CopierAsync(c, "MouvementsSubventions", ["Id", "SubventionId", "Type", "MontantCentimes", "Date", "Numero", "EnregistreLe", "EnregistrePar"], mouvements);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "ANALYZE";
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Committed = the amount; paid = eight instalments of an eighth (rounded down) less a recovery of 1 % of the first.</summary>
    static (long Engage, long Paye) Totaux(long montant) { var huitieme = montant / 8; return (montant, 8 * huitieme - huitieme / 100); }

    static long _idMouvement;

    static IEnumerable<object?[]> Mouvements(int subvention, long montant, int annee, DateTime le)
    {
        var huitieme = montant / 8;
        yield return [++_idMouvement, subvention, "engagement", montant, new DateOnly(annee, 2, 20), $"EJ-{subvention}", le, "bench"];
        for (var k = 0; k < 8; k++)
            yield return [++_idMouvement, subvention, "mandat", huitieme, new DateOnly(annee, 3 + k, 10), $"M-{subvention}-{k + 1}", le, "bench"];
        yield return [++_idMouvement, subvention, "reversement", -(huitieme / 100), new DateOnly(annee, 12, 1), $"T-{subvention}", le, "bench"];
    }

    static Task CopierAsync(NpgsqlConnection c, string table, string[] colonnes, IEnumerable<object?[]> lignes) =>
        CopieBinaire.CopierAsync(c, table, colonnes, lignes, sequence: true);
}
