using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Postes;

/// <summary><c>/api/v1/postes</c>, read only, with the access rules of <c>/admin/financement/postes</c> (<see cref="RequetesPostes"/>):
/// administrators every post; a funder the posts its grants pay, without the occupants (a person's data); a manager its structures'
/// posts; mediators 403. Amounts in cents; <c>moisVacance</c> in months to one decimal.</summary>
public static class PostesApi
{
    public static void MapPostesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/postes").WithTags("Postes subventionnés").RequireAuthorization(PerimetreFinancement.Politique);
        g.MapGet("/", Lister).WithSummary("Postes subventionnés visibles par le compte, au plus 1 000 (structure = identifiant de la structure d'accueil)");
        g.MapGet("/{id:int}", Lire).WithSummary("Un poste : occupants (sauf pour un financeur), échéances, mois de vacance");
    }

    static async Task<Results<Ok<List<PosteDto>>, ValidationProblem>> Lister(HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct, string? structure = null)
    {
        int? structureId = null;
        if (!string.IsNullOrWhiteSpace(structure))
        {
            if (!int.TryParse(structure.Trim(), out var id) || id <= 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["structure"] = ["La structure est un identifiant (nombre entier)."] },
                    title: "Critères de recherche invalides");
            structureId = id;
        }
        var p = await PerimetreFinancement.DeAsync(db, http.User, ct);
        var postes = await RequetesPostes.ListerAsync(db, p, Passerelle.Features.Referentiels.Territoire.AujourdHui(horloge), ct, structureId);
        return TypedResults.Ok(postes.Select(x => Masquer(x, p)).ToList());
    }

    static async Task<Results<Ok<PosteDto>, ProblemHttpResult>> Lire(int id, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var p = await PerimetreFinancement.DeAsync(db, http.User, ct);
        return (await RequetesPostes.ListerAsync(db, p, Passerelle.Features.Referentiels.Territoire.AujourdHui(horloge), ct, id: id)).FirstOrDefault() is { } poste
            ? TypedResults.Ok(Masquer(poste, p)) : TypedResults.Problem(statusCode: 404, title: "Poste introuvable");
    }

    /// <summary>A funder (outside its own structures) never gets the occupants' names.</summary>
    static PosteDto Masquer(PosteDto x, PerimetreFinancement p) => p.EstFinanceur && !p.Structures.Contains(x.StructureId) ? x with { Occupants = [] } : x;
}
