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
        g.MapPost("/ventes", Creer).WithSummary("Vente solidaire : 409 au-dessus du plafond, sans éligibilité valide, ou pour un appareil qui n'est pas en stock");
    }

    static async Task<Created<VenteDto>> Creer(VenteSaisie s, AppDbContext db, IOptions<EquipementOptions> options, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var v = await Vendre.ExecuterAsync(db, s, options.Value, qui, horloge, ct);
        return TypedResults.Created($"/api/v1/equipement/ventes/{v.Id}", new VenteDto(v.Id, v.AppareilId, v.PrixCentimes, v.PlafondCentimes, v.Motif, v.EligibleJusquAu,
            v.GarantieMois, v.VenduLe, $"/equipement/achat/{v.Jeton}"));
    }
}
