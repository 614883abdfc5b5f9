using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>Before a save, writes a <see cref="MarqueFaits"/> for every cell whose facts the save changes, in the same
/// transaction as the change: a record added, changed (its old and new cell) or deleted, a workshop's named participants or
/// anonymous counts, a person's residence (QPV or commune, which the residence block reads on the file); and a person mark
/// (<see cref="MarquePersonne"/>) when a file's counted attributes change, the file is deleted or one of its diagnostics or referrals is written. Bulk statements
/// (<c>ExecuteUpdate</c>) are not seen: code that changes records that way attaches them as modified (see the merge of files).</summary>
public sealed class MarquageFaits : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> r, CancellationToken ct = default)
    {
        if (e.Context is AppDbContext db) await MarquerAsync(db, ct);
        return await base.SavingChangesAsync(e, r, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> r)
    {
        if (e.Context is AppDbContext db) MarquerAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return base.SavingChanges(e, r);
    }

    static readonly string[] AttributsPersonne = [nameof(Beneficiaire.Suivi), nameof(Beneficiaire.Genre), nameof(Beneficiaire.AnneeNaissance),
        nameof(Beneficiaire.Statut), nameof(Beneficiaire.CodeQpv), nameof(Beneficiaire.Commune)];

    static bool Change(EntityState s) => s is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    static async Task MarquerAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
        var cellules = new HashSet<Cellule>();
        Cellule De(PropertyValues v) => new(Cellule.MoisDe(v.GetValue<DateOnly>(nameof(Activite.Date))), v.GetValue<int?>(nameof(Activite.LieuId)), v.GetValue<string?>(nameof(Activite.Commune)));
        var suivies = new HashSet<int>();
        foreach (var a in db.ChangeTracker.Entries<Activite>().Where(x => Change(x.State)))
        {
            if (a.State != EntityState.Added) cellules.Add(De(a.OriginalValues));
            if (a.State != EntityState.Deleted) cellules.Add(De(a.CurrentValues));
            suivies.Add(a.Entity.Id);
        }
        var activites = db.ChangeTracker.Entries<ParticipantActivite>().Where(x => Change(x.State)).Select(x => x.Entity.ActiviteId)
            .Concat(db.ChangeTracker.Entries<DecompteAnonyme>().Where(x => Change(x.State)).Select(x => x.Entity.ActiviteId))
            .Where(id => id > 0 && !suivies.Contains(id)).Distinct().ToList();
        var personnes = db.ChangeTracker.Entries<Beneficiaire>().Where(x => x.State == EntityState.Modified
                && (x.Property(b => b.CodeQpv).IsModified || x.Property(b => b.Commune).IsModified)
                && (!Equals(x.Property(b => b.CodeQpv).OriginalValue, x.Property(b => b.CodeQpv).CurrentValue)
                    || !Equals(x.Property(b => b.Commune).OriginalValue, x.Property(b => b.Commune).CurrentValue)))
            .Select(x => x.Entity.Id).ToList();
        if (activites.Count > 0 || personnes.Count > 0)
        {
            var lues = await db.Activites.AsNoTracking()
                .Where(a => activites.Contains(a.Id) || (a.BeneficiaireId != null && personnes.Contains(a.BeneficiaireId.Value))
                    || db.ParticipantsActivites.Any(p => p.ActiviteId == a.Id && personnes.Contains(p.BeneficiaireId)))
                .Select(a => new { a.Date, a.LieuId, a.Commune }).Distinct().ToListAsync(ct);
            foreach (var a in lues) cellules.Add(new Cellule(Cellule.MoisDe(a.Date), a.LieuId, a.Commune));
        }
        foreach (var c in cellules) db.Set<MarqueFaits>().Add(new MarqueFaits { Mois = c.Mois, LieuId = c.LieuId, Commune = c.Commune });
        // The people facts (decision 0035) count a file under its attributes: a change of one of them, or the file deleted, marks the person.
        var marquees = db.ChangeTracker.Entries<Beneficiaire>().Where(x => x.State == EntityState.Deleted
                || (x.State == EntityState.Modified && AttributsPersonne.Any(p => x.Property(p).IsModified && !Equals(x.Property(p).OriginalValue, x.Property(p).CurrentValue))))
            .Select(x => x.Entity.Id).ToHashSet();
        await SuivisAsync(db, marquees, ct);
        foreach (var b in marquees) db.Set<MarquePersonne>().Add(new MarquePersonne { BeneficiaireId = b });
    }

    /// <summary>Adds the people whose skills progressions (<see cref="ProgressionPersonne"/>) or referral rows (<see cref="OrientationPersonne"/>)
    /// the save may change: a diagnostic or a referral added, changed, deleted or moved to another file (both files), a level of an
    /// existing diagnostic written, changed or deleted.</summary>
    static async Task SuivisAsync(AppDbContext db, HashSet<int> marquees, CancellationToken ct)
    {
        // The former person of one changed or deleted, the current one of one added or changed. A file added in the same save has no
        // key yet and nothing stored: its records, when it has some, bring it to the fold.
        foreach (var e in db.ChangeTracker.Entries().Where(x => x.Entity is Orientation or Diagnostic && Change(x.State)))
        {
            var personne = e.Property(nameof(Diagnostic.BeneficiaireId));
            if (e.State != EntityState.Added) marquees.Add((int)personne.OriginalValue!);
            if (e.State != EntityState.Deleted && !personne.IsTemporary && personne.CurrentValue is int id && id > 0) marquees.Add(id);
        }
        // A level of a diagnostic added carries no key yet (its diagnostic marked above); one of a stored diagnostic, its person read.
        var diagnostics = db.ChangeTracker.Entries<NiveauCompetence>().Where(x => Change(x.State)).Select(x => x.Property(n => n.DiagnosticId))
            .Where(p => !p.IsTemporary && p.CurrentValue > 0).Select(p => p.CurrentValue).Distinct().ToList();
        if (diagnostics.Count > 0)
            marquees.UnionWith(await db.Diagnostics.AsNoTracking().Where(d => diagnostics.Contains(d.Id)).Select(d => d.BeneficiaireId).ToListAsync(ct));
    }
}
