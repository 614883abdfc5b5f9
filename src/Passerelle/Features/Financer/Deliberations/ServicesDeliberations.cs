using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Informations;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>What an act authorised, as another feature knows it (a convention…): shown on the act's page with what became of it.</summary>
/// <param name="Nature">« Convention de service »…</param>
/// <param name="Adresse">Its page.</param>
/// <param name="Etat">Plain French: « en cours jusqu'au 1 octobre 2025 », « terminée le … ».</param>
public sealed record ActeAutorise(string Nature, string Libelle, string Adresse, string Etat);

/// <summary>Implemented by each feature whose records a deliberation authorises (registered in DI; this feature knows none).</summary>
public interface IActesAutorises
{
    Task<IReadOnlyList<ActeAutorise>> ListerAsync(AppDbContext db, int deliberationId, CancellationToken ct);
}

/// <summary>The register on <c>/donnees</c>.</summary>
public sealed class JeuxDonneesDeliberations(AppDbContext db) : IJeuxDonneesPublies
{
    public async Task<IReadOnlyList<JeuDonneesPublie>> ListerAsync(CancellationToken ct)
    {
        var dernier = await db.Deliberations.MaxAsync(d => (DateTime?)d.ModifieLe, ct);
        return [new JeuDonneesPublie("Délibérations du programme d'inclusion numérique", "/donnees/deliberations.csv", "CSV", "SCDL Délibérations",
            ExportScdl.Version, ExportScdl.AdresseSchema, "Licence Ouverte 2.0", dernier is { } d ? new DateTimeOffset(d, TimeSpan.Zero) : null)];
    }
}

public static class ServicesDeliberations
{
    public static void AddDeliberations(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<IJeuxDonneesPublies, JeuxDonneesDeliberations>();
}
