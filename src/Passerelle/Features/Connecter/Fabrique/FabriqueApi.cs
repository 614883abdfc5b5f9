using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary><c>POST /api/v1/beneficiaires/{id}/diagnostics-fabrique</c> (issue 13's contract): mediators, managers and administrators who work for
/// the structure holding the file (403 otherwise, 404 unknown file); 201 with the offers proposed.</summary>
public static class FabriqueApi
{
    public static void MapFabriqueApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/beneficiaires").WithTags("Bénéficiaires").RequireAuthorization(Roles.PolitiqueTerrain).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapPost("/{id:int}/diagnostics-fabrique", Creer).WithSummary("Diagnostic équiper – connecter – accompagner : 201 avec les offres proposées et ce qui a changé");
    }

    static async Task<Created<ResultatFabrique>> Creer(int id, DiagnosticFabriqueSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct)
    {
        var r = await DiagnostiquerFabrique.ExecuterAsync(db, id, s, qui, h, ct);
        return TypedResults.Created($"/beneficiaires/{id}/diagnostic-fabrique", r);
    }
}
