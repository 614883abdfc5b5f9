using System.Text;

namespace Passerelle.Web;

/// <summary>RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes. Each record
/// carries the physical line it starts on, so that import reports point at the right line.</summary>
public static class Csv
{
    public sealed class CsvInvalideException(string message, int ligne) : Exception(message)
    {
        public int Ligne { get; } = ligne;
    }

    /// <summary>A file's text and how it was decoded.</summary>
    public sealed record TexteLu(string Contenu, bool Windows1252)
    {
        /// <summary>What import reports say when the file was not UTF-8.</summary>
        public string? Note => Windows1252
            ? "Fichier lu en Windows-1252 (l'encodage des tableurs sous Windows) car il n'était pas en UTF-8 : vérifiez les accents dans le résultat."
            : null;
    }

    /// <summary>A file that no encoding reads without garbling it: refused whole.</summary>
    public sealed class EncodageInvalideException(string message) : Exception(message);

    static readonly UTF8Encoding Utf8Strict = new(false, true);
    static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>The one decoding of imported files: valid UTF-8 (with or without a byte-order mark) is UTF-8; anything else is
    /// read as Windows-1252 — what spreadsheets write by default on Windows — unless it holds bytes that Windows-1252 does not
    /// define or control characters, which no text file written by a spreadsheet does: then the file is refused.</summary>
    public static TexteLu Decoder(ReadOnlySpan<byte> octets)
    {
        if (octets.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) octets = octets[3..];
        string texte;
        try { texte = Utf8Strict.GetString(octets); }
        catch (DecoderFallbackException)
        {
            try { texte = Windows1252.GetString(octets); }
            catch (DecoderFallbackException) { throw new EncodageInvalideException(MessageEncodage); }
            if (texte.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'))) throw new EncodageInvalideException(MessageEncodage);
            return new TexteLu(texte, true);
        }
        if (texte.Contains('\0')) throw new EncodageInvalideException(MessageEncodage);
        return new TexteLu(texte, false);
    }

    const string MessageEncodage = "Le fichier n'est pas un fichier texte lisible (ni UTF-8, ni Windows-1252) : rien n'a été importé. "
        + "Depuis votre tableur, enregistrez-le au format « CSV UTF-8 ».";

    public static async Task<TexteLu> LireTexteAsync(Stream flux, CancellationToken ct)
    {
        using var memoire = new MemoryStream();
        await flux.CopyToAsync(memoire, ct);
        return Decoder(memoire.GetBuffer().AsSpan(0, (int)memoire.Length));
    }

    public static TexteLu LireTexte(Stream flux)
    {
        using var memoire = new MemoryStream();
        flux.CopyTo(memoire);
        return Decoder(memoire.GetBuffer().AsSpan(0, (int)memoire.Length));
    }

    /// <summary>Reads records; a field that <see cref="Neutraliser"/> protected (apostrophe before <c>=</c>, <c>+</c>…) gets its value back,
    /// so that Passerelle's own exports import unchanged.</summary>
    public static IEnumerable<(int Ligne, List<string> Champs)> Lire(TextReader lecteur, char separateur) =>
        LireBrut(lecteur, separateur).Select(l => (l.Ligne, l.Champs.Select(Retablir).ToList()));

    static string Retablir(string champ) => champ.Length > 1 && champ[0] == '\'' && EstDeclencheur(champ[1]) ? champ[1..] : champ;

    static bool EstDeclencheur(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A cell a spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
    /// return) is written after an apostrophe, which spreadsheets read as "this is text" (OWASP CSV injection). A phone number
    /// <c>+33…</c> so stays text too; a plain negative number (a longitude) stays a number, a lone dash a dash.</summary>
    public static string Neutraliser(string champ)
    {
        if (champ.Length == 0 || !EstDeclencheur(champ[0])) return champ;
        // A lone dash (the Coop's "no value") or a plain negative number cannot run anything.
        if (champ == "-" || champ[0] == '-' && NombreNegatif(champ)) return champ;
        return "'" + champ;
    }

    static bool NombreNegatif(string s)
    {
        var point = false;
        for (var i = 1; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i])) continue;
            if (s[i] == '.' && !point && i > 1 && i < s.Length - 1) { point = true; continue; }
            return false;
        }
        return s.Length > 1;
    }

    static IEnumerable<(int Ligne, List<string> Champs)> LireBrut(TextReader lecteur, char separateur)
    {
        var champs = new List<string>();
        var champ = new StringBuilder();
        int ligne = 1, debut = 1;
        var guillemets = false;
        var champCommence = false;
        int c;
        while ((c = lecteur.Read()) != -1)
        {
            var ch = (char)c;
            if (guillemets)
            {
                if (ch == '"')
                {
                    if (lecteur.Peek() == '"') { lecteur.Read(); champ.Append('"'); }
                    else guillemets = false;
                }
                else
                {
                    if (ch == '\n') ligne++;
                    champ.Append(ch);
                }
                continue;
            }
            if (ch == '"' && champ.Length == 0 && !champCommence) { guillemets = true; champCommence = true; }
            else if (ch == separateur) { champs.Add(champ.ToString()); champ.Clear(); champCommence = false; }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                champs.Add(champ.ToString()); champ.Clear(); champCommence = false;
                if (!(champs.Count == 1 && champs[0].Length == 0)) yield return (debut, champs);
                champs = [];
                ligne++;
                debut = ligne;
            }
            else { champ.Append(ch); champCommence = true; }
        }
        if (guillemets) throw new CsvInvalideException($"Guillemet ouvert ligne {debut} jamais refermé.", debut);
        if (champ.Length > 0 || champs.Count > 0 || champCommence)
        {
            champs.Add(champ.ToString());
            if (!(champs.Count == 1 && champs[0].Length == 0)) yield return (debut, champs);
        }
    }

    /// <summary>A CSV download: UTF-8 with a byte-order mark, so that spreadsheets read the accents.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Telechargement(string csv, string nomFichier) =>
        Microsoft.AspNetCore.Http.TypedResults.File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", nomFichier);

    public static void EcrireLigne(TextWriter w, IEnumerable<string> champs)
    {
        var premier = true;
        foreach (var champ in champs)
        {
            if (!premier) w.Write(',');
            premier = false;
            w.Write('"');
            w.Write(Neutraliser(champ).Replace("\"", "\"\""));
            w.Write('"');
        }
        w.Write("\r\n");
    }
}
