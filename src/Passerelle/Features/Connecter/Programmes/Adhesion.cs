using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>Statuses of an enrolment (standard §3: <i>en attente, active, suspendue, terminée</i>).</summary>
public static class StatutsAdhesion
{
    public const string EnAttente = "en_attente", Active = "active", Suspendue = "suspendue", Terminee = "terminee";
    public static readonly string[] Tous = [EnAttente, Active, Suspendue, Terminee];
    public static string Libelle(string code) => code switch
    {
        EnAttente => "En attente", Active => "Active", Suspendue => "Suspendue", Terminee => "Terminée", _ => code,
    };
}

/// <summary>A person's enrolment in a programme: a followed file of the enrolling structure (consent recorded on the file), the
/// eligibility rule met with the kind of proof seen and its expiry (never the document), dates, status and exit.
/// The commune and QPV are copied at enrolment so that the aggregates stay once the file is anonymised.</summary>
public sealed class Adhesion
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    /// <summary>The person's file; null once the file is erased (the enrolment then counts in aggregates only).</summary>
    public int? BeneficiaireId { get; set; }
    /// <summary>The structure that holds the person's file and enrolled them.</summary>
    public int StructureId { get; set; }
    /// <summary>Referrer (social worker, mediator) as typed.</summary>
    public string? Prescripteur { get; set; }
    /// <summary><see cref="EligibiliteConnexion"/> rule code.</summary>
    public string Regle { get; set; } = "";
    /// <summary>Kind of proof seen (« attestation CAF de mars »); null once erased by retention.</summary>
    public string? Justificatif { get; set; }
    public DateOnly? DateJustificatif { get; set; }
    public DateOnly EligibleJusquAu { get; set; }
    public DateOnly Debut { get; set; }
    /// <summary>Planned end: start plus the programme's length, moved by each renewal.</summary>
    public DateOnly Fin { get; set; }
    /// <summary>Renewal review date (the reminder): <see cref="Fin"/> minus the programme's review delay.</summary>
    public DateOnly RevueLe { get; set; }
    public int Renouvellements { get; set; }
    public string Statut { get; set; } = StatutsAdhesion.Active;
    /// <summary>Monthly cap per person copied from the programme at enrolment, in cents.</summary>
    public long PlafondMensuelCentimes { get; set; }
    public string? Commune { get; set; }
    public string? CodeQpv { get; set; }
    public DateOnly? TermineeLe { get; set; }
    public string? MotifSortie { get; set; }
    public string? OffreSortie { get; set; }
    public DateTime CreeLe { get; set; }
    public string CreePar { get; set; } = "";
    /// <summary>The review date (<see cref="RevueLe"/>) whose reminder was put in the outbox; a renewal moves <see cref="RevueLe"/>, so the
    /// next review gets its own reminder (<see cref="RappelsRevue"/>).</summary>
    public DateOnly? RappelRevuePour { get; set; }
    /// <summary>When retention erased lines, numbers and proofs.</summary>
    public DateTime? EffaceeLe { get; set; }
}

/// <summary>A mobile line of an enrolment; visible only inside the programme's managing structure. Number and ICCID are erased by retention.</summary>
public sealed class LigneMobile
{
    public int Id { get; set; }
    public int AdhesionId { get; set; }
    /// <summary>SIM serial (ICCID, 19–20 digits).</summary>
    public string? Iccid { get; set; }
    /// <summary>Phone number in international form.</summary>
    public string? Numero { get; set; }
    public string Operateur { get; set; } = "";
    public DateOnly ActiveeLe { get; set; }
    public DateOnly? DesactiveeLe { get; set; }
}

/// <summary>A home box at a social price in a landlord's dwelling; visible only inside the managing structure. The residence and
/// dwelling reference are erased by retention.</summary>
public sealed class ActivationBox
{
    public int Id { get; set; }
    public int AdhesionId { get; set; }
    public string Bailleur { get; set; } = "";
    public string? Residence { get; set; }
    public string? ReferenceLogement { get; set; }
    public int? OffreId { get; set; }
    public DateOnly ActiveeLe { get; set; }
    public DateOnly? DesactiveeLe { get; set; }
    /// <summary>Unpaid-bill follow-up (free text), erased by retention.</summary>
    public string? SuiviImpayes { get; set; }
}

public sealed class AdhesionConfiguration : IEntityTypeConfiguration<Adhesion>, IEntityTypeConfiguration<LigneMobile>, IEntityTypeConfiguration<ActivationBox>
{
    public void Configure(EntityTypeBuilder<Adhesion> b)
    {
        b.ToTable("Adhesions", t =>
        {
            t.HasCheckConstraint("CK_Adhesions_Statut", "\"Statut\" IN ('en_attente', 'active', 'suspendue', 'terminee')");
            t.HasCheckConstraint("CK_Adhesions_Dates", "\"Fin\" >= \"Debut\" AND \"PlafondMensuelCentimes\" > 0");
        });
        // One open enrolment per person and programme.
        b.HasIndex(a => new { a.ProgrammeId, a.BeneficiaireId }).IsUnique().HasFilter("\"Statut\" <> 'terminee' AND \"BeneficiaireId\" IS NOT NULL");
        b.HasIndex(a => new { a.ProgrammeId, a.Statut });
        b.HasIndex(a => a.StructureId);
        b.Property(a => a.Prescripteur).HasMaxLength(200);
        b.Property(a => a.Regle).HasMaxLength(30);
        b.Property(a => a.Justificatif).HasMaxLength(200);
        b.Property(a => a.Statut).HasMaxLength(20);
        b.Property(a => a.Commune).HasMaxLength(200);
        b.Property(a => a.CodeQpv).HasMaxLength(12);
        b.Property(a => a.MotifSortie).HasMaxLength(300);
        b.Property(a => a.OffreSortie).HasMaxLength(300);
        b.Property(a => a.CreePar).HasMaxLength(256);
        b.HasOne<ProgrammeConnexion>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Beneficiaire>().WithMany().HasForeignKey(a => a.BeneficiaireId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Structure>().WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LigneMobile> b)
    {
        b.ToTable("LignesMobiles");
        b.HasIndex(l => l.Iccid).IsUnique();
        b.Property(l => l.Iccid).HasMaxLength(22);
        b.Property(l => l.Numero).HasMaxLength(20);
        b.Property(l => l.Operateur).HasMaxLength(100);
        b.HasOne<Adhesion>().WithMany().HasForeignKey(l => l.AdhesionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ActivationBox> b)
    {
        b.ToTable("ActivationsBox");
        b.Property(x => x.Bailleur).HasMaxLength(200);
        b.Property(x => x.Residence).HasMaxLength(200);
        b.Property(x => x.ReferenceLogement).HasMaxLength(100);
        b.Property(x => x.SuiviImpayes).HasMaxLength(1000);
        b.HasOne<Adhesion>().WithMany().HasForeignKey(x => x.AdhesionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OffreConnexion>().WithMany().HasForeignKey(x => x.OffreId).OnDelete(DeleteBehavior.SetNull);
    }
}
