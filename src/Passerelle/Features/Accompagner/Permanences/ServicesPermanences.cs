namespace Passerelle.Features.Accompagner.Permanences;

public static class ServicesPermanences
{
    /// <summary>The job that extends the rolling horizon of slots (off when <c>Taches:Actives=false</c>).</summary>
    public static void AddPermanences(this WebApplicationBuilder builder)
    {
        if (Web.Reglages.TachesActives(builder.Configuration)) builder.Services.AddHostedService<GenerationCreneauxJob>();
    }
}
