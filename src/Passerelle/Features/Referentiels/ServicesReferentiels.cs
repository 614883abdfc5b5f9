using Passerelle.Data;

namespace Passerelle.Features.Referentiels;

public static class ServicesReferentiels
{
    /// <summary>The priority neighbourhoods shipped with Passerelle are loaded after the migrations when the table is empty.</summary>
    public static void AddReferentiels(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IPreparationDonnees, ChargementQuartiers>();

    sealed class ChargementQuartiers : IPreparationDonnees
    {
        public Task PreparerAsync(AppDbContext db, CancellationToken ct) => Quartiers.ChargerSiVideAsync(db, ct);
    }
}
