using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Activites;

public sealed record EtiquetteSaisie(string? Nom);

/// <summary>Local tags of the territory, on top of the national themes: read by the team, managed by administrators.</summary>
public static class EtiquettesApi
{
    public static void MapEtiquettesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/etiquettes").WithTags("Activités");
        g.MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Etiquettes.OrderBy(e => e.Nom).ToListAsync(ct)))
            .RequireAuthorization(Roles.PolitiqueEquipe).WithSummary("Étiquettes locales du territoire");
        g.MapPost("/", Creer).RequireAuthorization(Roles.PolitiqueAdmin).RequireRateLimiting(Authentification.LimiteEcriture).WithSummary("Ajouter une étiquette locale");
    }

    static async Task<Results<Created<Etiquette>, ValidationProblem>> Creer(EtiquetteSaisie s, AppDbContext db, CancellationToken ct)
    {
        var nom = s.Nom?.Trim();
        if (string.IsNullOrEmpty(nom) || nom.Length > 60 || nom.Contains('|'))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nom"] = ["Nom de 1 à 60 caractères, sans « | »."] }, title: "Étiquette invalide");
        if (await db.Etiquettes.AnyAsync(e => e.Nom == nom, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nom"] = ["Cette étiquette existe déjà."] }, title: "Étiquette invalide");
        var e = new Etiquette { Nom = nom };
        db.Etiquettes.Add(e);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/etiquettes/{e.Id}", e);
    }
}
