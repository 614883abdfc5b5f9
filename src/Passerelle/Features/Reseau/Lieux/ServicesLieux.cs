using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passerelle.Features.Reseau.Lieux;

public static class ServicesLieux
{
    /// <summary>The in-memory directory of places and the interceptor that refreshes it when places are saved.</summary>
    public static void AddLieux(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AnnuaireEnMemoire>();
        builder.Services.AddSingleton<InvalidationAnnuaire>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<InvalidationAnnuaire>());
    }
}
