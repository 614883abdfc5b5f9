using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>A place where digital help is given: every field of the national standard
/// (multi-valued fields kept as their standard <c>|</c>-joined strings), plus our links.</summary>
public sealed class Lieu
{
    public int Id { get; set; }
    /// <summary>Who produced the record; with <see cref="IdLocal"/> the import key.</summary>
    public string Source { get; set; } = "";
    public string IdLocal { get; set; } = "";
    public string Pivot { get; set; } = "";
    public string Nom { get; set; } = "";
    public string Commune { get; set; } = "";
    public string CodePostal { get; set; } = "";
    public string? CodeInsee { get; set; }
    public string Adresse { get; set; } = "";
    public string? ComplementAdresse { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Typologie { get; set; }
    public string? Telephone { get; set; }
    public string? Courriels { get; set; }
    public string? SiteWeb { get; set; }
    public string? Horaires { get; set; }
    public string? PresentationResume { get; set; }
    public string? PresentationDetail { get; set; }
    public string? Itinerance { get; set; }
    public string? StructureParente { get; set; }
    public DateOnly DateMaj { get; set; }
    public string? Services { get; set; }
    public string? PublicsSpecifiquementAdresses { get; set; }
    public string? PriseEnChargeSpecifique { get; set; }
    public string? FraisACharge { get; set; }
    public string? DispositifProgrammesNationaux { get; set; }
    public string? FormationsLabels { get; set; }
    public string? AutresFormationsLabels { get; set; }
    public string? ModalitesAcces { get; set; }
    public string? ModalitesAccompagnement { get; set; }
    public string? FicheAccesLibre { get; set; }
    public string? PriseRdv { get; set; }

    /// <summary>Lower-case, accent-free commune name, indexed for the directory search.</summary>
    public string CommuneRecherche { get; set; } = "";
    public string FuseauHoraire { get; set; } = Territoire.FuseauMetropole;
    public int? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public bool Archive { get; set; }
    public bool Demo { get; set; }
    public DateTime ModifieLe { get; set; }

    public string? Departement => Territoire.Departement(CodePostal);

    /// <summary>Copies standard values onto the entity; returns false when nothing changed.</summary>
    public bool Appliquer(LigneLieu l, DateTime maintenant)
    {
        var avant = LigneLieu.Depuis(this);
        Pivot = l.Pivot; Nom = l.Nom; Commune = l.Commune; CodePostal = l.CodePostal; CodeInsee = l.CodeInsee;
        Adresse = l.Adresse; ComplementAdresse = l.ComplementAdresse; Latitude = l.Latitude; Longitude = l.Longitude;
        Typologie = l.Typologie; Telephone = l.Telephone; Courriels = l.Courriels; SiteWeb = l.SiteWeb;
        Horaires = l.Horaires; PresentationResume = l.PresentationResume; PresentationDetail = l.PresentationDetail;
        Itinerance = l.Itinerance; StructureParente = l.StructureParente; DateMaj = l.DateMaj; Services = l.Services;
        PublicsSpecifiquementAdresses = l.PublicsSpecifiquementAdresses; PriseEnChargeSpecifique = l.PriseEnChargeSpecifique;
        FraisACharge = l.FraisACharge; DispositifProgrammesNationaux = l.DispositifProgrammesNationaux;
        FormationsLabels = l.FormationsLabels; AutresFormationsLabels = l.AutresFormationsLabels;
        ModalitesAcces = l.ModalitesAcces; ModalitesAccompagnement = l.ModalitesAccompagnement;
        FicheAccesLibre = l.FicheAccesLibre; PriseRdv = l.PriseRdv;
        FuseauHoraire = Territoire.Fuseau(CodePostal);
        CommuneRecherche = Texte.Normaliser(Commune);
        var change = avant != LigneLieu.Depuis(this);
        if (change) ModifieLe = maintenant;
        return change;
    }
}

public sealed class LieuConfiguration : IEntityTypeConfiguration<Lieu>
{
    public void Configure(EntityTypeBuilder<Lieu> b)
    {
        b.HasIndex(l => new { l.Source, l.IdLocal }).IsUnique();
        b.HasIndex(l => l.CodePostal);
        b.HasIndex(l => l.CommuneRecherche);
        b.Property(l => l.CommuneRecherche).HasMaxLength(200);
        b.HasIndex(l => new { l.Latitude, l.Longitude });
        b.Property(l => l.Source).HasMaxLength(200);
        b.Property(l => l.IdLocal).HasMaxLength(200);
        b.Property(l => l.Pivot).HasMaxLength(14);
        b.Property(l => l.Nom).HasMaxLength(300);
        b.Property(l => l.Commune).HasMaxLength(200);
        b.Property(l => l.CodePostal).HasMaxLength(5);
        b.Property(l => l.CodeInsee).HasMaxLength(5);
        b.Property(l => l.PresentationResume).HasMaxLength(280);
        b.Property(l => l.FuseauHoraire).HasMaxLength(64);
        b.HasOne(l => l.Structure).WithMany().OnDelete(DeleteBehavior.SetNull);
        b.Ignore(l => l.Departement);
    }
}
