using Passerelle.Web;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;

namespace Passerelle.Features.Equiper.Ventes;

public static class ServicesEquipement
{
    /// <summary>The Équiper pillar's services: settings (section <c>Equipement</c>), the decree's price grid, the append-only history.</summary>
    public static void AddEquipement(this WebApplicationBuilder builder)
    {
        builder.Services.AddReglages<EquipementOptions>("Equipement");
        if (Reglages.TachesActives(builder.Configuration)) builder.Services.AddHostedService<ReservationsJob>();
        builder.Services.AddOptions<Dons.OrganismeOptions>().Bind(builder.Configuration.GetSection("Equipement:Organisme"));
        builder.Services.AddSingleton<IPreparationDonnees, ChargementPlafonds>();
        builder.Services.AddSingleton<IInterceptor, HistoriqueEnAjoutSeul>();
        builder.Services.AddSingleton<IPreparationDonnees, Impact.FacteursAdeme>();
        builder.Services.AddSingleton<IInterceptor, Impact.ValeurEcologique>();
        builder.Services.AddSingleton<IInterceptor, Impact.ImpactEnAjoutSeul>();
        builder.Services.AddSingleton<Dons.ISuiviAppareilsDon, VuesAppareils>();
        builder.Services.AddSingleton<Dons.Admin.ICompteEtats, VuesAppareils>();
    }
}
