using System.Globalization;
using System.Text;
using System.Text.Json;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>A file read into rows of column → raw value, with the line number of each row.</summary>
/// <param name="NoteEncodage">Set when the file was not UTF-8 and was read as Windows-1252 (see <see cref="Csv.Decoder"/>).</param>
public sealed record FichierLu(IReadOnlyList<string> Colonnes, IReadOnlyList<(int Ligne, Dictionary<string, string?> Valeurs)> Lignes, char Separateur, string? NoteEncodage = null);

/// <summary>Reads and writes the standard's CSV and JSON forms.</summary>
public static class FichierLieux
{
    public const long TailleMax = 100 * 1024 * 1024;

    public static string FormatDepuisNom(string nom, string? format) =>
        (format ?? Path.GetExtension(nom).TrimStart('.')).ToLowerInvariant() switch
        {
            "csv" or "txt" => "csv",
            "json" => "json",
            var f => throw Valider.Fichier($"Format « {f} » inconnu : utilisez csv ou json."),
        };

    public static FichierLu Lire(Stream flux, string format) =>
        format == "json" ? LireJson(flux) : LireCsv(flux);

    static FichierLu LireCsv(Stream flux)
    {
        Csv.TexteLu lu;
        try { lu = Csv.LireTexte(flux); }
        catch (Csv.EncodageInvalideException e) { throw Valider.Fichier(e.Message); }
        var texte = lu.Contenu;
        var separateur = Csv.Separateur(texte, ',', ';', '\t');
        var enregistrements = new List<(int Ligne, List<string> Champs)>();
        try { enregistrements.AddRange(Csv.Lire(new StringReader(texte), separateur)); }
        catch (Csv.CsvInvalideException e) { throw Valider.Fichier(e.Message); }
        if (enregistrements.Count == 0) throw Valider.Fichier("Le fichier est vide : la ligne d'en-tête est absente.");
        var colonnes = enregistrements[0].Champs.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var lignes = new List<(int, Dictionary<string, string?>)>();
        foreach (var (ligne, champs) in enregistrements.Skip(1))
        {
            var valeurs = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < colonnes.Length; i++) valeurs[colonnes[i]] = i < champs.Count ? champs[i] : null;
            if (champs.Count > colonnes.Length) valeurs["__colonnes_en_trop"] = champs.Count.ToString(CultureInfo.InvariantCulture);
            lignes.Add((ligne, valeurs));
        }
        return new FichierLu(colonnes, lignes, separateur, lu.Note);
    }

    static FichierLu LireJson(Stream flux)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(flux, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e) { throw Valider.Fichier($"JSON invalide (ligne {e.LineNumber + 1}) : {e.Message.Split('.')[0]}."); }
        using (doc)
        {
            var racine = doc.RootElement;
            // The national map wraps its exports in no envelope; some tools do.
            if (racine.ValueKind == JsonValueKind.Object && racine.TryGetProperty("items", out var items)) racine = items;
            if (racine.ValueKind != JsonValueKind.Array) throw Valider.Fichier("Le JSON doit être un tableau d'objets.");
            var colonnes = new List<string>();
            var lignes = new List<(int, Dictionary<string, string?>)>();
            var n = 0;
            foreach (var element in racine.EnumerateArray())
            {
                n++;
                if (element.ValueKind != JsonValueKind.Object) throw Valider.Fichier($"L'élément n° {n} n'est pas un objet.");
                var valeurs = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var p in element.EnumerateObject())
                {
                    var cle = p.Name.Trim().ToLowerInvariant();
                    if (!colonnes.Contains(cle)) colonnes.Add(cle);
                    valeurs[cle] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.Number => p.Value.GetRawText(),
                        JsonValueKind.Null => null,
                        JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                        JsonValueKind.Array => string.Join('|', p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                        _ => p.Value.GetRawText(),
                    };
                }
                lignes.Add((n, valeurs));
            }
            return new FichierLu(colonnes, lignes, ',');
        }
    }

    public static void EcrireCsv(IEnumerable<LigneLieu> lignes, Stream sortie)
    {
        using var writer = new StreamWriter(sortie, new UTF8Encoding(false), leaveOpen: true);
        using var csv = new Csv.Ecrivain(writer);
        csv.Ligne(StandardLieux.Colonnes);
        foreach (var l in lignes) csv.Ligne(l.VersColonnes());
    }

    public static void EcrireJson(IEnumerable<LigneLieu> lignes, Stream sortie)
    {
        using var json = new Utf8JsonWriter(sortie, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var l in lignes)
        {
            json.WriteStartObject();
            var valeurs = l.VersColonnes();
            for (var i = 0; i < valeurs.Length; i++) json.WriteString(StandardLieux.Colonnes[i], valeurs[i]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
