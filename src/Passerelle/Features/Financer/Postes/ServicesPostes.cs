using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Postes;

public static class ServicesPostes
{
    /// <summary>Gives the funding board its instalments due and vacant posts (<see cref="IPostesDuTableau"/>).</summary>
    public static void AddPostes(this WebApplicationBuilder builder) => builder.Services.AddScoped<IPostesDuTableau, PostesDuTableau>();
}
