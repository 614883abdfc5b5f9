using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Cofinancements;

/// <summary><c>/api/v1/cofinancements</c>, read only, with the access rules of <c>/admin/financement/cofinancements</c>
/// (<see cref="RequetesCofinancements"/>): administrators everything; a funder the plans where it has a share, its own share and
/// the plan's totals only; a manager its structures' plans; mediators 403. Amounts in cents, rates in ten-thousandths.</summary>
public static class CofinancementsApi
{
    public static void MapCofinancementsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cofinancements").WithTags("Cofinancements").RequireAuthorization(PerimetreFinancement.Politique);
        g.MapGet("/", Lister).WithSummary("Plans de cofinancement visibles par le compte, au plus 500 (porteur = identifiant de la structure)");
        g.MapGet("/{id:int}", Lire).WithSummary("Un plan de cofinancement : coût, parts visibles (centimes, taux en dix-millièmes), autofinancement, équilibre");
    }

    static async Task<Results<Ok<List<PlanDto>>, ValidationProblem>> Lister(HttpContext http, AppDbContext db, CancellationToken ct, string? porteur = null)
    {
        int? porteurId = null;
        if (!string.IsNullOrWhiteSpace(porteur))
        {
            if (!int.TryParse(porteur.Trim(), out var id) || id <= 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["porteur"] = ["Le porteur est l'identifiant (nombre entier) d'une structure."] },
                    title: "Critères de recherche invalides");
            porteurId = id;
        }
        return TypedResults.Ok(await RequetesCofinancements.ListerAsync(db, await PerimetreFinancement.DeAsync(db, http.User, ct), ct, porteurId));
    }

    static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> Lire(int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        await RequetesCofinancements.LireAsync(db, id, await PerimetreFinancement.DeAsync(db, http.User, ct), ct) is { } plan
            ? TypedResults.Ok(plan) : TypedResults.Problem(statusCode: 404, title: "Plan de cofinancement introuvable");
}
