using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Financer.Postes;

/// <summary>A funded post (docs/standards/financement-local.md §5): a programme (« Conseiller numérique »), its host structure,
/// opened and possibly closed (returned); occupied or vacant from its dated <see cref="OccupationPoste"/> rows. Its subsidy is a
/// grant of the funding chain (<see cref="SubventionId"/>, e.g. 50 000 €) paid in <see cref="EcheancePoste"/> rows.</summary>
public sealed class Poste
{
    public int Id { get; set; }
    /// <summary>E.g. « Conseiller numérique ».</summary>
    public string Programme { get; set; } = "";
    /// <summary>The national post id when the programme gives one.</summary>
    public string? NumeroNational { get; set; }
    public int StructureId { get; set; }
    public Structure? Structure { get; set; }
    public DateOnly OuvertLe { get; set; }
    /// <summary>Closed (returned to the programme or ended); null while open.</summary>
    public DateOnly? FermeLe { get; set; }
    /// <summary>The grant that subsidises the post (unique: one grant, one post).</summary>
    public int? SubventionId { get; set; }
    public Subvention? Subvention { get; set; }
    public bool Demo { get; set; }
    public List<OccupationPoste> Occupations { get; set; } = [];
    public List<EcheancePoste> Echeances { get; set; } = [];
}

/// <summary>Who held the post and when (history kept): a mediator card, from <see cref="Debut"/> to <see cref="Fin"/> (null while
/// held). At most one open occupation per post (filtered unique index).</summary>
public sealed class OccupationPoste
{
    public int Id { get; set; }
    public int PosteId { get; set; }
    public int MediateurId { get; set; }
    public Mediateur? Mediateur { get; set; }
    public DateOnly Debut { get; set; }
    public DateOnly? Fin { get; set; }
}

/// <summary>One instalment of a post's subsidy, as a row (not three fixed columns): planned date and amount in cents, the
/// condition that releases it (« poste pourvu »), its status; once paid, the ledger movement that paid it
/// (<see cref="MouvementId"/>, unique) and the date. <see cref="Fictif"/> marks amounts invented for the demo.</summary>
public sealed class EcheancePoste
{
    public int Id { get; set; }
    public int PosteId { get; set; }
    /// <summary>1, 2, 3… (unique per post).</summary>
    public int Rang { get; set; }
    public DateOnly DatePrevue { get; set; }
    public long MontantCentimes { get; set; }
    public string? Condition { get; set; }
    /// <summary><see cref="StatutsEcheance"/> code.</summary>
    public string Statut { get; set; } = StatutsEcheance.Prevue;
    public long? MouvementId { get; set; }
    public DateOnly? PayeeLe { get; set; }
    public bool Fictif { get; set; }
}

/// <summary>An instalment's statuses: prévue → payée, or annulée (post returned).</summary>
public static class StatutsEcheance
{
    public const string Prevue = "prevue", Payee = "payee", Annulee = "annulee";
    public static readonly (string Code, string Libelle)[] Tous = [(Prevue, "Prévue"), (Payee, "Payée"), (Annulee, "Annulée")];
    public static string Libelle(string code) => Tous.FirstOrDefault(t => t.Code == code).Libelle ?? code;
}

public sealed class PosteConfiguration : IEntityTypeConfiguration<Poste>
{
    public void Configure(EntityTypeBuilder<Poste> b)
    {
        b.ToTable("Postes", t => t.HasCheckConstraint("CK_Postes_Dates", "\"FermeLe\" IS NULL OR \"FermeLe\" >= \"OuvertLe\""));
        b.Property(p => p.Programme).HasMaxLength(200);
        b.Property(p => p.NumeroNational).HasMaxLength(60);
        b.HasOne(p => p.Structure).WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Subvention).WithMany().HasForeignKey(p => p.SubventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.SubventionId).IsUnique();
        b.HasIndex(p => p.StructureId);
        b.HasMany(p => p.Occupations).WithOne().HasForeignKey(o => o.PosteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Echeances).WithOne().HasForeignKey(e => e.PosteId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OccupationPosteConfiguration : IEntityTypeConfiguration<OccupationPoste>
{
    public void Configure(EntityTypeBuilder<OccupationPoste> b)
    {
        b.ToTable("OccupationsPostes", t => t.HasCheckConstraint("CK_OccupationsPostes_Dates", "\"Fin\" IS NULL OR \"Fin\" >= \"Debut\""));
        b.HasOne(o => o.Mediateur).WithMany().HasForeignKey(o => o.MediateurId).OnDelete(DeleteBehavior.Restrict);
        // One occupant at a time: at most one open occupation per post.
        b.HasIndex(o => o.PosteId).IsUnique().HasFilter("\"Fin\" IS NULL").HasDatabaseName("IX_OccupationsPostes_PosteId_Ouverte");
        b.HasIndex(o => new { o.PosteId, o.Debut });
        b.HasIndex(o => o.MediateurId);
    }
}

public sealed class EcheancePosteConfiguration : IEntityTypeConfiguration<EcheancePoste>
{
    public void Configure(EntityTypeBuilder<EcheancePoste> b)
    {
        b.ToTable("EcheancesPostes", t =>
        {
            t.HasCheckConstraint("CK_EcheancesPostes_Montant", "\"MontantCentimes\" > 0");
            t.HasCheckConstraint("CK_EcheancesPostes_Statut", "\"Statut\" IN ('prevue', 'payee', 'annulee')");
            // A paid instalment names its movement and its date; an unpaid one neither.
            t.HasCheckConstraint("CK_EcheancesPostes_Paiement", "(\"Statut\" = 'payee') = (\"MouvementId\" IS NOT NULL AND \"PayeeLe\" IS NOT NULL)");
        });
        b.Property(e => e.Condition).HasMaxLength(200);
        b.Property(e => e.Statut).HasMaxLength(20);
        b.HasIndex(e => new { e.PosteId, e.Rang }).IsUnique();
        b.HasIndex(e => new { e.Statut, e.DatePrevue });
        b.HasOne<MouvementSubvention>().WithMany().HasForeignKey(e => e.MouvementId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.MouvementId).IsUnique();
    }
}
