using System.ComponentModel.DataAnnotations;
using Passerelle.Web;

namespace Passerelle.Features.Informations;

/// <summary>Who publishes the service and answers for its personal data (<c>Informations</c> section): shown on the
/// legal notice and the personal-data page. The defaults name the demo territory; a real territory sets its own.</summary>
public sealed class InformationsOptions
{
    [Required] public string Editeur { get; set; } = "Métropole Aix-Marseille-Provence";
    [Required] public string Adresse { get; set; } = "58 boulevard Charles Livon, 13007 Marseille";
    [Required, EmailAddress] public string Courriel { get; set; } = "contact@passerelle.example";
    [Required] public string DirecteurPublication { get; set; } = "Le président de la Métropole Aix-Marseille-Provence";
    [Required] public string Hebergeur { get; set; } = "Hébergeur à préciser par le territoire (nom, adresse, téléphone)";
    /// <summary>Contact of the data protection officer (délégué à la protection des données).</summary>
    [Required] public string DelegueProtection { get; set; } = "dpo@passerelle.example";
}

/// <summary>The RGAA 4.1 accessibility declaration (<c>Accessibilite</c> section). The state stays "non conforme" until an
/// audit has measured a rate: the law forbids claiming more than was measured.</summary>
public sealed class AccessibiliteOptions
{
    [Required] public string Entite { get; set; } = "Métropole Aix-Marseille-Provence";
    [Required] public string Site { get; set; } = "Passerelle, le service public d'aide au numérique";
    public DateOnly DateDeclaration { get; set; } = new(2026, 12, 1);
    /// <summary>"non conforme", "partiellement conforme" or "totalement conforme".</summary>
    [Required, RegularExpression("^(non conforme|partiellement conforme|totalement conforme)$", ErrorMessage = "Accessibilite:Etat doit valoir « non conforme », « partiellement conforme » ou « totalement conforme ».")]
    public string Etat { get; set; } = "non conforme";
    /// <summary>Share of the applicable RGAA criteria met, measured by an audit; null when no audit was made.</summary>
    [Range(0, 100)] public double? TauxConformite { get; set; }
    public string? Audit { get; set; }
    // Lists are null unless configured: the configuration binder appends to a default array instead of replacing it.
    public string[]? NonConformites { get; set; }
    public string[] Derogations { get; set; } = [];
    public string[]? NonSoumis { get; set; }

    public string[] NonConformitesAffichees => NonConformites ?? NonConformitesConnues;
    public string[] NonSoumisAffiches => NonSoumis ?? ["Les fonds de carte OpenStreetMap (contenus de tiers non financés ni développés par l'entité)."];

    /// <summary>Rate of the team's own RGAA 4.1 self-assessment of the public pages (docs/rgaa-audit.md): conforming ÷ applicable
    /// criteria, in percent. Shown apart from <see cref="TauxConformite"/>, which only an audit may fill. Null hides it.</summary>
    [Range(0, 100)] public double? TauxAutoEvaluation { get; set; } = 98.6;
    public DateOnly DateAutoEvaluation { get; set; } = new(2026, 12, 1);

    /// <summary>What is known not to conform on this version: the NC criteria of docs/rgaa-audit.md, then the team pages
    /// outside its sample. Keep both in step.</summary>
    public static readonly string[] NonConformitesConnues =
    [
        "Critère 8.2 (validité du code) : la validité du code HTML n'est pas encore vérifiée par un validateur.",
        "Espace équipe : certains formulaires n'associent pas encore chaque message d'erreur à son champ.",
    ];
    [Required, EmailAddress] public string ContactCourriel { get; set; } = "accessibilite@passerelle.example";
    public string? ContactAdresse { get; set; } = "58 boulevard Charles Livon, 13007 Marseille";
}

public static class InformationsServices
{
    public static void AddInformations(this WebApplicationBuilder builder)
    {
        builder.Services.AddReglages<InformationsOptions>("Informations");
        builder.Services.AddReglages<AccessibiliteOptions>("Accessibilite");
        builder.Services.AddScoped<IJeuxDonneesPublies, JeuxDonneesLieux>();
    }
}
