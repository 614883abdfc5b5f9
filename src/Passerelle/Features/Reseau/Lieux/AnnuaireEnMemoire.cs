using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Passerelle.Data;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>The directory's searchable fields, held in memory (about 18 000 places nationally: a few
/// megabytes). Searching it costs microseconds instead of a table scan per request. It is rebuilt
/// after any change to a place made by this process (see <see cref="InvalidationAnnuaire"/>) and at
/// most <c>Annuaire:DureeCacheSecondes</c> after a change made by another instance.</summary>
public sealed class AnnuaireEnMemoire(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<AnnuaireOptions> reglages, TimeProvider horloge)
{
    public sealed record Entree(int Id, string Nom, string NomRecherche, string Adresse, string CodePostal, string Commune, string CommuneRecherche,
        double? Latitude, double? Longitude, string? Telephone, string[] Services, int MasqueServices, int MasqueModalites, int MasquePublics,
        int MasquePrises, int MasqueFrais, bool Itinerant, bool FranceServices, HorairesOsm? Horaires, string Fuseau, string? Departement);

    sealed record Instantane(Entree[] Entrees, long Version, DateTimeOffset Charge);

    readonly SemaphoreSlim _verrou = new(1, 1);
    readonly TimeSpan _duree = TimeSpan.FromSeconds(reglages.Value.DureeCacheSecondes);
    volatile Instantane? _instantane;
    long _version;

    public void Invalider() => Interlocked.Increment(ref _version);

    public async Task<Entree[]> EntreesAsync(CancellationToken ct)
    {
        var i = _instantane;
        if (i is not null && i.Version == Interlocked.Read(ref _version) && horloge.GetUtcNow() - i.Charge < _duree) return i.Entrees;
        await _verrou.WaitAsync(ct);
        try
        {
            i = _instantane;
            var version = Interlocked.Read(ref _version);
            if (i is not null && i.Version == version && horloge.GetUtcNow() - i.Charge < _duree) return i.Entrees;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lignes = await db.Lieux.AsNoTracking().Where(l => !l.Archive).OrderBy(l => l.Nom).ThenBy(l => l.Id)
                .Select(l => new
                {
                    l.Id, l.Nom, l.Adresse, l.CodePostal, l.Commune, l.CommuneRecherche, l.Latitude, l.Longitude, l.Telephone, l.Services,
                    l.ModalitesAccompagnement, l.PublicsSpecifiquementAdresses, l.PriseEnChargeSpecifique, l.FraisACharge, l.Itinerance,
                    l.DispositifProgrammesNationaux, l.Horaires, l.FuseauHoraire,
                }).ToListAsync(ct);
            var entrees = lignes.Select(l => new Entree(l.Id, l.Nom, Texte.Normaliser(l.Nom), l.Adresse, l.CodePostal, l.Commune, l.CommuneRecherche,
                l.Latitude, l.Longitude, l.Telephone, [.. StandardLieux.Valeurs(l.Services)], Masque(l.Services, StandardLieux.Services),
                Masque(l.ModalitesAccompagnement, StandardLieux.ModalitesAccompagnement), Masque(l.PublicsSpecifiquementAdresses, StandardLieux.Publics),
                Masque(l.PriseEnChargeSpecifique, StandardLieux.PrisesEnCharge), Masque(l.FraisACharge, StandardLieux.Frais),
                l.Itinerance?.Contains("Itinérant") == true, l.DispositifProgrammesNationaux?.Contains("France Services") == true,
                CacheHoraires.Lire(l.Horaires), l.FuseauHoraire, Territoire.Departement(l.CodePostal))).ToArray();
            _instantane = new Instantane(entrees, version, horloge.GetUtcNow());
            return entrees;
        }
        finally { _verrou.Release(); }
    }

    /// <summary>One bit per value of an enumeration of the standard.</summary>
    public static int Masque(string? multi, string[] valeurs)
    {
        var m = 0;
        foreach (var v in StandardLieux.Valeurs(multi))
        {
            var i = Array.IndexOf(valeurs, v);
            if (i >= 0) m |= 1 << i;
        }
        return m;
    }

    public static int Masque(IEnumerable<string> choisis, string[] valeurs) => Masque(string.Join('|', choisis), valeurs);
}

/// <summary>Any saved change to a place makes the in-memory directory stale — in this process at once, and on PostgreSQL in
/// every other instance through <c>NOTIFY passerelle_annuaire</c> (sent after the save, so inside the caller's transaction
/// when there is one: PostgreSQL delivers it at commit, never for a rolled-back change; see <see cref="EcouteAnnuaire"/>).</summary>
public sealed class InvalidationAnnuaire(AnnuaireEnMemoire annuaire) : SaveChangesInterceptor
{
    /// <summary>The PostgreSQL channel; notifications are scoped to the database.</summary>
    public const string Canal = "passerelle_annuaire";
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> AAnnoncer = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> r, CancellationToken ct = default)
    {
        Verifier(e.Context);
        return base.SavingChangesAsync(e, r, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> r)
    {
        Verifier(e.Context);
        return base.SavingChanges(e, r);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int r, CancellationToken ct = default)
    {
        if (Annoncer(e.Context) is { } db) await db.Database.ExecuteSqlRawAsync("NOTIFY " + Canal, ct);
        return await base.SavedChangesAsync(e, r, ct);
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int r)
    {
        if (Annoncer(e.Context) is { } db) db.Database.ExecuteSqlRaw("NOTIFY " + Canal);
        return base.SavedChanges(e, r);
    }

    public override void SaveChangesFailed(DbContextErrorEventData e) { if (e.Context is not null) AAnnoncer.Remove(e.Context); }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData e, CancellationToken ct = default)
    {
        if (e.Context is not null) AAnnoncer.Remove(e.Context);
        return Task.CompletedTask;
    }

    void Verifier(DbContext? db)
    {
        if (db is null) return;
        // Entities of type Lieu added/modified/deleted (AutoDetectChanges may be off during imports: states are explicit there).
        if (!db.ChangeTracker.Entries<Lieu>().Any(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)) return;
        annuaire.Invalider();
        if (db.Database.IsNpgsql()) AAnnoncer.AddOrUpdate(db, true);
    }

    /// <summary>The context whose save changed places on PostgreSQL, once.</summary>
    static DbContext? Annoncer(DbContext? db) => db is not null && AAnnoncer.Remove(db) ? db : null;
}
