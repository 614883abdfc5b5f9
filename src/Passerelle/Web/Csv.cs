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

    public static IEnumerable<(int Ligne, List<string> Champs)> Lire(TextReader lecteur, char separateur)
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
            w.Write(champ.Replace("\"", "\"\""));
            w.Write('"');
        }
        w.Write("\r\n");
    }
}
