using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passerelle.Features.Reseau.Lieux;

public static class ServicesLieux
{
    /// <summary>The in-memory directory of places and the interceptor that refreshes it when places are saved.</summary>
    public static void AddLieux(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnnuaireOptions>().BindConfiguration("Annuaire").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AnnuaireEnMemoire>();
        builder.Services.AddSingleton<InvalidationAnnuaire>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<InvalidationAnnuaire>());
    }
}

/// <summary>Section <c>Annuaire</c>, validated at start.</summary>
public sealed class AnnuaireOptions
{
    /// <summary>Seconds a change made by another instance may take to show in searches: 0 to 3600; default 30.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600, ErrorMessage = "Annuaire:DureeCacheSecondes doit être compris entre 0 et 3600.")]
    public int DureeCacheSecondes { get; set; } = 30;
}
