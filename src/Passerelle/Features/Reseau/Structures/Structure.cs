using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Structures;

/// <summary>The legal entity (association, commune, CCAS…) that runs places and employs mediators.</summary>
public sealed class Structure
{
    public int Id { get; set; }
    public string Nom { get; set; } = "";
    public string? Siret { get; set; }
    public string? Rna { get; set; }
    public string Typologie { get; set; } = "";
    public string? Adresse { get; set; }
    public string? CodePostal { get; set; }
    public string? Commune { get; set; }
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }
    public string? SiteWeb { get; set; }
    public bool Archivee { get; set; }
    public bool Demo { get; set; }

    public void Modifier(StructureSaisie s)
    {
        Nom = s.Nom.Trim();
        Siret = Vide(s.Siret);
        Rna = Vide(s.Rna)?.ToUpperInvariant();
        if (Siret is null && Rna is null) throw new RegleMetierException("Renseignez le SIRET ou, à défaut, le numéro RNA.");
        if (Siret is not null && !Identifiants.SiretValide(Siret)) throw new RegleMetierException("Ce SIRET n'est pas valide (14 chiffres et clé de contrôle).", "Siret");
        if (Rna is not null && !Identifiants.RnaValide(Rna)) throw new RegleMetierException("Ce numéro RNA n'est pas valide (W suivi de 9 caractères).", "Rna");
        if (!StandardLieux.Typologies.Contains(s.Typologie)) throw new RegleMetierException("Type de structure inconnu.", "Typologie");
        Typologie = s.Typologie;
        Adresse = Vide(s.Adresse); CodePostal = Vide(s.CodePostal); Commune = Vide(s.Commune);
        Telephone = s.Telephone is null ? null : Identifiants.TelephoneInternational(s.Telephone)
            ?? throw new RegleMetierException("Numéro de téléphone invalide.", "Telephone");
        Courriel = Vide(s.Courriel); SiteWeb = Vide(s.SiteWeb);
    }

    static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record StructureSaisie
{
    [Required(ErrorMessage = "Le nom est obligatoire."), StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string Nom { get; init; } = "";
    [RegularExpression(@"^\s*\d{14}\s*$", ErrorMessage = "Le SIRET comporte 14 chiffres.")]
    public string? Siret { get; init; }
    [RegularExpression(@"^\s*[Ww][0-9A-Za-z]{9}\s*$", ErrorMessage = "Le RNA s'écrit W suivi de 9 caractères.")]
    public string? Rna { get; init; }
    [Required(ErrorMessage = "Le type de structure est obligatoire.")]
    public string Typologie { get; init; } = "ASSO";
    [StringLength(300)] public string? Adresse { get; init; }
    [RegularExpression(@"^\d{5}$", ErrorMessage = "Le code postal comporte 5 chiffres.")] public string? CodePostal { get; init; }
    [StringLength(200)] public string? Commune { get; init; }
    [StringLength(30)] public string? Telephone { get; init; }
    [EmailAddress(ErrorMessage = "Adresse électronique invalide."), StringLength(200)] public string? Courriel { get; init; }
    [Url(ErrorMessage = "Adresse web invalide."), StringLength(500)] public string? SiteWeb { get; init; }
}

public sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> b)
    {
        b.Property(s => s.Nom).HasMaxLength(300);
        b.Property(s => s.Siret).HasMaxLength(14);
        b.Property(s => s.Rna).HasMaxLength(10);
        b.Property(s => s.Typologie).HasMaxLength(20);
        b.HasIndex(s => s.Siret).IsUnique();
        b.HasIndex(s => s.Rna).IsUnique();
    }
}
