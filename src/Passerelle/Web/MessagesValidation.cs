using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Passerelle.Web;

/// <summary>French messages for every validation path: attributes written without their own message (an input record's
/// <c>[StringLength(100)]</c> would otherwise say "The field Prenom must be a string…"), and the framework's model-binding messages
/// ("The value '' is invalid.").</summary>
public static class MessagesValidation
{
    public static string Message(ValidationAttribute a) => a switch
    {
        RequiredAttribute => "Ce champ est obligatoire.",
        StringLengthAttribute { MinimumLength: > 0 } s => $"Entre {s.MinimumLength} et {s.MaximumLength} caractères.",
        StringLengthAttribute s => $"{s.MaximumLength} caractères au plus.",
        MaxLengthAttribute m => $"{m.Length} caractères ou éléments au plus.",
        MinLengthAttribute m => $"{m.Length} caractères ou éléments au moins.",
        RangeAttribute r => $"Valeur attendue entre {r.Minimum} et {r.Maximum}.",
        EmailAddressAttribute => "Adresse électronique invalide.",
        UrlAttribute => "Adresse web invalide (elle commence par https://).",
        PhoneAttribute => "Numéro de téléphone invalide.",
        CompareAttribute => "Les deux valeurs doivent être identiques.",
        _ => "Valeur invalide.",
    };

    public static bool APropreMessage(ValidationAttribute a) => a.ErrorMessage is not null || a.ErrorMessageResourceName is not null;

    /// <summary>Razor Pages and MVC: French binding messages, and a French message on every attribute that has none.</summary>
    public static void Configurer(MvcOptions o)
    {
        var p = o.ModelBindingMessageProvider;
        p.SetAttemptedValueIsInvalidAccessor((v, _) => $"La valeur « {v} » n'est pas valide.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"La valeur « {v} » n'est pas valide.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Valeur invalide.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Valeur invalide.");
        p.SetValueIsInvalidAccessor(v => $"La valeur « {v} » n'est pas valide.");
        p.SetValueMustBeANumberAccessor(_ => "Indiquez un nombre.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Indiquez un nombre.");
        p.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
        p.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
        p.SetMissingKeyOrValueAccessor(() => "Valeur manquante.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Le contenu de la requête est vide.");
        o.ModelMetadataDetailsProviders.Add(new EnFrancais());
    }

    sealed class EnFrancais : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var a in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
                if (!APropreMessage(a)) a.ErrorMessage = Message(a);
        }
    }
}
