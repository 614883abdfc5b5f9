using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Activites;

public sealed record ActiviteCreeeDto(int Id);

public static class ActivitesApi
{
    public static void MapActivitesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/activites").WithTags("Activités").RequireAuthorization(Roles.PolitiqueTerrain).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapPost("/", Creer).WithSummary("Enregistrer un compte rendu d'activité (valeurs des listes nationales)");
    }

    /// <summary>The signed-in account's mediator card, if any.</summary>
    public static async Task<int?> MediateurAsync(AppDbContext db, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return id is null ? null : await db.Mediateurs.Where(m => m.UtilisateurId == id && !m.Archive).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
    }

    static async Task<Results<Created<ActiviteCreeeDto>, ValidationProblem, ProblemHttpResult>> Creer(ActiviteSaisie saisie, HttpContext http, AppDbContext db,
        TimeProvider horloge, CancellationToken ct)
    {
        if (await MediateurAsync(db, http.User, ct) is not { } mediateur)
            return TypedResults.Problem(statusCode: 403, title: "Accès refusé", detail: "Votre compte n'est relié à aucune fiche de médiateur : demandez à votre gestionnaire de la relier.");
        var (a, erreurs) = await EnregistrerActivite.ExecuterAsync(db, mediateur, saisie, http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, horloge, ct);
        if (a is null) return TypedResults.ValidationProblem(erreurs, title: "Compte rendu invalide");
        return TypedResults.Created($"/api/v1/activites/{a.Id}", new ActiviteCreeeDto(a.Id));
    }
}
