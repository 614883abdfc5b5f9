namespace Passerelle.Features.Notifications;

/// <summary>The contact a person leaves to be told (confirmation, reminder, cancellation), as bookings and workshop registrations
/// ask for it: a phone or an e-mail, the phone a French number (<see cref="Identifiants.TelephoneInternational"/>), and their consent.</summary>
public static class Coordonnees
{
    /// <summary>Adds to <paramref name="erreurs"/> (field → French messages) what is missing or wrong, under the fields
    /// <c>Telephone</c> and <c>Consentement</c>.</summary>
    public static void Verifier(string? telephone, string? email, bool consentement, Dictionary<string, string[]> erreurs)
    {
        if (string.IsNullOrWhiteSpace(telephone) && string.IsNullOrWhiteSpace(email))
            erreurs["Telephone"] = ["Indiquez un numéro de téléphone ou une adresse électronique, pour recevoir la confirmation."];
        else if (!string.IsNullOrWhiteSpace(telephone) && Identifiants.TelephoneInternational(telephone) is null)
            erreurs["Telephone"] = ["Numéro de téléphone invalide (ex. 06 12 34 56 78)."];
        if (!consentement) erreurs["Consentement"] = ["Cochez la case pour accepter que vos coordonnées servent à ce rendez-vous."];
    }
}
