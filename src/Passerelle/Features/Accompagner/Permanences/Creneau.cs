using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Accompagner.Motifs;

namespace Passerelle.Features.Accompagner.Permanences;

/// <summary>One bookable slot of a permanence, materialised over the rolling horizon. <see cref="Reserves"/>
/// never exceeds <see cref="Capacite"/>: bookings increment it with a conditional UPDATE, so the database
/// itself refuses the seat that is not there.</summary>
public sealed class Creneau
{
    public int Id { get; set; }
    public int PermanenceId { get; set; }
    public Permanence? Permanence { get; set; }
    public int LieuId { get; set; }
    public Lieu? Lieu { get; set; }
    public int MotifId { get; set; }
    public Motif? Motif { get; set; }
    public DateTime Debut { get; set; }
    public DateTime Fin { get; set; }
    public int Capacite { get; set; }
    public int Reserves { get; set; }
    /// <summary>Online booking window, copied from the motif at generation so that the free-slot search is a
    /// plain indexed comparison: open from <see cref="OuvertureEnLigne"/> (horizon) to <see cref="FermetureEnLigne"/> (minimum notice).</summary>
    public DateTime OuvertureEnLigne { get; set; }
    public DateTime FermetureEnLigne { get; set; }
    public bool EnLigne { get; set; }
    /// <summary>Copied from the place so that a search by commune or postcode reads one indexed table.</summary>
    public string CommuneRecherche { get; set; } = "";
    public string CodePostal { get; set; } = "";
    /// <summary>Closed (place closed, mediators absent, permanence stopped) but kept because a booking refers to it:
    /// never offered, never bookable.</summary>
    public bool Ferme { get; set; }

    public void Appliquer(Motif m, Lieu l)
    {
        CommuneRecherche = l.CommuneRecherche;
        CodePostal = l.CodePostal;
        OuvertureEnLigne = Debut.AddDays(-m.HorizonJours);
        FermetureEnLigne = Debut.AddHours(-m.DelaiMinimumHeures);
        EnLigne = m.QuiReserve != QuiReserve.EquipeSeulement;
    }
}

public sealed class CreneauConfiguration : IEntityTypeConfiguration<Creneau>
{
    public void Configure(EntityTypeBuilder<Creneau> b)
    {
        b.HasIndex(c => new { c.PermanenceId, c.Debut }).IsUnique();
        b.HasIndex(c => new { c.LieuId, c.Debut });
        b.HasIndex(c => c.Debut);
        b.HasIndex(c => new { c.CommuneRecherche, c.Debut });
        b.HasIndex(c => new { c.CodePostal, c.Debut });
        b.Property(c => c.CommuneRecherche).HasMaxLength(200);
        b.Property(c => c.CodePostal).HasMaxLength(5);
        b.HasOne(c => c.Permanence).WithMany().HasForeignKey(c => c.PermanenceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Lieu).WithMany().HasForeignKey(c => c.LieuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Motif).WithMany().HasForeignKey(c => c.MotifId).OnDelete(DeleteBehavior.Restrict);
        // The guarantee, in the database: a seat count that cannot go over capacity or below zero.
        b.ToTable(t => t.HasCheckConstraint("CK_Creneaux_Places", "\"Reserves\" >= 0 AND \"Reserves\" <= \"Capacite\""));
    }
}
