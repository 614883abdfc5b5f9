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

    public static void AddComptes(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<ErreursIdentiteFr>()
            .AddEntityFrameworkStores<AppDbContext>();
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
            o.AddPolicy(LimitePublique, ctx => ctx.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("equipe")
                : RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = publiquesParMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(LimiteEcriture, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.Identity?.Name ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = ecrituresParMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    static Task Rediriger(HttpContext http, string uri, int statut)
    {
        if (http.Request.Path.StartsWithSegments("/api")) http.Response.StatusCode = statut;
        else http.Response.Redirect(uri);
        return Task.CompletedTask;
    }

    /// <summary>Closes Identity's self-service endpoints (registration, e-mail confirmation, password reset by
    /// e-mail): accounts are created by an administrator or the CLI. Runs before binding, so nothing is read.</summary>
    public static void UseAuthApiRestreinte(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var chemin = ctx.Request.Path;
        if (chemin.StartsWithSegments("/api/v1/auth") && !RoutesAuthOuvertes.Any(r => chemin.Equals(r, StringComparison.OrdinalIgnoreCase))
            && !chemin.StartsWithSegments("/api/v1/auth/manage"))
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

    /// <summary>Identity's token endpoints under /api/v1/auth, without self-registration
    /// (accounts are created by an administrator or the CLI).</summary>
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentification");
        auth.MapIdentityApi<IdentityUser>()
            .RequireRateLimiting(LimiteConnexion);
    }
}
