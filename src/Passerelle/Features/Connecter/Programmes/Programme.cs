using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>A solidarity-connectivity programme (docs/standards/connectivite-solidaire.md §3): run by one managing structure (the
/// mediation association that holds the lines and boxes), with its partners, offers, monthly cap per person and enrolment rules.</summary>
public sealed class ProgrammeConnexion
{
    public int Id { get; set; }
    public string Nom { get; set; } = "";
    /// <summary>The structure whose staff enrol people, record top-ups and see lines and boxes.</summary>
    public int StructureGestionnaireId { get; set; }
    public DateOnly Debut { get; set; }
    public DateOnly? Fin { get; set; }
    /// <summary>Budget of the programme, in cents.</summary>
    public long BudgetCentimes { get; set; }
    /// <summary>Monthly cap per person on top-ups (face value), in cents; e.g. 3 000 for the 30 € of « Connexions solidaires ».</summary>
    public long PlafondMensuelCentimes { get; set; }
    /// <summary>Length of an enrolment, in months (e.g. 9).</summary>
    public int DureeAdhesionMois { get; set; }
    /// <summary>How many renewals after a review are allowed (0 = none).</summary>
    public int RenouvellementsMax { get; set; }
    /// <summary>Days before an enrolment's end when its renewal review is due (the reminder date).</summary>
    public int RevueJoursAvantFin { get; set; } = 30;
    /// <summary>Eligibility rules accepted, comma-separated <see cref="EligibiliteConnexion"/> codes.</summary>
    public string Regles { get; set; } = "";
    /// <summary>Exit offers proposed at the end (free text: social tariff, low-cost plan keeping the number…).</summary>
    public string? OffresSortie { get; set; }
    /// <summary>Months after an enrolment's end before lines, numbers and proofs are erased (aggregates stay).</summary>
    public int RetentionMois { get; set; } = 12;
    public DateTime CreeLe { get; set; }

    public IReadOnlyList<string> CodesRegles => Regles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Kinds of partner of a programme.</summary>
public static class RolesPartenaires
{
    public const string Operateur = "operateur", Bailleur = "bailleur", Association = "association", Prescripteur = "prescripteur", Financeur = "financeur";
    public static readonly (string Code, string Libelle)[] Tous =
        [(Operateur, "Opérateur"), (Bailleur, "Bailleur social"), (Association, "Association de médiation"), (Prescripteur, "Structure prescriptrice"), (Financeur, "Financeur")];
    public static string Libelle(string code) => Tous.FirstOrDefault(r => r.Code == code).Libelle ?? code;
}

/// <summary>A partner of a programme: a structure of the network (optional, so that its operator or landlord accounts see the
/// aggregates) and, for a funder, its convention.</summary>
public sealed class PartenaireProgramme
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    /// <summary><see cref="RolesPartenaires"/> code.</summary>
    public string Role { get; set; } = "";
    public string Nom { get; set; } = "";
    public int? StructureId { get; set; }
    public int? ConventionId { get; set; }
}

/// <summary>Kinds of offer (standard §3).</summary>
public static class TypesOffres
{
    public const string Sim = "sim", Recharge = "recharge", Box = "box", Hotspot = "hotspot", Pack = "pack";
    public static readonly (string Code, string Libelle)[] Tous =
        [(Sim, "Carte SIM prépayée"), (Recharge, "Recharge"), (Box, "Box à domicile"), (Hotspot, "Point d'accès partagé"), (Pack, "Pack équipement + connexion + ateliers")];
    public static string Libelle(string code) => Tous.FirstOrDefault(r => r.Code == code).Libelle ?? code;
}

/// <summary>An offer of a programme: face value, data, price paid by the person, subsidy per unit and who pays it. Amounts in cents.</summary>
public sealed class OffreConnexion
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    /// <summary><see cref="TypesOffres"/> code.</summary>
    public string Type { get; set; } = "";
    public string Libelle { get; set; } = "";
    /// <summary>The operator's product reference.</summary>
    public string? ReferenceProduit { get; set; }
    public long ValeurFacialeCentimes { get; set; }
    /// <summary>Data volume in megabytes (null: not a data offer, or unlimited).</summary>
    public int? VolumeMo { get; set; }
    public long PrixPayeCentimes { get; set; }
    public long SubventionCentimes { get; set; }
    /// <summary>Who pays the subsidy: a partner's name (funder, operator's foundation…).</summary>
    public string? SubventionPayeePar { get; set; }
    public bool Active { get; set; } = true;
}

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<ProgrammeConnexion>, IEntityTypeConfiguration<PartenaireProgramme>, IEntityTypeConfiguration<OffreConnexion>
{
    public void Configure(EntityTypeBuilder<ProgrammeConnexion> b)
    {
        b.ToTable("ProgrammesConnexion", t =>
        {
            t.HasCheckConstraint("CK_ProgrammesConnexion_Montants", "\"BudgetCentimes\" >= 0 AND \"PlafondMensuelCentimes\" > 0");
            t.HasCheckConstraint("CK_ProgrammesConnexion_Duree", "\"DureeAdhesionMois\" >= 1 AND \"RenouvellementsMax\" >= 0 AND \"RetentionMois\" >= 0");
        });
        b.HasIndex(p => p.Nom).IsUnique();
        b.Property(p => p.Nom).HasMaxLength(200);
        b.Property(p => p.Regles).HasMaxLength(300);
        b.Property(p => p.OffresSortie).HasMaxLength(2000);
        b.Ignore(p => p.CodesRegles);
        b.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureGestionnaireId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PartenaireProgramme> b)
    {
        b.ToTable("PartenairesProgrammes");
        b.Property(p => p.Role).HasMaxLength(20);
        b.Property(p => p.Nom).HasMaxLength(200);
        b.HasIndex(p => new { p.ProgrammeId, p.Role, p.Nom }).IsUnique();
        b.HasIndex(p => p.StructureId);
        b.HasOne<ProgrammeConnexion>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Financer.Conventions.Convention>().WithMany().HasForeignKey(p => p.ConventionId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<OffreConnexion> b)
    {
        b.ToTable("OffresConnexion", t => t.HasCheckConstraint("CK_OffresConnexion_Montants",
            "\"ValeurFacialeCentimes\" >= 0 AND \"PrixPayeCentimes\" >= 0 AND \"SubventionCentimes\" >= 0 AND (\"VolumeMo\" IS NULL OR \"VolumeMo\" >= 0)"));
        b.Property(o => o.Type).HasMaxLength(20);
        b.Property(o => o.Libelle).HasMaxLength(200);
        b.Property(o => o.ReferenceProduit).HasMaxLength(100);
        b.Property(o => o.SubventionPayeePar).HasMaxLength(200);
        b.HasIndex(o => new { o.ProgrammeId, o.Libelle }).IsUnique();
        b.HasOne<ProgrammeConnexion>().WithMany().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
