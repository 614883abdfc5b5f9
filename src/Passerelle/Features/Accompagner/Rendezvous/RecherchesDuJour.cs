using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>A counter of public slot searches, never a log of people: one row per day, searched place (postcode, or commune name
/// as a search key), motif and wait before the first free slot, holding how many searches ended there. No address, no IP, no
/// time of day. Read by territorial steering (searches with no free slot within N days, median wait; standards file « pilotage
/// territorial », § 2 « unmet demand »).</summary>
public sealed class RecherchesDuJour
{
    /// <summary><see cref="DelaiJours"/> of a search that found no free slot at all.</summary>
    public const int AucunCreneau = -1;

    public int Id { get; set; }
    /// <summary>Day of the search (UTC date).</summary>
    public DateOnly Jour { get; set; }
    /// <summary>Postcode searched (5 digits), else null.</summary>
    public string? CodePostal { get; set; }
    /// <summary>The place searched as a key: the postcode when one was typed, else the commune's search key (<see cref="Texte.Normaliser"/>).</summary>
    public string Commune { get; set; } = "";
    /// <summary>Motif (service) asked; 0 for any.</summary>
    public int MotifId { get; set; }
    /// <summary>Whole days from the search to the first free slot found (0 = the same day), or <see cref="AucunCreneau"/>.</summary>
    public int DelaiJours { get; set; }
    public int Nombre { get; set; }
}

public sealed class RecherchesDuJourConfiguration : IEntityTypeConfiguration<RecherchesDuJour>
{
    public void Configure(EntityTypeBuilder<RecherchesDuJour> b)
    {
        b.ToTable("RecherchesCreneaux");
        b.Property(r => r.CodePostal).HasMaxLength(5);
        b.Property(r => r.Commune).HasMaxLength(100);
        // One row per key: the commune key holds the postcode too when one was typed (no nullable column in the unique index).
        b.HasIndex(r => new { r.Jour, r.Commune, r.MotifId, r.DelaiJours }).IsUnique();
    }
}

/// <summary>Counts one public search by commune or postcode (<see cref="RecherchesDuJour"/>): one conditional UPDATE of the day's
/// row, else an INSERT (a concurrent insert of the same key is retried as an update). A failure to count never fails the search.</summary>
public static class CompterRecherche
{
    public static async Task ExecuterAsync(AppDbContext db, string? commune, int? motifId, IReadOnlyList<CreneauLibre> trouves, TimeProvider horloge,
        ILogger? journal, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(commune)) return;
        var t = commune.Trim();
        var postal = t.Length == 5 && t.All(char.IsAsciiDigit);
        // The postcode is stored in the commune key too (« 13230 »), so that one unique index covers both kinds of search.
        var cle = postal ? t : Texte.Normaliser(t);
        if (cle.Length is 0 or > 100) return;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var jour = DateOnly.FromDateTime(maintenant);
        var delai = trouves.Count == 0 ? RecherchesDuJour.AucunCreneau : Math.Max(0, DateOnly.FromDateTime(trouves.Min(c => c.Debut)).DayNumber - jour.DayNumber);
        var motif = motifId ?? 0;
        try
        {
            for (var essai = 0; essai < 2; essai++)
            {
                if (await db.Set<RecherchesDuJour>().Where(r => r.Jour == jour && r.Commune == cle && r.MotifId == motif && r.DelaiJours == delai)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Nombre, r => r.Nombre + 1), ct) > 0) return;
                var ligne = new RecherchesDuJour { Jour = jour, Commune = cle, CodePostal = postal ? t : null, MotifId = motif, DelaiJours = delai, Nombre = 1 };
                db.Add(ligne);
                try { await db.SaveChangesAsync(ct); return; }
                catch (DbUpdateException) { db.Entry(ligne).State = EntityState.Detached; }
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            journal?.LogWarning(e, "Recherche de créneaux non comptée");
        }
    }
}
