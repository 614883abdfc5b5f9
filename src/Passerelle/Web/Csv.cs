using System.Text;
using nietras.SeparatedValues;

namespace Passerelle.Web;

/// <summary>CSV for every import and export: Sep reads and writes (RFC 4180); Passerelle adds the decoding of spreadsheet
/// files, the line each record starts on for import reports, and the neutralising of cells a spreadsheet would run.</summary>
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

    /// <summary>Reads records (RFC 4180 through Sep: quoted fields, doubled quotes, line breaks inside quotes) as
    /// (physical line the record starts on, 1-based; its fields). Blank lines are skipped. A field that <see cref="Neutraliser"/>
    /// protected (apostrophe before <c>=</c>, <c>+</c>…) gets its value back, so that Passerelle's own exports import unchanged.</summary>
    /// <exception cref="CsvInvalideException">A quote opened and never closed (the record then runs to the end of the file).</exception>
    public static List<(int Ligne, List<string> Champs)> Lire(TextReader lecteur, char separateur)
    {
        var enregistrements = new List<(int Ligne, List<string> Champs)>();
        using var lecteurSep = Sep.New(separateur).Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).From(lecteur);
        var debut = 1;
        foreach (var row in lecteurSep)
        {
            // Sep toggles on every quote, so only an unterminated quoted field leaves a record with an odd count of them.
            if (row.Span.Count('"') % 2 != 0) throw new CsvInvalideException($"Guillemet ouvert ligne {debut} jamais refermé.", debut);
            if (row.ColCount > 1 || row[0].Span.Length > 0)
            {
                var champs = new List<string>(row.ColCount);
                for (var i = 0; i < row.ColCount; i++) champs.Add(Retablir(row[i].ToString()));
                enregistrements.Add((debut, champs));
            }
            // Sep's LineNumberFrom is off for the first row when there is no header; where a row ends is right.
            debut = row.LineNumberToExcl;
        }
        return enregistrements;
    }

    /// <summary>The separator a file uses: of <paramref name="candidats"/>, the one most frequent on its first line (the first
    /// candidate on a tie). The legacy v0.1 places files and French spreadsheets use <c>;</c>.</summary>
    public static char Separateur(string texte, params char[] candidats)
    {
        var premiereLigne = texte.AsSpan(0, texte.IndexOf('\n') is var n and >= 0 ? n : texte.Length);
        var meilleur = candidats[0];
        foreach (var c in candidats) if (premiereLigne.Count(c) > premiereLigne.Count(meilleur)) meilleur = c;
        return meilleur;
    }

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

    /// <summary>A CSV download: UTF-8 with a byte-order mark, so that spreadsheets read the accents.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Telechargement(string csv, string nomFichier) =>
        Microsoft.AspNetCore.Http.TypedResults.File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", nomFichier);

    /// <summary>Writes CSV for spreadsheets and the national tools: comma-separated, CRLF line ends, every field quoted (as in
    /// the places standard's example file and La Coop's export) and neutralised (<see cref="Neutraliser"/>). Rows may differ in
    /// length. Dispose it (or the caller's <c>using</c>) to flush; the <see cref="TextWriter"/> stays open.</summary>
    public sealed class Ecrivain : IDisposable
    {
        readonly SepWriter _sep;

        public Ecrivain(TextWriter sortie)
        {
            sortie.NewLine = "\r\n";
            // Sep quotes only the fields that need it (Escape); the all-quoted form is ours, so Sep writes the fields as given.
            _sep = Sep.New(',').Writer(o => o with { WriteHeader = false, Escape = false, DisableColCountCheck = true, ColNotSetOption = SepColNotSetOption.Skip })
                .To(sortie, leaveOpen: true);
        }

        public void Ligne(IEnumerable<string> champs)
        {
            using var ligne = _sep.NewRow();
            var i = 0;
            foreach (var champ in champs) ligne[i++].Set(string.Concat("\"", Neutraliser(champ).Replace("\"", "\"\""), "\""));
        }

        bool _fini;

        /// <summary>Flushes the rows into the <see cref="TextWriter"/>; safe to call twice.</summary>
        public void Dispose()
        {
            if (_fini) return;
            _fini = true;
            _sep.Dispose();
        }
    }

    /// <summary>A whole CSV text from rows (see <see cref="Ecrivain"/>).</summary>
    public static string Ecrire(IEnumerable<IEnumerable<string>> lignes)
    {
        var texte = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var csv = new Ecrivain(texte)) foreach (var l in lignes) csv.Ligne(l);
        return texte.ToString();
    }
}
