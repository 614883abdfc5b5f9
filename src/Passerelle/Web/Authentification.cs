using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Web;

public static class Authentification
{
    public const string LimiteConnexion = "connexion";
    public const string LimiteEcriture = "ecriture";
    public const string LimitePublique = "publique";
    const string Schema = "passerelle";
    static readonly string[] RoutesAuthOuvertes = ["/api/v1/auth/login", "/api/v1/auth/refresh"];
    /// <summary>Claim carried by the sessions of an account that has two-factor authentication on.</summary>
    public const string ClaimDoubleAuthentification = "passerelle:2fa";

    public static void AddComptes(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 10;
                // Lockout stays on only for deactivation (lockout end in year 9999): failures never lock an account,
                // they delay the next attempts from the same address (DelaisConnexion, ConnexionIdentite).
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Tokens.PasswordResetTokenProvider = JetonsComptes.Nom;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<FabriqueIdentite>()
            .AddErrorDescriber<ErreursIdentiteFr>()
            .AddTokenProvider<JetonsComptes>(JetonsComptes.Nom)
            .AddSignInManager<ConnexionIdentite>()
            .AddEntityFrameworkStores<AppDbContext>();
        builder.Services.AddOptions<DelaisConnexionOptions>().BindConfiguration("Connexion").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DelaisConnexion>();
        builder.Services.AddSingleton<DemandesMotDePasse>();
        builder.Services.AddHostedService<DemandesMotDePasseJob>();
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
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.PolitiqueAdmin, p => p.RequireRole(Roles.Administrateur))
            .AddPolicy(Roles.PolitiqueGestion, p => p.RequireRole(Roles.Administrateur, Roles.Gestionnaire))
            .AddPolicy(Roles.PolitiqueEquipe, p => p.RequireRole(Roles.Tous))
            .AddPolicy(Roles.PolitiqueTerrain, p => p.RequireRole(Roles.Mediateur, Roles.Gestionnaire, Roles.Administrateur));

        var parMinute = builder.Configuration.GetValue("RateLimit:ConnexionsParMinute", 20);
        var ecrituresParMinute = builder.Configuration.GetValue("RateLimit:EcrituresParMinute", 600);
        var publiquesParMinute = builder.Configuration.GetValue("RateLimit:ReservationsParMinute", 30);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LimiteConnexion, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = parMinute, Window = TimeSpan.FromMinutes(1) }));
            // Public bookings without an account: a cap per address against scripted seat grabbing.
            o.AddPolicy(LimitePublique, ctx => PartitionPublique(ctx, publiquesParMinute));
            o.AddPolicy(LimiteEcriture, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.Identity?.Name ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = ecrituresParMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.Services.AddSingleton(new LimiteFormulairesPublics(PartitionedRateLimiter.Create<HttpContext, string>(ctx => PartitionPublique(ctx, publiquesParMinute))));
    }

    /// <summary>The public booking rule: per client address (as forwarded by a configured proxy), a fixed window of one
    /// minute; the team is not limited.</summary>
    static RateLimitPartition<string> PartitionPublique(HttpContext ctx, int parMinute) => ctx.User.Identity?.IsAuthenticated == true
        ? RateLimitPartition.GetNoLimiter("equipe")
        : RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
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
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentification");
        auth.MapIdentityApi<IdentityUser>()
            .RequireRateLimiting(LimiteConnexion)
            .AddEndpointFilter(AttendreAvantConnexion)
            .Add(e =>
            {
                // The pattern may or may not hold the group's prefix yet: compare the end.
                if (e is RouteEndpointBuilder r && !RoutesAuthOuvertes.Any(o => ("/" + r.RoutePattern.RawText!.Trim('/')).EndsWith(o["/api/v1/auth".Length..], StringComparison.OrdinalIgnoreCase)))
                    e.Metadata.Add(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
            });
    }

    /// <summary>POST /api/v1/auth/login too soon after repeated failures for that account from that address: 429 with
    /// <c>Retry-After</c> (seconds) and the sign-in message, the password is not checked (see DelaisConnexion).</summary>
    static async ValueTask<object?> AttendreAvantConnexion(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        if (ctx.Arguments.OfType<Microsoft.AspNetCore.Identity.Data.LoginRequest>().FirstOrDefault() is { } login
            && http.RequestServices.GetRequiredService<DelaisConnexion>().Attente(login.Email ?? "", DelaisConnexion.Adresse(http)) is { } attente)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(attente.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Trop d'essais de connexion",
                detail: ConnexionModel.MessageEchec + " " + DelaisConnexion.Conseil(attente));
        }
        return await next(ctx);
    }

    /// <summary>After authentication: a bearer token dies with its account's security stamp (access tokens live an hour,
    /// so each call checks it); an administrator without two-factor authentication only reaches /compte/securite
    /// (pages) or gets 403 (API) until it is set up.</summary>
    public static void UseSessionsVerifiees(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var api = ctx.Request.Path.StartsWithSegments("/api");
            if (api && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && await ctx.RequestServices.GetRequiredService<SignInManager<IdentityUser>>().ValidateSecurityStampAsync(user) is null)
            {
                await Refuser(ctx, StatusCodes.Status401Unauthorized, "Session terminée (déconnexion, changement de mot de passe ou compte désactivé) : reconnectez-vous.");
                return;
            }
            if (user.IsInRole(Roles.Administrateur) && !user.HasClaim(c => c.Type == ClaimDoubleAuthentification))
            {
                if (api)
                {
                    await Refuser(ctx, StatusCodes.Status403Forbidden, "La double authentification est obligatoire pour les administrateurs : activez-la sur /compte/securite.");
                    return;
                }
                var chemin = ctx.Request.Path;
                if (!chemin.StartsWithSegments("/compte") && !chemin.StartsWithSegments("/deconnexion") && !chemin.StartsWithSegments("/erreur"))
                {
                    ctx.Response.Redirect("/compte/securite");
                    return;
                }
            }
        }
        await next();
    });

    static ValueTask Refuser(HttpContext ctx, int statut, string detail)
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
