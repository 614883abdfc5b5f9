using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Passerelle.Web;

public static class Authentification
{
    public const string LimiteConnexion = "connexion";
    public const string LimiteEcriture = "ecriture";
    public const string LimitePublique = "publique";
    public const string LimiteLecture = "lecture";
    /// <summary>The French detail of an API request refused by a rate limit (429, with <c>Retry-After</c> in seconds).</summary>
    public const string MessageLimite = "Trop de requêtes envoyées depuis votre connexion en peu de temps. Patientez une minute, puis réessayez.";
    const string Schema = "passerelle";
    static readonly string[] RoutesAuthOuvertes = ["/api/v1/auth/login", "/api/v1/auth/refresh"];
    /// <summary>Claim carried by the sessions of an account that has two-factor authentication on.</summary>
    public const string ClaimDoubleAuthentification = "passerelle:2fa";

    /// <summary>Authentication schemes (cookie for pages, bearer token or cookie for the API), the cookie's paths and the rate
    /// limits. Identity itself (its stores, tokens, French messages) and the role policies are the accounts feature's (AddComptes).</summary>
    public static void AddAuthentification(this WebApplicationBuilder builder)
    {
        // Sign-out, lockout, password change and deactivation change the security stamp; a session cookie is
        // checked against it every minute (bearer tokens on every call, see UseSessionsVerifiees).
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // Pages challenge with the login form, the API with 401 (bearer token or cookie both accepted there).
        builder.Services.AddAuthentication(o => { o.DefaultScheme = Schema; o.DefaultChallengeScheme = Schema; o.DefaultForbidScheme = Schema; })
            .AddPolicyScheme(Schema, "Passerelle", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);
        builder.Services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.Cookie.Name = "passerelle";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers with status codes; only pages redirect to the login form.
            o.Events.OnRedirectToLogin = ctx => Rediriger(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Rediriger(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddReglages<RateLimitOptions>("RateLimit");
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The API says in French why and for how long (the window is one minute everywhere); pages get the HTML error page.
            o.OnRejected = (ctx, _) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                return ctx.HttpContext.Request.Path.StartsWithSegments("/api") ? Refuser(ctx.HttpContext, StatusCodes.Status429TooManyRequests, MessageLimite) : ValueTask.CompletedTask;
            };
            // Sign-in attempts per client address; showing a form (GET, HEAD) is not an attempt, so that the people of one office
            // behind one address are not held back by opening the page.
            o.AddPolicy(LimiteConnexion, ctx => HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("formulaire")
                : RateLimitPartition.GetFixedWindowLimiter(AdresseClient.Cle(ctx.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Limites(ctx).ConnexionsParMinute, Window = TimeSpan.FromMinutes(1) }));
            // Public bookings without an account: a cap per address against scripted seat grabbing.
            o.AddPolicy(LimitePublique, ctx => PartitionPublique(ctx, Limites(ctx).ReservationsParMinute));
            // Public slot searches (GET /api/v1/creneaux): the same key, a more generous window, since a page may search several
            // times (commune, then motif, then the next days) and an office or a mobile operator puts many people behind one address.
            o.AddPolicy(LimiteLecture, ctx => PartitionPublique(ctx, Limites(ctx).RecherchesParMinute));
            o.AddPolicy(LimiteEcriture, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.Identity?.Name ?? AdresseClient.Cle(ctx.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Limites(ctx).EcrituresParMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.Services.AddSingleton(sp => new LimiteFormulairesPublics(PartitionedRateLimiter.Create<HttpContext, string>(ctx => PartitionPublique(ctx, Limites(ctx).ReservationsParMinute))));
    }

    static RateLimitOptions Limites(HttpContext ctx) => ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    /// <summary>The public booking rule: per client address (as forwarded by a configured proxy, IPv6 by its /64: <see cref="AdresseClient"/>), a fixed window of one
    /// minute; the team is not limited.</summary>
    static RateLimitPartition<string> PartitionPublique(HttpContext ctx, int parMinute) => ctx.User.Identity?.IsAuthenticated == true
        ? RateLimitPartition.GetNoLimiter("equipe")
        : RateLimitPartition.GetFixedWindowLimiter(AdresseClient.Cle(ctx.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = parMinute, Window = TimeSpan.FromMinutes(1) });

    static Task Rediriger(HttpContext http, string uri, int statut)
    {
        if (http.Request.Path.StartsWithSegments("/api")) http.Response.StatusCode = statut;
        else http.Response.Redirect(uri);
        return Task.CompletedTask;
    }

    static bool RouteAuthOuverte(string chemin) => RoutesAuthOuvertes.Any(r => chemin.TrimEnd('/').Equals(r, StringComparison.OrdinalIgnoreCase));

    /// <summary>Closes Identity's self-service endpoints (registration, e-mail confirmation, password reset, account
    /// management): accounts are created by invitation (/admin/comptes) or the CLI, passwords set from the e-mailed
    /// link, two-factor authentication on /compte/securite. Runs before binding, so nothing is read.</summary>
    public static void UseAuthApiRestreinte(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var chemin = ctx.Request.Path;
        if (chemin.StartsWithSegments("/api/v1/auth") && !RouteAuthOuverte(chemin.Value!))
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                ProblemDetails = { Status = 404, Title = "Ressource introuvable", Detail = "Seules la connexion (login) et le renouvellement du jeton (refresh) sont ouverts ; les comptes sont créés par un administrateur." },
            });
            return;
        }
        await next();
    });

    /// <summary>Identity's token endpoints under /api/v1/auth: only login and refresh answer (see UseAuthApiRestreinte),
    /// and only they appear in the OpenAPI document.</summary>
    /// <summary>Identity's token endpoints under /auth (only login and refresh stay open, see UseAuthApiRestreinte); returns the
    /// endpoints so the accounts feature can add its filters (progressive delays).</summary>
    public static IEndpointConventionBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentification");
        var points = auth.MapIdentityApi<IdentityUser>().RequireRateLimiting(LimiteConnexion);
        points.Add(e =>
            {
                // The pattern may or may not hold the group's prefix yet: compare the end.
                if (e is RouteEndpointBuilder r && !RoutesAuthOuvertes.Any(o => ("/" + r.RoutePattern.RawText!.Trim('/')).EndsWith(o["/api/v1/auth".Length..], StringComparison.OrdinalIgnoreCase)))
                    e.Metadata.Add(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
            });
        return points;
    }

    /// <summary>Writes a French ProblemDetails with this status and detail, ending the request.</summary>
    public static ValueTask Refuser(HttpContext ctx, int statut, string detail)
    {
        ctx.Response.StatusCode = statut;
        return ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = { Status = statut, Title = Erreurs.Titre(statut), Detail = detail },
        });
    }
}

/// <summary>The public booking rule (<see cref="Authentification.LimitePublique"/>, same setting, same key) for the HTML
/// forms that book without an account: the page asks before acting and, when refused, shows <see cref="Message"/> in the
/// form with what was typed, instead of a bare 429.</summary>
public sealed class LimiteFormulairesPublics(PartitionedRateLimiter<HttpContext> limiteur)
{
    public const string Message = "Trop de demandes envoyées depuis votre connexion en peu de temps. "
        + "Patientez une minute, puis appuyez de nouveau sur le bouton : ce que vous avez écrit est gardé.";

    /// <summary>True when this request may go on; false when the address used up its minute.</summary>
    public bool Accepter(HttpContext http)
    {
        using var bail = limiteur.AttemptAcquire(http);
        return bail.IsAcquired;
    }
}

/// <summary>Section <c>RateLimit</c>, validated at start: requests allowed per minute (fixed window).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts (posted forms and API calls; showing a form is not counted) per minute and client address; default 20.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000, ErrorMessage = "RateLimit:ConnexionsParMinute doit être compris entre 1 et 1 000 000.")]
    public int ConnexionsParMinute { get; set; } = 20;
    /// <summary>API writes per minute and account (or address); default 600.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000, ErrorMessage = "RateLimit:EcrituresParMinute doit être compris entre 1 et 1 000 000.")]
    public int EcrituresParMinute { get; set; } = 600;
    /// <summary>Public bookings, registrations and cancellations per minute and address (API and forms); default 30.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000, ErrorMessage = "RateLimit:ReservationsParMinute doit être compris entre 1 et 1 000 000.")]
    public int ReservationsParMinute { get; set; } = 30;
    /// <summary>Public slot searches by the API (GET /api/v1/creneaux) per minute and address; default 120 (two a second on average,
    /// four times the bookings': a search is a read, often repeated by one page, and many people may share one address).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000, ErrorMessage = "RateLimit:RecherchesParMinute doit être compris entre 1 et 1 000 000.")]
    public int RecherchesParMinute { get; set; } = 120;
}
