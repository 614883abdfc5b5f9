using System.ComponentModel.DataAnnotations;

namespace Passerelle.Web;

/// <summary>Settings read before the container exists (they decide what is registered): bound once from configuration and
/// checked with the same validation attributes as the options validated at start, so that a wrong value stops the start
/// with a French message naming the key.</summary>
public static class Reglages
{
    /// <summary>Section <paramref name="section"/> bound to <typeparamref name="T"/> (defaults when absent), validated
    /// (attributes and <see cref="IValidatableObject"/>). Throws <see cref="InvalidOperationException"/> with the French
    /// messages when a value cannot be converted or breaks a rule.</summary>
    public static T Lire<T>(this IConfiguration configuration, string section) where T : class, new()
    {
        T options;
        try { options = configuration.GetSection(section).Get<T>() ?? new(); }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"Réglage « {section} » illisible : une valeur n'a pas le type attendu (nombre, true/false…). {e.Message}", e);
        }
        var erreurs = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), erreurs, validateAllProperties: true))
            throw new InvalidOperationException("Réglage invalide : " + string.Join(" ", erreurs.Select(r => r.ErrorMessage)));
        return options;
    }

    /// <summary><c>Taches:Actives</c> (default true): whether the background jobs are registered (off in tests).</summary>
    public static bool TachesActives(this IConfiguration configuration) => configuration.Lire<TachesOptions>("Taches").Actives;
}

/// <summary>Section <c>Taches</c>, read before the container exists: it decides which background jobs are registered.</summary>
public sealed class TachesOptions
{
    /// <summary>Runs the background jobs (outbox sender, slot generation, anonymisation); default true.</summary>
    public bool Actives { get; set; } = true;
}
