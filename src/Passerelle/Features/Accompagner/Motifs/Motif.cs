using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Accompagner.Motifs;

public enum Canal { SurPlace, Telephone, Visio, Domicile }
public enum QuiReserve { Public, Tiers, EquipeSeulement }

/// <summary>A type of help that can be booked, with its duration and what the person should know.</summary>
public sealed class Motif
{
    public int Id { get; set; }
    public string Nom { get; set; } = "";
    public int DureeMinutes { get; set; } = 60;
    public bool Collectif { get; set; }
    public Canal Canal { get; set; }
    /// <summary>Public: anyone books (and a third party for someone); Tiers: only a third party or staff; staff only.</summary>
    public QuiReserve QuiReserve { get; set; }
    public string? DocumentsAApporter { get; set; }
    public string? TexteApresReservation { get; set; }
    /// <summary>Minimum notice before a slot can be booked online.</summary>
    public int DelaiMinimumHeures { get; set; } = 2;
    public int HorizonJours { get; set; } = 91;
    /// <summary>Minutes left free after each slot.</summary>
    public int TamponMinutes { get; set; }

    public const int IdAccompagnement = 1, IdDemarches = 2, IdAtelier = 3;

    public static string LibelleCanal(Canal c) => c switch
    {
        Canal.SurPlace => "Sur place", Canal.Telephone => "Par téléphone", Canal.Visio => "En visioconférence", _ => "À domicile",
    };
}

public sealed class MotifConfiguration : IEntityTypeConfiguration<Motif>
{
    public void Configure(EntityTypeBuilder<Motif> b)
    {
        b.Property(m => m.Nom).HasMaxLength(200);
        b.Property(m => m.Canal).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.QuiReserve).HasConversion<string>().HasMaxLength(20);
        b.HasData(
            new Motif { Id = Motif.IdAccompagnement, Nom = "Accompagnement individuel", DureeMinutes = 60,
                DocumentsAApporter = "Votre téléphone ou votre ordinateur portable si vous en avez un, et vos identifiants.",
                TexteApresReservation = "Un médiateur numérique vous recevra. Prévenez si vous ne pouvez pas venir : la place ira à quelqu'un d'autre." },
            new Motif { Id = Motif.IdDemarches, Nom = "Aide aux démarches administratives", DureeMinutes = 45,
                DocumentsAApporter = "Une pièce d'identité, vos identifiants (impots.gouv, CAF, Ameli…), les courriers ou documents concernés.",
                TexteApresReservation = "Un médiateur vous aidera à faire votre démarche. Il ne la fera pas à votre place sans votre accord." },
            new Motif { Id = Motif.IdAtelier, Nom = "Atelier collectif", DureeMinutes = 120, Collectif = true,
                TexteApresReservation = "L'atelier se fait en petit groupe. Les ordinateurs sont fournis." });
    }
}
