using Npgsql;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>On PostgreSQL, keeps one session listening on <see cref="InvalidationAnnuaire.Canal"/> and marks the in-memory
/// directory stale when another instance (or this one) saves a place: a change shows in every instance's searches within
/// the time a notification takes, not <c>Annuaire:DureeCacheSecondes</c>, which remains the fallback if the session is lost.
/// LISTEN needs a session of its own: behind PgBouncer in transaction mode, give a direct connection in
/// <c>ConnectionStrings:PostgresEcoute</c> (default: <c>ConnectionStrings:Postgres</c>). A lost session is reopened every
/// 5 seconds and the directory marked stale on each reconnection (notifications sent meanwhile are lost).</summary>
public sealed class EcouteAnnuaire(AnnuaireEnMemoire annuaire, IConfiguration configuration, ILogger<EcouteAnnuaire> journal) : BackgroundService
{
    /// <summary>True while the session listens (shown in <c>/health/details</c> when needed, used by tests).</summary>
    public bool Ecoute { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("PostgresEcoute") ?? configuration.GetConnectionString("Postgres"))
        {
            Pooling = false, KeepAlive = 30, ApplicationName = "passerelle-ecoute-annuaire",
        }.ToString();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connexion = new NpgsqlConnection(cs);
                connexion.Notification += (_, n) => { if (n.Channel == InvalidationAnnuaire.Canal) annuaire.Invalider(); };
                await connexion.OpenAsync(ct);
                await using (var cmd = new NpgsqlCommand("LISTEN " + InvalidationAnnuaire.Canal, connexion)) await cmd.ExecuteNonQueryAsync(ct);
                annuaire.Invalider();
                Ecoute = true;
                while (!ct.IsCancellationRequested) await connexion.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                journal.LogWarning(ex, "Écoute des changements de l'annuaire interrompue ; nouvel essai dans 5 s (l'annuaire se rafraîchit au plus tard après Annuaire:DureeCacheSecondes).");
            }
            finally { Ecoute = false; }
            try { await Task.Delay(TimeSpan.FromSeconds(5), ct); } catch (OperationCanceledException) { break; }
        }
    }
}
