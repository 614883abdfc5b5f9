using System.Globalization;

namespace Passerelle.Web;

public static class Nombres
{
    /// <summary>Reads a decimal typed the French way ("43,29") or the international way ("43.29"); empty means none.</summary>
    public static bool Lire(string? texte, out double? valeur)
    {
        valeur = null;
        if (string.IsNullOrWhiteSpace(texte)) return true;
        var t = new string([.. texte.Where(c => !char.IsWhiteSpace(c))]).Replace(',', '.');
        if (t.Length > 30 || !double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            || !double.IsFinite(v)) return false;
        valeur = v;
        return true;
    }
}
