using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>Kinds of ledger movement (standard §3): a top-up is positive; a refund or a cancelled voucher is a negative movement, never an edit.</summary>
public static class TypesMouvements
{
    public const string Recharge = "recharge", Remboursement = "remboursement", BonAnnule = "bon_annule";
    public static string Libelle(string code) => code switch { Recharge => "Recharge", Remboursement => "Remboursement", BonAnnule => "Bon annulé", _ => code };
}

/// <summary>One signed movement of the top-up ledger, written once (<see cref="GrandLivreEnAjoutSeul"/>). Amounts in cents, signed:
/// positive for a top-up, negative for a refund or a cancelled voucher.</summary>
public sealed class MouvementRecharge
{
    public long Id { get; set; }
    public int AdhesionId { get; set; }
    public int OffreId { get; set; }
    public string Type { get; set; } = TypesMouvements.Recharge;
    public DateTime Le { get; set; }
    /// <summary>The month the movement counts in, as yyyyMM: its own for a top-up, the refunded top-up's for a refund.</summary>
    public int Mois { get; set; }
    /// <summary>Face value, signed.</summary>
    public long MontantCentimes { get; set; }
    /// <summary>Price paid by the person, signed.</summary>
    public long PrixPayeCentimes { get; set; }
    /// <summary>Subsidy, signed, and who pays it.</summary>
    public long SubventionCentimes { get; set; }
    public string? SourceSubvention { get; set; }
    public int? VolumeMo { get; set; }
    /// <summary>Voucher or operator transaction reference; a movement without one is flagged for the reconciliation with the operator's invoices.</summary>
    public string? Reference { get; set; }
    /// <summary>The top-up a refund or cancelled voucher reverses.</summary>
    public long? MouvementOrigineId { get; set; }
    public string Auteur { get; set; } = "";
}

/// <summary>What an enrolment consumed in a month (yyyyMM), in cents, against the cap copied from the enrolment: the row every top-up
/// raises by one conditional UPDATE (<c>… WHERE ConsommeCentimes + montant &lt;= PlafondCentimes</c>), backed by a check constraint,
/// so that parallel top-ups can never pass the cap together.</summary>
public sealed class ConsommationMensuelle
{
    public int AdhesionId { get; set; }
    public int Mois { get; set; }
    public long ConsommeCentimes { get; set; }
    public long PlafondCentimes { get; set; }
}

public sealed class GrandLivreConfiguration : IEntityTypeConfiguration<MouvementRecharge>, IEntityTypeConfiguration<ConsommationMensuelle>
{
    public void Configure(EntityTypeBuilder<MouvementRecharge> b)
    {
        b.ToTable("MouvementsRecharges", t =>
        {
            t.HasCheckConstraint("CK_MouvementsRecharges_Signe",
                "(\"Type\" = 'recharge' AND \"MontantCentimes\" > 0) OR (\"Type\" IN ('remboursement', 'bon_annule') AND \"MontantCentimes\" < 0 AND \"MouvementOrigineId\" IS NOT NULL)");
            t.HasCheckConstraint("CK_MouvementsRecharges_Mois", "\"Mois\" >= 200001 AND \"Mois\" <= 999912");
        });
        b.HasIndex(m => new { m.AdhesionId, m.Mois });
        b.HasIndex(m => new { m.OffreId, m.Le });
        b.HasIndex(m => m.Reference);
        b.Property(m => m.Type).HasMaxLength(20);
        b.Property(m => m.SourceSubvention).HasMaxLength(200);
        b.Property(m => m.Reference).HasMaxLength(100);
        b.Property(m => m.Auteur).HasMaxLength(256);
        b.HasOne<Adhesion>().WithMany().HasForeignKey(m => m.AdhesionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OffreConnexion>().WithMany().HasForeignKey(m => m.OffreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MouvementRecharge>().WithMany().HasForeignKey(m => m.MouvementOrigineId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ConsommationMensuelle> b)
    {
        b.ToTable("ConsommationsMensuelles", t => t.HasCheckConstraint("CK_ConsommationsMensuelles_Plafond",
            "\"ConsommeCentimes\" >= 0 AND \"ConsommeCentimes\" <= \"PlafondCentimes\""));
        b.HasKey(c => new { c.AdhesionId, c.Mois });
        b.HasOne<Adhesion>().WithMany().HasForeignKey(c => c.AdhesionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The ledger is append-only: any save that would change or delete a <see cref="MouvementRecharge"/> is refused before it
/// reaches the database (same mechanism as the devices' history, decision 0018).</summary>
public sealed class GrandLivreEnAjoutSeul() : EnAjoutSeul(e => e is MouvementRecharge,
    "Le journal des recharges ne se modifie pas : enregistrez un remboursement ou un bon annulé (mouvement négatif).");
