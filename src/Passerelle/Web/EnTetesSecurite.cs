namespace Passerelle.Web;

public static class EnTetesSecurite
{
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var h = ctx.Response.Headers;
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        var tuiles = app.Configuration["Carte:DomaineTuiles"] ?? "https://*.tile.openstreetmap.org";
        h["Content-Security-Policy"] = $"default-src 'self'; img-src 'self' data: {tuiles}; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        await next();
    });
}
