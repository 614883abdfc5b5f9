using Microsoft.Extensions.DependencyInjection.Extensions;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Rendezvous;

public static class Services
{
    /// <summary>The booking offer on a place's page, and the retention job that anonymises past bookings and purges old search counters, the search counter (off when <c>Taches:Actives=false</c>). The outbox, the slots'
    /// job and the other features register their own services.</summary>
    public static void AddRendezvous(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Reseau.Lieux.IOffreDuLieu, OffreRendezvous>();
        // The counter of public searches for territorial steering, and who has already been counted today (in memory).
        builder.Services.AddSingleton<ClientsDuJour>();
        builder.Services.AddScoped<CompterRecherche>();
        if (Web.Reglages.TachesActives(builder.Configuration)) builder.Services.AddHostedService<RetentionJob>();
        builder.Services.AddReglages<RetentionOptions>("Retention");
        // Bookings cancelled when Permanences closes a day.
        builder.Services.TryAddSingleton<Permanences.AnnoncesPermanences>();
        builder.Services.AddSingleton<Permanences.IAnnoncesPermanences, AnnulationsRendezvous>();
    }
}
