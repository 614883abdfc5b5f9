using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Passerelle.Web;

/// <summary>The map of the directory (section <c>Carte</c>), checked at start: the tile server, and the origin the security policy lets
/// images come from (they go together: a tile server outside that origin shows a blank map).</summary>
public sealed class CarteOptions
{
    [Required, Url(ErrorMessage = "Carte:UrlTuiles : adresse http(s) du serveur de tuiles, avec {z}/{x}/{y}.")]
    public string UrlTuiles { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    [Required, Url(ErrorMessage = "Carte:DomaineTuiles : origine http(s) des tuiles pour la politique de sécurité.")]
    public string DomaineTuiles { get; set; } = "https://*.tile.openstreetmap.org";
}

public static class EnTetesSecurite
{
    public static void AddCarte(this IServiceCollection services) =>
        services.AddReglages<CarteOptions>("Carte");

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var h = ctx.Response.Headers;
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        var tuiles = ctx.RequestServices.GetRequiredService<IOptions<CarteOptions>>().Value.DomaineTuiles;
        h["Content-Security-Policy"] = $"default-src 'self'; img-src 'self' data: {tuiles}; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        await next();
    });
}
