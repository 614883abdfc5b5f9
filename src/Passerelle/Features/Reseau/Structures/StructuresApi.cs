using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Structures;

public sealed record StructureDto(int Id, string Nom, string? Siret, string? Rna, string Typologie, string? Adresse, string? CodePostal,
    string? Commune, string? Telephone, string? Courriel, string? SiteWeb, bool Archivee)
{
    public static StructureDto Depuis(Structure s) => new(s.Id, s.Nom, s.Siret, s.Rna, s.Typologie, s.Adresse, s.CodePostal, s.Commune,
        s.Telephone, s.Courriel, s.SiteWeb, s.Archivee);
}

public static class StructuresApi
{
    public static void MapStructuresApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/structures").WithTags("Structures");
        g.MapGet("/", Lister).WithSummary("Lister les structures");
        g.MapGet("/{id:int}", Lire).WithSummary("Lire une structure");
        var admin = g.MapGroup("").RequireAuthorization(Roles.PolitiqueAdmin).RequireRateLimiting(Authentification.LimiteEcriture);
        admin.MapPost("/", Creer).WithSummary("Créer une structure");
        admin.MapPut("/{id:int}", Modifier).WithSummary("Modifier une structure");
        admin.MapDelete("/{id:int}", Archiver).WithSummary("Archiver une structure");
    }

    static async Task<Ok<List<StructureDto>>> Lister(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Structures.AsNoTracking().Where(s => !s.Archivee).OrderBy(s => s.Nom).ToListAsync(ct)).Select(StructureDto.Depuis).ToList());

    static async Task<Results<Ok<StructureDto>, ProblemHttpResult>> Lire(int id, AppDbContext db, CancellationToken ct) =>
        await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? TypedResults.Ok(StructureDto.Depuis(s)) : Introuvable();

    static async Task<Results<Created<StructureDto>, ValidationProblem>> Creer(StructureSaisie saisie, AppDbContext db, CancellationToken ct)
    {
        if (Valider.Objet(saisie) is { } erreurs) return TypedResults.ValidationProblem(erreurs, title: "Structure invalide");
        var s = new Structure();
        if (Appliquer(s, saisie) is { } invalide) return invalide;
        await Doublon(db, s, ct);
        db.Structures.Add(s);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/structures/{s.Id}", StructureDto.Depuis(s));
    }

    static async Task<Results<Ok<StructureDto>, ValidationProblem, ProblemHttpResult>> Modifier(int id, StructureSaisie saisie, AppDbContext db, CancellationToken ct)
    {
        if (Valider.Objet(saisie) is { } erreurs) return TypedResults.ValidationProblem(erreurs, title: "Structure invalide");
        var s = await db.Structures.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Introuvable();
        if (Appliquer(s, saisie) is { } invalide) return invalide;
        await Doublon(db, s, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(StructureDto.Depuis(s));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Archiver(int id, AppDbContext db, CancellationToken ct) =>
        await db.Structures.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Archivee, true), ct) == 1
            ? TypedResults.NoContent() : Introuvable();

    /// <summary>The entity's own checks (SIRET key, RNA, type) are input errors: 400, not 409.</summary>
    static ValidationProblem? Appliquer(Structure s, StructureSaisie saisie)
    {
        try { s.Modifier(saisie); return null; }
        catch (RegleMetierException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Champ ?? ""] = [e.Message] }, title: "Structure invalide");
        }
    }

    /// <summary>A friendly message before the unique index would refuse the same SIRET/RNA.</summary>
    public static async Task Doublon(AppDbContext db, Structure s, CancellationToken ct)
    {
        if (await db.Structures.AnyAsync(x => x.Id != s.Id && ((s.Siret != null && x.Siret == s.Siret) || (s.Rna != null && x.Rna == s.Rna)), ct))
            throw new RegleMetierException("Une structure porte déjà ce SIRET ou ce RNA.", s.Siret is null ? "Rna" : "Siret");
    }

    static ProblemHttpResult Introuvable() =>
        TypedResults.Problem(statusCode: 404, title: "Structure introuvable", detail: "Aucune structure ne porte cet identifiant.");
}
