using System.Globalization;
using System.Text;

namespace Passerelle.Web;

public static class Texte
{
    /// <summary>Lower case, no accents, hyphens and apostrophes as spaces: "Saint-Étienne" → "saint etienne".</summary>
    public static string Normaliser(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c is '-' or '\'' or '’' ? ' ' : char.ToLowerInvariant(c));
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary><see cref="Normaliser"/> without any space: "N'Diaye" and "NDIAYE" → "ndiaye", "Jean-Baptiste" → "jeanbaptiste".</summary>
    public static string Compacter(string? s) => Normaliser(s).Replace(" ", "");
}
