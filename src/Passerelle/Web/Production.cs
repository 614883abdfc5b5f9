using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Passerelle.Data;

namespace Passerelle.Web;

/// <summary>Settings of a deployment behind a reverse proxy (section <c>Proxy</c>), read before the container exists through
/// <see cref="Reglages.Lire{T}"/>: an address that is not an IP stops the start with a French message.</summary>
public sealed class ProxyOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    /// <summary>Addresses (IPv4 or IPv6) of the reverse proxies whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed. Empty: no forwarded header is read, the client address is
    /// the TCP peer's (rate limits then count per peer).</summary>
    public string[] Adresses { get; set; } = [];

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext _) =>
        Adresses.Where(a => !IPAddress.TryParse(a, out var _))
            .Select(a => new System.ComponentModel.DataAnnotations.ValidationResult($"Proxy:Adresses : « {a} » n'est pas une adresse IP.", [nameof(Adresses)]));
}

/// <summary>Section <c>DataProtection</c>, read before the container exists (it decides how keys are protected) through
/// <see cref="Reglages.Lire{T}"/>.</summary>
public sealed class ProtectionDonneesOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public CertificatReglages Certificat { get; set; } = new();

    public sealed class CertificatReglages
    {
        /// <summary>PKCS#12 file that encrypts the keys at rest; empty: keys stored in clear (a warning outside development).</summary>
        public string? Chemin { get; set; }
        public string? MotDePasse { get; set; }
    }

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext _)
    {
        if (!string.IsNullOrWhiteSpace(Certificat.Chemin) && !File.Exists(Certificat.Chemin))
            yield return new($"DataProtection:Certificat:Chemin : le fichier « {Certificat.Chemin} » est introuvable.");
    }
}

/// <summary>What a public deployment needs whatever the features: forwarded headers from known
/// proxies only, HSTS and Secure cookies under TLS, personal pages never cached, bounded request sizes.</summary>
public static class Production
{
    /// <summary>Largest request body accepted anywhere, in bytes (imports included): 10 MiB. The national
    /// places file of ~18 000 rows is about 9 MB in CSV.</summary>
    public const long TailleMaxRequete = 10 * 1024 * 1024;

    /// <summary>Logged once at start in Production when <c>Proxy:Adresses</c> is empty: behind a reverse proxy every request then
    /// comes from the proxy's address.</summary>
    public const string MessageSansProxy = "Proxy:Adresses est vide : aucun en-tête X-Forwarded-For n'est cru. Derrière un proxy inverse, les limites de débit "
        + "et le compteur des recherches de créneaux voient alors le proxy comme un seul client (toutes les personnes partagent la même limite). "
        + "Indiquez l'adresse du proxy dans Proxy:Adresses.";

    public static void AddProduction(this WebApplicationBuilder builder)
    {
        builder.Services.AddCarte();
        var proxies = builder.Configuration.Lire<ProxyOptions>("Proxy");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var a in proxies.Adresses) o.KnownProxies.Add(IPAddress.Parse(a));
            o.ForwardLimit = 1;
        });
        builder.Services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = false; });
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = TailleMaxRequete);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = TailleMaxRequete;
            o.ValueCountLimit = 2048;
        });
        AddProtectionDonnees(builder);
    }

    const string CleCertificat = "DataProtection:Certificat:Chemin";

    /// <summary>The keys that sign session cookies, bearer tokens and password links live in the database (table
    /// <c>DataProtectionKeys</c>), so every instance and every restart reads the same ones; they are encrypted at rest
    /// with the certificate named in the settings, when there is one (without it, a copy of the database is enough to
    /// forge a session: <see cref="UseProduction"/> warns outside development).</summary>
    static void AddProtectionDonnees(WebApplicationBuilder builder)
    {
        var dp = builder.Services.AddDataProtection().SetApplicationName("Passerelle").PersistKeysToDbContext<AppDbContext>();
        var options = builder.Configuration.Lire<ProtectionDonneesOptions>("DataProtection");
        builder.Services.AddSingleton(options);
        if (string.IsNullOrWhiteSpace(options.Certificat.Chemin)) return;
        dp.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(options.Certificat.Chemin, options.Certificat.MotDePasse));
    }

    /// <summary>First in the pipeline: the client's address and scheme from a known proxy, then HSTS on
    /// HTTPS requests, then <c>Cache-Control: no-store</c> on every answer to a signed-in person, every
    /// API answer and the pages reached by a secret link, so that a shared computer's cache never keeps a personal page.</summary>
    public static void UseProduction(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(app.Services.GetRequiredService<ProtectionDonneesOptions>().Certificat.Chemin))
            app.Logger.LogWarning("Les clés de protection des données sont en clair dans la base : indiquez un certificat ({Cle}) pour les chiffrer.", CleCertificat);
        // Without a configured proxy no forwarded header is believed: the middleware would otherwise trust any sender.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
            app.UseForwardedHeaders();
        else if (app.Environment.IsProduction())
            app.Logger.LogWarning(MessageSansProxy);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseCookiePolicy();
        app.Use(async (ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                if (!h.ContainsKey("Cache-Control") && (ctx.User.Identity?.IsAuthenticated == true || Personnel(ctx.Request.Path)))
                {
                    h.CacheControl = "no-store";
                    h.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>After routing: a declared length above the endpoint's limit (<see cref="TailleMaxRequete"/>, or its own
    /// <c>[RequestSizeLimit]</c>, e.g. the places import) is refused at once, in French: ProblemDetails for the API, the HTML 413
    /// page for a form. Kestrel enforces the same limit while reading a body sent without a length.</summary>
    public static void UseLimiteTaille(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var limite = ctx.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? TailleMaxRequete;
        // Not again when the error page itself is being drawn for this request (status-code re-execution).
        if (ctx.Request.ContentLength > limite && ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            if (ctx.Request.Path.StartsWithSegments("/api"))
                await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx,
                    ProblemDetails = { Status = 413, Title = "Fichier ou requête trop volumineux", Detail = $"La taille maximale acceptée est de {limite / (1024 * 1024)} Mo. Découpez le fichier en plusieurs parties." },
                });
            return;
        }
        await next();
    });

    /// <summary>Pages and API answers that may carry personal data even without an account (a booking
    /// reached by its secret link, a sign-in or account page).</summary>
    static bool Personnel(PathString p) =>
        p.StartsWithSegments("/api") || p.StartsWithSegments("/rendez-vous") || p.StartsWithSegments("/ateliers")
        || p.StartsWithSegments("/compte") || p.StartsWithSegments("/connexion") || p.StartsWithSegments("/admin")
        || p.StartsWithSegments("/beneficiaires") || p.StartsWithSegments("/activites");

    /// <summary>After authentication: an API write (POST, PUT, PATCH, DELETE) carried by the session cookie must
    /// bring the antiforgery token (header <c>RequestVerificationToken</c>), as the HTML forms do; scripts and
    /// other tools use a bearer token, which a foreign site cannot send on a user's behalf.</summary>
    public static void UseAntiforgeryApi(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var r = ctx.Request;
        if (r.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(r.Method) && !HttpMethods.IsHead(r.Method) && !HttpMethods.IsOptions(r.Method)
            && !r.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && ctx.User.Identity?.IsAuthenticated == true)
        {
            var antiforgery = ctx.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(ctx))
            {
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx,
                    ProblemDetails = { Status = 400, Title = "Jeton de sécurité manquant", Detail = "Une écriture par l'API avec le cookie de session doit porter le jeton anti-falsification (en-tête RequestVerificationToken) ; un script utilise un jeton d'accès (Authorization: Bearer)." },
                });
                return;
            }
        }
        await next();
    });
}
