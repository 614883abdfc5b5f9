using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Statistiques;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>The conventions offered to the statistics filter.</summary>
public sealed class ChoixConventions : IChoixConventions
{
    public async Task<List<(int Id, string Nom)>> ListerAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Conventions.OrderBy(c => c.Intitule).Select(c => new { c.Id, c.Intitule }).ToListAsync(ct)).Select(c => (c.Id, c.Intitule)).ToList();
}

public static class ServicesConventions
{
    public static void AddConventions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IChoixConventions, ChoixConventions>();
        builder.Services.AddScoped<Deliberations.IActesAutorises, ConventionsAutorisees>();
        builder.Services.AddSingleton<IPreparationDonnees, LierConventionsDeliberations>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, AvenantsEnAjoutSeul>();
    }
}
