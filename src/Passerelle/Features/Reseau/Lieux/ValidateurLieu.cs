using System.Globalization;
using System.Text.RegularExpressions;
using Passerelle.Features.Reseau.Horaires;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>A problem found on one value: blocking (the row is rejected) or a warning.</summary>
public sealed record Probleme(int Ligne, string Colonne, string Valeur, string Raison, bool Bloquant);

/// <summary>The one validator of the standard: used by the import, the forms, the API, and on
/// every exported row in the tests. It normalises what can be safely normalised (phone numbers
/// written the French way, <c>;</c> between values, case of enumerated values) with a warning,
/// and rejects the rest.</summary>
public static partial class ValidateurLieu
{
    static readonly Dictionary<string, string[]> Enumerations = new()
    {
        ["itinerance"] = StandardLieux.Itinerance,
        ["services"] = StandardLieux.Services,
        ["publics_specifiquement_adresses"] = StandardLieux.Publics,
        ["prise_en_charge_specifique"] = StandardLieux.PrisesEnCharge,
        ["frais_a_charge"] = StandardLieux.Frais,
        ["dispositif_programmes_nationaux"] = StandardLieux.Dispositifs,
        ["formations_labels"] = StandardLieux.FormationsLabels,
        ["modalites_acces"] = StandardLieux.ModalitesAcces,
        ["modalites_accompagnement"] = StandardLieux.ModalitesAccompagnement,
    };

    static readonly (string Colonne, int Max)[] Longueurs =
    [
        ("id", 200), ("nom", 300), ("commune", 200), ("adresse", 500), ("complement_adresse", 500), ("source", 200),
        ("structure_parente", 500), ("typologie", 500), ("courriels", 2000), ("site_web", 4000), ("horaires", 1000),
        ("presentation_detail", 20000), ("autres_formations_labels", 2000), ("fiche_acces_libre", 2000), ("prise_rdv", 2000),
    ];

    public static LigneLieu? Valider(IReadOnlyDictionary<string, string?> brut, int ligne, List<Probleme> problemes)
    {
        var avant = problemes.Count(p => p.Bloquant);
        string? V(string colonne)
        {
            var v = brut.TryGetValue(colonne, out var x) ? x?.Trim() : null;
            return string.IsNullOrEmpty(v) ? null : v;
        }
        void Erreur(string colonne, string? valeur, string raison) =>
            problemes.Add(new Probleme(ligne, colonne, valeur ?? "", raison, true));
        void Avertir(string colonne, string? valeur, string raison) =>
            problemes.Add(new Probleme(ligne, colonne, valeur ?? "", raison, false));

        foreach (var c in StandardLieux.Obligatoires)
            if (V(c) is null) Erreur(c, null, "Valeur obligatoire manquante.");
        foreach (var (c, max) in Longueurs)
            if (V(c) is { } texte && texte.Length > max) Erreur(c, texte[..Math.Min(40, texte.Length)] + "…", $"Valeur trop longue ({texte.Length} caractères, {max} au plus).");

        var pivot = V("pivot");
        if (pivot is not null)
        {
            if (!PivotRegex().IsMatch(pivot)) Erreur("pivot", pivot, "Le pivot doit être un SIRET (14 chiffres) ou un RNA (W suivi de 9 caractères).");
            else if (pivot == StandardLieux.PivotFactice) Avertir("pivot", pivot, "Pivot factice : renseignez le SIRET ou le RNA réel.");
            else if (pivot.Length == 14 && pivot.All(char.IsAsciiDigit) && !Identifiants.SiretValide(pivot))
                Avertir("pivot", pivot, "Ce SIRET ne respecte pas la clé de contrôle (Luhn).");
        }
        var codePostal = V("code_postal");
        if (codePostal is not null && !CodePostalRegex().IsMatch(codePostal)) Erreur("code_postal", codePostal, "Le code postal doit comporter 5 chiffres.");
        var codeInsee = V("code_insee");
        if (codeInsee is not null && !CodeInseeRegex().IsMatch(codeInsee)) Erreur("code_insee", codeInsee, "Code INSEE invalide (5 caractères, ex. 13056 ou 2A004).");

        double? Coordonnee(string colonne, double limite)
        {
            var v = V(colonne);
            if (v is null) return null;
            var texte = v;
            if (v.Contains(',') && !v.Contains('.'))
            {
                texte = v.Replace(',', '.');
                Avertir(colonne, v, "Virgule décimale remplacée par un point.");
            }
            if (!double.TryParse(texte, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || double.IsInfinity(d))
            { Erreur(colonne, v, "Nombre attendu (séparateur décimal : point)."); return null; }
            if (Math.Abs(d) > limite) { Erreur(colonne, v, $"Valeur hors de l'intervalle [-{limite}, {limite}]."); return null; }
            return d;
        }
        var latitude = Coordonnee("latitude", 90);
        var longitude = Coordonnee("longitude", 180);
        if ((latitude is null) != (longitude is null) && problemes.Count(p => p.Bloquant) == avant)
            Avertir(latitude is null ? "latitude" : "longitude", null, "Latitude et longitude vont ensemble : le lieu ne sera pas placé sur la carte.");

        var typologie = Multi("typologie", V("typologie"), Avertir);
        foreach (var t in StandardLieux.Valeurs(typologie))
            if (!StandardLieux.Typologies.Contains(t)) Avertir("typologie", t, "Code de typologie inconnu de data·inclusion.");

        var telephone = V("telephone");
        if (telephone is not null)
        {
            var converti = Identifiants.TelephoneInternational(telephone);
            if (converti is null) Erreur("telephone", telephone, "Numéro de téléphone invalide (format attendu : +33180059880).");
            else if (converti != telephone) { Avertir("telephone", telephone, $"Numéro converti au format international : {converti}."); telephone = converti; }
        }
        var courriels = Multi("courriels", V("courriels"), Avertir);
        foreach (var c in StandardLieux.Valeurs(courriels))
            if (!CourrielRegex().IsMatch(c)) Erreur("courriels", c, "Adresse électronique invalide.");
        var siteWeb = Multi("site_web", V("site_web"), Avertir);
        foreach (var u in StandardLieux.Valeurs(siteWeb))
            if (!Url(u)) Erreur("site_web", u, "Adresse web invalide (elle doit commencer par http:// ou https://).");

        var horaires = V("horaires");
        if (horaires is not null && !HorairesOsm.TryParse(horaires, out _, out var erreurHoraires))
            Avertir("horaires", horaires, $"Horaires non reconnus, conservés tels quels et affichés en texte ({erreurHoraires}).");

        var resume = V("presentation_resume");
        if (resume is { Length: > 280 }) Erreur("presentation_resume", resume[..40] + "…", $"Le résumé dépasse 280 caractères ({resume.Length}).");

        var dateMaj = default(DateOnly);
        var dateTexte = V("date_maj");
        if (dateTexte is not null && !DateOnly.TryParseExact(dateTexte, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dateMaj))
            Erreur("date_maj", dateTexte, "Date attendue au format AAAA-MM-JJ.");

        var enums = new Dictionary<string, string?>();
        foreach (var (colonne, valeurs) in Enumerations)
            enums[colonne] = Enumeration(colonne, Multi(colonne, V(colonne), Avertir), valeurs, Erreur, Avertir);

        foreach (var colonne in new[] { "fiche_acces_libre", "prise_rdv" })
            if (V(colonne) is { } u && !Url(u)) Erreur(colonne, u, "Adresse web invalide (elle doit commencer par http:// ou https://).");

        if (problemes.Count(p => p.Bloquant) > avant) return null;
        return new LigneLieu(
            V("id")!, pivot!, V("nom")!, V("commune")!, codePostal!, codeInsee, V("adresse")!, V("complement_adresse"),
            latitude is null || longitude is null ? null : latitude, latitude is null || longitude is null ? null : longitude,
            typologie, telephone, courriels, siteWeb, horaires, resume, V("presentation_detail"), V("source"),
            enums["itinerance"], V("structure_parente"), dateMaj, enums["services"], enums["publics_specifiquement_adresses"],
            enums["prise_en_charge_specifique"], enums["frais_a_charge"], enums["dispositif_programmes_nationaux"],
            enums["formations_labels"], V("autres_formations_labels"), enums["modalites_acces"],
            enums["modalites_accompagnement"], V("fiche_acces_libre"), V("prise_rdv"));
    }

    /// <summary>Multi-valued fields: <c>|</c> in v1, <c>;</c> in v0.1 files — both read, <c>|</c> kept.</summary>
    static string? Multi(string colonne, string? v, Action<string, string?, string> avertir)
    {
        if (v is null) return null;
        var parties = v.Split(['|', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
        var joint = string.Join('|', parties);
        if (joint != v && v.Contains(';')) avertir(colonne, v, "Séparateur « ; » remplacé par « | ».");
        return parties.Length == 0 ? null : joint;
    }

    static string? Enumeration(string colonne, string? multi, string[] permises,
        Action<string, string?, string> erreur, Action<string, string?, string> avertir)
    {
        if (multi is null) return null;
        var resultat = new List<string>();
        foreach (var valeur in StandardLieux.Valeurs(multi))
        {
            if (permises.Contains(valeur)) { resultat.Add(valeur); continue; }
            var proche = permises.FirstOrDefault(p => string.Compare(p, valeur, CultureInfo.GetCultureInfo("fr-FR"),
                CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0);
            if (proche is not null) { avertir(colonne, valeur, $"Valeur corrigée en « {proche} »."); resultat.Add(proche); }
            else erreur(colonne, valeur, $"Valeur hors de la liste du standard ({string.Join(", ", permises)}).");
        }
        return resultat.Count == 0 ? null : string.Join('|', resultat.Distinct());
    }

    public static bool Url(string u) =>
        Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^[a-zA-Z0-9]{9,14}$")] private static partial Regex PivotRegex();
    [GeneratedRegex(@"^\d{5}$")] private static partial Regex CodePostalRegex();
    [GeneratedRegex(@"^([013-9]\d|2[AB1-9])\d{3}$")] private static partial Regex CodeInseeRegex();
    [GeneratedRegex(@"^[^@\s|;,]+@[^@\s|;,]+\.[^@\s|;,]+$")] private static partial Regex CourrielRegex();
}
