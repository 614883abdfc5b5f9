using Microsoft.EntityFrameworkCore.Diagnostics;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

public static class ServicesLieux
{
    /// <summary>The in-memory directory of places, the interceptor that refreshes it when places are saved and, on PostgreSQL,
    /// the listener that refreshes it when another instance saves one.</summary>
    public static void AddLieux(this WebApplicationBuilder builder)
    {
        builder.Services.AddReglages<AnnuaireOptions>("Annuaire");
        builder.Services.AddSingleton<AnnuaireEnMemoire>();
        builder.Services.AddSingleton<InvalidationAnnuaire>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<InvalidationAnnuaire>());
        // Several instances share one PostgreSQL database: each listens for the others' changes (SQLite serves one process).
        if (Data.Database.EstPostgres(builder.Configuration))
        {
            builder.Services.AddSingleton<EcouteAnnuaire>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<EcouteAnnuaire>());
        }
    }
}

/// <summary>Section <c>Annuaire</c>, validated at start.</summary>
public sealed class AnnuaireOptions
{
    /// <summary>Seconds a change made by another instance may take to show in searches: 0 to 3600; default 30.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600, ErrorMessage = "Annuaire:DureeCacheSecondes doit être compris entre 0 et 3600.")]
    public int DureeCacheSecondes { get; set; } = 30;
}
