using System.Globalization;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>A place as typed in the admin form or sent to the API; checked by <see cref="ValidateurLieu"/>
/// like any imported row, so that a place created here always exports cleanly.</summary>
public sealed record LieuSaisie
{
    public string? IdLocal { get; init; }
    public string? Pivot { get; init; }
    public string? Nom { get; init; }
    public string? Adresse { get; init; }
    public string? ComplementAdresse { get; init; }
    public string? CodePostal { get; init; }
    public string? Commune { get; init; }
    public string? CodeInsee { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string[]? Typologie { get; init; }
    public string? Telephone { get; init; }
    public string? Courriels { get; init; }
    public string? SiteWeb { get; init; }
    public string? Horaires { get; init; }
    public string? PresentationResume { get; init; }
    public string? PresentationDetail { get; init; }
    public string[]? Itinerance { get; init; }
    public string? StructureParente { get; init; }
    public string[]? Services { get; init; }
    public string[]? PublicsSpecifiquementAdresses { get; init; }
    public string[]? PriseEnChargeSpecifique { get; init; }
    public string[]? FraisACharge { get; init; }
    public string[]? DispositifProgrammesNationaux { get; init; }
    public string[]? FormationsLabels { get; init; }
    public string? AutresFormationsLabels { get; init; }
    public string[]? ModalitesAcces { get; init; }
    public string[]? ModalitesAccompagnement { get; init; }
    public string? FicheAccesLibre { get; init; }
    public string? PriseRdv { get; init; }
    public int? StructureId { get; init; }

    /// <summary>Maps form/API field names to the standard's column names (for error messages).</summary>
    public static readonly IReadOnlyDictionary<string, string> Champs = new Dictionary<string, string>
    {
        ["id"] = nameof(IdLocal), ["pivot"] = nameof(Pivot), ["nom"] = nameof(Nom), ["adresse"] = nameof(Adresse),
        ["complement_adresse"] = nameof(ComplementAdresse), ["code_postal"] = nameof(CodePostal), ["commune"] = nameof(Commune),
        ["code_insee"] = nameof(CodeInsee), ["latitude"] = nameof(Latitude), ["longitude"] = nameof(Longitude),
        ["typologie"] = nameof(Typologie), ["telephone"] = nameof(Telephone), ["courriels"] = nameof(Courriels),
        ["site_web"] = nameof(SiteWeb), ["horaires"] = nameof(Horaires), ["presentation_resume"] = nameof(PresentationResume),
        ["presentation_detail"] = nameof(PresentationDetail), ["itinerance"] = nameof(Itinerance),
        ["structure_parente"] = nameof(StructureParente), ["date_maj"] = "DateMaj", ["services"] = nameof(Services),
        ["publics_specifiquement_adresses"] = nameof(PublicsSpecifiquementAdresses),
        ["prise_en_charge_specifique"] = nameof(PriseEnChargeSpecifique), ["frais_a_charge"] = nameof(FraisACharge),
        ["dispositif_programmes_nationaux"] = nameof(DispositifProgrammesNationaux), ["formations_labels"] = nameof(FormationsLabels),
        ["autres_formations_labels"] = nameof(AutresFormationsLabels), ["modalites_acces"] = nameof(ModalitesAcces),
        ["modalites_accompagnement"] = nameof(ModalitesAccompagnement), ["fiche_acces_libre"] = nameof(FicheAccesLibre),
        ["prise_rdv"] = nameof(PriseRdv), ["source"] = "Source",
    };

    public Dictionary<string, string?> VersColonnes(string idLocal, DateOnly dateMaj, string source)
    {
        static string? J(string[]? v) => v is null ? null : string.Join('|', v.Where(x => !string.IsNullOrWhiteSpace(x)));
        return new Dictionary<string, string?>
        {
            ["id"] = idLocal, ["pivot"] = Pivot, ["nom"] = Nom, ["commune"] = Commune, ["code_postal"] = CodePostal,
            ["code_insee"] = CodeInsee, ["adresse"] = Adresse, ["complement_adresse"] = ComplementAdresse,
            ["latitude"] = Latitude?.ToString(CultureInfo.InvariantCulture), ["longitude"] = Longitude?.ToString(CultureInfo.InvariantCulture),
            ["typologie"] = J(Typologie), ["telephone"] = Telephone, ["courriels"] = Courriels, ["site_web"] = SiteWeb,
            ["horaires"] = Horaires, ["presentation_resume"] = PresentationResume, ["presentation_detail"] = PresentationDetail,
            ["source"] = source, ["itinerance"] = J(Itinerance), ["structure_parente"] = StructureParente,
            ["date_maj"] = dateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["services"] = J(Services),
            ["publics_specifiquement_adresses"] = J(PublicsSpecifiquementAdresses), ["prise_en_charge_specifique"] = J(PriseEnChargeSpecifique),
            ["frais_a_charge"] = J(FraisACharge), ["dispositif_programmes_nationaux"] = J(DispositifProgrammesNationaux),
            ["formations_labels"] = J(FormationsLabels), ["autres_formations_labels"] = AutresFormationsLabels,
            ["modalites_acces"] = J(ModalitesAcces), ["modalites_accompagnement"] = J(ModalitesAccompagnement),
            ["fiche_acces_libre"] = FicheAccesLibre, ["prise_rdv"] = PriseRdv,
        };
    }

    public static LieuSaisie Depuis(Lieu l) => new()
    {
        IdLocal = l.IdLocal, Pivot = l.Pivot, Nom = l.Nom, Adresse = l.Adresse, ComplementAdresse = l.ComplementAdresse,
        CodePostal = l.CodePostal, Commune = l.Commune, CodeInsee = l.CodeInsee, Latitude = l.Latitude, Longitude = l.Longitude,
        Typologie = [.. StandardLieux.Valeurs(l.Typologie)], Telephone = l.Telephone, Courriels = l.Courriels, SiteWeb = l.SiteWeb,
        Horaires = l.Horaires, PresentationResume = l.PresentationResume, PresentationDetail = l.PresentationDetail,
        Itinerance = [.. StandardLieux.Valeurs(l.Itinerance)], StructureParente = l.StructureParente,
        Services = [.. StandardLieux.Valeurs(l.Services)], PublicsSpecifiquementAdresses = [.. StandardLieux.Valeurs(l.PublicsSpecifiquementAdresses)],
        PriseEnChargeSpecifique = [.. StandardLieux.Valeurs(l.PriseEnChargeSpecifique)], FraisACharge = [.. StandardLieux.Valeurs(l.FraisACharge)],
        DispositifProgrammesNationaux = [.. StandardLieux.Valeurs(l.DispositifProgrammesNationaux)],
        FormationsLabels = [.. StandardLieux.Valeurs(l.FormationsLabels)], AutresFormationsLabels = l.AutresFormationsLabels,
        ModalitesAcces = [.. StandardLieux.Valeurs(l.ModalitesAcces)], ModalitesAccompagnement = [.. StandardLieux.Valeurs(l.ModalitesAccompagnement)],
        FicheAccesLibre = l.FicheAccesLibre, PriseRdv = l.PriseRdv, StructureId = l.StructureId,
    };
}
