using System.ComponentModel.DataAnnotations;

namespace Passerelle.Web;

/// <summary>Runs the validation attributes of an input record (their messages are in French).</summary>
public static class Valider
{
    public static Dictionary<string, string[]>? Objet(object saisie)
    {
        var resultats = new List<ValidationResult>();
        if (Validator.TryValidateObject(saisie, new ValidationContext(saisie), resultats, validateAllProperties: true)) return null;
        return resultats.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (m, r.ErrorMessage ?? "Valeur invalide.")))
            .GroupBy(x => x.m).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray());
    }
}
