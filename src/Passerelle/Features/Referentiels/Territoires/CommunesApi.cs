using Passerelle.Data;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>A commune as the autocomplete returns it, with the vintage of each figure.</summary>
public sealed record CommuneDto(string Code, string Nom, string Type, string? CommuneParente, IReadOnlyList<string> CodesPostaux,
    int? Population, int? AnneePopulation, string? EpciSiren, string? EpciNom, int AnneeCog);

public static class CommunesApi
{
    /// <summary><c>GET /api/v1/communes?q=</c>: up to 10 communes for a typed name or postcode (forgiving, see
    /// <see cref="RechercheCommunes"/>), anyone may ask; <c>q</c> of 2 to 100 characters, else an empty list.</summary>
    public static void MapCommunesApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/communes", async (AppDbContext db, CancellationToken ct, string? q = null) =>
                (await RechercheCommunes.ChercherAsync(db, q, 10, ct)).Select(Dto).ToList())
            .AllowAnonymous().WithTags("Territoires").WithSummary("Communes pour une saisie (nom, code postal, arrondissement)");

    public static CommuneDto Dto(Commune c) => new(c.CodeInsee, c.Nom, c.Type, c.CommuneParente,
        c.CodesPostaux.Split('|', StringSplitOptions.RemoveEmptyEntries), c.Population, c.AnneePopulation, c.EpciSiren, c.EpciNom, c.AnneeCog);
}
