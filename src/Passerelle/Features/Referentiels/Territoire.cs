namespace Passerelle.Features.Referentiels;

/// <summary>Département (INSEE code: « 13 », « 2A », « 974 ») and IANA time zone of a French postcode (La Poste's postcodes begin
/// with the département; overseas ones have their own zone, tz database names).</summary>
public static class Territoire
{
    public const string FuseauMetropole = "Europe/Paris";

    public static string? Departement(string? codePostal)
    {
        if (codePostal is not { Length: 5 } || !codePostal.All(char.IsAsciiDigit)) return null;
        if (codePostal.StartsWith("97") || codePostal.StartsWith("98")) return codePostal[..3];
        if (codePostal.StartsWith("20")) return int.Parse(codePostal) < 20200 ? "2A" : "2B";
        return codePostal[..2];
    }

    public static string Fuseau(string? codePostal) => Departement(codePostal) switch
    {
        "971" => "America/Guadeloupe",
        "972" => "America/Martinique",
        "973" => "America/Cayenne",
        "974" => "Indian/Reunion",
        "975" => "America/Miquelon",
        "976" => "Indian/Mayotte",
        "977" => "America/St_Barthelemy",
        "978" => "America/Marigot",
        "986" => "Pacific/Wallis",
        "987" => "Pacific/Tahiti",
        "988" => "Pacific/Noumea",
        _ => FuseauMetropole,
    };

    /// <summary>Today's date in the territory's time zone (Europe/Paris unless given): a day begins at local
    /// midnight, not at 00:00 UTC, so an appointment kept at 00:30 in Paris belongs to that local day.</summary>
    public static DateOnly AujourdHui(TimeProvider horloge, string? fuseau = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(horloge.GetUtcNow().UtcDateTime, Zone(fuseau)));

    /// <summary>A stored UTC instant as the territory's local time (Europe/Paris unless given), for display.</summary>
    public static DateTime HeureLocale(DateTime utc, string? fuseau = null) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(fuseau));

    public static TimeZoneInfo Zone(string? fuseau)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(fuseau ?? FuseauMetropole); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.FindSystemTimeZoneById(FuseauMetropole); }
    }
}
