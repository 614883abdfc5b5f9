namespace Passerelle.Features.Equiper.Dons;

/// <summary>The wall-clock time of the territory (Europe/Paris) for the team's <c>datetime-local</c> fields, which carry no zone:
/// what is typed is read as Paris time and stored in UTC; what is shown is converted back. A time skipped by the spring change
/// (02:30 on the last Sunday of March) is read one hour later; an ambiguous autumn time as standard time.</summary>
public static class HeureParis
{
    public static DateTime? VersUtc(DateTime? local)
    {
        if (local is not { } l) return null;
        var zone = Territoire.Zone(null);
        var t = DateTime.SpecifyKind(l, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(t)) t = t.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(t, zone);
    }

    public static DateTime Depuis(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Territoire.Zone(null));

    /// <summary>The value of a <c>datetime-local</c> input for a UTC instant.</summary>
    public static string Saisie(DateTime utc) => Depuis(utc).ToString("yyyy-MM-ddTHH:mm");
}
