using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Features.Reseau.DataInclusion;

/// <summary>A structure of the data·inclusion schema v1 (gip-inclusion/data-inclusion-schema, schemas/v1/structure.json, tag v1.0.8;
/// copy in Seed/data-inclusion-v1.0.8). Required: source, id, nom (3–150 characters), date_maj (yyyy-MM-dd).</summary>
public sealed record StructureDi(
    [property: JsonPropertyName("source")] string Source, [property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("nom")] string Nom,
    [property: JsonPropertyName("date_maj")] string DateMaj, [property: JsonPropertyName("siret")] string? Siret,
    [property: JsonPropertyName("description")] string? Description, [property: JsonPropertyName("adresse")] string? Adresse,
    [property: JsonPropertyName("complement_adresse")] string? ComplementAdresse, [property: JsonPropertyName("commune")] string? Commune,
    [property: JsonPropertyName("code_postal")] string? CodePostal, [property: JsonPropertyName("code_insee")] string? CodeInsee,
    [property: JsonPropertyName("latitude")] double? Latitude, [property: JsonPropertyName("longitude")] double? Longitude,
    [property: JsonPropertyName("telephone")] string? Telephone, [property: JsonPropertyName("courriel")] string? Courriel,
    [property: JsonPropertyName("site_web")] string? SiteWeb, [property: JsonPropertyName("horaires_accueil")] string? HorairesAccueil,
    [property: JsonPropertyName("accessibilite_lieu")] string? AccessibiliteLieu, [property: JsonPropertyName("reseaux_porteurs")] string[]? ReseauxPorteurs);

/// <summary>A service of the data·inclusion schema v1 (schemas/v1/service.json, tag v1.0.8). Required: source, structure_id, id, nom,
/// description (5–10 000 characters), date_maj.</summary>
public sealed record ServiceDi(
    [property: JsonPropertyName("source")] string Source, [property: JsonPropertyName("structure_id")] string StructureId,
    [property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("nom")] string Nom, [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("date_maj")] string DateMaj, [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("thematiques")] string[]? Thematiques, [property: JsonPropertyName("publics")] string[]? Publics,
    [property: JsonPropertyName("publics_precisions")] string? PublicsPrecisions, [property: JsonPropertyName("frais")] string? Frais,
    [property: JsonPropertyName("frais_precisions")] string? FraisPrecisions, [property: JsonPropertyName("modes_accueil")] string[]? ModesAccueil,
    [property: JsonPropertyName("modes_mobilisation")] string[]? ModesMobilisation, [property: JsonPropertyName("mobilisable_par")] string[]? MobilisablePar,
    [property: JsonPropertyName("lien_mobilisation")] string? LienMobilisation, [property: JsonPropertyName("horaires_accueil")] string? HorairesAccueil,
    [property: JsonPropertyName("adresse")] string? Adresse, [property: JsonPropertyName("commune")] string? Commune,
    [property: JsonPropertyName("code_postal")] string? CodePostal, [property: JsonPropertyName("code_insee")] string? CodeInsee,
    [property: JsonPropertyName("latitude")] double? Latitude, [property: JsonPropertyName("longitude")] double? Longitude,
    [property: JsonPropertyName("telephone")] string? Telephone, [property: JsonPropertyName("courriel")] string? Courriel);

/// <summary>Our places (the national places standard's values) in the data·inclusion vocabulary. Each place is a structure; each of
/// its standard services is a service of that structure. The correspondences are Passerelle's reading of both lists: a value with no
/// counterpart is left out (never guessed), and what is lost is kept in the *_precisions text fields.</summary>
public static partial class SchemaDataInclusion
{
    public const string Source = "passerelle", Version = "1.0.8";

    /// <summary>Standard service → data·inclusion thematics (enum Thematique) and service type (enum TypeService).</summary>
    public static readonly Dictionary<string, (string[] Thematiques, string Type)> Services = new()
    {
        ["Aide aux démarches administratives"] = (["numerique--acceder-a-des-services-en-ligne", "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"], "accompagnement"),
        ["Maîtrise des outils numériques du quotidien"] = (["numerique--maitriser-les-fondamentaux-du-numerique"], "accompagnement"),
        ["Insertion professionnelle via le numérique"] = (["numerique--acceder-a-des-services-en-ligne", "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
            "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"], "accompagnement"),
        ["Utilisation sécurisée du numérique"] = (["numerique--maitriser-les-fondamentaux-du-numerique"], "accompagnement"),
        ["Parentalité et éducation avec le numérique"] = (["numerique--maitriser-les-fondamentaux-du-numerique", "famille--soutien-a-la-parentalite-et-a-leducation"], "accompagnement"),
        ["Loisirs et créations numériques"] = (["numerique--maitriser-les-fondamentaux-du-numerique", "remobilisation--activites-sportives-et-culturelles"], "atelier"),
        ["Compréhension du monde numérique"] = (["numerique--maitriser-les-fondamentaux-du-numerique"], "information"),
        ["Accès internet et matériel informatique"] = (["numerique--acceder-a-une-connexion-internet"], "aide-materielle"),
        ["Acquisition de matériel informatique à prix solidaire"] = (["numerique--acquerir-un-equipement"], "aide-materielle"),
    };

    static readonly Dictionary<string, string> Publics = new()
    {
        ["Jeunes"] = "jeunes", ["Étudiants"] = "etudiants", ["Familles et/ou enfants"] = "familles", ["Seniors"] = "seniors", ["Femmes"] = "femmes",
    };

    static readonly string[] Handicaps = ["Surdité", "Handicaps moteurs", "Handicaps mentaux", "Déficience visuelle"];

    static readonly Dictionary<string, string> Mobilisation = new()
    {
        ["Se présenter"] = "se-presenter", ["Téléphoner"] = "telephoner", ["Contacter par mail"] = "envoyer-un-courriel",
        ["Envoyer un mail avec une fiche de prescription"] = "envoyer-un-courriel", ["Prendre un RDV en ligne"] = "utiliser-lien-mobilisation",
    };

    /// <summary>Networks: national programmes of the standard and typologies of the standard → enum ReseauPorteur.</summary>
    static readonly Dictionary<string, string> Reseaux = new()
    {
        ["Conseillers numériques"] = "conseillers-numeriques", ["France Services"] = "france-service", ["Aidants Connect"] = "aidants-connect",
        ["La Croix Rouge"] = "croix-rouge", ["RFS"] = "france-service", ["EPN"] = "espaces-publics-numeriques", ["MUNI"] = "communes",
        ["CCAS"] = "ccas-cias", ["CIAS"] = "ccas-cias", ["MJC"] = "mjc", ["ML"] = "mission-locale", ["LA_POSTE"] = "la-poste",
        ["PIMMS"] = "pimms-mediation", ["CAF"] = "caf", ["MSAP"] = "msap", ["CD"] = "departements", ["DEPT"] = "departements",
    };

    public static StructureDi Structure(Lieu l) => new(Source, IdStructure(l), Nom(l.Nom), l.DateMaj.ToString("yyyy-MM-dd"),
        l.Pivot is { Length: 14 } p && p.All(char.IsAsciiDigit) && p != Referentiels.StandardLieux.PivotFactice ? p : null,
        Texte(l.PresentationDetail ?? l.PresentationResume, 5, 10000), Vide(l.Adresse), Vide(l.ComplementAdresse), Vide(l.Commune), CodePostal(l.CodePostal),
        CodeInsee(l.CodeInsee), l.Latitude, l.Longitude, Vide(l.Telephone), Courriel(l.Courriels), Url(l.SiteWeb?.Split('|')[0]), Vide(l.Horaires), Url(l.FicheAccesLibre),
        Liste([.. Valeurs(l.DispositifProgrammesNationaux), l.Typologie ?? ""], Reseaux));

    public static IEnumerable<ServiceDi> ServicesDuLieu(Lieu l)
    {
        var publics = Liste(Valeurs(l.PublicsSpecifiquementAdresses), Publics) ?? [];
        if (Valeurs(l.PriseEnChargeSpecifique).Any(Handicaps.Contains)) publics = [.. publics, "personnes-en-situation-de-handicap"];
        var frais = Valeurs(l.FraisACharge).ToList();
        var accompagnement = Valeurs(l.ModalitesAccompagnement).ToList();
        var modes = new List<string>();
        if (accompagnement.Count == 0 || accompagnement.Any(m => m != "À distance")) modes.Add("en-presentiel");
        if (accompagnement.Contains("À distance")) modes.Add("a-distance");
        var lien = Url(l.PriseRdv);
        var mobilisation = Liste(Valeurs(l.ModalitesAcces).Where(m => m != "Prendre un RDV en ligne" || lien is not null), Mobilisation);
        string[] par = Valeurs(l.ModalitesAcces).Contains("Envoyer un mail avec une fiche de prescription") ? ["usagers", "professionnels"] : ["usagers"];
        foreach (var s in Valeurs(l.Services).Where(Services.ContainsKey))
        {
            var (thematiques, type) = Services[s];
            yield return new ServiceDi(Source, IdStructure(l), $"{IdStructure(l)}--{Slug(s)}", s,
                $"{s} : service proposé par {l.Nom} ({l.Commune}).", l.DateMaj.ToString("yyyy-MM-dd"), type, thematiques,
                publics.Length == 0 ? ["tous-publics"] : [.. publics.Distinct()], Vide(l.PriseEnChargeSpecifique?.Replace("|", ", ")),
                frais.Contains("Payant") ? "payant" : frais.Count > 0 ? "gratuit" : null, frais.Count == 0 ? null : string.Join(", ", frais),
                [.. modes], mobilisation, par, lien, Vide(l.Horaires), Vide(l.Adresse), Vide(l.Commune), CodePostal(l.CodePostal), CodeInsee(l.CodeInsee),
                l.Latitude, l.Longitude, Vide(l.Telephone), Courriel(l.Courriels));
        }
    }

    /// <summary>The id of a place's structure: <c>lieu-{id}</c> (the source is given apart, as the schema asks).</summary>
    public static string IdStructure(Lieu l) => $"lieu-{l.Id}";

    static IEnumerable<string> Valeurs(string? multi) => (multi ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static string[]? Liste(IEnumerable<string> valeurs, Dictionary<string, string> table) =>
        valeurs.Select(v => table.GetValueOrDefault(v)).OfType<string>().Distinct().ToArray() is { Length: > 0 } a ? a : null;

    static string Nom(string nom)
    {
        var n = nom.Trim().TrimEnd('.').Trim();
        return n.Length > 150 ? n[..150] : n.Length < 3 ? n.PadRight(3, '_') : n;
    }

    static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    static string? Texte(string? s, int min, int max) => Vide(s) is { } t && t.Length >= min ? (t.Length > max ? t[..max] : t) : null;
    static string? CodePostal(string? cp) => cp is not null && CinqChiffres().IsMatch(cp) ? cp : null;
    static string? CodeInsee(string? c) => c is not null && CinqCaracteres().IsMatch(c) ? c : null;
    static string? Courriel(string? multi) => Valeurs(multi).FirstOrDefault(c => System.Net.Mail.MailAddress.TryCreate(c, out var a) && a.Address == c && c.Contains('.'));
    static string? Url(string? s) => Uri.TryCreate(s?.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && s!.Trim().Length <= 2083 ? s.Trim() : null;
    static string Slug(string s) => string.Join('-', Web.Texte.Normaliser(s).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\d{5}$")] private static partial Regex CinqChiffres();
    [GeneratedRegex(@"^\w{5}$")] private static partial Regex CinqCaracteres();
}
