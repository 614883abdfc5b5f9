using System.Globalization;

namespace Passerelle.Web;

/// <summary>Counts in French: the singular below 2 (« 0 ligne », « 1 ligne », « 2 lignes »; Académie française, « zéro » and « un »
/// take the singular), thousands grouped the French way (« 40 000 lignes »).</summary>
public static class Pluriel
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 1 ligne », « 2 lignes »: the count then the word; <paramref name="pluriel"/> defaults to the singular plus « s ».</summary>
    public static string De(long n, string singulier, string? pluriel = null) => $"{n.ToString("N0", Fr)} {Mot(n, singulier, pluriel)}";

    /// <summary>The word alone, agreed with <paramref name="n"/>.</summary>
    public static string Mot(long n, string singulier, string? pluriel = null) => Math.Abs(n) < 2 ? singulier : pluriel ?? singulier + "s";
}
