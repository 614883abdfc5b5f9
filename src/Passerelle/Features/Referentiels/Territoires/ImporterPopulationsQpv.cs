using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>Outcome of a QPV population import (nothing written when <see cref="Erreurs"/> is not empty). <see cref="Erreurs"/> lists at
/// most <see cref="ImporterPopulationsQpv.ErreursListees"/> errors, then « … et N autres erreurs »; <see cref="NombreErreurs"/> counts them all.</summary>
public sealed record RapportPopulationsQpv(int Lues, int MisAJour, int Inconnus, IReadOnlyList<string> Erreurs)
{
    public int NombreErreurs { get; init; } = Erreurs.Count;

    public string Resume() => Erreurs.Count > 0 ? $"{Pluriel.De(Lues, "ligne lue", "lignes lues")} : rien n'a été importé ({Pluriel.De(NombreErreurs, "erreur")})."
        : $"{Pluriel.De(Lues, "ligne lue", "lignes lues")} : {Pluriel.De(MisAJour, "quartier mis à jour", "quartiers mis à jour")}, "
          + $"{Pluriel.De(Inconnus, "code absent", "codes absents")} de la liste des QPV {Pluriel.Mot(Inconnus, "ignoré", "ignorés")}.";
}

/// <summary>Sets the population of priority neighbourhoods already in the QPV list, with its vintage (census year), from CSV (UTF-8 or
/// Windows-1252, comma or semicolon), all or nothing. Columns, case ignored: the QPV code (<c>code_qp</c>, <c>code_qpv</c> or
/// <c>code</c>, « QN… »), the population (<c>population</c>, <c>pop</c> or <c>pop_mun</c>, a whole number, spaces allowed), and
/// the vintage in a column <c>annee_population</c> or <c>annee</c>, else given as <paramref name="millesime"/> (the INSEE files of
/// QPV populations carry it in their title, not in a column). A code absent from the QPV list (another région, the 2015
/// geography) is counted and skipped, not refused; a code of the wrong shape (<see cref="Qpv.CodeValide"/>) is refused. The QPV list is read
/// once (a few thousand rows nationally), never queried with the file's codes: 40 000 lines made one IN of 40 000 parameters,
/// beyond SQLite's limit. Files over <see cref="TailleMax"/> bytes are refused before reading. Source of real figures: INSEE, « Population municipale des quartiers
/// prioritaires de la politique de la ville » (2024 geography), Licence Ouverte.</summary>
public static class ImporterPopulationsQpv
{
    static readonly string[] ColonnesCode = ["code_qp", "code_qpv", "code"], ColonnesPopulation = ["population", "pop", "pop_mun"],
        ColonnesAnnee = ["annee_population", "annee"];

    /// <summary>Largest file read: 5 MB (the national file of about 1 600 QPV weighs under 100 kB).</summary>
    public const int TailleMax = 5 * 1024 * 1024;
    /// <summary>Errors listed one by one; the rest are counted.</summary>
    public const int ErreursListees = 100;

    public static async Task<RapportPopulationsQpv> ImporterAsync(AppDbContext db, Stream fichier, int? millesime, CancellationToken ct)
    {
        if (await LireAuPlusAsync(fichier, ct) is not { } contenu)
            return new(0, 0, 0, [$"Fichier trop volumineux : {TailleMax / 1024 / 1024} Mo au plus (la liste nationale des QPV pèse moins de 100 ko)."]);
        Csv.TexteLu lu;
        try { lu = await Csv.LireTexteAsync(contenu, ct); }
        catch (Csv.EncodageInvalideException e) { return new(0, 0, 0, [e.Message]); }
        List<(int Ligne, List<string> Champs)> lignes;
        try { lignes = Csv.Lire(new StringReader(lu.Contenu), Csv.Separateur(lu.Contenu, ',', ';')); }
        catch (Csv.CsvInvalideException e) { return new(0, 0, 0, [$"Ligne {e.Ligne} : {e.Message}"]); }
        if (lignes.Count == 0) return new(0, 0, 0, ["Fichier vide."]);
        var entete = lignes[0].Champs.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int Col(string[] noms) => noms.Select(n => entete.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
        var (iCode, iPop, iAnnee) = (Col(ColonnesCode), Col(ColonnesPopulation), Col(ColonnesAnnee));
        if (iCode < 0 || iPop < 0) return new(0, 0, 0, ["Colonnes attendues : code_qp (ou code_qpv) et population."]);
        if (iAnnee < 0 && millesime is null) return new(0, 0, 0, ["Millésime manquant : ajoutez une colonne annee_population ou l'option --annee (année du recensement)."]);
        if (millesime is not (null or (>= 1990 and <= 2100))) return new(0, 0, 0, [$"Millésime « {millesime} » invalide (une année)."]);
        var erreurs = new List<string>();
        var nombreErreurs = 0;
        void Erreur(int ligne, string message) { if (++nombreErreurs <= ErreursListees) erreurs.Add($"Ligne {ligne} : {message}"); }
        var lus = new Dictionary<string, (int Population, int Annee)>();
        var total = 0;
        foreach (var (ligne, champs) in lignes.Skip(1))
        {
            if (champs.Count == 1 && string.IsNullOrWhiteSpace(champs[0])) continue;
            total++;
            if (champs.Count != entete.Count) { Erreur(ligne, $"{Pluriel.De(champs.Count, "colonne")} au lieu de {entete.Count}."); continue; }
            var code = champs[iCode].Trim().ToUpperInvariant();
            if (!Qpv.CodeValide(code)) { Erreur(ligne, Qpv.CodeInvalide(champs[iCode])); continue; }
            var texte = new string(champs[iPop].Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace('\u2212', '-');
            if (!int.TryParse(texte, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var population))
            { Erreur(ligne, $"population « {champs[iPop]} » invalide (nombre entier)."); continue; }
            if (population < 0) { Erreur(ligne, $"population négative « {champs[iPop]} » (un nombre d'habitants, 0 ou plus)."); continue; }
            var annee = millesime ?? 0;
            if (iAnnee >= 0 && champs[iAnnee].Trim() is { Length: > 0 } a && !(int.TryParse(a, out annee) && annee is >= 1990 and <= 2100))
            { Erreur(ligne, $"année « {a} » invalide."); continue; }
            if (annee == 0) { Erreur(ligne, "année manquante."); continue; }
            if (!lus.TryAdd(code, (population, annee))) Erreur(ligne, $"code {code} en double.");
        }
        if (nombreErreurs > ErreursListees)
            erreurs.Add($"… et {Pluriel.De(nombreErreurs - ErreursListees, "autre erreur", "autres erreurs")}.");
        if (nombreErreurs > 0) return new(total, 0, 0, erreurs) { NombreErreurs = nombreErreurs };
        var quartiers = (await db.Qpv.ToListAsync(ct)).Where(q => lus.ContainsKey(q.Code)).ToList();
        foreach (var q in quartiers) (q.Population, q.AnneePopulation) = lus[q.Code];
        await db.SaveChangesAsync(ct);
        return new(total, quartiers.Count, lus.Count - quartiers.Count, []);
    }

    /// <summary>The file in memory, or null when it is over <see cref="TailleMax"/> bytes (read no further than that).</summary>
    static async Task<MemoryStream?> LireAuPlusAsync(Stream fichier, CancellationToken ct)
    {
        if (fichier.CanSeek && fichier.Length - fichier.Position > TailleMax) return null;
        var memoire = new MemoryStream();
        var tampon = new byte[81920];
        int n;
        while ((n = await fichier.ReadAsync(tampon, ct)) > 0)
        {
            if (memoire.Length + n > TailleMax) return null;
            memoire.Write(tampon, 0, n);
        }
        memoire.Position = 0;
        return memoire;
    }
}
