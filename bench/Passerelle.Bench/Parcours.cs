using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

/// <summary>Pathways benchmark (issue 14), PostgreSQL: 20 schools with one programme of 10 cohorts each (200 cohorts, seven of ten
/// finished), 100 enrolments per cohort (20 000 learners: finished cohorts 85 completed, 10 dropped out, 5 refused; running ones 95 in
/// course, 5 candidates), an entry snapshot and a referent per entrant, outcomes at exit, +3 and +6 months for the finished ones
/// (« sans nouvelles » included), and 50 journal entries per learner (1 000 000), all written by binary COPY. One referent per pair of
/// cohorts (about 200 learners, 10 000 journal entries); the bench account is a manager of school 1 and the referent of its cohorts
/// 7 and 8 (one finished, one running). Measured on the running server, each against the plain SQL of the same rows or aggregates in
/// the same run: the referent's page (<c>/parcours/referent</c>) and the cohort indicators
/// (<c>GET /api/v1/parcours/cohortes/{id}/indicateurs</c>, school 1's ten cohorts in turn).
/// Usage: bench.sh parcours [--apprenants 20000] [--journal 50] [--secondes 10]</summary>
static class ParcoursBench
{
    const int Ecoles = 20, CohortesParEcole = 10;
    static readonly string[] Types = ["CDI", "CDD_6_PLUS", "CDD_MOINS_6", "ALTERNANCE", "CREATION", "FORMATION", "SANS_SOLUTION", "SANS_SOLUTION", "INCONNU", "INCONNU"];

    public static async Task<int> ExecuterAsync(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var app = V("--app") ?? Path.GetFullPath("src/Passerelle/bin/Release/net10.0/Passerelle.dll");
        var parCohorte = int.Parse(V("--apprenants") ?? "20000") / (Ecoles * CohortesParEcole);
        var journal = int.Parse(V("--journal") ?? "50");
        var secondes = int.Parse(V("--secondes") ?? "10");
        var pg = V("--pg") ?? Environment.GetEnvironmentVariable("PASSERELLE_TEST_PG");
        if (string.IsNullOrWhiteSpace(pg)) { Console.Error.WriteLine("Ce banc demande PostgreSQL (--pg)."); return 2; }
        var cs = pg.Replace("Database=postgres", "Database=parcours_" + Environment.ProcessId);
        string[] config = ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={cs}"];
        var n = parCohorte * Ecoles * CohortesParEcole;
        Console.WriteLine($"# Passerelle bench parcours — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {Ecoles * CohortesParEcole} cohortes, "
            + $"{n:N0} apprenants, {(long)n * journal:N0} entrées de journal, {secondes} s par mesure");
        Console.WriteLine("\n## PostgreSQL");
        await Processus.Executer(app, ["migrate", .. config], attendre: true);
        var motDePasse = "Bench-" + Guid.NewGuid().ToString("N");
        await Processus.Executer(app, ["admin", "create", "--email", "bench@passerelle.test", .. config], attendre: true, entree: motDePasse);
        await using var c = new NpgsqlConnection(cs + ";Command Timeout=1200");
        await c.OpenAsync();
        var chrono = Stopwatch.StartNew();
        var aujourdHui = DateOnly.FromDateTime(DateTime.UtcNow);
        await GenererAsync(c, parCohorte, journal, aujourdHui);
        Console.WriteLine($"- génération directe en base (COPY) : {chrono.Elapsed.TotalSeconds:0} s");

        var port = Processus.PortLibre();
        var serveur = Processus.Demarrer(app, [$"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning", "--Taches:Actives=false",
            "--RateLimit:EcrituresParMinute=1000000", "--RateLimit:ConnexionsParMinute=1000", .. config]);
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        using var api = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            for (var essai = 0; ; essai++)
                try { await Charge.AttendreSante(http); break; } catch (TimeoutException) when (essai < 4) { }
            (await http.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email = "bench@passerelle.test", password = motDePasse })).EnsureSuccessStatusCode();
            var jeton = (await (await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "bench@passerelle.test", password = motDePasse }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton);
            var page = await http.GetAsync("/parcours/referent");
            var html = await page.Content.ReadAsStringAsync();
            if (page.StatusCode != HttpStatusCode.OK || !html.Contains("Bench7")) throw new InvalidOperationException($"/parcours/referent répond {(int)page.StatusCode} sans les apprenants du référent : la mesure ne vaudrait rien.");
            var ind = await api.GetAsync("/api/v1/parcours/cohortes/7/indicateurs");
            if (ind.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"les indicateurs répondent {(int)ind.StatusCode}.");
            Console.WriteLine($"- indicateurs de la cohorte 7 : {await ind.Content.ReadAsStringAsync()}");

            await Charge.Mesurer(http, ["/health"], 2, TimeSpan.FromSeconds(3)); // warm-up
            var sante = await Charge.Mesurer(http, ["/health"], 2, TimeSpan.FromSeconds(secondes));
            Console.WriteLine($"- /health (2 clients) : {sante}");
            var referent = await Charge.Mesurer(http, ["/parcours/referent"], 2, TimeSpan.FromSeconds(secondes));
            var sqlReferent = await MesurerSqlAsync(c, _ => $"""
                SELECT i."Id", a."Prenom", a."Nom", co."Nom", i."Statut", i."SortieLe",
                       (SELECT max(e."Le") FROM "JournalParcours" e WHERE e."InscriptionId" = i."Id"),
                       (SELECT min(e."ProchaineEtapeLe") FROM "JournalParcours" e WHERE e."InscriptionId" = i."Id" AND e."ProchaineEtapeLe" >= DATE '{aujourdHui:yyyy-MM-dd}'),
                       (SELECT string_agg(r."Moment", ',') FROM "ResultatsParcours" r WHERE r."InscriptionId" = i."Id")
                FROM "InscriptionsParcours" i JOIN "Apprenants" a ON a."Id" = i."ApprenantId" JOIN "Cohortes" co ON co."Id" = i."CohorteId"
                WHERE i."ReferentId" = 4 AND i."Statut" <> 'refuse' AND a."AnonymiseLe" IS NULL ORDER BY a."Nom", a."Prenom"
                """, TimeSpan.FromSeconds(secondes));
            Console.WriteLine($"- page du référent /parcours/referent ({2 * parCohorte} apprenants, {2L * parCohorte * journal:N0} entrées de journal, 2 clients) : {referent}");
            Console.WriteLine($"  SQL des mêmes lignes (dernier échange, prochaine étape, moments saisis) : {sqlReferent} ; ratio p50 ×{referent.P50 / sqlReferent.P50:0.0}, p95 ×{referent.P95 / sqlReferent.P95:0.0}");

            var urls = Enumerable.Range(1, CohortesParEcole).Select(k => $"/api/v1/parcours/cohortes/{k}/indicateurs").ToArray();
            var indicateurs = await Charge.Mesurer(api, urls, 2, TimeSpan.FromSeconds(secondes));
            var sqlIndicateurs = await MesurerSqlAsync(c, k => $"""
                WITH e AS (
                  SELECT i."Id", i."Statut", i."SortieLe", s."Femme", s."ResidentQpv", s."MoinsDe26", s."Neet", s."NiveauQualification"
                  FROM "InscriptionsParcours" i
                  LEFT JOIN LATERAL (SELECT * FROM "SituationsEntree" x WHERE x."InscriptionId" = i."Id" ORDER BY x."Le", x."Id" LIMIT 1) s ON true
                  WHERE i."CohorteId" = {1 + k % CohortesParEcole} AND i."Statut" IN ('admis', 'en_formation', 'termine', 'abandon'))
                SELECT 'entree', count(*), count(*) FILTER (WHERE "Femme"), count(*) FILTER (WHERE "ResidentQpv"), count(*) FILTER (WHERE "MoinsDe26"),
                       count(*) FILTER (WHERE "Statut" = 'termine'), count(*) FILTER (WHERE "Statut" = 'abandon'),
                       count(*) FILTER (WHERE "NiveauQualification" IN ('infra_bac', 'bac')), count(*) FILTER (WHERE "MoinsDe26" AND "Neet")
                FROM e
                UNION ALL
                SELECT m.moment, count(*), count(r."Id") FILTER (WHERE r."Type" NOT IN ('SANS_SOLUTION', 'INCONNU')), count(*) FILTER (WHERE r."Type" = 'INCONNU'),
                       count(*) FILTER (WHERE r."Id" IS NULL), 0, 0, 0, 0
                FROM e CROSS JOIN (VALUES ('sortie', 0), ('3mois', 3), ('6mois', 6)) AS m(moment, mois)
                LEFT JOIN "ResultatsParcours" r ON r."InscriptionId" = e."Id" AND r."Moment" = m.moment
                WHERE e."SortieLe" IS NOT NULL AND e."SortieLe" + make_interval(months => m.mois) <= DATE '{aujourdHui:yyyy-MM-dd}'
                GROUP BY m.moment
                """, TimeSpan.FromSeconds(secondes));
            Console.WriteLine($"- indicateurs d'une cohorte (API, les {CohortesParEcole} cohortes de l'école 1 tour à tour, {parCohorte} inscriptions chacune, 2 clients) : {indicateurs}");
            Console.WriteLine($"  SQL des mêmes agrégats (instantané d'entrée, statuts, résultats dus par moment) : {sqlIndicateurs} ; ratio p50 ×{indicateurs.P50 / sqlIndicateurs.P50:0.0}, p95 ×{indicateurs.P95 / sqlIndicateurs.P95:0.0}");
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

    /// <summary>The same statement back to back on one connection (the k-th run gets <c>sql(k)</c>), every row read.</summary>
    static async Task<MesureSql> MesurerSqlAsync(NpgsqlConnection c, Func<int, string> sql, TimeSpan duree)
    {
        var temps = new List<double>();
        long lignes = 0;
        var fin = Stopwatch.StartNew();
        for (var k = 0; fin.Elapsed < duree || temps.Count < 5; k++)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql(k);
            var t = Stopwatch.StartNew();
            lignes = 0;
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) lignes++;
            temps.Add(t.Elapsed.TotalMilliseconds);
        }
        temps.Sort();
        return new MesureSql(temps.Count, temps[temps.Count / 2], temps[Math.Min(temps.Count - 1, (int)(temps.Count * 0.95))], lignes);
    }

    static async Task ExecuterSqlAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    static async Task GenererAsync(NpgsqlConnection c, int parCohorte, int journal, DateOnly aujourdHui)
    {
        var maintenant = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Utc);
        var cohortes = Ecoles * CohortesParEcole;
        await CopierAsync(c, "Structures", ["Id", "Nom", "Typologie", "Archivee", "Demo"],
            Enumerable.Range(1, Ecoles).Select(i => new object?[] { i, $"École du code {i}", "ASSO", false, false }));
        await CopierAsync(c, "ProgrammesFormation", ["Id", "StructureId", "Nom", "Financeurs", "Demo"],
            Enumerable.Range(1, Ecoles).Select(i => new object?[] { i, i, "Développeur·se web", "Métropole", false }));
        // Cohort k (1-based) of school 1 + (k-1)/10; positions 0–6 in the school finished, months apart, 7–9 running.
        DateOnly Fin(int k) { var p = (k - 1) % CohortesParEcole; return p < 7 ? aujourdHui.AddMonths(-2 * (7 - p)) : aujourdHui.AddMonths(p - 5); }
        bool Finie(int k) => (k - 1) % CohortesParEcole < 7;
        await CopierAsync(c, "Cohortes", ["Id", "ProgrammeId", "Nom", "Debut", "Fin", "HeuresPrevues", "Capacite", "Statut"],
            Enumerable.Range(1, cohortes).Select(k => new object?[] { k, 1 + (k - 1) / CohortesParEcole, $"Promo {k}", Fin(k).AddMonths(-7), Fin(k), 1200, parCohorte,
                Finie(k) ? "terminee" : "en_cours" }));
        // One referent per pair of cohorts; mediator 4 (cohorts 7 and 8) is the bench account.
        await CopierAsync(c, "Mediateurs", ["Id", "Prenom", "Nom", "Archive", "Demo", "AgendaNomsComplets", "AidantsConnect", "ConseillerNumerique"],
            Enumerable.Range(1, cohortes / 2).Select(m => new object?[] { m, "Référent", $"Bench {m}", false, false, false, false, false }));
        await ExecuterSqlAsync(c, """
            UPDATE "Mediateurs" SET "UtilisateurId" = (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'bench@passerelle.test') WHERE "Id" = 4;
            UPDATE "AspNetUserRoles" SET "RoleId" = (SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'Gestionnaire') WHERE "UserId" = (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'bench@passerelle.test');
            INSERT INTO "GestionsStructures" ("UtilisateurId", "StructureId") SELECT "Id", 1 FROM "AspNetUsers" WHERE "Email" = 'bench@passerelle.test';
            """);
        var n = parCohorte * cohortes;
        int Cohorte(int i) => 1 + i / parCohorte;
        string Statut(int i) { var p = i % parCohorte * 100 / parCohorte; return Finie(Cohorte(i)) ? p < 85 ? "termine" : p < 95 ? "abandon" : "refuse" : p < 95 ? "en_formation" : "candidat"; }
        bool Entrant(int i) => Statut(i) is not ("refuse" or "candidat");
        int Referent(int i) => 1 + (Cohorte(i) - 1) / 2;
        DateOnly? Sortie(int i) => Statut(i) switch { "termine" => Fin(Cohorte(i)), "abandon" => Fin(Cohorte(i)).AddMonths(-3), _ => null };
        await CopierAsync(c, "Apprenants", ["Id", "StructureId", "Prenom", "Nom", "Genre", "CodeQpv", "DateNaissance", "ConsentementLe"],
            Enumerable.Range(0, n).Select(i => new object?[] { i + 1, 1 + (Cohorte(i) - 1) / CohortesParEcole, $"Bench{Cohorte(i)}", $"Apprenant {i}", i % 5 < 2 ? "femme" : "homme",
                i % 3 == 0 ? "QN01303I" : null, new DateOnly(1980 + i % 25, 1 + i % 12, 1 + i % 28), maintenant }));
        await CopierAsync(c, "InscriptionsParcours", ["Id", "ApprenantId", "CohorteId", "Statut", "Origine", "CandidatureLe", "Jeton", "ReferentId", "AdmissionLe", "SortieLe", "MotifDecision"],
            Enumerable.Range(0, n).Select(i => new object?[] { i + 1, i + 1, Cohorte(i), Statut(i), "formulaire", maintenant, $"jeton-bench-{i:D8}",
                Entrant(i) ? Referent(i) : null, Entrant(i) ? Fin(Cohorte(i)).AddMonths(-7) : null, Sortie(i), Statut(i) == "refuse" ? "Complet" : null }));
        var entrants = Enumerable.Range(0, n).Where(Entrant).ToList();
        await CopierAsync(c, "SituationsEntree", ["InscriptionId", "Le", "DemandeurEmploi", "Femme", "ResidentQpv", "MoinsDe26", "Neet", "Rqth", "NiveauQualification", "Allocations", "Freins"],
            entrants.Select(i => new object?[] { i + 1, Fin(Cohorte(i)).AddMonths(-7), i % 2 == 0, i % 5 < 2, i % 3 == 0, i % 25 > 18, i % 7 == 0, false,
                i % 4 == 0 ? "superieur" : i % 4 == 1 ? "bac" : "infra_bac", "", "" }));
        await CopierAsync(c, "MembresEquipeParcours", ["InscriptionId", "MediateurId", "Role", "Debut"],
            entrants.Select(i => new object?[] { i + 1, Referent(i), "referent", maintenant }));
        // Outcomes of the finished cohorts: every moment due is recorded except one learner in ten at +6 months.
        string[] moments = ["sortie", "3mois", "6mois"];
        await CopierAsync(c, "ResultatsParcours", ["InscriptionId", "Moment", "Type", "Le", "Source", "SaisiLe"],
            entrants.Where(i => Sortie(i) is not null).SelectMany(i => moments.Select((m, k) => (m, k)).Where(x => x.k < 2 || i % 10 != 0)
                .Where(x => Sortie(i)!.Value.AddMonths(3 * x.k) <= aujourdHui)
                .Select(x => new object?[] { i + 1, x.m, Types[(i + 3 * x.k) % Types.Length], Sortie(i)!.Value.AddMonths(3 * x.k), "declaratif", maintenant })));
        await CopierAsync(c, "JournalParcours", ["InscriptionId", "Le", "Support", "Synthese", "NotePrivee", "ProchaineEtape", "ProchaineEtapeLe", "Auteur", "AuteurId", "CreeLe"],
            Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, journal).Select(j =>
            {
                var le = Fin(Cohorte(i)).AddMonths(-7).AddDays(j * 5);
                return new object?[] { i + 1, le, j % 3 == 0 ? "entretien" : "telephone", "Point d'étape sur le projet et les cours.", j % 10 == 0 ? "Note privée." : null,
                    j % 4 == 0 ? "Relancer" : null, j % 4 == 0 ? le.AddDays(14) : null, "Référent", "bench", maintenant };
            })));
        await ExecuterSqlAsync(c, "ANALYZE");
    }

    static Task CopierAsync(NpgsqlConnection c, string table, string[] colonnes, IEnumerable<object?[]> lignes) =>
        CopieBinaire.CopierAsync(c, table, colonnes, lignes, sequence: true);
}
