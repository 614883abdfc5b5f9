using System.Globalization;
using System.Text.RegularExpressions;
using Passerelle.Features.Referentiels;

namespace Passerelle.Features.Financer.ScdlSubventions;

/// <summary>One problem of an imported file: physical line (1 = header), column, value as read, reason in French.</summary>
public sealed record ProblemeScdl(int Ligne, string Colonne, string Valeur, string Raison)
{
    public override string ToString() => $"ligne {Ligne} [{Colonne}] « {Valeur} » : {Raison}";
}

/// <summary>A data line read and normalised: what the import writes. Amounts in cents; the share in ten-thousandths.</summary>
public sealed record LigneScdlLue(int Ligne, string NomAttribuant, string IdAttribuant, DateOnly DateConvention, string? ReferenceDecision,
    string NomBeneficiaire, string? IdBeneficiaire, string? RnaBeneficiaire, string Objet, long MontantCentimes, string Nature,
    string ConditionsVersement, DateOnly Debut, DateOnly? Fin, string? IdRae, bool NotificationUe, int PartDixMilliemes, string? DispositifAide);

/// <summary>Reads the lines of an SCDL « Subventions » file as they circulate (docs/standards/scdl-subventions.md, « Reading other
/// authorities' files »): columns mapped by name (so the older 14-column Etalab layout, without <c>rnaBeneficiaire</c> and
/// <c>dispositifAide</c> and with <c>idBeneficiaire</c> before <c>nomBeneficiaire</c>, reads too); enums lowercased
/// (<c>Aide en numéraire</c>, <c>Unique</c>, <c>Oui</c>/<c>NON</c>); <c>_</c> in periods turned into <c>/</c>; a French decimal comma
/// or spaces in amounts removed; identifiers stripped of spaces and dots — each fix a warning. What cannot be mapped without
/// guessing (a missing or wrong SIRET, a 9-digit SIREN, a share above 1…) rejects the line with its reason.</summary>
public static partial class LectureScdlSubventions
{
    /// <summary>Columns a file must have (by name, any order): the schema's required ones; <c>idBeneficiaire</c> or
    /// <c>rnaBeneficiaire</c> is checked apart.</summary>
    public static IEnumerable<string> ColonnesManquantes(IReadOnlyList<string> entete) =>
        SchemaScdlSubventions.Obligatoires.Where(c => !entete.Contains(c))
            .Concat(entete.Contains("idBeneficiaire") || entete.Contains("rnaBeneficiaire") ? [] : ["idBeneficiaire ou rnaBeneficiaire"]);

    /// <summary>Normalises one line; adds its rejections and warnings to <paramref name="problemes"/>; null when rejected.</summary>
    public static LigneScdlLue? Lire(int ligne, IReadOnlyDictionary<string, string> v, List<ProblemeScdl> rejets, List<ProblemeScdl> avertissements)
    {
        var avant = rejets.Count;
        string Val(string c) => v.TryGetValue(c, out var x) ? x.Trim() : "";
        void Rejet(string c, string raison) => rejets.Add(new(ligne, c, Val(c), raison));
        void Avert(string c, string raison) => avertissements.Add(new(ligne, c, Val(c), raison));
        string Requis(string c)
        {
            var x = Val(c);
            if (x.Length == 0) Rejet(c, "valeur obligatoire manquante.");
            return x;
        }

        var nomAttribuant = Requis("nomAttribuant");
        var idAttribuant = Siret(Requis("idAttribuant"), "idAttribuant", Rejet, Avert);
        var dateConvention = Date(Requis("dateConvention"), "dateConvention", Rejet, Avert);
        var nomBeneficiaire = Requis("nomBeneficiaire");
        var idBeneficiaire = Val("idBeneficiaire").Length == 0 ? null : Siret(Val("idBeneficiaire"), "idBeneficiaire", Rejet, Avert);
        string? rna = Val("rnaBeneficiaire").Length == 0 ? null : Val("rnaBeneficiaire").Replace(" ", "").ToUpperInvariant();
        if (rna is not null && !RnaForme().IsMatch(rna)) { Rejet("rnaBeneficiaire", "n'est pas un numéro RNA (W suivi de 9 chiffres)."); rna = null; }
        else if (rna is not null && rna != Val("rnaBeneficiaire")) Avert("rnaBeneficiaire", $"écrit « {rna} ».");
        if (Val("idBeneficiaire").Length == 0 && Val("rnaBeneficiaire").Length == 0)
            Rejet("idBeneficiaire", "ni SIRET ni RNA pour le bénéficiaire : il en faut un, et Passerelle ne le devine pas.");

        var objet = Requis("objet");
        if (objet.Length > 1000) { Rejet("objet", "plus de 1 000 caractères."); }
        else if (ValidateurScdlSubventions.Longueur(objet) > SchemaScdlSubventions.LongueurObjet)
            Avert("objet", $"plus de {SchemaScdlSubventions.LongueurObjet} caractères : gardé entier, l'export le coupera sur une fin de mot.");
        var montant = Montant(Requis("montant"), "montant", Rejet, Avert);
        if (montant < 0) { Rejet("montant", "un montant négatif n'est pas une subvention (un reversement se saisit comme mouvement)."); }

        var nature = Val("nature").ToLowerInvariant().Replace(" ;", ";").Replace("; ", ";");
        if (Requis("nature").Length > 0)
        {
            if (!SchemaScdlSubventions.Natures.Contains(nature)) Rejet("nature", $"valeurs permises : « {string.Join(" », « ", SchemaScdlSubventions.Natures)} ».");
            else if (nature != Val("nature")) Avert("nature", $"écrit « {nature} ».");
        }
        var conditions = Requis("conditionsVersement");
        var conditionsMin = conditions.ToLowerInvariant();
        if (conditionsMin is "unique" or "échelonné" or "echelonne" or "échelonnée" or "echelonnee")
        {
            var norme = conditionsMin == "unique" ? "unique" : "échelonné";
            if (norme != conditions) Avert("conditionsVersement", $"écrit « {norme} ».");
            conditions = norme;
        }
        else if (ValidateurScdlSubventions.Longueur(conditions) > SchemaScdlSubventions.LongueurConditions)
            Rejet("conditionsVersement", $"plus de {SchemaScdlSubventions.LongueurConditions} caractères.");

        var periode = Requis("datesPeriodeVersement").Replace(" ", "");
        DateOnly? debut = null, fin = null;
        if (periode.Length > 0)
        {
            var corrigee = periode.Replace('_', '/');
            if (!ValidateurScdlSubventions.PeriodeConforme(corrigee))
                Rejet("datesPeriodeVersement", "une date AAAA-MM-JJ, ou deux dates séparées par « / » (2023-07-20/2024-03-31).");
            else if (!ValidateurScdlSubventions.PeriodeValide(corrigee))
                Rejet("datesPeriodeVersement", "une des dates n'existe pas au calendrier (mois ou jour hors limites) : Passerelle ne devine pas laquelle était voulue.");
            else
            {
                if (corrigee != Val("datesPeriodeVersement")) Avert("datesPeriodeVersement", $"écrit « {corrigee} » (« / » entre les deux dates, ISO 8601).");
                var dates = corrigee.Split('/').Select(d => ValidateurScdlSubventions.Date(d)!.Value).ToArray();
                debut = dates[0];
                fin = dates.Length > 1 ? dates[1] : null;
                if (fin < debut) Avert("datesPeriodeVersement", "la fin de la période précède son début : gardée telle quelle.");
            }
        }
        var idRae = Val("idRAE");
        if (idRae.Length > SchemaScdlSubventions.LongueurIdRae) Rejet("idRAE", $"{SchemaScdlSubventions.LongueurIdRae} caractères au plus.");
        var notification = Requis("notificationUE").ToLowerInvariant();
        if (Val("notificationUE").Length > 0 && notification is not ("oui" or "non")) Rejet("notificationUE", "« oui » ou « non ».");
        else if (notification != Val("notificationUE")) Avert("notificationUE", $"écrit « {notification} ».");
        var part = Montant(Requis("pourcentageSubvention"), "pourcentageSubvention", Rejet, Avert, centimes: false);
        if (part is not null && (part < 100 || part > 10_000))
            Rejet("pourcentageSubvention", "une part entre 0.01 et 1 (1 pour un seul bénéficiaire ; 100 % s'écrit 1) : Passerelle ne devine pas l'unité.");

        if (rejets.Count > avant) return null;
        var montantBeneficiaire = montant!.Value;
        return new LigneScdlLue(ligne, nomAttribuant, idAttribuant!, dateConvention!.Value, Val("referenceDecision") is { Length: > 0 } r ? r : null,
            nomBeneficiaire, idBeneficiaire, rna, objet, montantBeneficiaire, nature, conditions, debut!.Value, fin, idRae.Length > 0 ? idRae : null,
            notification == "oui", (int)part!.Value, Val("dispositifAide") is { Length: > 0 } d ? d : null);
    }

    static string? Siret(string valeur, string colonne, Action<string, string> rejet, Action<string, string> avert)
    {
        if (valeur.Length == 0) return null;
        var s = valeur.Replace(" ", "").Replace(".", "").Replace("\u00A0", "");
        if (s.Length == 9 && s.All(char.IsAsciiDigit)) { rejet(colonne, "c'est un SIREN (9 chiffres) : il faut le SIRET de l'établissement (14 chiffres), que Passerelle ne devine pas."); return null; }
        if (!Identifiants.SiretScdlValide(s)) { rejet(colonne, "n'est pas un SIRET valide (14 chiffres, clés de contrôle du SIRET et du SIREN justes)."); return null; }
        if (s != valeur) avert(colonne, $"écrit « {s} » (sans espaces ni points).");
        return s;
    }

    static DateOnly? Date(string valeur, string colonne, Action<string, string> rejet, Action<string, string> avert)
    {
        if (valeur.Length == 0) return null;
        if (ValidateurScdlSubventions.Date(valeur) is { } d) return d;
        if (DateOnly.TryParseExact(valeur, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fr))
        {
            avert(colonne, $"date française lue comme {fr:yyyy-MM-dd}.");
            return fr;
        }
        rejet(colonne, "n'est pas une date AAAA-MM-JJ.");
        return null;
    }

    /// <summary>An amount in cents (or a share in ten-thousandths); French decimal comma, spaces and « € » removed with a warning.</summary>
    static long? Montant(string valeur, string colonne, Action<string, string> rejet, Action<string, string> avert, bool centimes = true)
    {
        if (valeur.Length == 0) return null;
        var t = valeur.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "").Replace("€", "");
        if (t.Count(c => c == ',') == 1 && !t.Contains('.')) t = t.Replace(',', '.');
        if (ValidateurScdlSubventions.Nombre(t) is not { } n) { rejet(colonne, "n'est pas un nombre (point décimal, sans symbole)."); return null; }
        if (t != valeur) avert(colonne, $"lu comme {t}.");
        var echelle = centimes ? 100m : 10_000m;
        var arrondi = Math.Round(n * echelle, MidpointRounding.AwayFromZero);
        if (arrondi != n * echelle) avert(colonne, centimes ? "arrondi au centime." : "arrondi à quatre décimales.");
        if (Math.Abs(arrondi) > long.MaxValue / 2) { rejet(colonne, "montant hors limites."); return null; }
        return (long)arrondi;
    }

    [GeneratedRegex(@"^W\d{9}$")] private static partial Regex RnaForme();
}
