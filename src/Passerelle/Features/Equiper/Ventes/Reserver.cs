using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary><c>POST /api/v1/equipement/reservations</c>: hold a device in stock for a buyer for <c>jours</c> days (1 to 30; default
/// <see cref="EquipementOptions.ReservationJours"/>).</summary>
public sealed record ReservationSaisie(int AppareilId, string? Pour, int? Jours = null);

/// <summary>Reserves a device (state <c>reserve</c>, with an expiry) — managers and administrators, as the sales. A device whose
/// reservation has expired may be reserved again (it first goes back to stock, in the history). The move is the conditional UPDATE
/// of <see cref="ChangerEtat"/>: of two reservations at once, one wins.</summary>
public static class Reserver
{
    /// <exception cref="RegleMetierException">Not in stock, or reserved for someone else until a later instant (409).</exception>
    public static async Task<Appareil> ExecuterAsync(AppDbContext db, ReservationSaisie s, EquipementOptions options, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(s.Pour) || s.Pour.Length > 200) e["pour"] = ["Indiquez pour qui l'appareil est réservé (200 caractères au plus)."];
        if (s.Jours is < 1 or > 30) e["jours"] = ["Une réservation dure de 1 à 30 jours."];
        if (e.Count > 0) throw Valider.Invalide(e, "Réservation invalide");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var a = await ChangerEtat.ChargerAsync(db, s.AppareilId, ct);
        var auteur = ChangerEtat.Auteur(qui);
        if (a.Etat == Etats.Reserve)
        {
            if (a.ReserveJusquAu > maintenant)
                throw new RegleMetierException($"Cet appareil est déjà réservé jusqu'au {Dons.HeureParis.Depuis(a.ReserveJusquAu.Value):dd/MM/yyyy HH:mm}.", "appareilId");
            a = await ChangerEtat.AppliquerAsync(db, a, Etats.EnStock, "Réservation expirée", auteur, horloge, ct);
        }
        if (a.Etat != Etats.EnStock) throw new RegleMetierException($"Seul un appareil en stock peut être réservé (état : {Etats.Libelle(a.Etat)}).", "appareilId");
        ChangerEtat.Verifier(a, Etats.Reserve, qui);
        var jusqu = maintenant.AddDays(s.Jours ?? options.ReservationJours);
        var pour = s.Pour!.Trim();
        return await ChangerEtat.AppliquerAsync(db, a, Etats.Reserve, $"Réservé pour {pour} jusqu'au {Dons.HeureParis.Depuis(jusqu):dd/MM/yyyy HH:mm}", auteur, horloge, ct,
            c => db.Set<Appareil>().Where(x => x.Id == a.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ReserveJusquAu, jusqu).SetProperty(x => x.ReservePour, pour), c));
    }
}

/// <summary>Puts back in stock the devices whose reservation has expired, each with a line in its history; returns how many.</summary>
public static class LibererReservations
{
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var ids = await db.Set<Appareil>().Where(a => a.Etat == Etats.Reserve && a.ReserveJusquAu < maintenant).Select(a => a.Id).Take(1000).ToListAsync(ct);
        var n = 0;
        foreach (var id in ids)
        {
            try
            {
                var a = await ChangerEtat.ChargerAsync(db, id, ct);
                await ChangerEtat.AppliquerAsync(db, a, Etats.EnStock, "Réservation expirée", "système", horloge, ct);
                n++;
            }
            catch (RegleMetierException) { } // sold or changed meanwhile
        }
        return n;
    }
}

/// <summary>Every hour, expired reservations go back to stock.</summary>
public sealed class ReservationsJob(IServiceScopeFactory scopes, TimeProvider horloge, Web.Instance instance, ILogger<ReservationsJob> log)
    : Web.TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "liberation-reservations-appareils";
    protected override TimeSpan Periode => TimeSpan.FromHours(1);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await LibererReservations.ExecuterAsync(services.GetRequiredService<AppDbContext>(), Horloge, ct);
        if (n > 0) Journal.LogInformation("{Nombre} réservations d'appareils expirées, appareils remis en stock", n);
    }
}
