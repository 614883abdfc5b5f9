using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>The files' retention setting (section <c>Retention</c>, shared with the bookings' <c>MoisReservations</c>), checked at start.</summary>
public sealed class RetentionFichesOptions
{
    /// <summary>Months without accompaniment or change before a followed file is anonymised (decision 0007).</summary>
    [Range(1, 120, ErrorMessage = "Retention:MoisBeneficiaires : de 1 à 120 mois.")]
    public int MoisBeneficiaires { get; set; } = 24;
}

/// <summary>Every 6 hours, anonymises the followed files without activity for <see cref="RetentionFichesOptions.MoisBeneficiaires"/>
/// months (<see cref="AnonymiserFiches.ExecuterAsync"/>). Beneficiaires runs its own job, so that no feature above it has to.</summary>
public sealed class RetentionFichesJob(IServiceScopeFactory scopes, TimeProvider horloge, Instance instance, IOptions<RetentionFichesOptions> reglages,
    ILogger<RetentionFichesJob> log) : TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "retention-fiches";
    protected override TimeSpan Periode => TimeSpan.FromHours(6);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var b = await AnonymiserFiches.ExecuterAsync(services.GetRequiredService<AppDbContext>(), Horloge, reglages.Value.MoisBeneficiaires, ct);
        if (b > 0) Journal.LogInformation("{Nombre} fiches suivies sans activité anonymisées", b);
    }
}

public static class ServicesBeneficiaires
{
    /// <summary>The files' retention job (off when <c>Taches:Actives=false</c>) and its setting.</summary>
    public static void AddBeneficiaires(this WebApplicationBuilder builder)
    {
        if (Web.Reglages.TachesActives(builder.Configuration)) builder.Services.AddHostedService<RetentionFichesJob>();
        builder.Services.AddReglages<RetentionFichesOptions>("Retention");
    }
}
