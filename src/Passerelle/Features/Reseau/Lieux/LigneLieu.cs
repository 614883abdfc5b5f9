using System.Globalization;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>One place as the standard describes it, already normalised and valid.</summary>
public sealed record LigneLieu(
    string Id, string Pivot, string Nom, string Commune, string CodePostal, string? CodeInsee, string Adresse,
    string? ComplementAdresse, double? Latitude, double? Longitude, string? Typologie, string? Telephone,
    string? Courriels, string? SiteWeb, string? Horaires, string? PresentationResume, string? PresentationDetail,
    string? Source, string? Itinerance, string? StructureParente, DateOnly DateMaj, string? Services,
    string? PublicsSpecifiquementAdresses, string? PriseEnChargeSpecifique, string? FraisACharge,
    string? DispositifProgrammesNationaux, string? FormationsLabels, string? AutresFormationsLabels,
    string? ModalitesAcces, string? ModalitesAccompagnement, string? FicheAccesLibre, string? PriseRdv)
{
    public static LigneLieu Depuis(Lieu l) => new(
        l.IdLocal, l.Pivot, l.Nom, l.Commune, l.CodePostal, l.CodeInsee, l.Adresse, l.ComplementAdresse,
        l.Latitude, l.Longitude, l.Typologie, l.Telephone, l.Courriels, l.SiteWeb, l.Horaires, l.PresentationResume,
        l.PresentationDetail, l.Source, l.Itinerance, l.StructureParente, l.DateMaj, l.Services,
        l.PublicsSpecifiquementAdresses, l.PriseEnChargeSpecifique, l.FraisACharge, l.DispositifProgrammesNationaux,
        l.FormationsLabels, l.AutresFormationsLabels, l.ModalitesAcces, l.ModalitesAccompagnement,
        l.FicheAccesLibre, l.PriseRdv);

    /// <summary>The 32 values in the standard's column order.</summary>
    public string[] VersColonnes() =>
    [
        Id, Pivot, Nom, Commune, CodePostal, CodeInsee ?? "", Adresse, ComplementAdresse ?? "",
        Latitude?.ToString("0.######", CultureInfo.InvariantCulture) ?? "",
        Longitude?.ToString("0.######", CultureInfo.InvariantCulture) ?? "",
        Typologie ?? "", Telephone ?? "", Courriels ?? "", SiteWeb ?? "", Horaires ?? "", PresentationResume ?? "",
        PresentationDetail ?? "", Source ?? "", Itinerance ?? "", StructureParente ?? "",
        DateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Services ?? "",
        PublicsSpecifiquementAdresses ?? "", PriseEnChargeSpecifique ?? "", FraisACharge ?? "",
        DispositifProgrammesNationaux ?? "", FormationsLabels ?? "", AutresFormationsLabels ?? "",
        ModalitesAcces ?? "", ModalitesAccompagnement ?? "", FicheAccesLibre ?? "", PriseRdv ?? "",
    ];

    public Dictionary<string, string> VersDictionnaire()
    {
        var valeurs = VersColonnes();
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < valeurs.Length; i++) d[StandardLieux.Colonnes[i]] = valeurs[i];
        return d;
    }
}
