using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>A counter of public slot searches, never a log of people: one row per Paris-local day, searched place (a postcode or an
/// INSEE code of the communes reference, never the typed text), motif and wait before the first free slot, holding how many searches
/// ended there (<see cref="CompterRecherche"/>). No address, no IP, no time of day; purged after <see cref="MoisConservation"/> months
/// (<see cref="Retention"/>). Read by territorial steering (searches with no free slot within N days, median wait; standards file « pilotage
/// territorial », § 2 « unmet demand »).</summary>
public sealed class RecherchesDuJour
{
    /// <summary><see cref="DelaiJours"/> of a search that found no free slot at all.</summary>
    public const int AucunCreneau = -1;
    /// <summary>Months a day's counters are kept (the gap table reads 12 months back, the zone page's trend as much; 36 leaves
    /// three years of comparison).</summary>
    public const int MoisConservation = 36;

    public int Id { get; set; }
    /// <summary>Day of the search (date in Europe/Paris).</summary>
    public DateOnly Jour { get; set; }
    /// <summary>Postcode searched (5 digits), else null.</summary>
    /// <remarks>Rows counted before 2 December 2026 hold the postcode alone in <see cref="Commune"/>.</remarks>
    public string? CodePostal { get; set; }
    /// <summary>The place searched as a key: the INSEE code of the commune or arrondissement named
    /// (<see cref="Referentiels.Territoires.RechercheCommunes.DesigneeAsync"/>), or « cp: » and the postcode when a known one was typed
    /// (INSEE codes and postcodes overlap: 13003 is Alleins, and Marseille 3e's postcode).</summary>
    public string Commune { get; set; } = "";
    /// <summary>Motif (service) asked; 0 for any.</summary>
    public int MotifId { get; set; }
    /// <summary>Whole days from the search to the first free slot found (0 = the same day), or <see cref="AucunCreneau"/>.</summary>
    public int DelaiJours { get; set; }
    public int Nombre { get; set; }

    /// <summary>The <see cref="Commune"/> key of a search by postcode.</summary>
    public static string CleCodePostal(string codePostal) => "cp:" + codePostal;
}

public sealed class RecherchesDuJourConfiguration : IEntityTypeConfiguration<RecherchesDuJour>
{
    public void Configure(EntityTypeBuilder<RecherchesDuJour> b)
    {
        b.ToTable("RecherchesCreneaux");
        b.Property(r => r.CodePostal).HasMaxLength(5);
        b.Property(r => r.Commune).HasMaxLength(100);
        // One row per key: the commune key holds the postcode too when one was typed (« cp:13230 »; no nullable column in the unique index).
        b.HasIndex(r => new { r.Jour, r.Commune, r.MotifId, r.DelaiJours }).IsUnique();
    }
}
