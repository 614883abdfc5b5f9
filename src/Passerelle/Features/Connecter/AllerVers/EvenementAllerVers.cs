using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Connecter.AllerVers;

/// <summary>Kinds of place of an outreach event (issue 13 §5, standard §2: <i>aller vers</i> in residences, markets and partner places).</summary>
public static class TypesLieuxAllerVers
{
    public const string Residence = "residence", Marche = "marche", LieuPartenaire = "lieu_partenaire";
    public static readonly (string Code, string Libelle)[] Tous = [(Residence, "Résidence (bailleur social)"), (Marche, "Marché"), (LieuPartenaire, "Lieu partenaire")];
    public static string Libelle(string code) => Tous.FirstOrDefault(t => t.Code == code).Libelle ?? code;
}

/// <summary>An outreach event: a structure's mediators go where people are (a residence's hall, a market, a partner's place), meet people,
/// start three-field diagnostics and enrol some. Counts of people met are typed; diagnostics and enrolments made are linked
/// (<see cref="LienAllerVers"/>). The activity records the mediators kept that day as « Autre lieu » in that commune are read from the
/// records (Connecter reads Accompagner, never the reverse).</summary>
public sealed class EvenementAllerVers
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    /// <summary>The programme the event was for, if any.</summary>
    public int? ProgrammeId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary><see cref="TypesLieuxAllerVers"/> code.</summary>
    public string TypeLieu { get; set; } = "";
    /// <summary>Place name or address (« Hall B, résidence Les Cèdres »).</summary>
    public string Lieu { get; set; } = "";
    public string Commune { get; set; } = "";
    public string? CodeQpv { get; set; }
    /// <summary>Mediators present, as typed (first names).</summary>
    public string? Mediateurs { get; set; }
    /// <summary>People met (count, ≥ 0).</summary>
    public int PersonnesRencontrees { get; set; }
    public string? Notes { get; set; }
    public string CreePar { get; set; } = "";
    public DateTime CreeLe { get; set; }
}

/// <summary>Kinds of link of an event: a diagnostic started there, an enrolment made there.</summary>
public static class TypesLiensAllerVers
{
    public const string Diagnostic = "diagnostic", Adhesion = "adhesion";
}

/// <summary>A diagnostic or an enrolment made at an event (one link per event, kind and target).</summary>
public sealed class LienAllerVers
{
    public int Id { get; set; }
    public int EvenementId { get; set; }
    public string Type { get; set; } = "";
    public int CibleId { get; set; }
}

public sealed class AllerVersConfiguration : IEntityTypeConfiguration<EvenementAllerVers>, IEntityTypeConfiguration<LienAllerVers>
{
    public void Configure(EntityTypeBuilder<EvenementAllerVers> b)
    {
        b.ToTable("EvenementsAllerVers", t =>
        {
            t.HasCheckConstraint("CK_EvenementsAllerVers_Personnes", "\"PersonnesRencontrees\" >= 0");
            t.HasCheckConstraint("CK_EvenementsAllerVers_TypeLieu", "\"TypeLieu\" IN ('residence', 'marche', 'lieu_partenaire')");
        });
        b.Property(x => x.TypeLieu).HasMaxLength(20);
        b.Property(x => x.Lieu).HasMaxLength(300);
        b.Property(x => x.Commune).HasMaxLength(200);
        b.Property(x => x.CodeQpv).HasMaxLength(12);
        b.Property(x => x.Mediateurs).HasMaxLength(300);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CreePar).HasMaxLength(256);
        b.HasIndex(x => new { x.StructureId, x.Date });
        b.HasOne<Structure>().WithMany().HasForeignKey(x => x.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Programmes.ProgrammeConnexion>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<LienAllerVers> b)
    {
        b.ToTable("LiensAllerVers", t => t.HasCheckConstraint("CK_LiensAllerVers_Type", "\"Type\" IN ('diagnostic', 'adhesion')"));
        b.Property(x => x.Type).HasMaxLength(20);
        b.HasIndex(x => new { x.EvenementId, x.Type, x.CibleId }).IsUnique();
        b.HasOne<EvenementAllerVers>().WithMany().HasForeignKey(x => x.EvenementId).OnDelete(DeleteBehavior.Cascade);
    }
}
