using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Web;

/// <summary><c>GET /health/details</c>, administrators only: what an operator running several instances needs to see —
/// which database, whether statistics read from a replica and how far behind it is (seconds since the last replayed
/// transaction, <c>pg_last_xact_replay_timestamp()</c>), whether the directory's change listener is connected, and who
/// holds each background job's lease. <c>/health</c> stays the anonymous liveness probe of the load balancer.</summary>
public static class SanteDetaillee
{
    /// <summary>The answer's shape; times in UTC.</summary>
    public sealed record Details(string Base, string Instance, Lecture Lecture, bool? EcouteAnnuaire, List<Bail> Baux);
    /// <summary><c>RetardSecondes</c> is null on a primary (nothing to replay) or when no transaction was replayed yet.</summary>
    public sealed record Lecture(bool Replique, bool? EnRecuperation, double? RetardSecondes, string? Erreur);
    public sealed record Bail(string Nom, string Titulaire, DateTime PrisLe, DateTime ExpireLe, bool Expire);

    public static void MapSanteDetaillee(this WebApplication app) =>
        app.MapGet("/health/details", Lire).RequireAuthorization(Roles.PolitiqueAdmin).ExcludeFromDescription();

    static async Task<Details> Lire(AppDbContext db, BaseLecture lecture, Instance instance, TimeProvider horloge,
        IEnumerable<IHostedService> services, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var baux = await db.Set<BailTache>().AsNoTracking().OrderBy(b => b.Nom).ToListAsync(ct);
        var ecoute = services.OfType<Features.Reseau.Lieux.EcouteAnnuaire>().Select(e => (bool?)e.Ecoute).FirstOrDefault();
        return new Details(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite", instance.Id, await LectureAsync(lecture, ct), ecoute,
            [.. baux.Select(b => new Bail(b.Nom, b.Titulaire, b.PrisLe, b.ExpireLe, b.ExpireLe <= maintenant))]);
    }

    static async Task<Lecture> LectureAsync(BaseLecture lecture, CancellationToken ct)
    {
        if (!lecture.Db.Database.IsNpgsql()) return new Lecture(false, null, null, null);
        try
        {
            var l = await lecture.Db.Database.SqlQueryRaw<EtatRecuperation>(
                "SELECT pg_is_in_recovery() AS \"EnRecuperation\", " +
                "CAST(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) AS double precision) AS \"RetardSecondes\"").SingleAsync(ct);
            return new Lecture(lecture.Replique, l.EnRecuperation, l.EnRecuperation ? l.RetardSecondes : null, null);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return new Lecture(lecture.Replique, null, null, "Base de lecture injoignable : " + ex.Message);
        }
    }

    sealed record EtatRecuperation(bool EnRecuperation, double? RetardSecondes);
}
