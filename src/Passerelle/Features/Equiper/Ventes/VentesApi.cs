using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Ventes;

public sealed record VenteDto(int Id, int AppareilId, long Prix, long? Plafond, string Motif, DateOnly EligibleJusquAu, int GarantieMois, DateTime VenduLe, string Recu);

public static class VentesApi
{
    public static void MapVentesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/equipement").WithTags("Équipement").RequireAuthorization(Roles.PolitiqueGestion).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapPost("/reservations", CreerReservation).WithSummary("Réserver un appareil en stock pour un acheteur, pour 1 à 30 jours (409 s'il n'est pas en stock ou déjà réservé)");
        g.MapPost("/ventes", Creer).WithSummary("Vente solidaire : 409 au-dessus du plafond, sans éligibilité valide, ou pour un appareil qui n'est pas en stock");
    }

    public sealed record ReservationDto(int AppareilId, string Etat, DateTime? ReserveJusquAu, string? ReservePour);

    static async Task<Created<ReservationDto>> CreerReservation(ReservationSaisie s, AppDbContext db, IOptions<EquipementOptions> options, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        await Ventes.Reserver.ExecuterAsync(db, s, options.Value, qui, horloge, ct);
        var a = await db.Set<Appareils.Appareil>().AsNoTracking().SingleAsync(x => x.Id == s.AppareilId, ct);
        return TypedResults.Created($"/api/v1/equipement/appareils/{a.Id}", new ReservationDto(a.Id, a.Etat, a.ReserveJusquAu, a.ReservePour));
    }

    static async Task<Created<VenteDto>> Creer(VenteSaisie s, AppDbContext db, IOptions<EquipementOptions> options, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var v = await Vendre.ExecuterAsync(db, s, options.Value, qui, horloge, ct);
        return TypedResults.Created($"/api/v1/equipement/ventes/{v.Id}", new VenteDto(v.Id, v.AppareilId, v.PrixCentimes, v.PlafondCentimes, v.Motif, v.EligibleJusquAu,
            v.GarantieMois, v.VenduLe, $"/equipement/achat/{v.Jeton}"));
    }
}
