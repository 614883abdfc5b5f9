using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Reseau.Mediateurs;

public sealed record EmploiDto(int StructureId, string Structure, DateOnly Debut, DateOnly? Fin);
public sealed record MediateurDto(int Id, string Prenom, string Nom, string? Courriel, string? Telephone, bool ConseillerNumerique,
    bool AidantsConnect, bool Archive, IReadOnlyList<EmploiDto> Emplois, IReadOnlyList<int> Lieux);

public sealed record EmploiSaisie(int StructureId, DateOnly Debut, DateOnly? Fin);

/// <summary>Mediators are people: their records are for the team, never public.</summary>
public static class MediateursApi
{
    public static void MapMediateursApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/mediateurs").WithTags("Médiateurs").RequireAuthorization(Roles.PolitiqueEquipe);
        g.MapGet("/", Lister).WithSummary("Lister les médiateurs");
        g.MapGet("/{id:int}", Lire).WithSummary("Lire un médiateur");
        var gestion = g.MapGroup("").RequireAuthorization(Roles.PolitiqueGestion).RequireRateLimiting(Authentification.LimiteEcriture);
        gestion.MapPost("/", Creer).WithSummary("Créer un médiateur");
        gestion.MapPut("/{id:int}", Modifier).WithSummary("Modifier un médiateur");
        gestion.MapPost("/{id:int}/emplois", Employer).WithSummary("Ajouter un emploi (structure, dates)");
        gestion.MapPut("/{id:int}/lieux", DefinirLieux).WithSummary("Définir les lieux d'intervention");
        gestion.MapDelete("/{id:int}", Archiver).WithSummary("Archiver un médiateur");
    }

    // Filter and sort on the entity, then project: EF cannot translate a filter on a record built in the query.
    static IQueryable<MediateurDto> Projeter(IQueryable<Mediateur> q) => q.AsNoTracking().Select(m => new MediateurDto(
        m.Id, m.Prenom, m.Nom, m.Courriel, m.Telephone, m.ConseillerNumerique, m.AidantsConnect, m.Archive,
        m.Emplois.OrderBy(e => e.Debut).Select(e => new EmploiDto(e.StructureId, e.Structure!.Nom, e.Debut, e.Fin)).ToList(),
        m.Lieux.Select(l => l.Id).ToList()));

    static async Task<Ok<List<MediateurDto>>> Lister(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Projeter(db.Mediateurs.Where(m => !m.Archive).OrderBy(m => m.Nom).ThenBy(m => m.Prenom)).ToListAsync(ct));

    static async Task<Results<Ok<MediateurDto>, ProblemHttpResult>> Lire(int id, AppDbContext db, CancellationToken ct) =>
        await Projeter(db.Mediateurs.Where(m => m.Id == id)).FirstOrDefaultAsync(ct) is { } m ? TypedResults.Ok(m) : Introuvable();

    static async Task<Results<Created<MediateurDto>, ValidationProblem>> Creer(MediateurSaisie saisie, AppDbContext db, CancellationToken ct)
    {
        if (Valider.Objet(saisie) is { } erreurs) return TypedResults.ValidationProblem(erreurs, title: "Médiateur invalide");
        var m = new Mediateur();
        try { m.Modifier(saisie); }
        catch (RegleMetierException e) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Champ ?? ""] = [e.Message] }, title: "Médiateur invalide"); }
        db.Mediateurs.Add(m);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/mediateurs/{m.Id}", await Projeter(db.Mediateurs.Where(x => x.Id == m.Id)).FirstAsync(ct));
    }

    static async Task<Results<Ok<MediateurDto>, ValidationProblem, ProblemHttpResult>> Modifier(int id, MediateurSaisie saisie, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (await Refus(db, http, id, ct) is { } refus) return refus;
        if (Valider.Objet(saisie) is { } erreurs) return TypedResults.ValidationProblem(erreurs, title: "Médiateur invalide");
        var m = await db.Mediateurs.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Introuvable();
        try { m.Modifier(saisie); }
        catch (RegleMetierException e) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Champ ?? ""] = [e.Message] }, title: "Médiateur invalide"); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Projeter(db.Mediateurs.Where(x => x.Id == id)).FirstAsync(ct));
    }

    static async Task<Results<Ok<MediateurDto>, ValidationProblem, ProblemHttpResult>> Employer(int id, EmploiSaisie saisie, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (await Refus(db, http, id, ct) is { } refus) return refus;
        if (!await Autorisations.StructureAsync(db, http.User, saisie.StructureId, ct))
            return TypedResults.Problem(statusCode: 403, title: "Accès refusé", detail: "Vous ne pouvez ajouter un emploi que dans une structure que vous gérez.");
        var m = await db.Mediateurs.Include(x => x.Emplois).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Introuvable();
        if (!await db.Structures.AnyAsync(s => s.Id == saisie.StructureId && !s.Archivee, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["structureId"] = ["Structure inconnue ou archivée."] });
        m.Employer(saisie.StructureId, saisie.Debut, saisie.Fin);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Projeter(db.Mediateurs.Where(x => x.Id == id)).FirstAsync(ct));
    }

    static async Task<Results<Ok<MediateurDto>, ValidationProblem, ProblemHttpResult>> DefinirLieux(int id, int[] lieux, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (await Refus(db, http, id, ct) is { } refus) return refus;
        var m = await db.Mediateurs.Include(x => x.Lieux).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Introuvable();
        if (lieux.Length > 500) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lieux"] = ["Trop de lieux."] });
        var trouves = await db.Lieux.Where(l => lieux.Contains(l.Id) && !l.Archive).ToListAsync(ct);
        if (trouves.Count != lieux.Distinct().Count())
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lieux"] = ["Un ou plusieurs lieux sont inconnus ou archivés."] });
        m.Lieux.Clear();
        m.Lieux.AddRange(trouves);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Projeter(db.Mediateurs.Where(x => x.Id == id)).FirstAsync(ct));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Archiver(int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        await Refus(db, http, id, ct) is { } refus ? refus : await db.Mediateurs.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Archive, true), ct) == 1
            ? TypedResults.NoContent() : Introuvable();

    /// <summary>404 for an unknown mediator, 403 for a mediator employed only by structures the manager does not manage.</summary>
    static async Task<ProblemHttpResult?> Refus(AppDbContext db, HttpContext http, int id, CancellationToken ct) =>
        !await db.Mediateurs.AnyAsync(m => m.Id == id, ct) ? Introuvable()
        : await AutorisationsMediateurs.MediateurAsync(db, http.User, id, ct) ? null
        : TypedResults.Problem(statusCode: 403, title: "Accès refusé", detail: "Ce médiateur n'est employé par aucune des structures que vous gérez.");

    static ProblemHttpResult Introuvable() =>
        TypedResults.Problem(statusCode: 404, title: "Médiateur introuvable", detail: "Aucun médiateur ne porte cet identifiant.");
}
