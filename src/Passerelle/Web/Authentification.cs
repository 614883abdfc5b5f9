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
            .AddPolicy(Roles.PolitiqueEquipe, p => p.RequireRole(Roles.Tous));

        var parMinute = builder.Configuration.GetValue("RateLimit:ConnexionsParMinute", 20);
        var ecrituresParMinute = builder.Configuration.GetValue("RateLimit:EcrituresParMinute", 600);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LimiteConnexion, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = parMinute, Window = TimeSpan.FromMinutes(1) }));
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

    /// <summary>Identity's token endpoints under /api/v1/auth, without self-registration
    /// (accounts are created by an administrator or the CLI).</summary>
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentification");
        auth.MapIdentityApi<IdentityUser>()
            .AddEndpointFilter(async (ctx, next) =>
            {
                var chemin = ctx.HttpContext.Request.Path.Value ?? "";
                string[] permis = ["/login", "/refresh"];
                if (!permis.Any(p => chemin.EndsWith(p, StringComparison.OrdinalIgnoreCase)))
                    return Results.Problem(statusCode: 404, title: "Ressource introuvable",
                        detail: "Seules la connexion (login) et le renouvellement (refresh) sont ouverts ; les comptes sont créés par un administrateur.");
                return await next(ctx);
            })
            .RequireRateLimiting(LimiteConnexion);
    }
}
