using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Permanences;

/// <summary>A recurring opening period of one or more mediators at a place for a motif; each mediator present is one seat per slot.</summary>
public sealed class Permanence
{
    public int Id { get; set; }
    public int LieuId { get; set; }
    public Lieu? Lieu { get; set; }
    public int MotifId { get; set; }
    public Motif? Motif { get; set; }
    public int? ConventionId { get; set; }
    public TypeRecurrence Type { get; set; }
    public int JoursSemaine { get; set; }
    public int IntervalleSemaines { get; set; } = 1;
    public int Rang { get; set; } = 1;
    public DayOfWeek JourDuMois { get; set; }
    public TimeOnly HeureDebut { get; set; }
    public TimeOnly HeureFin { get; set; }
    public DateOnly DateDebut { get; set; }
    public DateOnly? DateFin { get; set; }
    public bool Archivee { get; set; }
    public List<Mediateur> Mediateurs { get; set; } = [];

    public Recurrence Recurrence => new(Type, JoursSemaine, IntervalleSemaines, Rang, JourDuMois, DateDebut, DateFin);

    public void Verifier()
    {
        if (HeureFin <= HeureDebut) throw new RegleMetierException("L'heure de fin doit suivre l'heure de début.", nameof(HeureFin));
        if (DateFin is { } f && f < DateDebut) throw new RegleMetierException("La date de fin précède la date de début.", nameof(DateFin));
        if (Type == TypeRecurrence.Hebdomadaire && JoursSemaine == 0) throw new RegleMetierException("Choisissez au moins un jour de la semaine.", nameof(JoursSemaine));
        if (Type == TypeRecurrence.Mensuelle && Rang is not (1 or 2 or 3 or 4 or -1)) throw new RegleMetierException("Rang dans le mois : 1 à 4, ou dernier.", nameof(Rang));
        if (IntervalleSemaines is < 1 or > 8) throw new RegleMetierException("Intervalle : de 1 à 8 semaines.", nameof(IntervalleSemaines));
    }
}

/// <summary>A mediator's absence: a period, optionally only some weekdays and hours (e.g. every Wednesday afternoon).</summary>
public sealed class Absence
{
    public int Id { get; set; }
    public int MediateurId { get; set; }
    public DateOnly DateDebut { get; set; }
    public DateOnly DateFin { get; set; }
    public int JoursSemaine { get; set; } = 0x7F;
    public TimeOnly? HeureDebut { get; set; }
    public TimeOnly? HeureFin { get; set; }
    public string? Raison { get; set; }

    public bool Couvre(DateOnly date, TimeOnly debut, TimeOnly fin) =>
        date >= DateDebut && date <= DateFin && (JoursSemaine & 1 << (((int)date.DayOfWeek + 6) % 7)) != 0
        && (HeureDebut is null || HeureFin is null || (debut < HeureFin && HeureDebut < fin));
}

/// <summary>A place closed on some days (works, holidays of the structure…).</summary>
public sealed class Fermeture
{
    public int Id { get; set; }
    public int LieuId { get; set; }
    public DateOnly DateDebut { get; set; }
    public DateOnly DateFin { get; set; }
    public string? Raison { get; set; }

    public bool Couvre(DateOnly date) => DateDebut <= date && date <= DateFin;

    /// <summary>What the people whose appointment is cancelled are told.</summary>
    public string Explication() => "Le lieu est fermé ce jour-là" + (string.IsNullOrWhiteSpace(Raison) ? "." : $" ({Raison.Trim()}).");
}

public sealed class PermanenceConfiguration : IEntityTypeConfiguration<Permanence>
{
    public void Configure(EntityTypeBuilder<Permanence> b)
    {
        b.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.JourDuMois).HasConversion<string>().HasMaxLength(10);
        b.HasOne(p => p.Lieu).WithMany().HasForeignKey(p => p.LieuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Motif).WithMany().HasForeignKey(p => p.MotifId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Mediateurs).WithMany().UsingEntity("PermanenceMediateur");
        b.HasIndex(p => p.ConventionId);
    }
}

public sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> b)
    {
        b.HasIndex(a => new { a.MediateurId, a.DateDebut });
        b.Property(a => a.Raison).HasMaxLength(300);
        b.HasOne<Mediateur>().WithMany().HasForeignKey(a => a.MediateurId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FermetureConfiguration : IEntityTypeConfiguration<Fermeture>
{
    public void Configure(EntityTypeBuilder<Fermeture> b)
    {
        b.HasIndex(f => new { f.LieuId, f.DateDebut });
        b.Property(f => f.Raison).HasMaxLength(300);
        b.HasOne<Lieu>().WithMany().HasForeignKey(f => f.LieuId).OnDelete(DeleteBehavior.Cascade);
    }
}
