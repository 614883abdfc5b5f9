using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>Every 30 seconds, one instance at a time (lease « faits-statistiques »): builds the facts if they never were, then
/// folds the pending change marks and repairs presences a layout-1 instance wrote (at most 20 batches a pass).</summary>
public sealed class TacheFaits(IServiceScopeFactory scopes, TimeProvider horloge, Instance instance, ILogger<TacheFaits> log)
    : TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "faits-statistiques";
    protected override TimeSpan Periode => TimeSpan.FromSeconds(30);

    protected override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        PasserAsync(services.GetRequiredService<AppDbContext>(), Journal, ct);

    /// <summary>One pass: a rebuild when the facts were never built or were built by an older layout of the people facts
    /// (<see cref="MaintenancePersonnes.ConstruitsAsync"/>), otherwise up to 20 folds.</summary>
    public static async Task PasserAsync(AppDbContext db, ILogger journal, CancellationToken ct)
    {
        if (!await MaintenanceFaits.ConstruitsAsync(db, ct) || !await MaintenancePersonnes.ConstruitsAsync(db, ct))
        {
            var n = await MaintenanceFaits.ReconstruireAsync(db, ct);
            journal.LogInformation("Faits statistiques construits : {Lignes} lignes", n);
            return;
        }
        for (var i = 0; i < 20 && await MaintenanceFaits.RafraichirAsync(db, ct) > 0; i++) db.ChangeTracker.Clear();
    }
}

/// <summary><c>statistiques faits</c>: rebuilds the monthly facts from every record (after a migration, or to check them), then
/// prints the rows written and the time taken. Exit 0.</summary>
public sealed class CommandeFaits : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["statistiques", "faits"];
    public string Description => "reconstruit les faits mensuels des statistiques depuis les comptes rendus";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var chrono = System.Diagnostics.Stopwatch.StartNew();
        var n = await MaintenanceFaits.ReconstruireAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
        Console.WriteLine($"Faits statistiques : {n} lignes en {chrono.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
