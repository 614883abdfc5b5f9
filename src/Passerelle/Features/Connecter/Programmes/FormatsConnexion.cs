using System.Globalization;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>How Connecter writes amounts and months for people: « 1 234,50 € » (French thousands separator, the euro sign kept with
/// its amount by a no-break space) and « janvier 2026 ».</summary>
public static class FormatsConnexion
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Cents to « 1 234,50 € ».</summary>
    public static string Euros(long centimes) => (centimes / 100m).ToString("N2", Fr) + "\u00A0€";

    /// <summary>A month as yyyyMM (the ledger's <c>Mois</c>) to « janvier 2026 ».</summary>
    public static string Mois(int aaaamm) => Mois(new DateOnly(aaaamm / 100, aaaamm % 100, 1));

    /// <summary>The month of a date to « janvier 2026 ».</summary>
    public static string Mois(DateOnly jour) => jour.ToString("MMMM yyyy", Fr);

    /// <summary>A count of people, or « masqué » when the small-cells rule hides it.</summary>
    public static string Nombre(int? n) => n is { } v ? v.ToString("N0", Fr) : "masqué";
}
