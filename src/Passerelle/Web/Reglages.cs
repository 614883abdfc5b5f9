using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Passerelle.Web;

/// <summary>How settings are read: each section bound to an Options class and checked at start, so that a wrong value stops the
/// start with a French message naming the key — whether the setting decides registrations (<see cref="Lire{T}"/>, before the
/// container exists) or is validated when the container starts (<see cref="AddReglages{T}"/>).</summary>
public static class Reglages
{
    /// <summary>Section <paramref name="section"/> bound to <typeparamref name="T"/> (defaults when absent), validated
    /// (attributes and <see cref="IValidatableObject"/>). Throws <see cref="InvalidOperationException"/> with the French
    /// messages when a value cannot be converted (<see cref="Lier"/>) or breaks a rule.</summary>
    public static T Lire<T>(this IConfiguration configuration, string section) where T : class, new()
    {
        var options = new T();
        Lier(configuration.GetSection(section), options);
        var erreurs = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), erreurs, validateAllProperties: true))
            throw new InvalidOperationException("Réglage invalide : " + string.Join(" ", erreurs.Select(r => r.ErrorMessage)));
        return options;
    }

    /// <summary>What <c>AddOptions&lt;T&gt;().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart()</c> does
    /// (reload on change included), with a value of the wrong type reported in French with its key (<see cref="Lier"/>)
    /// instead of the binder's English message. Use it for every Options section.</summary>
    public static OptionsBuilder<T> AddReglages<T>(this IServiceCollection services, string section) where T : class
    {
        var builder = services.AddOptions<T>();
        builder.Configure<IConfiguration>((options, configuration) => Lier(configuration.GetSection(section), options));
        services.AddSingleton<IOptionsChangeTokenSource<T>>(sp => new ConfigurationChangeTokenSource<T>(builder.Name, sp.GetRequiredService<IConfiguration>()));
        return builder.ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>Binds <paramref name="section"/> onto <paramref name="options"/> as the configuration binder does. When the binder
    /// refuses a value, throws <see cref="InvalidOperationException"/> whose message names the key and says in French what was
    /// expected, e.g. « Réglage Connexion:PremierDelaiSecondes : « abc » n'est pas un nombre entier. » (the binder's own
    /// exception is kept as the inner one).</summary>
    public static void Lier(IConfigurationSection section, object options)
    {
        try { section.Bind(options); }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(ValeurRefusee(section, options.GetType())
                ?? $"Réglage « {section.Path} » illisible : une valeur n'a pas le type attendu (nombre, true/false…).", e);
        }
    }

    /// <summary>The French message for the first value under <paramref name="section"/> that <paramref name="type"/> cannot take,
    /// or null if every value converts. Values are read as the binder reads them: with the invariant culture, through the type's
    /// <see cref="TypeConverter"/>, an empty value meaning « none » for a nullable type; unknown keys are ignored.</summary>
    internal static string? ValeurRefusee(IConfigurationSection section, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (EstValeur(type))
            return section.Value is { } v && !section.GetChildren().Any() && !Convertible(type, v) ? Message(section.Path, v, type) : null;
        var element = TypeAttendu.Element(type);
        foreach (var enfant in section.GetChildren())
        {
            var cible = element ?? type.GetProperty(enfant.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (cible is not null && ValeurRefusee(enfant, cible) is { } message) return message;
        }
        return null;
    }

    static bool EstValeur(Type type) => type == typeof(string) || type == typeof(object) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    /// <summary>An empty value is not judged here (the binder reads it as « none » for a nullable type).</summary>
    static bool Convertible(Type type, string valeur)
    {
        if (type == typeof(string) || type == typeof(object) || valeur.Length == 0) return true;
        try { TypeDescriptor.GetConverter(type).ConvertFromInvariantString(valeur); return true; }
        catch (Exception) { return false; }
    }

    static string Message(string cle, string valeur, Type type)
    {
        var attendu = type == typeof(bool) ? "n'est ni « true » ni « false »"
            : TypeAttendu.Libelle(type) is { } libelle ? $"n'est pas {libelle}" : "n'a pas la forme attendue";
        return $"Réglage {cle} : « {valeur} » {attendu}.";
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
