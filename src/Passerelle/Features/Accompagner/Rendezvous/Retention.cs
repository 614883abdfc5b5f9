using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>Bookings and registrations of people without a file are anonymised after <c>Retention:MoisReservations</c>
/// months (default 12) after the appointment: names replaced, contacts and free text erased. Counts stay for the statistics.
/// Counters of public searches (<see cref="RecherchesDuJour"/>) are deleted after <see cref="RecherchesDuJour.MoisConservation"/>
/// months, and so are rows whose key is neither a postcode nor an INSEE code of the reference (typed text kept before the counter
/// resolved communes).</summary>
public static class Retention
{
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, int mois, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var limite = maintenant.AddMonths(-mois);
        var n = await db.Reservations.Where(r => r.AnonymiseeLe == null && r.Creneau!.Debut < limite)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Prenom, "Anonyme").SetProperty(r => r.Nom, "Anonyme").SetProperty(r => r.Telephone, (string?)null)
                .SetProperty(r => r.Email, (string?)null).SetProperty(r => r.Objet, (string?)null).SetProperty(r => r.TiersNom, (string?)null)
                .SetProperty(r => r.TiersContact, (string?)null).SetProperty(r => r.AnonymiseeLe, maintenant), ct);
        n += await db.Inscriptions.Where(i => i.AnonymiseeLe == null && i.Session!.Debut < limite)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Prenom, "Anonyme").SetProperty(i => i.Nom, "Anonyme").SetProperty(i => i.Telephone, (string?)null)
                .SetProperty(i => i.Email, (string?)null).SetProperty(i => i.AnonymiseeLe, maintenant), ct);
        await db.Notifications.Where(x => x.CreeLe < limite && x.Destinataire != "")
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Destinataire, "").SetProperty(x => x.Corps, "").SetProperty(x => x.Ics, (string?)null), ct);
        var limiteRecherches = Referentiels.Territoire.AujourdHui(horloge).AddMonths(-RecherchesDuJour.MoisConservation);
        await db.Set<RecherchesDuJour>().Where(r => r.Jour < limiteRecherches
                || (r.CodePostal == null && !db.Set<Referentiels.Territoires.Commune>().Any(c => c.CodeInsee == r.Commune)))
            .ExecuteDeleteAsync(ct);
        return n;
    }
}

/// <summary>Settings of the bookings' retention job (section <c>Retention</c>), checked at start. The files' delay
/// (<c>Retention:MoisBeneficiaires</c>) belongs to Beneficiaires, whose own job anonymises them.</summary>
public sealed class RetentionOptions
{
    /// <summary>Months after the appointment or session before a booking without a file is anonymised.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 120, ErrorMessage = "Retention:MoisReservations : de 1 à 120 mois.")]
    public int MoisReservations { get; set; } = 12;
}

public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider horloge, Web.Instance instance,
    Microsoft.Extensions.Options.IOptions<RetentionOptions> reglages, ILogger<RetentionJob> log) : Web.TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "retention-reservations";
    protected override TimeSpan Periode => TimeSpan.FromHours(6);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await Retention.ExecuterAsync(services.GetRequiredService<AppDbContext>(), Horloge, reglages.Value.MoisReservations, ct);
        if (n > 0) Journal.LogInformation("{Nombre} réservations ou inscriptions anonymisées", n);
    }
}
