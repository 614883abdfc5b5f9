using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Passerelle.Features.Notifications;

/// <summary>Every calendar file the app writes (RFC 5545, through Ical.Net): times in the place's time zone with its
/// VTIMEZONE; one UID per appointment for its whole life, a SEQUENCE raised by each move and by the cancellation,
/// and METHOD:CANCEL for a cancellation so that calendar apps remove the event they hold.</summary>
public static class Calendriers
{
    public sealed record Evenement(string Uid, Messages.Rdv Rdv, int Sequence = 0, bool Annule = false);

    /// <summary>The file attached to a confirmation, a move or a cancellation (or downloaded from the link page).</summary>
    public static string Rendezvous(Evenement e, DateTime maintenantUtc) =>
        Ecrire([e], null, e.Annule ? CalendarMethods.Cancel : CalendarMethods.Publish, maintenantUtc);

    /// <summary>A subscription feed (the mediator's agenda).</summary>
    public static string Flux(IEnumerable<Evenement> evenements, string nom, DateTime maintenantUtc) =>
        Ecrire(evenements, nom, CalendarMethods.Publish, maintenantUtc);

    static string Ecrire(IEnumerable<Evenement> evenements, string? nom, string methode, DateTime maintenantUtc)
    {
        var calendrier = new Calendar { ProductId = "-//Passerelle//FR", Method = methode };
        if (nom is not null) calendrier.AddProperty("X-WR-CALNAME", nom);
        var fuseaux = new HashSet<string>();
        foreach (var e in evenements)
        {
            var zone = Territoire.Zone(e.Rdv.Fuseau);
            var ev = new CalendarEvent
            {
                Uid = e.Uid, Sequence = e.Sequence, Summary = e.Rdv.Titre, DtStamp = new CalDateTime(Utc(maintenantUtc)),
                DtStart = Date(e.Rdv.DebutUtc, zone), DtEnd = Date(e.Rdv.FinUtc, zone),
                Location = string.IsNullOrEmpty(e.Rdv.Adresse) ? e.Rdv.Lieu : $"{e.Rdv.Lieu}, {e.Rdv.Adresse}",
                Status = e.Annule ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (e.Rdv.Documents is not null) ev.Description = "À apporter : " + e.Rdv.Documents;
            if (ev.DtStart!.TzId == zone.Id || ev.DtEnd!.TzId == zone.Id) fuseaux.Add(zone.Id);
            calendrier.Events.Add(ev);
        }
        foreach (var f in fuseaux) calendrier.AddTimeZone(f);
        return new CalendarSerializer().SerializeToString(calendrier) ?? "";
    }

    static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);

    /// <summary>Local time with its TZID; an instant of the repeated autumn hour, whose local time names two instants, stays in UTC.</summary>
    static CalDateTime Date(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), zone);
        return zone.IsAmbiguousTime(local) ? new CalDateTime(Utc(utc)) : new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.Id);
    }
}
