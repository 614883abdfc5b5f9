using System.Globalization;
using System.Text.RegularExpressions;
using Passerelle.Features.Referentiels;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>One breach of the SCDL rules: physical line of the file (1 = header), column (null: the whole line), French message.</summary>
public sealed record ErreurScdl(int Ligne, string? Colonne, string Message)
{
    public override string ToString() => Colonne is null ? $"Ligne {Ligne} : {Message}" : $"Ligne {Ligne}, colonne {Colonne} : {Message}";
}

/// <summary>Every rule of SCDL « Délibérations » 2.1.5 (docs/standards/scdl-deliberations.md): the 17 columns in order, required
/// values, patterns (<c>COLL_SIRET</c>, <c>DELIB_MATIERE_CODE</c>, <c>BUDGET_ANNEE</c>, <c>PREF_ID</c>, dates, integers, URI), the custom
/// checks <c>french-siret-value</c>, <c>year-interval-value</c>, <c>cohesive-columns-value</c>, <c>compare-columns-value</c>,
/// <c>sum-columns-value</c> and <c>nomenclature-actes-value</c>, and the ACTES level-2 ranges. With
/// <paramref name="nomActesExact"/>, <c>DELIB_MATIERE_NOM</c> must also be the ACTES label of the code (Passerelle's own exports).</summary>
public static partial class ValidateurScdl
{
    public static List<ErreurScdl> Valider(string texte, bool nomActesExact = false)
    {
        List<(int Ligne, List<string> Champs)> lignes;
        try { lignes = Csv.Lire(new StringReader(texte), ','); }
        catch (Csv.CsvInvalideException e) { return [new ErreurScdl(e.Ligne, null, e.Message)]; }
        if (lignes.Count == 0) return [new ErreurScdl(1, null, "Le fichier est vide : il faut au moins la ligne des noms de colonnes.")];
        var entete = lignes[0].Champs;
        if (!entete.SequenceEqual(ExportScdl.Colonnes))
            return [new ErreurScdl(1, null, "Les colonnes doivent être exactement, dans cet ordre : " + string.Join(",", ExportScdl.Colonnes) + ".")];
        var erreurs = new List<ErreurScdl>();
        foreach (var (ligne, champs) in lignes.Skip(1)) erreurs.AddRange(ValiderLigne(ligne, champs, nomActesExact));
        return erreurs;
    }

    /// <summary>The rules of one data line (<paramref name="champs"/> in the schema's column order).</summary>
    public static IEnumerable<ErreurScdl> ValiderLigne(int ligne, IReadOnlyList<string> champs, bool nomActesExact = false)
    {
        if (champs.Count != ExportScdl.Colonnes.Length)
        {
            yield return new ErreurScdl(ligne, null, $"La ligne a {champs.Count} colonnes au lieu de {ExportScdl.Colonnes.Length}.");
            yield break;
        }
        string V(string colonne) => champs[Array.IndexOf(ExportScdl.Colonnes, colonne)];
        ErreurScdl E(string colonne, string message) => new(ligne, colonne, message);
        foreach (var c in new[] { "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET" })
            if (string.IsNullOrWhiteSpace(V(c))) yield return E(c, "valeur obligatoire manquante.");

        var siret = V("COLL_SIRET");
        if (siret.Length > 0 && (!SiretForme().IsMatch(siret) || !Identifiants.SiretValide(siret)))
            yield return E("COLL_SIRET", $"« {siret} » n'est pas un SIRET valide (14 chiffres et une clé de contrôle juste).");
        var dateDelib = Date(V("DELIB_DATE"));
        if (V("DELIB_DATE").Length > 0 && dateDelib is null) yield return E("DELIB_DATE", $"« {V("DELIB_DATE")} » n'est pas une date AAAA-MM-JJ.");
        var code = V("DELIB_MATIERE_CODE");
        if (code.Length > 0 && (!CodeForme().IsMatch(code) || !MatieresActes.CodeValide(code)))
            yield return E("DELIB_MATIERE_CODE", $"« {code} » n'est pas une matière ACTES de niveau 2 (1.1 à 1.7, 2.1 à 2.3, 3.1 à 3.6, 4.1 à 4.5, 5.1 à 5.8, 6.1 à 6.5, 7.1 à 7.10, 8.1 à 8.9, 9.1 à 9.4).");
        var nom = V("DELIB_MATIERE_NOM");
        if (nom.Length > 0 && !MatieresActes.PrefixeFamilleValide(nom))
            yield return E("DELIB_MATIERE_NOM", $"« {nom} » doit commencer par une des neuf familles ACTES suivie d'une barre oblique sans espace (par exemple « finances locales/subventions »).");
        else if (nom.Length > 0 && nomActesExact && MatieresActes.CodeValide(code) && nom != MatieresActes.NomScdl(code))
            yield return E("DELIB_MATIERE_NOM", $"« {nom} » ne correspond pas à la matière {code} (« {MatieresActes.NomScdl(code)} »).");

        var budget = V("BUDGET_ANNEE");
        if (budget.Length > 0 && !ReglesDeliberation.AnneeBudgetValide(budget))
            yield return E("BUDGET_ANNEE", $"« {budget} » : une année (2023) ou deux années croissantes et différentes (2023/2024).");
        if (budget.Length > 0 && V("BUDGET_NOM").Length == 0) yield return E("BUDGET_NOM", "obligatoire quand BUDGET_ANNEE est rempli.");
        var prefId = V("PREF_ID");
        if (prefId.Length > 0 && !ReglesDeliberation.PrefIdForme().IsMatch(prefId))
            yield return E("PREF_ID", $"« {prefId} » : PREF suivi du département sur 3 caractères (PREF013), SPREF (SPREF0131) ou SGAR (SGAR013).");
        var datePref = Date(V("PREF_DATE"));
        if (V("PREF_DATE").Length > 0 && datePref is null) yield return E("PREF_DATE", $"« {V("PREF_DATE")} » n'est pas une date AAAA-MM-JJ.");
        if (datePref is { } dp && dateDelib is { } dd && dp < dd) yield return E("PREF_DATE", "la date de réception en préfecture précède celle de la délibération.");

        var votes = new Dictionary<string, int?>();
        var votesLisibles = true;
        foreach (var c in new[] { "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION" })
        {
            var t = V(c);
            if (t.Length == 0) { votes[c] = null; continue; }
            if (!EntierForme().IsMatch(t) || !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                votesLisibles = false;
                yield return E(c, $"« {t} » n'est pas un nombre entier positif.");
                continue;
            }
            votes[c] = n;
        }
        if (votesLisibles)
        {
            var (effectif, reel, pour, contre, abstention) = (votes["VOTE_EFFECTIF"], votes["VOTE_REEL"], votes["VOTE_POUR"], votes["VOTE_CONTRE"], votes["VOTE_ABSTENTION"]);
            // Schema: VOTE_EFFECTIF filled → the four others filled. Passerelle also keeps the four results together (the sum rule).
            var resultats = new[] { reel, pour, contre, abstention };
            if (effectif is not null && resultats.Any(v => v is null))
                yield return E("VOTE_EFFECTIF", "quand VOTE_EFFECTIF est rempli, VOTE_REEL, VOTE_POUR, VOTE_CONTRE et VOTE_ABSTENTION doivent l'être aussi.");
            else if (resultats.Any(v => v is not null) && resultats.Any(v => v is null))
                yield return E("VOTE_REEL", "les quatre colonnes du résultat (VOTE_REEL, VOTE_POUR, VOTE_CONTRE, VOTE_ABSTENTION) se remplissent toutes ou pas du tout.");
            if (effectif < reel) yield return E("VOTE_REEL", $"les votants ({reel}) dépassent les membres en exercice ({effectif}).");
            foreach (var (c, v) in new[] { ("VOTE_POUR", pour), ("VOTE_CONTRE", contre), ("VOTE_ABSTENTION", abstention) })
                if (v > reel) yield return E(c, $"{v} dépasse le nombre de votants ({reel}).");
            if (reel is { } r && pour is { } p && contre is { } c2 && abstention is { } a && r != p + c2 + a)
                yield return E("VOTE_REEL", $"les votants ({r}) doivent être la somme des voix pour, contre et des abstentions ({p + c2 + a}).");
        }
        var url = V("DELIB_URL");
        if (url.Length > 0 && !Uri.TryCreate(url, UriKind.Absolute, out _)) yield return E("DELIB_URL", $"« {url} » n'est pas une adresse complète.");
    }

    static DateOnly? Date(string t) =>
        DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"^\d{14}$")] private static partial Regex SiretForme();
    [GeneratedRegex(@"^\d\.\d{1,2}$")] private static partial Regex CodeForme();
    [GeneratedRegex(@"^\d+$")] private static partial Regex EntierForme();
}
