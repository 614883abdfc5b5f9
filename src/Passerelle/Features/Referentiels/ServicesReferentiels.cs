using Passerelle.Data;

namespace Passerelle.Features.Referentiels;

public static class ServicesReferentiels
{
    /// <summary>The priority neighbourhoods shipped with Passerelle are loaded after the migrations when the table is empty.</summary>
    public static void AddReferentiels(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPreparationDonnees, ChargementQuartiers>();
        builder.Services.AddSingleton<IPreparationDonnees, ChargementCommunes>();
    }

    sealed class ChargementQuartiers : IPreparationDonnees
    {
        public Task PreparerAsync(AppDbContext db, CancellationToken ct) => Quartiers.ChargerSiVideAsync(db, ct);
    }

    /// <summary>The communes of the Métropole d'Aix-Marseille-Provence shipped with Passerelle, loaded when the table is empty.</summary>
    sealed class ChargementCommunes(TimeProvider horloge) : IPreparationDonnees
    {
        public Task PreparerAsync(AppDbContext db, CancellationToken ct) => Territoires.ImporterCommunes.ChargerSiVideAsync(db, horloge, ct);
    }
}
