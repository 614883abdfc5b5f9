using System.Globalization;

namespace Passerelle.Features.Notifications;

/// <summary>What the outbox says, in plain French (calendar files: <see cref="Calendriers"/>).</summary>
public static class Messages
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public sealed record Rdv(string Titre, DateTime DebutUtc, DateTime FinUtc, string Lieu, string Adresse, string Fuseau, string? Documents, string Lien);

    public static string Quand(Rdv r)
    {
        var zone = Territoire.Zone(r.Fuseau);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.DebutUtc, DateTimeKind.Utc), zone);
        return Passerelle.Web.DatesEnLettres.Format(local, "dddd d MMMM yyyy 'à' HH'h'mm");
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

    /// <summary>Cancelled by the team (the place closes, the mediator is away): says why and how to book again.</summary>
    public static Func<Rdv, (string, string)> AnnulationParEquipe(string motif) => r => ($"Rendez-vous annulé : {r.Titre}, {Quand(r)}",
        $"Bonjour,\n\nNous sommes désolés : votre rendez-vous du {Quand(r)} ({r.Titre}, {r.Lieu}) est annulé. {motif}\n" +
        $"Vous pouvez en prendre un autre sur {r.Lien.Split("/mon-")[0]}/rendez-vous.\nDétails : {r.Lien}\n");

    public static (string Sujet, string Corps) Promotion(Rdv r) => ($"Une place s'est libérée : {r.Titre}, {Quand(r)}",
        $"Bonjour,\n\nBonne nouvelle : une place s'est libérée et vous êtes maintenant inscrit(e) à l'atelier « {r.Titre} », {Quand(r)}, {r.Lieu}, {r.Adresse}.\n\n" +
        $"Si vous ne pouvez plus venir, libérez la place pour la personne suivante : {r.Lien}\n");

    public static string Sms(string sujet, Rdv r) => $"{sujet}. {r.Lieu}. Gérer : {r.Lien}";
}
