using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.AllerVers;

/// <summary>Routes under <c>/api/v1/connexion/aller-vers</c>: mediators, managers and administrators, for the structures they work for.</summary>
public static class AllerVersApi
{
    public static void MapAllerVersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/connexion/aller-vers").WithTags("Connexion solidaire").RequireAuthorization(Roles.PolitiqueTerrain).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapGet("", (AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) => EvenementsAllerVers.ListerAsync(db, qui, h, ct))
            .WithSummary("Actions d'aller vers des structures du compte, avec diagnostics, adhésions et accompagnements « autre lieu » liés");
        g.MapPost("", Creer).WithSummary("Nouvelle action d'aller vers (résidence, marché, lieu partenaire)");
        g.MapPost("/{id:int}/liens", Lier).WithSummary("Relier un diagnostic ou une adhésion faits pendant l'action");
    }

    static async Task<Created<CreeAllerVers>> Creer(EvenementSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        TypedResults.Created("/api/v1/connexion/aller-vers", new CreeAllerVers((await EvenementsAllerVers.CreerAsync(db, s, qui, h, ct)).Id));

    static async Task<NoContent> Lier(int id, LienSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct)
    {
        await EvenementsAllerVers.LierAsync(db, id, s, qui, h, ct);
        return TypedResults.NoContent();
    }

    public sealed record CreeAllerVers(int Id);
}
