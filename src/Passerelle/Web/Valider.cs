using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Passerelle.Web;

/// <summary>Runs the validation attributes of an input record; an attribute written without its own message answers in French
/// (<see cref="MessagesValidation"/>), never the framework's English default.</summary>
public static class Valider
{
    public static Dictionary<string, string[]>? Objet(object saisie)
    {
        var erreurs = new List<(string Champ, string Message)>();
        foreach (var p in saisie.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var attributs = p.GetCustomAttributes<ValidationAttribute>(true).ToList();
            if (attributs.Count == 0) continue;
            var valeur = p.GetValue(saisie);
            var contexte = new ValidationContext(saisie) { MemberName = p.Name, DisplayName = p.Name };
            foreach (var a in attributs)
                if (a.GetValidationResult(valeur, contexte) is { } r)
                    erreurs.Add((p.Name, MessagesValidation.APropreMessage(a) ? r.ErrorMessage ?? MessagesValidation.Message(a) : MessagesValidation.Message(a)));
        }
        return erreurs.Count == 0 ? null : erreurs.GroupBy(x => x.Champ).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
    }

    /// <summary>Field errors a use case found (checks that need the database or the clock), as the framework's validation exception:
    /// the exception handler answers 400 ValidationProblem with these fields and <paramref name="titre"/>, pages show each message
    /// next to its field (<see cref="Erreurs"/>).</summary>
    public static ValidationException Invalide(Dictionary<string, string[]> erreurs, string? titre = null) =>
        new(new ValidationResult(titre ?? erreurs.First().Value[0], erreurs.Keys), null, new Saisie(erreurs, titre));

    sealed record Saisie(Dictionary<string, string[]> Erreurs, string? Titre);

    /// <summary>The field errors carried by a validation exception (<see cref="Invalide"/>, or a single attribute's failure).</summary>
    public static Dictionary<string, string[]> Erreurs(ValidationException e) =>
        (e.Value as Saisie)?.Erreurs ?? new Dictionary<string, string[]>
        {
            [e.ValidationResult.MemberNames.FirstOrDefault() ?? ""] = [e.ValidationResult.ErrorMessage ?? e.Message],
        };

    /// <summary>The title given by the use case ("Compte rendu invalide"), if any.</summary>
    public static string? Titre(ValidationException e) => (e.Value as Saisie)?.Titre;

    /// <summary>A whole uploaded file refused (unreadable encoding, missing columns, malformed JSON…): a validation error on the field
    /// « fichier ». Importers turn it into their report's file error; elsewhere it answers 400.</summary>
    public static ValidationException Fichier(string message) => Invalide(new() { ["fichier"] = [message] });
}
