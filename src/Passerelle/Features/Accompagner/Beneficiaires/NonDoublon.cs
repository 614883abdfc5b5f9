using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Two files someone checked and declared to be two different people: the pair is no longer proposed as a duplicate.
/// Stored once, the smaller id first.</summary>
public sealed class NonDoublon
{
    public int BeneficiaireA { get; set; }
    public int BeneficiaireB { get; set; }
    public DateTime Le { get; set; }
    public string? Par { get; set; }

    public static NonDoublon Creer(int un, int autre, DateTime le, string? par) =>
        new() { BeneficiaireA = Math.Min(un, autre), BeneficiaireB = Math.Max(un, autre), Le = le, Par = par };
}

public sealed class NonDoublonConfiguration : IEntityTypeConfiguration<NonDoublon>
{
    public void Configure(EntityTypeBuilder<NonDoublon> b)
    {
        b.ToTable("NonDoublons", t => t.HasCheckConstraint("CK_NonDoublons_Ordre", "\"BeneficiaireA\" < \"BeneficiaireB\""));
        b.HasKey(x => new { x.BeneficiaireA, x.BeneficiaireB });
        b.HasIndex(x => x.BeneficiaireB);
        b.Property(x => x.Par).HasMaxLength(256);
        // A merged or erased file takes its "not a duplicate" marks with it.
        b.HasOne<Beneficiaire>().WithMany().HasForeignKey(x => x.BeneficiaireA).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Beneficiaire>().WithMany().HasForeignKey(x => x.BeneficiaireB).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record NonDoublonSaisie(int? AutreId);

/// <summary>"These are two different people": the pair leaves the duplicates list for good (journaled on both files).</summary>
public static class MarquerNonDoublon
{
    public static async Task ExecuterAsync(Data.AppDbContext db, HashSet<int> structures, int id, int autreId, System.Security.Claims.ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        if (id == autreId) throw new Web.RegleMetierException("Choisissez deux fiches différentes.", "AutreId");
        var a = await Fiches.ChargerAsync(db, structures, id, ct);
        var b = await Fiches.ChargerAsync(db, structures, autreId, ct);
        if (a.StructureId != b.StructureId) throw new Web.RegleMetierException("Les deux fiches doivent appartenir à la même structure.");
        var marque = NonDoublon.Creer(id, autreId, h.GetUtcNow().UtcDateTime, user.Identity?.Name);
        if (await db.Set<NonDoublon>().AnyAsync(n => n.BeneficiaireA == marque.BeneficiaireA && n.BeneficiaireB == marque.BeneficiaireB, ct)) return;
        db.Set<NonDoublon>().Add(marque);
        AccesBeneficiaires.Journaliser(db, user, marque.Le, "Pas un doublon", Journal.FicheBeneficiaire, id, $"fiche n° {autreId} : personne différente");
        AccesBeneficiaires.Journaliser(db, user, marque.Le, "Pas un doublon", Journal.FicheBeneficiaire, autreId, $"fiche n° {id} : personne différente");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // A double click: the other request recorded the same pair first.
            if (!await EnregistreAsync(db, marque, ct)) throw;
        }
    }

    static async Task<bool> EnregistreAsync(Data.AppDbContext db, NonDoublon m, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Set<NonDoublon>().AnyAsync(n => n.BeneficiaireA == m.BeneficiaireA && n.BeneficiaireB == m.BeneficiaireB, ct);
    }
}
