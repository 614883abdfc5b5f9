using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau.Lieux;

/// <summary>The database's disk fills up in the middle of an import: once places have been inserted inside the import's
/// transaction, the commit fails with the database's own « disk full » error (PostgreSQL SQLSTATE 53100, SQLite code 13),
/// as a WAL flush on a full disk does.</summary>
public sealed class DisquePlein : DbCommandInterceptor, IDbTransactionInterceptor
{
    volatile bool _arme;
    int _insertions;
    public int Insertions => _insertions;

    /// <summary>The next commit after places were inserted fails.</summary>
    public void Remplir() { _arme = true; _insertions = 0; }
    public void Vider() => _arme = false;

    void Compter(DbCommand c)
    {
        if (c.CommandText.Contains("INSERT INTO \"Lieux\"")) Interlocked.Increment(ref _insertions);
    }

    void Verifier()
    {
        if (!_arme || _insertions == 0) return;
        _arme = false;
        throw AppFactory.Postgres
            ? new Npgsql.PostgresException("could not extend file \"base/16384/24576\": No space left on device", "ERROR", "ERROR", "53100")
            : new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand c, CommandEventData e, InterceptionResult<DbDataReader> r) { Compter(c); return r; }
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand c, CommandEventData e, InterceptionResult<DbDataReader> r, CancellationToken ct = default) { Compter(c); return ValueTask.FromResult(r); }
    public override InterceptionResult<int> NonQueryExecuting(DbCommand c, CommandEventData e, InterceptionResult<int> r) { Compter(c); return r; }
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand c, CommandEventData e, InterceptionResult<int> r, CancellationToken ct = default) { Compter(c); return ValueTask.FromResult(r); }
    public InterceptionResult TransactionCommitting(DbTransaction t, TransactionEventData e, InterceptionResult r) { Verifier(); return r; }
    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction t, TransactionEventData e, InterceptionResult r, CancellationToken ct = default) { Verifier(); return ValueTask.FromResult(r); }
}

public sealed class AppFactoryDisquePlein : AppFactory
{
    public DisquePlein Disque { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Disque));
    }
}

/// <summary>Issue 16, faults: « disk full on an import → nothing half-written ».</summary>
public class DisquePleinTests(AppFactoryDisquePlein app) : IClassFixture<AppFactoryDisquePlein>
{
    [Fact]
    public async Task Disque_plein_pendant_un_import_rien_n_est_ecrit_503_en_francais_puis_l_import_repris_passe()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var id = "plein-" + Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder(string.Join(',', StandardLieux.Colonnes)).Append('\n');
        for (var i = 0; i < 3000; i++)
            csv.Append($"\"{id}-{i}\",\"43493312300029\",\"Lieu {i}\",\"Martigues\",\"13500\",\"13056\",\"{i} rue de la Paix\",\"\",\"43.405\",\"5.047\",\"BIB\",\"\",\"contact@exemple.fr\",\"\",\"Mo-Fr 09:00-12:00\",\"\",\"\",\"Test\",\"Fixe\",\"\",\"2024-05-01\",\"Aide aux démarches administratives\",\"\",\"\",\"Gratuit\",\"\",\"\",\"\",\"Se présenter\",\"Accompagnement individuel\",\"\",\"\"\n");
        HttpContent Fichier()
        {
            var form = new MultipartFormDataContent();
            var f = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
            f.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(f, "fichier", "lieux.csv");
            return form;
        }

        app.Disque.Remplir();
        var r = await admin.PostAsync("/api/v1/lieux/import", Fichier());
        r.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var probleme = (await r.Content.ReadFromJsonAsync<ProblemDetails>())!;
        probleme.Detail!.ShouldContain("n'a pas abouti");
        app.Disque.Insertions.ShouldBeGreaterThanOrEqualTo(1); // the rows were written inside the transaction before the disk filled up
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.IdLocal.StartsWith(id)))).ShouldBe(0); // nothing half-written

        // Space freed: the same file imports whole.
        app.Disque.Vider();
        var r2 = await admin.PostAsync("/api/v1/lieux/import", Fichier());
        r2.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r2.Content.ReadFromJsonAsync<RapportImport>())!.Crees.ShouldBe(3000);
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.IdLocal.StartsWith(id)))).ShouldBe(3000);
    }
}
