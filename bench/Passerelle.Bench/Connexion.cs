using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

/// <summary>Connecter benchmark (issue 13), PostgreSQL only: one programme with N enrolments (default 50 000) of followed people, one
/// mobile line each, a box for one in ten, and M ledger movements (default 2 000 000: top-ups and one refund in twenty) over the
/// last twelve months with the matching monthly consumption rows, generated straight into the database with COPY. Then, on the
/// running server with a manager (the account made by <c>admin create</c>, turned manager: an administrator's API needs two-factor
/// sign-in) who is also a mediator of the managing structure: p50/p95 of the programme's indicators
/// (<c>GET /api/v1/connexion/programmes/1/indicateurs</c>, last twelve months, complete view) against the plain SQL aggregate of
/// the same figures measured in the same run, and the top-up throughput under 16 clients through
/// <c>POST /api/v1/connexion/adhesions/{id}/recharges</c> (the use case that holds the monthly cap), checked afterwards: no month
/// over its cap, and each month's consumption equal to the sum of its movements.
/// Usage: bench.sh connexion [--adhesions 50000] [--mouvements 2000000] [--secondes 10] [--clients 16]</summary>
static class ConnexionBench
{
    const long Plafond = 3000, Recharge = 500;

    public static async Task<int> ExecuterAsync(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var app = V("--app") ?? Path.GetFullPath("src/Passerelle/bin/Release/net10.0/Passerelle.dll");
        var pg = V("--pg") ?? Environment.GetEnvironmentVariable("PASSERELLE_TEST_PG");
        if (string.IsNullOrWhiteSpace(pg)) { Console.Error.WriteLine("Le bench connexion mesure PostgreSQL : donnez --pg."); return 2; }
        var adhesions = int.Parse(V("--adhesions") ?? "50000");
        var mouvements = int.Parse(V("--mouvements") ?? "2000000");
        var secondes = int.Parse(V("--secondes") ?? "10");
        var clients = int.Parse(V("--clients") ?? "16");
        var cs = pg.Replace("Database=postgres", "Database=connexion_" + Environment.ProcessId);
        string[] config = ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={cs}"];
        Console.WriteLine($"# Passerelle bench connexion — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, PostgreSQL, {adhesions:N0} adhésions, "
            + $"{mouvements:N0} mouvements, {clients} clients pour les recharges, {secondes} s par mesure");
        await Processus.Executer(app, ["migrate", .. config], attendre: true);
        var motDePasse = "Bench-" + Guid.NewGuid().ToString("N");
        await Processus.Executer(app, ["admin", "create", "--email", "bench@passerelle.test", .. config], attendre: true, entree: motDePasse);
        await using var c = new NpgsqlConnection(cs + ";Command Timeout=1200");
        await c.OpenAsync();
        var chrono = Stopwatch.StartNew();
        var actives = await GenererAsync(c, adhesions, mouvements);
        Console.WriteLine($"- génération directe en base (COPY) : {adhesions:N0} adhésions et fiches, {adhesions:N0} lignes, {adhesions / 10:N0} box, {mouvements:N0} mouvements : {chrono.Elapsed.TotalSeconds:0} s");

        var port = Processus.PortLibre();
        var serveur = Processus.Demarrer(app, [$"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning",
            "--RateLimit:EcrituresParMinute=1000000", "--RateLimit:ConnexionsParMinute=1000", "--Taches:Actives=false", .. config]);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            for (var depart = 1; ; depart++) // a loaded machine may take more than a minute to start the server
                try { await Charge.AttendreSante(http); break; } catch (TimeoutException) when (depart < 5) { }
            var jeton = (await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "bench@passerelle.test", password = motDePasse }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
            var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);
            var au = aujourdhui;
            var du = new DateOnly(au.Year, au.Month, 1).AddMonths(-11);
            var url = $"/api/v1/connexion/programmes/1/indicateurs?du={du:yyyy-MM-dd}&au={au:yyyy-MM-dd}";
            var essai = await http.GetAsync(url);
            if (!essai.IsSuccessStatusCode) throw new InvalidOperationException($"Indicateurs : {(int)essai.StatusCode} {await essai.Content.ReadAsStringAsync()}");
            var api = await Charge.Mesurer(http, [url], 2, TimeSpan.FromSeconds(secondes));
            var brut = await MesurerSqlAsync(c, du, au, TimeSpan.FromSeconds(secondes));
            Console.WriteLine($"- indicateurs du programme, 12 mois, vue complète (API, 2 clients) : {api}");
            Console.WriteLine($"- agrégat SQL seul des mêmes chiffres (une requête, chaque table lue une fois : adhésions, mouvements par mois, source et "
                + $"référence manquante, personnes et dépense moyenne, lignes actives et box par mois, personnes par motif et par QPV) : p50 {brut.P50:0.0} ms, p95 {brut.P95:0.0} ms ({brut.N} requêtes) ; ratio p95 ×{api.P95 / brut.P95:0.0}");

            var reussies = 0; var refusees = 0; var autres = 0;
            var offre = JsonSerializer.Serialize(new { offre = 1, montant = Recharge });
            var insertion = await Charge.MesurerAvec(clients, TimeSpan.FromSeconds(secondes), async (k, i) =>
            {
                var id = actives[(int)((uint)(i * 2654435761L + k) % (uint)actives.Count)];
                var r = await http.PostAsync($"/api/v1/connexion/adhesions/{id}/recharges", new StringContent(
                    offre.Replace("}", $",\"reference\":\"BENCH-{k}-{i}\"}}"), new MediaTypeHeaderValue("application/json")));
                if ((int)r.StatusCode == 201) Interlocked.Increment(ref reussies);
                else if ((int)r.StatusCode == 409) Interlocked.Increment(ref refusees);
                else Interlocked.Increment(ref autres);
                return r;
            }, code => (int)code is 201 or 409);
            Console.WriteLine($"- recharges (POST …/adhesions/{{id}}/recharges, {clients} clients, adhésions actives au hasard) : {insertion} ; 201 : {reussies}, 409 (plafond) : {refusees}, autres : {autres}");
            var chaude = actives[0];
            reussies = refusees = autres = 0;
            var course = await Charge.MesurerAvec(clients, TimeSpan.FromSeconds(Math.Max(2, secondes / 5)), async (k, i) =>
            {
                var r = await http.PostAsync($"/api/v1/connexion/adhesions/{chaude}/recharges", new StringContent(offre, new MediaTypeHeaderValue("application/json")));
                if ((int)r.StatusCode == 201) Interlocked.Increment(ref reussies);
                else if ((int)r.StatusCode == 409) Interlocked.Increment(ref refusees);
                else Interlocked.Increment(ref autres);
                return r;
            }, code => (int)code is 201 or 409);
            Console.WriteLine($"- même adhésion pour les {clients} clients (course au plafond) : {course} ; 201 : {reussies}, 409 : {refusees}, autres : {autres}");
            await using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = """
                    SELECT (SELECT count(*) FROM "ConsommationsMensuelles" WHERE "ConsommeCentimes" > "PlafondCentimes"),
                           (SELECT count(*) FROM "ConsommationsMensuelles" cm WHERE cm."ConsommeCentimes" <> (SELECT coalesce(sum(m."MontantCentimes"), 0)
                              FROM "MouvementsRecharges" m WHERE m."AdhesionId" = cm."AdhesionId" AND m."Mois" = cm."Mois"))
                    """;
                await using var r = await cmd.ExecuteReaderAsync();
                await r.ReadAsync();
                Console.WriteLine($"- contrôle après la charge : mois au-delà du plafond {r.GetInt64(0)}, mois dont la consommation diffère de la somme du journal {r.GetInt64(1)}");
            }
            Console.WriteLine($"- mémoire du serveur (VmRSS) : {Processus.MemoireMo(serveur):0} Mo");
        }
        finally
        {
            serveur.Kill(entireProcessTree: true);
            await serveur.WaitForExitAsync();
        }
        return 0;
    }

    sealed record MesureSql(int N, double P50, double P95);

    /// <summary>The figures of the indicators' complete view (accompaniments aside) in one statement a DBA would write, each table read
    /// once: the programme's enrolments (counts, renewals, exits by offer, people by route and by QPV, in one pass), the period's movements
    /// grouped by month, subsidy source and missing reference (hash join on the enrolments), the people who consumed and their average
    /// month from the monthly consumption rows, the lines grouped by months of activation and deactivation then spread over the months,
    /// the boxes by month.</summary>
    static async Task<MesureSql> MesurerSqlAsync(NpgsqlConnection c, DateOnly du, DateOnly au, TimeSpan duree)
    {
        const string sql = """
            WITH a AS MATERIALIZED (SELECT "Id", "Debut", "Statut", "TermineeLe", "Renouvellements", "Regle", "CodeQpv", "OffreSortie" FROM "Adhesions" WHERE "ProgrammeId" = 1),
            mois AS (SELECT to_char(d, 'YYYYMM')::int AS code FROM generate_series(@du::date, @au::date, interval '1 month') d),
            l AS (SELECT to_char(l."ActiveeLe", 'YYYYMM')::int AS am, to_char(l."DesactiveeLe", 'YYYYMM')::int AS dm, count(*) AS n
                  FROM "LignesMobiles" l JOIN a ON a."Id" = l."AdhesionId" WHERE l."ActiveeLe" <= @au GROUP BY 1, 2)
            SELECT 'adhesions', count(*) FILTER (WHERE "Debut" <= @au), count(*) FILTER (WHERE "Debut" <= @au AND "Statut" <> 'en_attente' AND ("TermineeLe" IS NULL OR "TermineeLe" > @au)),
                   count(*) FILTER (WHERE "Debut" BETWEEN @du AND @au), coalesce(sum("Renouvellements") FILTER (WHERE "Debut" <= @au), 0) FROM a
            UNION ALL SELECT 'sortie ' || coalesce("OffreSortie", ''), count(*), 0, 0, 0 FROM a WHERE "TermineeLe" BETWEEN @du AND @au GROUP BY "OffreSortie"
            UNION ALL SELECT 'regle ' || "Regle", count(*), 0, 0, 0 FROM a WHERE "Debut" <= @au AND ("TermineeLe" IS NULL OR "TermineeLe" >= @du) GROUP BY "Regle"
            UNION ALL SELECT 'qpv ' || coalesce("CodeQpv", ''), count(*), 0, 0, 0 FROM a WHERE "Debut" <= @au AND ("TermineeLe" IS NULL OR "TermineeLe" >= @du) GROUP BY "CodeQpv"
            UNION ALL SELECT m."Mois" || ' ' || coalesce(m."SourceSubvention", '') || ' ' || (m."Reference" IS NULL), count(*) FILTER (WHERE m."Type" = 'recharge'),
                   sum(m."MontantCentimes"), coalesce(sum(m."VolumeMo"), 0), sum(m."SubventionCentimes")
              FROM "MouvementsRecharges" m JOIN a ON a."Id" = m."AdhesionId" WHERE m."Mois" BETWEEN @mdu AND @mau GROUP BY m."Mois", m."SourceSubvention", m."Reference" IS NULL
            UNION ALL SELECT 'personnes et moyenne', count(DISTINCT cm."AdhesionId"), coalesce(avg(cm."ConsommeCentimes"), 0)::bigint, 0, 0
              FROM "ConsommationsMensuelles" cm JOIN a ON a."Id" = cm."AdhesionId" WHERE cm."Mois" BETWEEN @mdu AND @mau AND cm."ConsommeCentimes" > 0
            UNION ALL SELECT 'lignes ' || mois.code, coalesce(sum(l.n), 0), 0, 0, 0 FROM mois LEFT JOIN l ON l.am <= mois.code AND (l.dm IS NULL OR l.dm >= mois.code) GROUP BY mois.code
            UNION ALL SELECT 'box ' || to_char(b."ActiveeLe", 'YYYYMM'), count(*), 0, 0, 0 FROM "ActivationsBox" b JOIN a ON a."Id" = b."AdhesionId"
              WHERE b."ActiveeLe" BETWEEN @du AND @au GROUP BY 1
            """;
        var temps = new List<double>();
        var fin = Stopwatch.StartNew();
        while (fin.Elapsed < duree || temps.Count < 5)
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            cmd.Parameters.AddWithValue("du", du);
            cmd.Parameters.AddWithValue("au", au);
            cmd.Parameters.AddWithValue("mdu", du.Year * 100 + du.Month);
            cmd.Parameters.AddWithValue("mau", au.Year * 100 + au.Month);
            var t = Stopwatch.StartNew();
            await using (var r = await cmd.ExecuteReaderAsync()) while (await r.ReadAsync()) { }
            temps.Add(t.Elapsed.TotalMilliseconds);
        }
        temps.Sort();
        return new MesureSql(temps.Count, temps[temps.Count / 2], temps[(int)(temps.Count * 0.95)]);
    }

    /// <summary>Structure 1 manages programme 1 (cap 30 €, offers 1 « Recharge 5 € » and 2 « Box sociale »); the bench account is
    /// a manager and mediator 1, employed there. Returns the ids of the enrolments still active today (top-up targets).</summary>
    static async Task<List<int>> GenererAsync(NpgsqlConnection c, int n, int nbMouvements)
    {
        var maintenant = DateTime.UtcNow;
        var aujourdhui = DateOnly.FromDateTime(maintenant);
        var premierMois = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1).AddMonths(-11);
        async Task Sql(string texte)
        {
            await using var cmd = new NpgsqlCommand(texte, c);
            await cmd.ExecuteNonQueryAsync();
        }
        string D(DateOnly d) => $"'{d:yyyy-MM-dd}'";
        await Sql($"""
            INSERT INTO "Structures" ("Id", "Nom", "Typologie", "Archivee", "Demo") VALUES (1, 'Association bench', 'ASSO', false, false);
            INSERT INTO "Mediateurs" ("Id", "Prenom", "Nom", "ConseillerNumerique", "AidantsConnect", "Archive", "Demo", "AgendaNomsComplets", "UtilisateurId")
              VALUES (1, 'Médiateur', 'Bench', false, false, false, false, false, (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'bench@passerelle.test'));
            INSERT INTO "Emplois" ("Id", "MediateurId", "StructureId", "Debut") VALUES (1, 1, 1, '2020-01-01');
            UPDATE "AspNetUserRoles" SET "RoleId" = (SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'Gestionnaire')
              WHERE "UserId" = (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'bench@passerelle.test');
            INSERT INTO "ProgrammesConnexion" ("Id", "Nom", "StructureGestionnaireId", "Debut", "BudgetCentimes", "PlafondMensuelCentimes", "DureeAdhesionMois",
              "RenouvellementsMax", "RevueJoursAvantFin", "Regles", "RetentionMois", "CreeLe")
              VALUES (1, 'Connexion bench', 1, {D(premierMois.AddMonths(-13))}, 500000000, {Plafond}, 24, 1, 30, 'rsa,orientation,resident_qpv', 12, now());
            INSERT INTO "OffresConnexion" ("Id", "ProgrammeId", "Type", "Libelle", "ValeurFacialeCentimes", "VolumeMo", "PrixPayeCentimes", "SubventionCentimes", "SubventionPayeePar", "Active")
              VALUES (1, 1, 'recharge', 'Recharge 5 €', {Recharge}, 10240, 200, 300, 'Métropole', true), (2, 1, 'box', 'Box sociale', 2300, NULL, 500, 1800, 'Bailleur', true);
            """);
        var rnd = new Random(13);
        string[] regles = ["rsa", "orientation", "resident_qpv"];
        var qpv = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT \"Code\" FROM \"Qpv\" ORDER BY (\"Code\" LIKE 'QN013%') DESC, \"Code\" LIMIT 5", c))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) qpv.Add(r.GetString(0));
        string? Qpv(int i) => qpv.Count > 0 && i % 3 == 0 ? qpv[i % qpv.Count] : null;
        var actives = new List<int>();
        var terminees = new HashSet<int>();
        for (var i = 1; i <= n; i++) if (i % 10 == 0) terminees.Add(i); else actives.Add(i);
        var debuts = Enumerable.Range(0, n + 1).Select(i => premierMois.AddDays(-(i % 60))).ToArray();
        await CopierAsync(c, "Beneficiaires", ["Id", "StructureId", "Suivi", "Nom", "AnneeNaissance", "Genre", "Statut", "Commune", "CodeQpv", "ConsentementLe", "CreeLe", "ModifieLe", "DerniereActiviteLe"],
            Enumerable.Range(1, n).Select(i => new object?[] { i, 1, true, $"Personne {i}", 1950 + i % 55, "Non communiqué", "Non communiqué ou hétérogène", "Marseille", Qpv(i),
                maintenant, maintenant, maintenant, maintenant }));
        await CopierAsync(c, "Adhesions", ["Id", "ProgrammeId", "BeneficiaireId", "StructureId", "Regle", "Justificatif", "DateJustificatif", "EligibleJusquAu", "Debut", "Fin", "RevueLe",
                "Renouvellements", "Statut", "PlafondMensuelCentimes", "Commune", "CodeQpv", "TermineeLe", "MotifSortie", "OffreSortie", "CreeLe", "CreePar"],
            Enumerable.Range(1, n).Select(i =>
            {
                var fin = terminees.Contains(i);
                return new object?[] { i, 1, i, 1, regles[i % 3], "Attestation", aujourdhui.AddMonths(-2), aujourdhui.AddMonths(10), debuts[i], debuts[i].AddMonths(24), debuts[i].AddMonths(23),
                    i % 7 == 0 ? 1 : 0, fin ? "terminee" : "active", Plafond, "Marseille", Qpv(i), fin ? aujourdhui.AddDays(-(i % 40) - 1) : null,
                    fin ? "Fin de parcours" : null, fin ? (i % 20 == 0 ? "Tarif social" : "Forfait à bas prix") : null, maintenant, "bench" };
            }));
        await CopierAsync(c, "LignesMobiles", ["Id", "AdhesionId", "Iccid", "Numero", "Operateur", "ActiveeLe", "DesactiveeLe"],
            Enumerable.Range(1, n).Select(i => new object?[] { i, i, $"8933{i:D15}", $"+336{i:D8}", "Opérateur bench", debuts[i], terminees.Contains(i) ? aujourdhui.AddDays(-(i % 40) - 1) : null }));
        await CopierAsync(c, "ActivationsBox", ["Id", "AdhesionId", "Bailleur", "Residence", "ReferenceLogement", "OffreId", "ActiveeLe"],
            Enumerable.Range(1, n / 10).Select(k => new object?[] { k, k * 10 - 3, "Bailleur bench", "Résidence des Pins", $"B{k}", 2, premierMois.AddDays(k % 360) }));

        // Movements: enrolment by enrolment, spread over the twelve months, 5 € each (at most six a month, the cap); every twentieth
        // is the refund of the one before it (negative, same month). The consumption rows are the monthly sums.
        var parAdhesion = Math.Max(1, nbMouvements / n);
        var consommations = new List<object?[]>();
        IEnumerable<object?[]> Mouvements()
        {
            long id = 0;
            for (var a = 1; a <= n; a++)
            {
                var parMois = new long[12];
                var k = a == n ? nbMouvements - parAdhesion * (n - 1) : parAdhesion;
                long derniere = 0;
                var derniereM = 0;
                for (var j = 0; j < k; j++)
                {
                    var m = j * 12 / Math.Max(1, k);
                    var mois = premierMois.AddMonths(m);
                    var jour = mois.AddDays(Math.Min(j % 27, (m == 11 ? aujourdhui.Day : 28) - 1));
                    var le = jour.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                    var code = mois.Year * 100 + mois.Month;
                    id++;
                    if (j % 20 == 19 && derniere > 0)
                    {
                        parMois[derniereM] -= Recharge;
                        var mo = premierMois.AddMonths(derniereM);
                        yield return [id, a, 1, "remboursement", le, mo.Year * 100 + mo.Month, -Recharge, -200L, -300L, "Métropole", -10240, null, derniere, "bench"];
                        derniere = 0;
                    }
                    else if (parMois[m] + Recharge <= Plafond)
                    {
                        parMois[m] += Recharge;
                        derniere = id;
                        derniereM = m;
                        yield return [id, a, 1, "recharge", le, code, Recharge, 200L, 300L, "Métropole", 10240, j % 50 == 0 ? null : $"V{id}", null, "bench"];
                    }
                    else id--;
                }
                for (var m = 0; m < 12; m++)
                    if (parMois[m] > 0) { var mo = premierMois.AddMonths(m); consommations.Add([a, mo.Year * 100 + mo.Month, parMois[m], Plafond]); }
            }
        }
        await CopierAsync(c, "MouvementsRecharges", ["Id", "AdhesionId", "OffreId", "Type", "Le", "Mois", "MontantCentimes", "PrixPayeCentimes", "SubventionCentimes", "SourceSubvention",
            "VolumeMo", "Reference", "MouvementOrigineId", "Auteur"], Mouvements());
        await CopierAsync(c, "ConsommationsMensuelles", ["AdhesionId", "Mois", "ConsommeCentimes", "PlafondCentimes"], consommations);
        foreach (var t in new[] { "Structures", "Mediateurs", "Emplois", "ProgrammesConnexion", "OffresConnexion", "Beneficiaires", "Adhesions", "LignesMobiles", "ActivationsBox", "MouvementsRecharges" })
            await Sql($"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT max(\"Id\") FROM \"{t}\"))");
        await Sql("VACUUM ANALYZE"); // what autovacuum does after a bulk load: statistics, and the visibility map index-only scans need
        return actives;
    }

    static Task CopierAsync(NpgsqlConnection c, string table, string[] colonnes, IEnumerable<object?[]> lignes) =>
        CopieBinaire.CopierAsync(c, table, colonnes, lignes, sequence: false);
}
