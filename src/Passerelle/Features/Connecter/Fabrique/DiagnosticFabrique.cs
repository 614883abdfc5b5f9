using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Accompagner.Beneficiaires;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary>The plain-French answers of the three-field interview (issue 13 §6) and how each field counts as lacking.</summary>
public static class ReponsesFabrique
{
    public static readonly (string Code, string Libelle)[] Equipements =
        [("aucun", "Aucun appareil à la maison"), ("partage", "Un appareil partagé ou emprunté"), ("ancien", "Un appareil trop ancien ou en panne"), ("correct", "Un appareil qui convient")];
    public static readonly (string Code, string Libelle)[] Connexions =
        [("aucune", "Aucune connexion"), ("mobile", "Seulement le forfait du téléphone"), ("box", "Une box à la maison"), ("trop_chere", "Une connexion trop chère à payer")];
    /// <summary>The short form of the skills diagnostic: three questions, each 0 (no), 1 (with help), 2 (alone).</summary>
    public static readonly (string Code, string Question)[] Questions =
        [("appareil", "Se servir seul d'un ordinateur ou d'un smartphone"), ("courriel", "Envoyer un courriel avec une pièce jointe"), ("demarche", "Faire une démarche en ligne (CAF, impôts, France Travail)")];
    public static readonly string[] Reponses = ["Non", "Avec de l'aide", "Seul ou seule"];
    public static readonly (string Code, string Libelle)[] Objectifs =
        [("demarche", "Faire une démarche"), ("emploi", "Chercher un emploi"), ("lien", "Garder le contact avec ses proches"), ("sante", "Suivre sa santé en ligne"), ("ecole", "Suivre la scolarité des enfants")];

    public static string Libelle((string Code, string Libelle)[] liste, string? code) => liste.FirstOrDefault(x => x.Code == code).Libelle ?? code ?? "";
    public static bool ManqueEquipement(string e) => e is not "correct";
    public static bool ManqueConnexion(string c) => c is "aucune" or "mobile" or "trop_chere";
    /// <summary>Skills lacking when the short form's score (0–6) is under 5, i.e. at least two tasks not done alone.</summary>
    public static bool ManqueCompetences(int score) => score < 5;
}

/// <summary>One run of the three-field diagnostic for a followed person, with the offers it proposed (the referrals it made), kept so
/// that a later run shows what changed and the territory sees the share of people lacking each field.</summary>
public sealed class DiagnosticFabrique
{
    public int Id { get; set; }
    public int BeneficiaireId { get; set; }
    public int StructureId { get; set; }
    public DateTime Le { get; set; }
    public string Equipement { get; set; } = "";
    public string Connexion { get; set; } = "";
    /// <summary>Short-form score 0–6 (three questions × 0–2), or from the last full competence diagnostic when the short form was skipped.</summary>
    public int ScoreCompetences { get; set; }
    /// <summary>Comma-separated <see cref="ReponsesFabrique.Objectifs"/> codes.</summary>
    public string Objectifs { get; set; } = "";
    public bool ManqueEquipement { get; set; }
    public bool ManqueConnexion { get; set; }
    public bool ManqueCompetences { get; set; }
    /// <summary>Copied from the file for the territory's shares (kept if the file is anonymised).</summary>
    public string? Commune { get; set; }
    public string? CodeQpv { get; set; }
    /// <summary>Ids proposed, comma-separated: devices in stock, programmes, workshop sessions, booking slots.</summary>
    public string AppareilsProposes { get; set; } = "";
    public string ProgrammesProposes { get; set; } = "";
    public string SessionsProposees { get; set; } = "";
    public string CreneauxProposes { get; set; } = "";
    public string Auteur { get; set; } = "";
}

public sealed class DiagnosticFabriqueConfiguration : IEntityTypeConfiguration<DiagnosticFabrique>
{
    public void Configure(EntityTypeBuilder<DiagnosticFabrique> b)
    {
        b.ToTable("DiagnosticsFabrique", t => t.HasCheckConstraint("CK_DiagnosticsFabrique_Score", "\"ScoreCompetences\" >= 0 AND \"ScoreCompetences\" <= 6"));
        b.HasIndex(d => new { d.BeneficiaireId, d.Le });
        b.HasIndex(d => new { d.Commune, d.CodeQpv });
        b.Property(d => d.Equipement).HasMaxLength(20);
        b.Property(d => d.Connexion).HasMaxLength(20);
        b.Property(d => d.Objectifs).HasMaxLength(200);
        b.Property(d => d.Commune).HasMaxLength(200);
        b.Property(d => d.CodeQpv).HasMaxLength(12);
        b.Property(d => d.AppareilsProposes).HasMaxLength(200);
        b.Property(d => d.ProgrammesProposes).HasMaxLength(200);
        b.Property(d => d.SessionsProposees).HasMaxLength(200);
        b.Property(d => d.CreneauxProposes).HasMaxLength(200);
        b.Property(d => d.Auteur).HasMaxLength(256);
        b.HasOne<Beneficiaire>().WithMany().HasForeignKey(d => d.BeneficiaireId).OnDelete(DeleteBehavior.Cascade);
    }
}
