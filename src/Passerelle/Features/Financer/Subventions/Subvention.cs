using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>A grant (<i>subvention</i>, loi n° 2000-321 art. 9-1): one beneficiary, one decision. Amounts in cents.
/// The link to the deciding act is <see cref="DeliberationId"/> when the act is in the register, else the free
/// <see cref="ReferenceDecision"/> (history imported from SCDL files). Fields follow SCDL Subventions 2.1.1
/// (docs/standards/scdl-subventions.md) so that a grant exports to one CSV line.</summary>
public sealed class Subvention
{
    public int Id { get; set; }
    public int FinanceurId { get; set; }
    public Financeur? Financeur { get; set; }
    public int? EnveloppeId { get; set; }
    public Enveloppe? Enveloppe { get; set; }
    public int? DeliberationId { get; set; }
    public Deliberation? Deliberation { get; set; }
    /// <summary>Reference of the deciding act when it is not in the register (SCDL <c>referenceDecision</c>).</summary>
    public string? ReferenceDecision { get; set; }
    /// <summary>The beneficiary structure in the directory (its SIRET or RNA identify it in SCDL).</summary>
    public int BeneficiaireId { get; set; }
    public Structure? Beneficiaire { get; set; }
    /// <summary>Budget year the grant is charged to.</summary>
    public int Exercice { get; set; }
    /// <summary>SCDL <c>objet</c> (the export cuts it at 256 characters on a word boundary).</summary>
    public string Objet { get; set; } = "";
    /// <summary>Amount awarded to this beneficiary, in cents, after amendments.</summary>
    public long MontantCentimes { get; set; }
    /// <summary>For a grant shared by several beneficiaries (one decision, one total): the total in cents, and
    /// <see cref="PartDixMilliemes"/> this beneficiary's share in ten-thousandths (100–10 000, i.e. SCDL
    /// <c>pourcentageSubvention</c> 0.01–1 with 4 decimals). Null and 10 000 for a single beneficiary.</summary>
    public long? MontantTotalCentimes { get; set; }
    public int PartDixMilliemes { get; set; } = 10_000;
    /// <summary><see cref="NaturesAide"/> code.</summary>
    public string Nature { get; set; } = NaturesAide.Numeraire;
    /// <summary>Valuation of an aid in kind, in cents.</summary>
    public long? ValorisationNatureCentimes { get; set; }
    /// <summary><c>unique</c>, <c>échelonné</c> or a free description (SCDL <c>conditionsVersement</c>, ≤ 256 characters).</summary>
    public string ConditionsVersement { get; set; } = "unique";
    public DateOnly? VersementDebut { get; set; }
    public DateOnly? VersementFin { get; set; }
    /// <summary>De minimis aid notified under regulation (UE) n° 1407/2013 (SCDL <c>notificationUE</c>).</summary>
    public bool NotificationUe { get; set; }
    /// <summary>SCDL <c>idRAE</c> (≤ 5 characters, enterprise aid only) and <c>dispositifAide</c>.</summary>
    public string? IdRae { get; set; }
    public string? DispositifAide { get; set; }
    /// <summary>Total budget of the funded action, in cents, to show the grant's share (90 000 € of 2 224 070 € = 4 %).</summary>
    public long? BudgetActionCentimes { get; set; }
    /// <summary><see cref="StatutsSubvention"/> code.</summary>
    public string Statut { get; set; } = StatutsSubvention.Demandee;
    public DateTime CreeLe { get; set; }
    public bool Demo { get; set; }
    /// <summary>Rank (<see cref="MontantAutorise.Rang"/>) of the act's award line this grant was created from; unique with
    /// <see cref="DeliberationId"/>, so one line gives one grant even when the page is posted twice (no foreign key: a
    /// correction of the act rewrites its lines, the rank stays).</summary>
    public int? RangActe { get; set; }
    /// <summary>Running total of the ledger's commitments, in cents (engagements minus cancellations). Written only by
    /// <see cref="Mouvements.EnregistrerAsync"/>, in the same transaction as the movement; 0 ≤ value ≤ <see cref="MontantCentimes"/> (CHECK).</summary>
    public long EngageCentimes { get; set; }
    /// <summary>Running total of the ledger's payments, in cents (mandats minus reversements and avoirs). Same writer; 0 ≤ value ≤
    /// <see cref="MontantCentimes"/> (CHECK): nothing is ever paid beyond the grant.</summary>
    public long PayeCentimes { get; set; }
    /// <summary>What remains to pay, in cents.</summary>
    public long ResteCentimes => MontantCentimes - PayeCentimes;
}

/// <summary>SCDL Subventions 2.1.1 <c>nature</c> values.</summary>
public static class NaturesAide
{
    public const string Numeraire = "aide en numéraire", EnNature = "aide en nature",
        Mixte = "aide en numéraire;aide en nature", MixteInverse = "aide en nature;aide en numéraire";
    public static readonly string[] Toutes = [Numeraire, EnNature, Mixte, MixteInverse];
}

/// <summary>Life of a grant (issue 11): requested → voted → notified → convention signed → paid → reported → closed,
/// or refused.</summary>
public static class StatutsSubvention
{
    public const string Demandee = "demandee", Votee = "votee", Notifiee = "notifiee", Conventionnee = "conventionnee",
        Versee = "versee", Justifiee = "justifiee", Soldee = "soldee", Refusee = "refusee";

    public static readonly (string Code, string Libelle)[] Tous =
    [
        (Demandee, "Demandée"), (Votee, "Votée"), (Notifiee, "Notifiée"), (Conventionnee, "Convention signée"),
        (Versee, "Versée"), (Justifiee, "Compte rendu reçu"), (Soldee, "Soldée"), (Refusee, "Refusée"),
    ];

    public static bool Existe(string? code) => Tous.Any(s => s.Code == code);
    public static string Libelle(string code) => Tous.FirstOrDefault(s => s.Code == code).Libelle ?? code;
}

public sealed class SubventionConfiguration : IEntityTypeConfiguration<Subvention>
{
    public void Configure(EntityTypeBuilder<Subvention> b)
    {
        b.ToTable("Subventions", t =>
        {
            t.HasCheckConstraint("CK_Subventions_Montant", "\"MontantCentimes\" >= 0");
            t.HasCheckConstraint("CK_Subventions_Part", "\"PartDixMilliemes\" >= 100 AND \"PartDixMilliemes\" <= 10000");
            t.HasCheckConstraint("CK_Subventions_Engage", "\"EngageCentimes\" >= 0 AND \"EngageCentimes\" <= \"MontantCentimes\"");
            t.HasCheckConstraint("CK_Subventions_Paye", "\"PayeCentimes\" >= 0 AND \"PayeCentimes\" <= \"MontantCentimes\"");
            // Commitment first (decision 0026): nothing is paid beyond what is committed.
            t.HasCheckConstraint("CK_Subventions_PayeEngage", "\"PayeCentimes\" <= \"EngageCentimes\"");
        });
        b.Ignore(s => s.ResteCentimes);
        b.HasIndex(s => new { s.DeliberationId, s.RangActe }).IsUnique();
        b.Property(s => s.ReferenceDecision).HasMaxLength(300);
        b.Property(s => s.Objet).HasMaxLength(1000);
        b.Property(s => s.Nature).HasMaxLength(40);
        b.Property(s => s.ConditionsVersement).HasMaxLength(256);
        b.Property(s => s.IdRae).HasMaxLength(5);
        b.Property(s => s.DispositifAide).HasMaxLength(100);
        b.Property(s => s.Statut).HasMaxLength(20);
        b.HasOne(s => s.Financeur).WithMany().HasForeignKey(s => s.FinanceurId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Enveloppe).WithMany().HasForeignKey(s => s.EnveloppeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Deliberation).WithMany().HasForeignKey(s => s.DeliberationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Beneficiaire).WithMany().HasForeignKey(s => s.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.FinanceurId, s.Exercice });
        b.HasIndex(s => new { s.BeneficiaireId, s.Exercice });
        b.HasIndex(s => s.DeliberationId);
    }
}
