using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Conventions;

public sealed record ConventionSaisie(string Intitule, int CoordinateurId, int PartenaireId, int LieuId, DateOnly DateDebut, DateOnly DateFin,
    int CreneauxParSemaine, int AteliersParMois, DateOnly? DateSignature, string? ReferenceDeliberation, PlanningSaisie? Planning, int? DeliberationId = null);

public sealed record ConventionDto(int Id, string Intitule, int? CoordinateurId, int PartenaireId, int? LieuId, DateOnly DateDebut, DateOnly DateFin,
    int CreneauxParSemaine, int AteliersParMois, DateOnly? DateSignature, string? ReferenceDeliberation, IReadOnlyList<MoisLivraison> Livraison, int? DeliberationId);

public static class ConventionsApi
{
    public static void MapConventionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/conventions").WithTags("Conventions").RequireAuthorization(Roles.PolitiqueEquipe);
        g.MapGet("/{id:int}", Lire).WithSummary("Une convention et sa réalisation mois par mois");
        g.MapPost("/", Creer).RequireAuthorization(Roles.PolitiqueAdmin).RequireRateLimiting(Authentification.LimiteEcriture)
            .WithSummary("Créer une convention (et, si « planning » est fourni, ses permanences et ses sessions d'ateliers)");
    }

    static async Task<Results<Ok<ConventionDto>, ProblemHttpResult>> Lire(int id, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var c = await db.Conventions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.Problem(statusCode: 404, title: "Convention introuvable");
        return TypedResults.Ok(Dto(c, await Planning.LivraisonAsync(db, c, horloge, ct)));
    }

    static ConventionDto Dto(Convention c, IReadOnlyList<MoisLivraison> l) => new(c.Id, c.Intitule, c.CoordinateurId, c.PartenaireId, c.LieuId,
        c.DateDebut, c.DateFin, c.CreneauxParSemaine, c.AteliersParMois, c.DateSignature, c.ReferenceDeliberation, l, c.DeliberationId);

    static async Task<Results<Created<ConventionDto>, ValidationProblem>> Creer(ConventionSaisie s, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var c = await CreerConvention.ExecuterAsync(db, s, horloge, ct);
        return TypedResults.Created($"/api/v1/conventions/{c.Id}", Dto(c, await Planning.LivraisonAsync(db, c, horloge, ct)));
    }
}
