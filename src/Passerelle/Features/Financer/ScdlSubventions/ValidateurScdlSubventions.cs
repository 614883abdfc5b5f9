using System.Globalization;
using System.Text.RegularExpressions;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Referentiels;
using Passerelle.Web;

namespace Passerelle.Features.Financer.ScdlSubventions;

/// <summary>SCDL « Subventions » 2.1.1 (schema <c>scdl/subventions</c>, OpenDataFrance, lastModified 2023-09-28;
/// docs/standards/scdl-subventions.md): its 16 columns, in order, with their exact names.</summary>
public static class SchemaScdlSubventions
{
    public const string Version = "2.1.1";
    public const string AdresseSchema = "https://schema.data.gouv.fr/scdl/subventions/";

    public static readonly string[] Colonnes =
    [
        "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire",
        "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention",
        "dispositifAide",
    ];

    /// <summary>The columns whose cell must not be empty (schema <c>required: true</c>).</summary>
    public static readonly string[] Obligatoires =
    [
        "nomAttribuant", "idAttribuant", "dateConvention", "nomBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
        "datesPeriodeVersement", "notificationUE", "pourcentageSubvention",
    ];

    /// <summary>Enum of <c>nature</c>.</summary>
    public static readonly string[] Natures =
        ["aide en numéraire", "aide en nature", "aide en numéraire;aide en nature", "aide en nature;aide en numéraire"];

    public const int LongueurObjet = 256, LongueurConditions = 256, LongueurIdRae = 5;
}

/// <summary>Every rule of SCDL « Subventions » 2.1.1: the 16 columns in order with their exact names; required cells; the patterns
/// of <c>idAttribuant</c> (<c>^\d{14}$</c>), <c>rnaBeneficiaire</c> (<c>^W\d{9}$</c>), <c>datesPeriodeVersement</c> (a date or
/// two joined by <c>/</c>); ISO dates; numbers with a <c>.</c> decimal; the <c>nature</c> enum; maxLength of <c>objet</c> (256),
/// <c>conditionsVersement</c> (256) and <c>idRAE</c> (5); <c>notificationUE</c> <c>oui</c>/<c>non</c>; 0.01 ≤
/// <c>pourcentageSubvention</c> ≤ 1; Validata's custom checks <c>french-siret-value</c> on <c>idAttribuant</c> and
/// <c>idBeneficiaire</c> (<see cref="Identifiants.SiretScdlValide"/>) and <c>one-of-required</c>
/// (<c>idBeneficiaire</c>, <c>rnaBeneficiaire</c>). Errors are <see cref="ErreurScdl"/> (line 1 = header), as for deliberations.</summary>
public static partial class ValidateurScdlSubventions
{
    public static List<ErreurScdl> Valider(string texte)
    {
        List<(int Ligne, List<string> Champs)> lignes;
        try { lignes = Csv.Lire(new StringReader(texte), ','); }
        catch (Csv.CsvInvalideException e) { return [new ErreurScdl(e.Ligne, null, e.Message)]; }
        if (lignes.Count == 0) return [new ErreurScdl(1, null, "Le fichier est vide : il faut au moins la ligne des noms de colonnes.")];
        if (!lignes[0].Champs.SequenceEqual(SchemaScdlSubventions.Colonnes, StringComparer.Ordinal))
            return [new ErreurScdl(1, null, "Les colonnes doivent être exactement, dans cet ordre : " + string.Join(",", SchemaScdlSubventions.Colonnes) + ".")];
        var erreurs = new List<ErreurScdl>();
        foreach (var (ligne, champs) in lignes.Skip(1)) erreurs.AddRange(ValiderLigne(ligne, champs));
        return erreurs;
    }

    /// <summary>The rules of one data line (<paramref name="champs"/> in the schema's column order).</summary>
    public static IEnumerable<ErreurScdl> ValiderLigne(int ligne, IReadOnlyList<string> champs)
    {
        var colonnes = SchemaScdlSubventions.Colonnes;
        if (champs.Count != colonnes.Length)
        {
            yield return new ErreurScdl(ligne, null, $"La ligne a {champs.Count} colonnes au lieu de {colonnes.Length}.");
            yield break;
        }
        string V(string colonne) => champs[Array.IndexOf(colonnes, colonne)];
        ErreurScdl E(string colonne, string message) => new(ligne, colonne, message);
        foreach (var c in SchemaScdlSubventions.Obligatoires)
            if (V(c).Length == 0) yield return E(c, "valeur obligatoire manquante.");

        var idAttribuant = V("idAttribuant");
        if (idAttribuant.Length > 0 && (!SiretForme().IsMatch(idAttribuant) || !Identifiants.SiretScdlValide(idAttribuant)))
            yield return E("idAttribuant", $"« {idAttribuant} » n'est pas un SIRET valide (14 chiffres, clés de contrôle du SIRET et du SIREN justes).");
        var idBeneficiaire = V("idBeneficiaire");
        if (idBeneficiaire.Length > 0 && !Identifiants.SiretScdlValide(idBeneficiaire))
            yield return E("idBeneficiaire", $"« {idBeneficiaire} » n'est pas un SIRET valide (14 chiffres, clés de contrôle du SIRET et du SIREN justes ; un SIREN de 9 chiffres ne suffit pas).");
        var rna = V("rnaBeneficiaire");
        if (rna.Length > 0 && !RnaForme().IsMatch(rna))
            yield return E("rnaBeneficiaire", $"« {rna} » n'est pas un numéro RNA (W suivi de 9 chiffres).");
        if (idBeneficiaire.Length == 0 && rna.Length == 0)
            yield return E("idBeneficiaire", "renseignez idBeneficiaire (SIRET) ou rnaBeneficiaire (RNA) : au moins l'un des deux.");

        var dateConvention = V("dateConvention");
        if (dateConvention.Length > 0 && Date(dateConvention) is null)
            yield return E("dateConvention", $"« {dateConvention} » n'est pas une date AAAA-MM-JJ.");
        if (Longueur(V("objet")) > SchemaScdlSubventions.LongueurObjet)
            yield return E("objet", $"{Longueur(V("objet"))} caractères : {SchemaScdlSubventions.LongueurObjet} au plus.");
        var montant = V("montant");
        if (montant.Length > 0 && Nombre(montant) is null)
            yield return E("montant", $"« {montant} » n'est pas un nombre (point décimal, sans espace ni symbole €).");
        var nature = V("nature");
        if (nature.Length > 0 && !SchemaScdlSubventions.Natures.Contains(nature, StringComparer.Ordinal))
            yield return E("nature", $"« {nature} » : valeurs permises « {string.Join(" », « ", SchemaScdlSubventions.Natures)} ».");
        if (Longueur(V("conditionsVersement")) > SchemaScdlSubventions.LongueurConditions)
            yield return E("conditionsVersement", $"{Longueur(V("conditionsVersement"))} caractères : {SchemaScdlSubventions.LongueurConditions} au plus.");
        var periode = V("datesPeriodeVersement");
        if (periode.Length > 0 && !PeriodeConforme(periode))
            yield return E("datesPeriodeVersement", $"« {periode} » : une date AAAA-MM-JJ, ou deux dates séparées par « / » (2023-07-20/2024-03-31).");
        if (Longueur(V("idRAE")) > SchemaScdlSubventions.LongueurIdRae)
            yield return E("idRAE", $"« {V("idRAE")} » : {SchemaScdlSubventions.LongueurIdRae} caractères au plus.");
        var notification = V("notificationUE");
        if (notification.Length > 0 && notification is not ("oui" or "non"))
            yield return E("notificationUE", $"« {notification} » : « oui » ou « non », en minuscules.");
        var pourcentage = V("pourcentageSubvention");
        if (pourcentage.Length > 0)
        {
            if (Nombre(pourcentage) is not { } p) yield return E("pourcentageSubvention", $"« {pourcentage} » n'est pas un nombre (point décimal).");
            else if (p < 0.01m || p > 1m) yield return E("pourcentageSubvention", $"« {pourcentage} » : une part entre 0.01 et 1 (1.00 pour un seul bénéficiaire).");
        }
    }

    /// <summary>Characters as the schema counts them (Unicode code points, not UTF-16 units).</summary>
    public static int Longueur(string s) => s.EnumerateRunes().Count();

    public static DateOnly? Date(string t) =>
        DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A Frictionless <c>number</c> with <c>.</c> as decimal mark and no group separator; null when it is not one.</summary>
    public static decimal? Nombre(string t) =>
        NombreForme().IsMatch(t) && decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The schema's pattern only: the schema does not check that the dates exist (its official valid example holds
    /// <c>2017-03-02/2017-30-05</c>).</summary>
    public static bool PeriodeConforme(string t) => PeriodeForme().IsMatch(t);

    /// <summary>The schema's pattern, and real calendar dates on both sides (what the import needs to store them).</summary>
    public static bool PeriodeValide(string t) => PeriodeConforme(t) && t.Split('/').All(d => Date(d) is not null);

    [GeneratedRegex(@"^\d{14}$")] private static partial Regex SiretForme();
    [GeneratedRegex(@"^W\d{9}$")] private static partial Regex RnaForme();
    [GeneratedRegex(@"^[0-9]{4}\-[0-9]{2}\-[0-9]{2}(\/[0-9]{4}\-[0-9]{2}\-[0-9]{2})?$")] private static partial Regex PeriodeForme();
    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")] private static partial Regex NombreForme();
}
