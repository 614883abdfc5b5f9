using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Web;

/// <summary>Issue 16, faults: while the database cannot be reached a request answers 503 with a French message and
/// Retry-After, never 500; once it is back, requests succeed without restarting Passerelle.</summary>
public class BaseIndisponibleTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, int> Cas => new()
    {
        { "57P01", 503 }, // admin_shutdown: the primary is stopping
        { "57P03", 503 }, // cannot_connect_now: the primary is starting
        { "08P01", 503 }, // protocol_violation: what PgBouncer sends while its server is down (query_wait_timeout)
        { "08006", 503 }, // connection_failure
        { "53300", 503 }, // too_many_connections
        { "53100", 503 }, // disk_full
        { "23505", 500 }, // unique_violation: a bug, not an outage
        { "42P01", 500 }, // undefined_table
    };

    [Theory]
    [MemberData(nameof(Cas))]
    public void Un_code_PostgreSQL_d_indisponibilite_repond_503_les_autres_restent_des_erreurs(string sqlState, int attendu)
    {
        var e = new PostgresException("panne", "FATAL", "FATAL", sqlState);
        Erreurs.Statut(e).ShouldBe(attendu);
        // EF wraps what the provider throws: the chain is read to its end.
        Erreurs.Statut(new Microsoft.EntityFrameworkCore.DbUpdateException("enregistrement", e)).ShouldBe(attendu);
    }

    [Fact]
    public void Connexion_refusee_et_fichier_SQLite_verrouille_repondent_503()
    {
        Erreurs.Statut(new NpgsqlException("connexion refusée", new System.Net.Sockets.SocketException(111))).ShouldBe(503);
        Erreurs.Statut(new NpgsqlException("délai dépassé", new TimeoutException())).ShouldBe(503);
        Erreurs.Statut(new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)).ShouldBe(503);
        Erreurs.Statut(new Microsoft.Data.Sqlite.SqliteException("constraint failed", 19)).ShouldBe(500);
        Erreurs.Statut(new InvalidOperationException("bogue")).ShouldBe(500);
    }

    [Fact]
    public async Task Connexions_coupees_par_le_serveur_503_en_francais_puis_reprise_sans_redemarrer()
    {
        if (!AppFactory.Postgres) return; // the SQLite equivalent (a locked file) is the mapping test above
        var client = await app.ClientApiAsync(Roles.Administrateur);
        (await client.GetAsync("/api/v1/structures")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // What a primary restart does to the pool: every server process of the app's database ends (FATAL 57P01 sent to each).
        var connexion = new NpgsqlConnectionStringBuilder(app.Connexion);
        var base_ = connexion.Database!;
        connexion.Database = "postgres";
        connexion.Pooling = false;
        await using (var admin = new NpgsqlConnection(connexion.ConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @b AND pid <> pg_backend_pid()", admin);
            cmd.Parameters.AddWithValue("b", base_);
            ((long)(await cmd.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        }

        var statuts = new List<HttpStatusCode>();
        for (var i = 0; i < 40 && (statuts.Count == 0 || statuts[^1] != HttpStatusCode.OK); i++)
        {
            var r = await client.GetAsync("/api/v1/structures");
            statuts.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                var probleme = (await r.Content.ReadFromJsonAsync<ProblemDetails>())!;
                probleme.Title.ShouldBe("Service momentanément indisponible");
                probleme.Detail!.ShouldContain("Réessayez dans quelques instants");
                r.Headers.RetryAfter.ShouldNotBeNull();
            }
        }
        statuts.ShouldContain(HttpStatusCode.ServiceUnavailable); // the dead pooled connection was met, and answered 503
        statuts.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
        statuts[^1].ShouldBe(HttpStatusCode.OK); // back without restarting the app
    }
}
