using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>A referral of a person to another structure, and whether it led somewhere (the national tool cannot say).</summary>
public sealed class Orientation
{
    public int Id { get; set; }
    public int BeneficiaireId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Category in the national list ("Structure d'aide sociale…").</summary>
    public string Categorie { get; set; } = "";
    /// <summary>A place of the directory, or a free-text recipient.</summary>
    public int? LieuId { get; set; }
    public Lieu? Lieu { get; set; }
    public string? Destinataire { get; set; }
    public string Motif { get; set; } = "";
    public string Resultat { get; set; } = ResultatsOrientation.EnAttente;
    public DateOnly? ResultatLe { get; set; }
    public string? CreePar { get; set; }

    public void NoterResultat(string resultat, DateOnly? le, DateOnly aujourdHui)
    {
        if (!ResultatsOrientation.Tous.Contains(resultat)) throw new RegleMetierException($"Résultat attendu : {string.Join(", ", ResultatsOrientation.Tous)}.", "Resultat");
        DateOnly? date = resultat == ResultatsOrientation.EnAttente ? null : le ?? aujourdHui;
        if (date is { } d && (d < Date || d > aujourdHui)) throw new RegleMetierException("La date du résultat va de la date d'orientation à aujourd'hui.", "ResultatLe");
        Resultat = resultat; ResultatLe = date;
    }
}

/// <summary>Outcomes of a referral. <see cref="RefuseeCapacite"/>: the receiving structure could not take the person for lack of
/// capacity (no place, no slot) — counted as unmet demand by the person's residence in territorial steering.</summary>
public static class ResultatsOrientation
{
    public const string EnAttente = "En attente", Aboutie = "Aboutie", NonAboutie = "Non aboutie", RefuseeCapacite = "Refusée (capacité)", Inconnu = "Inconnu";
    public static readonly string[] Tous = [EnAttente, Aboutie, NonAboutie, RefuseeCapacite, Inconnu];
}

/// <summary>A skills diagnostic of a followed person: a level for the competences assessed (not all need be).</summary>
public sealed class Diagnostic
{
    public int Id { get; set; }
    public int BeneficiaireId { get; set; }
    public DateOnly Date { get; set; }
    public int? MediateurId { get; set; }
    public string? Notes { get; set; }
    public List<NiveauCompetence> Niveaux { get; set; } = [];
}

public sealed class NiveauCompetence
{
    public int DiagnosticId { get; set; }
    public string Competence { get; set; } = "";
    public int Niveau { get; set; }
}

public sealed class OrientationConfiguration : IEntityTypeConfiguration<Orientation>
{
    public void Configure(EntityTypeBuilder<Orientation> b)
    {
        b.HasIndex(o => o.BeneficiaireId);
        b.Property(o => o.Categorie).HasMaxLength(100);
        b.Property(o => o.Destinataire).HasMaxLength(200);
        b.Property(o => o.Motif).HasMaxLength(500);
        b.Property(o => o.Resultat).HasMaxLength(20);
        b.Property(o => o.CreePar).HasMaxLength(450);
        b.HasOne<Beneficiaire>().WithMany().HasForeignKey(o => o.BeneficiaireId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(o => o.Lieu).WithMany().HasForeignKey(o => o.LieuId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Orientations_Destinataire", "\"LieuId\" IS NOT NULL OR \"Destinataire\" IS NOT NULL"));
    }
}

public sealed class DiagnosticConfiguration : IEntityTypeConfiguration<Diagnostic>
{
    public void Configure(EntityTypeBuilder<Diagnostic> b)
    {
        b.HasIndex(d => new { d.BeneficiaireId, d.Date });
        b.Property(d => d.Notes).HasMaxLength(2000);
        b.HasOne<Beneficiaire>().WithMany().HasForeignKey(d => d.BeneficiaireId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Reseau.Mediateurs.Mediateur>().WithMany().HasForeignKey(d => d.MediateurId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(d => d.Niveaux).WithOne().HasForeignKey(n => n.DiagnosticId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NiveauCompetenceConfiguration : IEntityTypeConfiguration<NiveauCompetence>
{
    public void Configure(EntityTypeBuilder<NiveauCompetence> b)
    {
        b.HasKey(n => new { n.DiagnosticId, n.Competence });
        b.Property(n => n.Competence).HasMaxLength(4);
        b.ToTable(t => t.HasCheckConstraint("CK_NiveauxCompetences_Niveau", "\"Niveau\" >= 0 AND \"Niveau\" <= 3"));
    }
}
