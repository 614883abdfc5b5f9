using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Informations;

namespace Passerelle.Features.Financer.ScdlSubventions;

/// <summary>The grants file on <c>/donnees</c> (SCDL Subventions 2.1.1).</summary>
public sealed class JeuxDonneesSubventions(AppDbContext db) : IJeuxDonneesPublies
{
    public async Task<IReadOnlyList<JeuDonneesPublie>> ListerAsync(CancellationToken ct)
    {
        var dernier = await db.Set<Subvention>().MaxAsync(s => (DateTime?)s.CreeLe, ct);
        return [new JeuDonneesPublie("Subventions attribuées (conventions de plus de 23 000 € par an)", "/donnees/subventions.csv", "CSV",
            "SCDL Subventions", SchemaScdlSubventions.Version, SchemaScdlSubventions.AdresseSchema, "Licence Ouverte 2.0",
            dernier is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null)];
    }
}

public static class ServicesScdlSubventions
{
    public static void AddScdlSubventions(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<IJeuxDonneesPublies, JeuxDonneesSubventions>();

    /// <summary>The public open-data file: <c>GET /donnees/subventions.csv</c> (SCDL Subventions 2.1.1, UTF-8 without byte-order
    /// mark): grants of conventions above 23 000 € a year; <c>?tous=1</c> for all of them. Anyone may read it. Read from the replica when there
    /// is one (<see cref="BaseLecture"/>).</summary>
    public static void MapDonneesSubventions(this IEndpointRouteBuilder app) =>
        app.MapGet("/donnees/subventions.csv", async (BaseLecture lecture, CancellationToken ct, string? tous = null) =>
            {
                var resultat = await ExportScdlSubventions.ExporterAsync(lecture.Db, tous is "1" or "true" or "oui", ct);
                return Results.File(new System.Text.UTF8Encoding(false).GetBytes(resultat.Texte()), "text/csv; charset=utf-8", "subventions.csv");
            })
            .AllowAnonymous().WithTags("Données ouvertes").WithSummary("Subventions attribuées au format SCDL Subventions 2.1.1 (tous=1 : aussi sous 23 000 € par an)");
}
