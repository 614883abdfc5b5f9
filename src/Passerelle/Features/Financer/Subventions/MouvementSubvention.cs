using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>One money event on a grant (docs/standards/financement-local.md §2): a signed amount in cents, written once.
/// Nothing is edited or deleted (<see cref="RegistresEnAjoutSeul"/>): a correction is a new movement. The grant's running
/// totals (<see cref="Subvention.EngageCentimes"/>, <see cref="Subvention.PayeCentimes"/>) move in the same transaction
/// (<see cref="Mouvements.EnregistrerAsync"/>), so the sum of the movements always equals them.</summary>
public sealed class MouvementSubvention
{
    public long Id { get; set; }
    public int SubventionId { get; set; }
    /// <summary><see cref="TypesMouvement"/> code.</summary>
    public string Type { get; set; } = TypesMouvement.Mandat;
    /// <summary>Signed amount in cents: positive for an engagement or a mandat, negative for a cancellation, a recovery or a credit note (CHECK).</summary>
    public long MontantCentimes { get; set; }
    /// <summary>Date of the act in the authority's books (engagement, mandat, titre de recettes).</summary>
    public DateOnly Date { get; set; }
    /// <summary>Legal commitment number, mandat number or titre number, as finance gives it.</summary>
    public string? Numero { get; set; }
    public DateTime EnregistreLe { get; set; }
    public string EnregistrePar { get; set; } = "";
}

/// <summary>Kinds of movement and what each does to the grant's totals.</summary>
public static class TypesMouvement
{
    /// <summary>Credits reserved on the budget line (+, committed total).</summary>
    public const string Engagement = "engagement";
    /// <summary>Part of a commitment released (−, committed total).</summary>
    public const string Annulation = "annulation";
    /// <summary>Payment order issued by the ordonnateur (+, paid total); refused when it would pay beyond the grant.</summary>
    public const string Mandat = "mandat";
    /// <summary>Money recovered by a titre de recettes (−, paid total).</summary>
    public const string Reversement = "reversement";
    /// <summary>Credit note of the funder set against what was paid (−, paid total).</summary>
    public const string Avoir = "avoir";

    public static readonly (string Code, string Libelle)[] Tous =
    [
        (Engagement, "Engagement"), (Annulation, "Annulation d'engagement"), (Mandat, "Mandat de paiement"),
        (Reversement, "Reversement (titre de recettes)"), (Avoir, "Avoir"),
    ];

    public static bool Existe(string? code) => Tous.Any(t => t.Code == code);
    public static string Libelle(string code) => Tous.FirstOrDefault(t => t.Code == code).Libelle ?? code;
    /// <summary>Negative movements (the amount is stored below zero).</summary>
    public static bool Negatif(string code) => code is Annulation or Reversement or Avoir;
    /// <summary>Movements that change the paid total (the others change the committed total).</summary>
    public static bool SurPaye(string code) => code is Mandat or Reversement or Avoir;
}

/// <summary>Every change to the funding chain: who, when, which object, old → new (issue 11 §9). Written once.</summary>
public sealed class JournalFinancement
{
    public long Id { get; set; }
    public DateTime Le { get; set; }
    public string Par { get; set; } = "";
    /// <summary>« Subvention », « Financeur », « Enveloppe ».</summary>
    public string Objet { get; set; } = "";
    public int ObjetId { get; set; }
    /// <summary>What changed: « création », « statut », « mouvement »…</summary>
    public string Champ { get; set; } = "";
    public string? Ancien { get; set; }
    public string? Nouveau { get; set; }
}

public sealed class MouvementSubventionConfiguration : IEntityTypeConfiguration<MouvementSubvention>
{
    public void Configure(EntityTypeBuilder<MouvementSubvention> b)
    {
        b.ToTable("MouvementsSubventions", t => t.HasCheckConstraint("CK_MouvementsSubventions_Signe",
            "(\"Type\" IN ('engagement', 'mandat') AND \"MontantCentimes\" > 0) OR (\"Type\" IN ('annulation', 'reversement', 'avoir') AND \"MontantCentimes\" < 0)"));
        b.Property(m => m.Type).HasMaxLength(20);
        b.Property(m => m.Numero).HasMaxLength(60);
        b.Property(m => m.EnregistrePar).HasMaxLength(256);
        b.HasOne<Subvention>().WithMany().HasForeignKey(m => m.SubventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.SubventionId, m.Date });
    }
}

public sealed class JournalFinancementConfiguration : IEntityTypeConfiguration<JournalFinancement>
{
    public void Configure(EntityTypeBuilder<JournalFinancement> b)
    {
        b.ToTable("JournalFinancement");
        b.Property(j => j.Par).HasMaxLength(256);
        b.Property(j => j.Objet).HasMaxLength(40);
        b.Property(j => j.Champ).HasMaxLength(60);
        b.Property(j => j.Ancien).HasMaxLength(1000);
        b.Property(j => j.Nouveau).HasMaxLength(1000);
        b.HasIndex(j => new { j.Objet, j.ObjetId });
    }
}

/// <summary>The ledger and the journal are written once: a save that would change or delete a <see cref="MouvementSubvention"/>
/// or a <see cref="JournalFinancement"/> line is refused before it reaches the database (409 on the API).</summary>
public sealed class RegistresEnAjoutSeul() : EnAjoutSeul(e => e is MouvementSubvention or JournalFinancement,
    "Les mouvements d'une subvention et le journal du financement ne se modifient pas : une correction est un nouveau mouvement.");
