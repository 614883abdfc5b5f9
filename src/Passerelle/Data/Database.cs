using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passerelle.Data;

/// <summary>A step run right after the migrations (reference lists a feature ships, loaded when empty). A feature registers
/// its own as a singleton; the database knows none.</summary>
public interface IPreparationDonnees
{
    Task PreparerAsync(AppDbContext db, CancellationToken ct);
}

/// <summary>Section <c>Database</c>, read before the container exists (it decides which context is registered) through
/// <see cref="Web.Reglages.Lire{T}"/>: a wrong value stops the start with a French message.</summary>
public sealed class DatabaseOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>, in any case.</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>Migrates PostgreSQL at start (default false: the <c>migrate</c> command does it); SQLite always is.</summary>
    public bool MigrerAuDemarrage { get; set; }
    public bool EstPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext _)
    {
        if (!EstPostgres && !string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            yield return new($"Database:Provider « {Provider} » inconnu : Sqlite ou Postgres.", [nameof(Provider)]);
    }
}

public static class Database
{
    /// <summary>Whether the configured provider is PostgreSQL (section <c>Database</c>, validated as at start).</summary>
    public static bool EstPostgres(IConfiguration configuration) => Web.Reglages.Lire<DatabaseOptions>(configuration, "Database").EstPostgres;

    /// <summary>The context for the configured provider; every <see cref="IInterceptor"/> registered by a feature is added to it.</summary>
    public static void AddBaseDeDonnees(this WebApplicationBuilder builder)
    {
        var options = Web.Reglages.Lire<DatabaseOptions>(builder.Configuration, "Database");
        builder.Services.AddSingleton(options);
        if (options.EstPostgres)
        {
            var cs = builder.Configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres est requis quand Database:Provider=Postgres.");
            builder.Services.AddDbContext<AppDbContext, PostgresDb>((sp, o) => o.UseNpgsql(cs).AddInterceptors(sp.GetServices<IInterceptor>()));
            if (builder.Configuration.GetConnectionString("PostgresLecture") is { Length: > 0 } lecture)
            {
                var o = new DbContextOptionsBuilder<PostgresDb>().UseNpgsql(lecture).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
                builder.Services.AddScoped(_ => new BaseLecture(new PostgresDb(o), replique: true));
                return;
            }
        }
        else
        {
            var cs = new SqliteConnectionStringBuilder(builder.Configuration.GetConnectionString("Sqlite") ?? "Data Source=data/passerelle.db");
            if (!Path.IsPathRooted(cs.DataSource) && cs.DataSource != ":memory:" && cs.Mode != SqliteOpenMode.Memory)
                cs.DataSource = Path.Combine(builder.Environment.ContentRootPath, cs.DataSource);
            var dossier = Path.GetDirectoryName(cs.DataSource);
            if (!string.IsNullOrEmpty(dossier)) Directory.CreateDirectory(dossier);
            cs.DefaultTimeout = 30;
            builder.Services.AddDbContext<AppDbContext, SqliteDb>((sp, o) => o.UseSqlite(cs.ToString()).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        builder.Services.AddScoped(sp => new BaseLecture(sp.GetRequiredService<AppDbContext>(), replique: false));
    }

    /// <summary>SQLite is migrated at start; PostgreSQL only by the <c>migrate</c> command (production changes are deliberate).</summary>
    public static async Task PreparerAsync(IServiceProvider services, bool migrerPostgres, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (!options.EstPostgres)
        {
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        else if (migrerPostgres) await db.Database.MigrateAsync(ct);
        else return;
        foreach (var preparation in scope.ServiceProvider.GetServices<IPreparationDonnees>()) await preparation.PreparerAsync(db, ct);
    }
}

/// <summary>The database for reads that tolerate a few seconds of lag — statistics and their exports, the public SCDL files
/// (délibérations, subventions): a PostgreSQL streaming
/// replica when <c>ConnectionStrings:PostgresLecture</c> is set (queries without change tracking; never written to), the
/// primary otherwise (SQLite always). Anything that must read its own writes uses <see cref="AppDbContext"/>. Scoped: one
/// per request.</summary>
public sealed class BaseLecture(AppDbContext db, bool replique) : IDisposable
{
    public AppDbContext Db { get; } = db;
    /// <summary>True when reads go to the replica.</summary>
    public bool Replique { get; } = replique;

    public void Dispose() { if (Replique) Db.Dispose(); }
}
