using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace Passerelle.Web;

/// <summary>A JSON body an API route could not read. The route handlers throw instead of answering an empty 400
/// (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>, set in every environment by <see cref="Erreurs.AddErreurs"/>), and
/// <see cref="GestionnaireExceptions"/> asks here what to say: a value of the wrong type becomes a field error named by its JSON
/// path (« Le champ « duree » attend un nombre entier. »), a malformed document a French sentence with its line.</summary>
public static partial class CorpsJson
{
    /// <summary>The field errors for a value of the wrong type in the body of <paramref name="endpoint"/>: one entry keyed by the
    /// path as the client wrote it (<c>duree</c>, <c>participants[1]</c>, <c>decomptesAnonymes[0].nombre</c>); null when
    /// <paramref name="e"/> is not about such a value (malformed JSON, missing body, a route or query value…).</summary>
    public static Dictionary<string, string[]>? Erreurs(Exception e, Endpoint? endpoint)
    {
        if (e is not BadHttpRequestException { InnerException: JsonException j } || j.InnerException is JsonException || j.Path is not { Length: > 1 } chemin)
            return null;
        var champ = chemin.StartsWith("$.", StringComparison.Ordinal) ? chemin[2..] : chemin[1..];
        var type = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } corps ? TypeAuChemin(corps, chemin) : null;
        var message = type is not null && TypeAttendu.Libelle(type) is { } libelle
            ? $"Le champ « {champ} » attend {libelle}." : $"Le champ « {champ} » n'a pas le type attendu.";
        return new() { [champ] = [message] };
    }

    /// <summary>For a malformed document (the JSON reader gave up): « Le JSON envoyé est mal formé (ligne 1, caractère 24). »;
    /// null otherwise.</summary>
    public static string? MalForme(Exception e)
    {
        var j = e as JsonException ?? (e as BadHttpRequestException)?.InnerException as JsonException;
        if (j?.InnerException is not JsonException) return null;
        return j.LineNumber is { } ligne ? $"Le JSON envoyé est mal formé (ligne {ligne + 1}, caractère {(j.BytePositionInLine ?? 0) + 1})." : "Le JSON envoyé est mal formé.";
    }

    [GeneratedRegex(@"\.(?<nom>[^.\[]+)|\['(?<nom>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();

    /// <summary>The .NET type at a JSON path of <paramref name="racine"/> (property names matched as System.Text.Json's web defaults
    /// do, case aside); null when the path leaves the known types.</summary>
    internal static Type? TypeAuChemin(Type racine, string chemin)
    {
        Type? type = racine;
        foreach (Match m in Segment().Matches(chemin))
        {
            type = Nullable.GetUnderlyingType(type!) ?? type!;
            type = m.Groups["index"].Success ? TypeAttendu.Element(type)
                : TypeAttendu.Element(type) is { } valeur && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)) ? valeur
                : type.GetProperty(m.Groups["nom"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (type is null) return null;
        }
        return type;
    }
}
