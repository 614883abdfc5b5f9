using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Mediateurs;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>A mediator's record of an individual accompaniment or a workshop (compte rendu d'activité), in the national
/// vocabulary; multi-valued fields are |-joined labels. A booking or a workshop session gives at most one record.</summary>
public sealed class Activite
{
    public int Id { get; set; }
    public int MediateurId { get; set; }
    public Mediateur? Mediateur { get; set; }
    public string Type { get; set; } = VocabulaireCoop.Individuel;
    public DateOnly Date { get; set; }
    public int DureeMinutes { get; set; }
    public string TypeLieu { get; set; } = VocabulaireCoop.LieuActivite;
    public int? LieuId { get; set; }
    public Lieu? Lieu { get; set; }
    public string? Commune { get; set; }
    public string? Materiel { get; set; }
    public string? Themes { get; set; }
    public string? ThemesDemarches { get; set; }
    public string? NomDemarche { get; set; }
    public string? Autonomie { get; set; }
    public string? Niveau { get; set; }
    public string? Orientation { get; set; }
    /// <summary>Workshop participants who have no file.</summary>
    public int ParticipantsAnonymes { get; set; }
    /// <summary>Number of <see cref="Participants"/> (kept on the record so that statistics count without a join).</summary>
    public int ParticipantsNommes { get; set; }
    public string? Notes { get; set; }
    /// <summary>Local tags of the territory, |-joined.</summary>
    public string? Etiquettes { get; set; }
    /// <summary>The person of an individual accompaniment, when they have a file.</summary>
    public int? BeneficiaireId { get; set; }
    public Beneficiaires.Beneficiaire? Beneficiaire { get; set; }
    public List<Beneficiaires.ParticipantActivite> Participants { get; set; } = [];
    public List<Beneficiaires.DecompteAnonyme> Decomptes { get; set; } = [];
    public int? ReservationId { get; set; }
    public int? SessionAtelierId { get; set; }
    public DateTime CreeLe { get; set; }
    public DateTime ModifieLe { get; set; }
    public string? CreePar { get; set; }

    /// <summary>Accompaniments counted as the national tool does: a workshop counts its participants.</summary>
    public int Accompagnements => Type == VocabulaireCoop.Collectif ? ParticipantsAnonymes + ParticipantsNommes : 1;
}

/// <summary>A record as typed in the form or sent to the API (labels of the national lists).</summary>
public sealed record ActiviteSaisie
{
    public string? Type { get; init; }
    public DateOnly? Date { get; init; }
    public int? Duree { get; init; }
    public string? TypeLieu { get; init; }
    public int? LieuId { get; init; }
    [StringLength(200)] public string? Commune { get; init; }
    public string[]? Materiel { get; init; }
    public string[]? Themes { get; init; }
    public string[]? ThemesDemarches { get; init; }
    [StringLength(200)] public string? NomDemarche { get; init; }
    public string? Autonomie { get; init; }
    public string? Niveau { get; init; }
    public string? Orientation { get; init; }
    public int? BeneficiaireId { get; init; }
    /// <summary>Workshop participants who have a file.</summary>
    public int[]? Participants { get; init; }
    public int? ParticipantsAnonymes { get; init; }
    /// <summary>Anonymous participants by gender, age band or status (each criterion adds up to at most the anonymous count).</summary>
    public DecompteSaisie[]? DecomptesAnonymes { get; init; }
    public string[]? Etiquettes { get; init; }
    [StringLength(2000)] public string? Notes { get; init; }
    public int? ReservationId { get; init; }
    public int? SessionAtelierId { get; init; }
}

public sealed record DecompteSaisie(string? Critere, string? Valeur, int? Nombre);

/// <summary>A local tag, managed by the territory, added on top of the national themes.</summary>
public sealed class Etiquette
{
    public int Id { get; set; }
    public string Nom { get; set; } = "";
}

public sealed class EtiquetteConfiguration : IEntityTypeConfiguration<Etiquette>
{
    public void Configure(EntityTypeBuilder<Etiquette> b)
    {
        b.Property(e => e.Nom).HasMaxLength(60);
        b.HasIndex(e => e.Nom).IsUnique();
    }
}

public sealed class ActiviteConfiguration : IEntityTypeConfiguration<Activite>
{
    public void Configure(EntityTypeBuilder<Activite> b)
    {
        b.HasIndex(a => new { a.MediateurId, a.Date });
        b.HasIndex(a => a.Date);
        // The commune filter of the dashboard: places of the commune, or records at home / elsewhere in it.
        b.HasIndex(a => new { a.Commune, a.Date });
        b.HasIndex(a => new { a.LieuId, a.Date });
        // No double entry: a booking or a workshop session becomes one record at most.
        b.HasIndex(a => a.ReservationId).IsUnique();
        b.HasIndex(a => a.SessionAtelierId).IsUnique();
        b.Property(a => a.Type).HasMaxLength(40);
        b.Property(a => a.TypeLieu).HasMaxLength(40);
        b.Property(a => a.Commune).HasMaxLength(200);
        b.Property(a => a.Materiel).HasMaxLength(200);
        b.Property(a => a.Themes).HasMaxLength(1000);
        b.Property(a => a.ThemesDemarches).HasMaxLength(500);
        b.Property(a => a.NomDemarche).HasMaxLength(200);
        b.Property(a => a.Autonomie).HasMaxLength(60);
        b.Property(a => a.Niveau).HasMaxLength(20);
        b.Property(a => a.Orientation).HasMaxLength(100);
        b.Property(a => a.Notes).HasMaxLength(2000);
        b.Property(a => a.CreePar).HasMaxLength(450);
        b.Property(a => a.Etiquettes).HasMaxLength(1000);
        b.HasIndex(a => a.BeneficiaireId);
        b.HasOne(a => a.Beneficiaire).WithMany().HasForeignKey(a => a.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Mediateur).WithMany().HasForeignKey(a => a.MediateurId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Lieu).WithMany().HasForeignKey(a => a.LieuId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.Accompagnements);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Activites_Duree", "\"DureeMinutes\" > 0 AND \"DureeMinutes\" <= 1440");
            t.HasCheckConstraint("CK_Activites_Participants", "\"ParticipantsAnonymes\" >= 0 AND \"ParticipantsNommes\" >= 0");
        });
    }
}

// The records' participants and anonymous counts: the classes live with the people files (a participation names a file),
// their relation to the record is configured here, with the record (decision 0016).
public sealed class ParticipantActiviteConfiguration : IEntityTypeConfiguration<Beneficiaires.ParticipantActivite>
{
    public void Configure(EntityTypeBuilder<Beneficiaires.ParticipantActivite> b)
    {
        b.HasKey(x => new { x.ActiviteId, x.BeneficiaireId });
        b.HasIndex(x => x.BeneficiaireId);
        b.HasOne<Activite>().WithMany(a => a.Participants).HasForeignKey(x => x.ActiviteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Beneficiaire).WithMany().HasForeignKey(x => x.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DecompteAnonymeConfiguration : IEntityTypeConfiguration<Beneficiaires.DecompteAnonyme>
{
    public void Configure(EntityTypeBuilder<Beneficiaires.DecompteAnonyme> b)
    {
        b.HasKey(x => new { x.ActiviteId, x.Critere, x.Valeur });
        b.Property(x => x.Critere).HasMaxLength(20);
        b.Property(x => x.Valeur).HasMaxLength(40);
        b.HasOne<Activite>().WithMany(a => a.Decomptes).HasForeignKey(x => x.ActiviteId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_DecomptesAnonymes_Nombre", "\"Nombre\" > 0"));
    }
}
