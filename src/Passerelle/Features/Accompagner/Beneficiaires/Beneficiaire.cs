using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>A person helped. Anonymous files carry only what statistics need (gender, birth year, status, commune);
/// a followed file has a name and contacts, needs the person's recorded consent, and is shared inside the structure that created it only.</summary>
public sealed class Beneficiaire
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure? Structure { get; set; }
    public bool Suivi { get; set; }
    public string? Prenom { get; set; }
    public string? Nom { get; set; }
    /// <summary>Normalised "nom prénom" for searching and duplicate detection.</summary>
    public string? NomRecherche { get; set; }
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }
    public int? AnneeNaissance { get; set; }
    public string Genre { get; set; } = VocabulaireCoop.NonCommunique;
    public string Statut { get; set; } = VocabulaireCoop.StatutNonCommunique;
    public string? Commune { get; set; }
    public string? CodePostal { get; set; }
    /// <summary>Priority neighbourhood (QPV) code; null with a commune = outside any QPV.</summary>
    public string? CodeQpv { get; set; }
    public DateTime? ConsentementLe { get; set; }
    public string? ConsentementPar { get; set; }
    public string? Notes { get; set; }
    public DateTime CreeLe { get; set; }
    public DateTime ModifieLe { get; set; }
    /// <summary>Date of the last accompaniment or change; the inactivity job anonymises followed files after a delay.</summary>
    public DateTime DerniereActiviteLe { get; set; }
    public DateTime? AnonymiseLe { get; set; }

    public string NomAffiche => Suivi && AnonymiseLe is null ? $"{Prenom} {Nom}".Trim() : $"Personne anonyme n° {Id}";

    /// <summary>Situation for the QPV dimension of statistics.</summary>
    public static string SituationQpv(string? codeQpv, string? commune) =>
        codeQpv is not null ? Quartiers.EnQpv : string.IsNullOrEmpty(commune) ? Quartiers.NonRenseigne : Quartiers.HorsQpv;

    public void Modifier(BeneficiaireSaisie s, int anneeCourante, DateTime maintenant, string? utilisateur)
    {
        if (AnonymiseLe is not null) throw new RegleMetierException("Cette fiche a été anonymisée : elle ne peut plus être modifiée.");
        Suivi = s.Suivi;
        if (Suivi)
        {
            if (string.IsNullOrWhiteSpace(s.Prenom) || string.IsNullOrWhiteSpace(s.Nom))
                throw new RegleMetierException("Le prénom et le nom sont obligatoires pour un suivi.", string.IsNullOrWhiteSpace(s.Prenom) ? "Prenom" : "Nom");
            if (!s.Consentement && ConsentementLe is null)
                throw new RegleMetierException("Pour suivre une personne, notez qu'elle a donné son accord (case « consentement »).", "Consentement");
            if (ConsentementLe is null) { ConsentementLe = maintenant; ConsentementPar = utilisateur; }
            Prenom = s.Prenom.Trim(); Nom = s.Nom.Trim();
            Telephone = string.IsNullOrWhiteSpace(s.Telephone) ? null : Identifiants.TelephoneInternational(s.Telephone)
                ?? throw new RegleMetierException("Numéro de téléphone invalide.", "Telephone");
            Courriel = string.IsNullOrWhiteSpace(s.Courriel) ? null : s.Courriel.Trim().ToLowerInvariant();
            NomRecherche = Texte.Normaliser($"{Nom} {Prenom}");
        }
        else
        {
            // An anonymous file keeps no identity, even if some was typed.
            Prenom = Nom = NomRecherche = Telephone = Courriel = null;
            ConsentementLe = null; ConsentementPar = null;
        }
        if (s.AnneeNaissance is { } a && (a < anneeCourante - 120 || a > anneeCourante))
            throw new RegleMetierException($"Année de naissance entre {anneeCourante - 120} et {anneeCourante}.", "AnneeNaissance");
        AnneeNaissance = s.AnneeNaissance;
        Genre = string.IsNullOrEmpty(s.Genre) ? VocabulaireCoop.NonCommunique : VocabulaireCoop.Genres.Contains(s.Genre) ? s.Genre
            : throw new RegleMetierException($"Genre attendu : {string.Join(", ", VocabulaireCoop.Genres)}.", "Genre");
        Statut = string.IsNullOrEmpty(s.Statut) ? VocabulaireCoop.StatutNonCommunique : VocabulaireCoop.Statuts.Contains(s.Statut) ? s.Statut
            : throw new RegleMetierException($"Statut attendu : {string.Join(", ", VocabulaireCoop.Statuts)}.", "Statut");
        Commune = string.IsNullOrWhiteSpace(s.Commune) ? null : s.Commune.Trim();
        CodePostal = string.IsNullOrWhiteSpace(s.CodePostal) ? null : s.CodePostal.Trim();
        if (CodePostal is not null && !(CodePostal.Length == 5 && CodePostal.All(char.IsAsciiDigit)))
            throw new RegleMetierException("Code postal sur 5 chiffres.", "CodePostal");
        CodeQpv = string.IsNullOrWhiteSpace(s.CodeQpv) ? null : s.CodeQpv.Trim().ToUpperInvariant();
        if (CodeQpv is not null && Commune is null) throw new RegleMetierException("Indiquez la commune de la personne avec son quartier.", "Commune");
        Notes = Suivi && !string.IsNullOrWhiteSpace(s.Notes) ? s.Notes.Trim() : null;
        ModifieLe = maintenant;
        if (DerniereActiviteLe < maintenant) DerniereActiviteLe = maintenant;
    }

    /// <summary>Erases the person's identity for good; what statistics need (gender, birth year, status, commune, QPV) stays.</summary>
    public void Anonymiser(DateTime maintenant)
    {
        Suivi = false;
        Prenom = Nom = NomRecherche = Telephone = Courriel = Notes = ConsentementPar = null;
        ConsentementLe = null;
        AnonymiseLe = maintenant; ModifieLe = maintenant;
    }
}

public sealed record BeneficiaireSaisie
{
    public bool Suivi { get; init; }
    [StringLength(100)] public string? Prenom { get; init; }
    [StringLength(100)] public string? Nom { get; init; }
    [StringLength(30)] public string? Telephone { get; init; }
    [EmailAddress(ErrorMessage = "Adresse électronique invalide."), StringLength(200)] public string? Courriel { get; init; }
    public int? AnneeNaissance { get; init; }
    public string? Genre { get; init; }
    public string? Statut { get; init; }
    [StringLength(200)] public string? Commune { get; init; }
    [StringLength(5)] public string? CodePostal { get; init; }
    [StringLength(12)] public string? CodeQpv { get; init; }
    /// <summary>The person agreed to a followed file (recorded once, with who and when).</summary>
    public bool Consentement { get; init; }
    [StringLength(2000)] public string? Notes { get; init; }
    /// <summary>When the account works for several structures.</summary>
    public int? StructureId { get; init; }
}

/// <summary>Named participants of a workshop record (the anonymous ones are counted on the record).</summary>
public sealed class ParticipantActivite
{
    public int ActiviteId { get; set; }
    public int BeneficiaireId { get; set; }
    public Beneficiaire? Beneficiaire { get; set; }
}

/// <summary>Anonymous workshop participants counted by gender, age band or status (national criteria).</summary>
public sealed class DecompteAnonyme
{
    public int ActiviteId { get; set; }
    public string Critere { get; set; } = "";
    public string Valeur { get; set; } = "";
    public int Nombre { get; set; }
    public const string Genre = "Genre", TrancheAge = "Tranche d'âge", Statut = "Statut";
}

/// <summary>Who saw or changed personal data, and when (RGPD): views of files, changes of files and records, merges, exports, erasures.</summary>
public sealed class Journal
{
    public long Id { get; set; }
    public DateTime Le { get; set; }
    public string? UtilisateurId { get; set; }
    public string? Utilisateur { get; set; }
    public string Action { get; set; } = "";
    public string Objet { get; set; } = "";
    public int ObjetId { get; set; }
    public string? Details { get; set; }

    /// <summary>Kinds of journaled objects.</summary>
    public const string FicheBeneficiaire = "Beneficiaire", CompteRendu = "Activite", Structure = "Structure", Mediateur = "Mediateur";
}

public sealed class BeneficiaireConfiguration : IEntityTypeConfiguration<Beneficiaire>
{
    public void Configure(EntityTypeBuilder<Beneficiaire> b)
    {
        b.HasIndex(x => new { x.StructureId, x.NomRecherche });
        b.HasIndex(x => new { x.Suivi, x.DerniereActiviteLe });
        b.Property(x => x.Prenom).HasMaxLength(100);
        b.Property(x => x.Nom).HasMaxLength(100);
        b.Property(x => x.NomRecherche).HasMaxLength(210);
        b.Property(x => x.Telephone).HasMaxLength(30);
        b.Property(x => x.Courriel).HasMaxLength(200);
        b.Property(x => x.Genre).HasMaxLength(20);
        b.Property(x => x.Statut).HasMaxLength(40);
        b.Property(x => x.Commune).HasMaxLength(200);
        b.Property(x => x.CodePostal).HasMaxLength(5);
        b.Property(x => x.CodeQpv).HasMaxLength(12);
        b.Property(x => x.ConsentementPar).HasMaxLength(450);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Ignore(x => x.NomAffiche);
        b.HasOne(x => x.Structure).WithMany().HasForeignKey(x => x.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Qpv>().WithMany().HasForeignKey(x => x.CodeQpv).OnDelete(DeleteBehavior.Restrict);
        // A followed file has a name and a recorded consent; an anonymous one has no identity.
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Beneficiaires_Suivi", "(\"Suivi\" AND \"Nom\" IS NOT NULL AND \"ConsentementLe\" IS NOT NULL) OR (NOT \"Suivi\" AND \"Nom\" IS NULL AND \"Telephone\" IS NULL AND \"Courriel\" IS NULL)");
            t.HasCheckConstraint("CK_Beneficiaires_Annee", "\"AnneeNaissance\" IS NULL OR (\"AnneeNaissance\" >= 1880 AND \"AnneeNaissance\" <= 2200)");
        });
    }
}

public sealed class JournalConfiguration : IEntityTypeConfiguration<Journal>
{
    public void Configure(EntityTypeBuilder<Journal> b)
    {
        b.ToTable("Journal");
        b.HasIndex(x => new { x.Objet, x.ObjetId });
        b.Property(x => x.UtilisateurId).HasMaxLength(450);
        b.Property(x => x.Utilisateur).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.Objet).HasMaxLength(40);
        b.Property(x => x.Details).HasMaxLength(4000);
    }
}
