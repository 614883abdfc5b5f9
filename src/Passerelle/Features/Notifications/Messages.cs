using System.Globalization;
using System.Text;

namespace Passerelle.Features.Notifications;

/// <summary>What the outbox says, in plain French, and the ICS files that go with it.</summary>
public static class Messages
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public sealed record Rdv(string Titre, DateTime DebutUtc, DateTime FinUtc, string Lieu, string Adresse, string Fuseau, string? Documents, string Lien);

    public static string Quand(Rdv r)
    {
        var zone = Horaires.Territoire.Zone(r.Fuseau);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.DebutUtc, DateTimeKind.Utc), zone);
        return local.ToString("dddd d MMMM yyyy 'à' HH'h'mm", Fr);
    }

    public static (string Sujet, string Corps) Confirmation(Rdv r) => ($"Rendez-vous confirmé : {r.Titre}, {Quand(r)}",
        $"Bonjour,\n\nVotre rendez-vous est confirmé.\n\n{r.Titre}\n{Quand(r)}\n{r.Lieu}\n{r.Adresse}\n\n" +
        (r.Documents is null ? "" : $"À apporter : {r.Documents}\n\n") +
        $"Pour voir, déplacer ou annuler ce rendez-vous : {r.Lien}\n\nSi vous ne pouvez pas venir, annulez : la place ira à quelqu'un d'autre.\n");

    public static (string Sujet, string Corps) Rappel(Rdv r) => ($"Rappel : {r.Titre}, {Quand(r)}",
        $"Bonjour,\n\nNous vous rappelons votre rendez-vous : {r.Titre}, {Quand(r)}, {r.Lieu}, {r.Adresse}.\n" +
        (r.Documents is null ? "" : $"À apporter : {r.Documents}\n") + $"\nPour annuler ou déplacer : {r.Lien}\n");

    public static (string Sujet, string Corps) Annulation(Rdv r) => ($"Rendez-vous annulé : {r.Titre}, {Quand(r)}",
        $"Bonjour,\n\nVotre rendez-vous du {Quand(r)} ({r.Titre}, {r.Lieu}) est annulé.\nVous pouvez en prendre un autre sur {r.Lien.Split("/mon-")[0]}/rendez-vous.\n");

    public static (string Sujet, string Corps) Promotion(Rdv r) => ($"Une place s'est libérée : {r.Titre}, {Quand(r)}",
        $"Bonjour,\n\nBonne nouvelle : une place s'est libérée et vous êtes maintenant inscrit(e) à l'atelier « {r.Titre} », {Quand(r)}, {r.Lieu}, {r.Adresse}.\n\n" +
        $"Si vous ne pouvez plus venir, libérez la place pour la personne suivante : {r.Lien}\n");

    public static string Sms(string sujet, Rdv r) => $"{sujet}. {r.Lieu}. Gérer : {r.Lien}";

    /// <summary>One VEVENT (RFC 5545): UTC times, escaped text, CRLF lines.</summary>
    public static string Evenement(string uid, Rdv r, DateTime maintenantUtc)
    {
        var sb = new StringBuilder();
        sb.Append("BEGIN:VEVENT\r\n");
        sb.Append($"UID:{uid}\r\n");
        sb.Append($"DTSTAMP:{maintenantUtc:yyyyMMdd'T'HHmmss'Z'}\r\n");
        sb.Append($"DTSTART:{r.DebutUtc:yyyyMMdd'T'HHmmss'Z'}\r\n");
        sb.Append($"DTEND:{r.FinUtc:yyyyMMdd'T'HHmmss'Z'}\r\n");
        sb.Append($"SUMMARY:{Echapper(r.Titre)}\r\n");
        sb.Append($"LOCATION:{Echapper(r.Lieu + ", " + r.Adresse)}\r\n");
        if (r.Documents is not null) sb.Append($"DESCRIPTION:{Echapper("À apporter : " + r.Documents)}\r\n");
        sb.Append("END:VEVENT\r\n");
        return sb.ToString();
    }

    public static string Calendrier(IEnumerable<string> evenements, string nom) =>
        $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Passerelle//FR\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:{Echapper(nom)}\r\n{string.Concat(evenements)}END:VCALENDAR\r\n";

    static string Echapper(string s) => s.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r", "").Replace("\n", "\\n");
}
