using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>Outcome of a QPV population import (nothing written when <see cref="Erreurs"/> is not empty).</summary>
public sealed record RapportPopulationsQpv(int Lues, int MisAJour, int Inconnus, IReadOnlyList<string> Erreurs)
{
    public string Resume() => Erreurs.Count > 0 ? $"{Lues} lignes lues : rien n'a été importé ({Erreurs.Count} erreur(s))."
        : $"{Lues} lignes lues : {MisAJour} quartiers mis à jour, {Inconnus} codes absents de la liste des QPV ignorés.";
}

/// <summary>Sets the population of priority neighbourhoods already in the QPV list, with its vintage (census year), from CSV (UTF-8 or
/// Windows-1252, comma or semicolon), all or nothing. Columns, case ignored: the QPV code (<c>code_qp</c>, <c>code_qpv</c> or
/// <c>code</c>, « QN… »), the population (<c>population</c>, <c>pop</c> or <c>pop_mun</c>, a whole number, spaces allowed), and
/// the vintage in a column <c>annee_population</c> or <c>annee</c>, else given as <paramref name="millesime"/> (the INSEE files of
/// QPV populations carry it in their title, not in a column). A code absent from the QPV list (another région, the 2015
/// geography) is counted and skipped, not refused. Source of real figures: INSEE, « Population municipale des quartiers
/// prioritaires de la politique de la ville » (2024 geography), Licence Ouverte.</summary>
public static class ImporterPopulationsQpv
{
    static readonly string[] ColonnesCode = ["code_qp", "code_qpv", "code"], ColonnesPopulation = ["population", "pop", "pop_mun"],
        ColonnesAnnee = ["annee_population", "annee"];

    public static async Task<RapportPopulationsQpv> ImporterAsync(AppDbContext db, Stream fichier, int? millesime, CancellationToken ct)
    {
        Web.Csv.TexteLu lu;
        try { lu = await Web.Csv.LireTexteAsync(fichier, ct); }
        catch (Web.Csv.EncodageInvalideException e) { return new(0, 0, 0, [e.Message]); }
        List<(int Ligne, List<string> Champs)> lignes;
        try { lignes = Web.Csv.Lire(new StringReader(lu.Contenu), Web.Csv.Separateur(lu.Contenu, ',', ';')); }
        catch (Web.Csv.CsvInvalideException e) { return new(0, 0, 0, [$"Ligne {e.Ligne} : {e.Message}"]); }
        if (lignes.Count == 0) return new(0, 0, 0, ["Fichier vide."]);
        var entete = lignes[0].Champs.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int Col(string[] noms) => noms.Select(n => entete.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
        var (iCode, iPop, iAnnee) = (Col(ColonnesCode), Col(ColonnesPopulation), Col(ColonnesAnnee));
        if (iCode < 0 || iPop < 0) return new(0, 0, 0, ["Colonnes attendues : code_qp (ou code_qpv) et population."]);
        if (iAnnee < 0 && millesime is null) return new(0, 0, 0, ["Millésime manquant : ajoutez une colonne annee_population ou l'option --annee (année du recensement)."]);
        if (millesime is not (null or (>= 1990 and <= 2100))) return new(0, 0, 0, [$"Millésime « {millesime} » invalide (une année)."]);
        var erreurs = new List<string>();
        var lus = new Dictionary<string, (int Population, int Annee)>();
        var total = 0;
        foreach (var (ligne, champs) in lignes.Skip(1))
        {
            if (champs.Count == 1 && string.IsNullOrWhiteSpace(champs[0])) continue;
            total++;
            if (champs.Count != entete.Count) { erreurs.Add($"Ligne {ligne} : {champs.Count} colonnes au lieu de {entete.Count}."); continue; }
            var code = champs[iCode].Trim().ToUpperInvariant();
            if (!(code.Length is >= 8 and <= 12 && code.StartsWith("QN", StringComparison.Ordinal) && code.All(char.IsAsciiLetterOrDigit)))
            { erreurs.Add($"Ligne {ligne} : code « {champs[iCode]} » invalide (QN suivi de chiffres)."); continue; }
            var texte = new string(champs[iPop].Where(c => !char.IsWhiteSpace(c)).ToArray());
            if (!int.TryParse(texte, out var population) || population < 0) { erreurs.Add($"Ligne {ligne} : population « {champs[iPop]} » invalide (nombre entier)."); continue; }
            var annee = millesime ?? 0;
            if (iAnnee >= 0 && champs[iAnnee].Trim() is { Length: > 0 } a && !(int.TryParse(a, out annee) && annee is >= 1990 and <= 2100))
            { erreurs.Add($"Ligne {ligne} : année « {a} » invalide."); continue; }
            if (annee == 0) { erreurs.Add($"Ligne {ligne} : année manquante."); continue; }
            if (!lus.TryAdd(code, (population, annee))) erreurs.Add($"Ligne {ligne} : code {code} en double.");
        }
        if (erreurs.Count > 0) return new(total, 0, 0, erreurs);
        var codes = lus.Keys.ToList();
        var quartiers = await db.Qpv.Where(q => codes.Contains(q.Code)).ToListAsync(ct);
        foreach (var q in quartiers) (q.Population, q.AnneePopulation) = lus[q.Code];
        await db.SaveChangesAsync(ct);
        return new(total, quartiers.Count, lus.Count - quartiers.Count, []);
    }
}
