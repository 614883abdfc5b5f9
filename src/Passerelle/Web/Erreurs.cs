using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Passerelle.Web;

public static class Erreurs
{
    public static void AddErreurs(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var p = ctx.ProblemDetails;
            // French titles whatever produced the problem (framework, validation, our code).
            if (p.Title is null || p.Title.Length == 0 || p.Title.All(c => c < 128) && !p.Title.Contains(' ') || EstAnglais(p.Title))
                p.Title = Titre(p.Status ?? ctx.HttpContext.Response.StatusCode);
            // Identity's token endpoints write their sign-in result in English ("Failed", "LockedOut", "NotAllowed").
            if (p.Detail is "Failed" or "LockedOut" or "NotAllowed" or "RequiresTwoFactor")
                p.Detail = p.Detail == "RequiresTwoFactor" ? "Code de double authentification requis (champ twoFactorCode)." : "Connexion impossible : l'adresse ou le mot de passe est incorrect, ou le compte est désactivé.";
            p.Extensions.Remove("traceId");
            p.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<GestionnaireExceptions>();
        // A body or parameter the API cannot read throws, in every environment, so that GestionnaireExceptions answers it in
        // French and names the field (CorpsJson) rather than the framework writing an empty 400.
        services.PostConfigure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // After the framework adds its data-annotations metadata provider, so that ours sees the attributes.
        services.PostConfigure<MvcOptions>(MessagesValidation.Configurer);
    }

    static bool EstAnglais(string t) => t.StartsWith("One or more") || t.StartsWith("Bad Request") || t.StartsWith("Not Found")
        || t.StartsWith("An error") || t.StartsWith("Unauthorized") || t.StartsWith("Forbidden") || t.StartsWith("Conflict")
        || t.StartsWith("Unsupported") || t.StartsWith("Method") || t.StartsWith("Payload") || t.StartsWith("Too Many") || t.StartsWith("Content");

    public static string Titre(int statut) => statut switch
    {
        400 => "Requête invalide",
        401 => "Connexion requise",
        403 => "Accès refusé",
        404 => "Ressource introuvable",
        405 => "Méthode non autorisée",
        409 => "Conflit avec l'état actuel",
        413 => "Contenu trop volumineux",
        415 => "Type de contenu non pris en charge",
        422 => "Données non traitables",
        429 => "Trop de requêtes : réessayez dans une minute",
        503 => "Service momentanément indisponible",
        _ => "Erreur interne : l'incident est enregistré",
    };

    public static readonly long TailleMaxCorps = 1024 * 1024;

    /// <summary>Calendar arithmetic pushed past year 9999 or before year 1 by a date from outside: the whole kind of fault is bad input (400).</summary>
    public static bool DateHorsLimites(Exception e) => e is ArgumentOutOfRangeException
        && e.TargetSite?.DeclaringType is { } t && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(System.Globalization.Calendar) || t.IsSubclassOf(typeof(System.Globalization.Calendar)));

    /// <summary>The French text of a 503: the request did not go through because the database cannot be reached right now.</summary>
    public const string MessageBaseIndisponible = "Le service est momentanément indisponible (base de données injoignable) : votre demande n'a pas abouti. Réessayez dans quelques instants.";

    /// <summary>True when the database cannot be reached right now, anywhere in the exception's chain: PostgreSQL shutting down or
    /// starting (SQLSTATE 57P01–57P03), a connection failure (class 08, which PgBouncer also uses while its server is down),
    /// insufficient resources (class 53: too many connections, disk full), a transient Npgsql failure (connection refused,
    /// timeout), or a SQLite file busy, locked or full (codes 5, 6 and 13). Such a request answers 503 with Retry-After, never 500
    /// (issue 16: « primary restarted during load → 503 with a French message »).</summary>
    public static bool BaseIndisponible(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            switch (x)
            {
                case Npgsql.PostgresException p:
                    if (p.SqlState.StartsWith("08") || p.SqlState.StartsWith("53") || p.SqlState is "57P01" or "57P02" or "57P03") return true;
                    break;
                case Npgsql.NpgsqlException n when n.IsTransient:
                    return true;
                case Microsoft.Data.Sqlite.SqliteException s when s.SqliteErrorCode is 5 or 6 or 13:
                    return true;
                case System.Net.Sockets.SocketException:
                    return true;
            }
        return false;
    }

    /// <summary>The status an exception answers with — the one mapping, used by the API's ProblemDetails (<see cref="GestionnaireExceptions"/>)
    /// and by the HTML error page of pages.</summary>
    public static int Statut(Exception e) => e switch
    {
        _ when DateHorsLimites(e) => 400,
        _ when BaseIndisponible(e) => 503,
        System.ComponentModel.DataAnnotations.ValidationException => 400,
        RegleMetierException => 409,
        AccesRefuseException => 403,
        BadHttpRequestException b => b.StatusCode,
        JsonException or InvalidDataException or FormatException => 400,
        KeyNotFoundException => 404,
        OperationCanceledException => 499,
        _ => 500,
    };
}

/// <summary>The one place errors become answers (docs/decisions/0015-conventions.md): business rule (<see cref="RegleMetierException"/>) → 409,
/// field validation (<see cref="System.ComponentModel.DataAnnotations.ValidationException"/>, see <see cref="Valider.Invalide"/>) → 400
/// ValidationProblem with the field names, unknown object (<see cref="KeyNotFoundException"/>) → 404, outside the account's perimeter
/// (<see cref="AccesRefuseException"/>) → 403, unreadable input → 400, the rest → 500 with a French message and a log entry.</summary>
public sealed class GestionnaireExceptions(IProblemDetailsService problemes, ILogger<GestionnaireExceptions> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception e, CancellationToken ct)
    {
        // Pages answer with the HTML error page of the same status (UseExceptionHandler's path, see Erreurs.Statut).
        // The middleware has already moved the request to the error page's path: the original one says API or page.
        var chemin = new PathString(http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path.Value);
        if (!chemin.StartsWithSegments("/api"))
        {
            Journaliser(e, Erreurs.Statut(e), chemin); // the error page sets its own Retry-After for a 503
            return false;
        }
        if (e is System.ComponentModel.DataAnnotations.ValidationException v)
        {
            http.Response.StatusCode = 400;
            return await problemes.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = e,
                ProblemDetails = new HttpValidationProblemDetails(Valider.Erreurs(v)) { Status = 400, Title = Valider.Titre(v) ?? Erreurs.Titre(400) },
            });
        }
        if (CorpsJson.Erreurs(e, http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint()) is { } champs)
        {
            http.Response.StatusCode = 400;
            return await problemes.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = e,
                ProblemDetails = new HttpValidationProblemDetails(champs) { Status = 400, Title = Erreurs.Titre(400), Detail = champs.First().Value[0] },
            });
        }
        var statut = Erreurs.Statut(e);
        var detail = e switch
        {
            _ when Erreurs.DateHorsLimites(e) => BornesDates.Message,
            RegleMetierException or AccesRefuseException => e.Message,
            BadHttpRequestException or JsonException when CorpsJson.MalForme(e) is { } malForme => malForme,
            BadHttpRequestException => "La requête est mal formée : vérifiez le corps et les paramètres.",
            JsonException => "Le JSON envoyé est mal formé.",
            KeyNotFoundException => "Ressource introuvable.",
            InvalidDataException or FormatException => "Le contenu envoyé est illisible (formulaire ou fichier mal formé).",
            OperationCanceledException => "Requête annulée.",
            _ when statut == 503 => Erreurs.MessageBaseIndisponible,
            _ => "Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez plus tard.",
        };
        Journaliser(e, statut, chemin);
        http.Response.StatusCode = statut;
        if (statut == 503) http.Response.Headers.RetryAfter = "10";
        var probleme = new ProblemDetails { Status = statut, Title = Erreurs.Titre(statut), Detail = detail };
        // The field the rule is about, so that an API client can show the message where a page would.
        if (e is RegleMetierException { Champ: { } champ }) probleme.Extensions["champ"] = champ;
        return await problemes.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = e, ProblemDetails = probleme });
    }

    /// <summary>An unreachable database is a warning (it is an outage, not a bug), other 5xx are errors with their stack, a
    /// refused access is information; <paramref name="chemin"/> is the requested path, not the error page's.</summary>
    void Journaliser(Exception e, int statut, PathString chemin)
    {
        if (statut == 503) log.LogWarning("Base de données injoignable sur {Chemin} : {Erreur}", chemin, e.Message);
        else if (statut >= 500) log.LogError(e, "Erreur non gérée sur {Chemin}", chemin);
        else if (e is AccesRefuseException) log.LogInformation("Accès refusé sur {Chemin} : {Motif}", chemin, e.Message);
    }
}
