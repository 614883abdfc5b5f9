using Microsoft.AspNetCore.Identity;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

/// <summary>The accounts feature's services: ASP.NET Core Identity with its French messages and e-mailed tokens, the
/// authentication schemes (<see cref="Authentification.AddAuthentification"/>), the role policies, and the check of sessions.</summary>
public static class ServicesComptes
{
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
        builder.Services.AddReglages<DelaisConnexionOptions>("Connexion");
        builder.Services.AddSingleton<DelaisConnexion>();
        builder.Services.AddSingleton<DemandesMotDePasse>();
        builder.Services.AddHostedService<DemandesMotDePasseJob>();
        builder.AddAuthentification();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.PolitiqueAdmin, p => p.RequireRole(Roles.Administrateur))
            .AddPolicy(Roles.PolitiqueGestion, p => p.RequireRole(Roles.Administrateur, Roles.Gestionnaire))
            .AddPolicy(Roles.PolitiqueEquipe, p => p.RequireRole(Roles.Tous))
            .AddPolicy(Roles.PolitiqueTerrain, p => p.RequireRole(Roles.Mediateur, Roles.Gestionnaire, Roles.Administrateur))
            .AddPolicy(Roles.PolitiqueAtelier, p => p.RequireRole(Roles.Atelier, Roles.Gestionnaire, Roles.Administrateur));
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
                await Authentification.Refuser(ctx, StatusCodes.Status401Unauthorized, "Session terminée (déconnexion, changement de mot de passe ou compte désactivé) : reconnectez-vous.");
                return;
            }
            if (user.IsInRole(Roles.Administrateur) && !user.HasClaim(c => c.Type == Authentification.ClaimDoubleAuthentification))
            {
                if (api)
                {
                    await Authentification.Refuser(ctx, StatusCodes.Status403Forbidden, "La double authentification est obligatoire pour les administrateurs : activez-la sur /compte/securite.");
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

    /// <summary>POST /api/v1/auth/login too soon after repeated failures for that account from that address: 429 with
    /// <c>Retry-After</c> (seconds) and the sign-in message, the password is not checked (see DelaisConnexion).</summary>
    public static async ValueTask<object?> AttendreAvantConnexion(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
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
}
