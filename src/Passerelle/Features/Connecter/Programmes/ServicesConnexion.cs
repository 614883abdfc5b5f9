using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passerelle.Features.Connecter.Programmes;

public static class ServicesConnexion
{
    /// <summary>The Connecter pillar's services: the append-only ledger and the retention job (off when <c>Taches:Actives=false</c>).</summary>
    public static void AddConnexion(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInterceptor, GrandLivreEnAjoutSeul>();
        builder.Services.AddScoped<Piloter.Ecarts.IFoyersConnectes, FoyersConnectesPilotage>();
        if (Web.Reglages.TachesActives(builder.Configuration)) builder.Services.AddHostedService<RetentionConnexionJob>();
    }
}
