using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Impact;

/// <summary>The ecological value of the chain (docs/standards/equipement-reemploi.md §9). When a history line moving a device to
/// <c>vendu</c> or <c>donne</c> (reuse) or <c>deee</c> (recycling) is saved, the same save adds the device's
/// <see cref="BilanAppareil"/>: for reuse, avoided CO2e = the factor's avoided impact per year × its years of second life, with the
/// <see cref="FacteurCo2"/> row in force on that Paris day for the device's type; for recycling, no CO2e is claimed. The weight is
/// the lot's weighed mass shared among its recorded devices. Runs as a save interceptor so that every path that moves a device
/// (use case, API, page, job) records it in the move's transaction, without the device feature knowing this one.</summary>
public sealed class ValeurEcologique : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (e.Context is AppDbContext db)
        {
            var issues = db.ChangeTracker.Entries<EvenementAppareil>().Where(x => x.State == EntityState.Added && Issue(x.Entity.Vers) is not null)
                .Select(x => x.Entity).ToList();
            if (issues.Count > 0) await AjouterAsync(db, issues, ct);
        }
        return await base.SavingChangesAsync(e, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result) =>
        SavingChangesAsync(e, result).AsTask().GetAwaiter().GetResult();

    /// <summary><see cref="BilanAppareil.Reemploi"/>, <see cref="BilanAppareil.Recyclage"/> or null for a state that is no outcome.</summary>
    public static string? Issue(string etat) => etat switch
    {
        Etats.Vendu or Etats.Donne => BilanAppareil.Reemploi,
        Etats.Deee => BilanAppareil.Recyclage,
        _ => null,
    };

    /// <summary>The factor row in force on <paramref name="jour"/> for <paramref name="type"/>: the latest <see cref="FacteurCo2.ValableDu"/>
    /// on or before that day, or null.</summary>
    public static Task<FacteurCo2?> FacteurAsync(AppDbContext db, string type, DateOnly jour, CancellationToken ct) =>
        db.Set<FacteurCo2>().AsNoTracking().Where(f => f.Type == type && f.ValableDu <= jour).OrderByDescending(f => f.ValableDu).FirstOrDefaultAsync(ct);

    /// <summary>The outcomes of one save, in a few queries whatever their number (the demo and imports save hundreds at once).</summary>
    static async Task AjouterAsync(AppDbContext db, List<EvenementAppareil> issues, CancellationToken ct)
    {
        var ids = issues.Select(x => x.AppareilId).Distinct().ToList();
        var deja = (await db.Set<BilanAppareil>().Where(b => ids.Contains(b.AppareilId)).Select(b => b.AppareilId).ToListAsync(ct)).ToHashSet();
        deja.UnionWith(db.ChangeTracker.Entries<BilanAppareil>().Select(b => b.Entity.AppareilId));
        var appareils = await db.Set<Appareil>().AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.Type, x.LotId, Poids = x.Lot!.PoidsKg }).ToDictionaryAsync(x => x.Id, ct);
        var lots = appareils.Values.Select(x => x.LotId).Distinct().ToList();
        var nombres = await db.Set<Appareil>().Where(x => lots.Contains(x.LotId)).GroupBy(x => x.LotId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var facteurs = await db.Set<FacteurCo2>().AsNoTracking().ToListAsync(ct);
        foreach (var ev in issues)
        {
            if (!deja.Add(ev.AppareilId) || !appareils.TryGetValue(ev.AppareilId, out var a)) continue;
            var issue = Issue(ev.Vers)!;
            var jour = DateOnly.FromDateTime(HeureParis.Depuis(ev.Le));
            var facteur = issue != BilanAppareil.Reemploi ? null
                : facteurs.Where(f => f.Type == a.Type && f.ValableDu <= jour).OrderByDescending(f => f.ValableDu).FirstOrDefault();
            db.Add(new BilanAppareil
            {
                AppareilId = ev.AppareilId, Issue = issue, FacteurCo2Id = facteur?.Id, AnneesSupposees = facteur?.AnneesSecondeVie ?? 0,
                Co2eEviteGrammes = facteur is null ? 0 : facteur.EviteParAnGrammes * facteur.AnneesSecondeVie,
                MasseGrammes = a.Poids * 1000L / Math.Max(1, nombres.GetValueOrDefault(a.LotId)), Le = ev.Le,
            });
        }
    }
}

/// <summary>Factor rows and devices' outcomes are written once: a correction is a new factor version.</summary>
public sealed class ImpactEnAjoutSeul() : EnAjoutSeul(e => e is FacteurCo2 or BilanAppareil,
    "Les facteurs d'émission et les bilans déjà calculés ne se modifient pas : publiez une nouvelle version des facteurs.");
