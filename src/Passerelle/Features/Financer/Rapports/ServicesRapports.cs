namespace Passerelle.Features.Financer.Rapports;

public static class ServicesRapports
{
    /// <summary>The reports' reminder job (off when <c>Taches:Actives=false</c>).</summary>
    public static void AddRapports(this WebApplicationBuilder builder)
    {
        if (Web.Reglages.TachesActives(builder.Configuration)) builder.Services.AddHostedService<RappelsRapportsJob>();
    }
}
