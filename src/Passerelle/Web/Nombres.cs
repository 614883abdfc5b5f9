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

/// <summary>Euros typed in a form ("2 500", "2 500,50", "2500.5", "12,5 €") to cents; false for anything else (letters, more than
/// 2 decimals, above 10 billion euros); empty gives true and null.</summary>
public static class Euros
{
    public static bool Lire(string? texte, out long? centimes)
    {
        centimes = null;
        if (string.IsNullOrWhiteSpace(texte)) return true;
        var t = new string([.. texte.Where(c => !char.IsWhiteSpace(c) && c != '€' && c != '\u202f' && c != '\u00a0')]).Replace(',', '.');
        if (t.Length > 20 || !decimal.TryParse(t, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var v) || decimal.Round(v, 2) != v || Math.Abs(v) > 10_000_000_000m) return false;
        centimes = (long)(v * 100);
        return true;
    }
}
