using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>Outcome of a fragility index import (nothing written when <see cref="Erreurs"/> is not empty).</summary>
public sealed record RapportIndices(int Lues, int Ajoutes, int MisAJour, IReadOnlyList<string> Erreurs)
{
    public string Resume() => Erreurs.Count > 0 ? $"{Lues} lignes lues : rien n'a été importé ({Erreurs.Count} erreur(s))."
        : $"{Lues} lignes lues : {Ajoutes} indices ajoutés, {MisAJour} mis à jour.";
}

/// <summary>Imports fragility index rows from CSV (UTF-8, comma or semicolon, decimal point or comma), all or nothing, upsert by
/// (niveau, code, version_modele, variante). Columns: <c>niveau</c> (commune, qpv, iris, epci, departement), <c>code</c>,
/// <c>version_modele</c>, <c>variante</c> (tout-age, senior, jeune), <c>score</c> (1–10), then for each of the five criteria
/// <c>thd</c>, <c>4g</c>, <c>65plus</c>, <c>peu_diplomes</c>, <c>pauvrete</c>: <c>{critère}_valeur</c> (%, 0–100, may be empty),
/// <c>{critère}_source</c>, <c>{critère}_annee</c>. No official CSV of the index is published (standards file § 1): the file is
/// typed from the portal or computed from the open data with the published method.</summary>
public static class ImporterIndicesFragilite
{
    public static readonly string[] Criteres = ["thd", "4g", "65plus", "peu_diplomes", "pauvrete"];
    public static readonly string[] Colonnes = ["niveau", "code", "version_modele", "variante", "score",
        .. Criteres.SelectMany(c => new[] { $"{c}_valeur", $"{c}_source", $"{c}_annee" })];

    public static async Task<RapportIndices> ImporterAsync(AppDbContext db, Stream fichier, TimeProvider horloge, CancellationToken ct)
    {
        Web.Csv.TexteLu lu;
        try { lu = await Web.Csv.LireTexteAsync(fichier, ct); }
        catch (Web.Csv.EncodageInvalideException e) { return new(0, 0, 0, [e.Message]); }
        List<(int Ligne, List<string> Champs)> lignes;
        var separateur = Web.Csv.Separateur(lu.Contenu, ',', ';');
        try { lignes = Web.Csv.Lire(new StringReader(lu.Contenu), separateur); }
        catch (Web.Csv.CsvInvalideException e) { return new(0, 0, 0, [$"Ligne {e.Ligne} : {e.Message}"]); }
        if (lignes.Count == 0) return new(0, 0, 0, ["Fichier vide."]);
        var entete = lignes[0].Champs.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var manquantes = Colonnes.Where(c => !entete.Contains(c)).ToList();
        if (manquantes.Count > 0) return new(0, 0, 0, [$"Colonnes manquantes : {string.Join(", ", manquantes)}."]);
        var erreurs = new List<string>();
        var lus = new Dictionary<(string, string, string, string), IndiceFragilite>();
        var total = 0;
        foreach (var (ligne, champs) in lignes.Skip(1))
        {
            if (champs.Count == 1 && string.IsNullOrWhiteSpace(champs[0])) continue;
            total++;
            if (champs.Count != entete.Count) { erreurs.Add($"Ligne {ligne} : {champs.Count} colonnes au lieu de {entete.Count}."); continue; }
            string? V(string col) => champs[entete.IndexOf(col)].Trim() is { Length: > 0 } v ? v : null;
            var avant = erreurs.Count;
            double? Nombre(string col, double min, double max)
            {
                if (V(col) is not { } v) return null;
                if (double.TryParse(v.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max) return d;
                erreurs.Add($"Ligne {ligne} : {col} « {v} » doit être un nombre entre {min} et {max}.");
                return null;
            }
            int? Annee(string col)
            {
                if (V(col) is not { } v) return null;
                if (int.TryParse(v, out var a) && a is >= 1990 and <= 2100) return a;
                erreurs.Add($"Ligne {ligne} : {col} « {v} » n'est pas une année.");
                return null;
            }
            var niveau = V("niveau")?.ToLowerInvariant() ?? "";
            if (!IndiceFragilite.Niveaux.Contains(niveau)) erreurs.Add($"Ligne {ligne} : niveau « {niveau} » inconnu ({string.Join(", ", IndiceFragilite.Niveaux)}).");
            var code = V("code")?.ToUpperInvariant() ?? "";
            if (code.Length is < 2 or > 12 || !code.All(char.IsAsciiLetterOrDigit)) erreurs.Add($"Ligne {ligne} : code « {code} » invalide.");
            var version = V("version_modele") ?? "";
            if (version.Length is 0 or > 20) erreurs.Add($"Ligne {ligne} : version du modèle manquante.");
            var variante = V("variante")?.ToLowerInvariant() ?? "";
            if (!IndiceFragilite.Variantes.Contains(variante)) erreurs.Add($"Ligne {ligne} : variante « {variante} » inconnue ({string.Join(", ", IndiceFragilite.Variantes)}).");
            var score = Nombre("score", 1, 10);
            if (score is null && V("score") is null) erreurs.Add($"Ligne {ligne} : score manquant.");
            var valeurs = Criteres.Select(c => (Valeur: Nombre($"{c}_valeur", 0, 100), Source: V($"{c}_source") is { Length: <= 200 } s ? s : null, Annee: Annee($"{c}_annee"))).ToArray();
            if (erreurs.Count > avant) continue;
            var i = new IndiceFragilite
            {
                Niveau = niveau, Code = code, VersionModele = version, Variante = variante, Score = score!.Value,
                NonCouvertureThd = valeurs[0].Valeur, SourceNonCouvertureThd = valeurs[0].Source, AnneeNonCouvertureThd = valeurs[0].Annee,
                NonCouverture4g = valeurs[1].Valeur, SourceNonCouverture4g = valeurs[1].Source, AnneeNonCouverture4g = valeurs[1].Annee,
                Part65Plus = valeurs[2].Valeur, SourcePart65Plus = valeurs[2].Source, AnneePart65Plus = valeurs[2].Annee,
                PartPeuDiplomes = valeurs[3].Valeur, SourcePartPeuDiplomes = valeurs[3].Source, AnneePartPeuDiplomes = valeurs[3].Annee,
                TauxPauvrete = valeurs[4].Valeur, SourceTauxPauvrete = valeurs[4].Source, AnneeTauxPauvrete = valeurs[4].Annee,
            };
            if (!lus.TryAdd((niveau, code, version, variante), i)) erreurs.Add($"Ligne {ligne} : {niveau} {code} (modèle {version}, {variante}) en double.");
        }
        if (erreurs.Count > 0) return new(total, 0, 0, erreurs.Take(50).ToList());
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var codes = lus.Values.Select(i => i.Code).Distinct().ToList();
        var existants = (await db.Set<IndiceFragilite>().Where(i => codes.Contains(i.Code)).ToListAsync(ct))
            .ToDictionary(i => (i.Niveau, i.Code, i.VersionModele, i.Variante));
        int ajoutes = 0, maj = 0;
        foreach (var (cle, i) in lus)
        {
            i.ImporteLe = maintenant;
            if (existants.TryGetValue(cle, out var e)) { i.Id = e.Id; db.Entry(e).CurrentValues.SetValues(i); maj++; }
            else { db.Add(i); ajoutes++; }
        }
        await db.SaveChangesAsync(ct);
        return new(total, ajoutes, maj, []);
    }
}
