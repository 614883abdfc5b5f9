using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

public sealed record VersionDto(int Version, DateTime EnregistreeLe, string EnregistreePar, string? Motif, string? FichierNom, string? FichierSha256);

/// <summary>One act: its current values (<see cref="Acte"/>), the ACTES matter's SCDL name, the total authorised (euros), its versions,
/// the attached file if any, and warnings that do not prevent saving (e.g. the same SIRET under another name).</summary>
public sealed record DeliberationDto(int Id, int Version, string MatiereNom, decimal TotalEur, DateTime ModifieLe, string ModifiePar,
    DeliberationSaisie Acte, IReadOnlyList<VersionDto> Versions, FichierDto? Fichier, IReadOnlyList<string> Avertissements);

/// <summary>The act's attached file: name, media type, size in bytes, SHA-256 (hex).</summary>
public sealed record FichierDto(string Nom, string Type, long Taille, string Sha256);

public static class DeliberationsApi
{
    public static void MapDeliberationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deliberations").WithTags("Délibérations").RequireAuthorization(Roles.PolitiqueEquipe);
        g.MapGet("/", Rechercher).WithSummary("Rechercher au registre des délibérations (collectivite = SIRET ou nom, annee, q, matiere, organe, page)");
        g.MapGet("/{id:int}", Lire).WithSummary("Une délibération, ses montants et ses versions");
        var admin = g.MapGroup("").RequireAuthorization(Roles.PolitiqueAdmin).RequireRateLimiting(Authentification.LimiteEcriture);
        admin.MapPost("/", Creer).WithSummary("Ajouter une délibération au registre");
        admin.MapPut("/{id:int}", Corriger).WithSummary("Corriger une délibération (nouvelle version ; « motif » dit pourquoi)");
    }

    /// <summary>The public open-data file: <c>GET /donnees/deliberations.csv</c> (SCDL Délibérations 2.1.5, no byte-order mark),
    /// read from the replica when there is one (<see cref="BaseLecture"/>: an act published a few seconds ago may be missing).</summary>
    public static void MapDonneesDeliberations(this IEndpointRouteBuilder app) =>
        app.MapGet("/donnees/deliberations.csv", async (BaseLecture lecture, CancellationToken ct) =>
            Results.File(new System.Text.UTF8Encoding(false).GetBytes(await ExportScdl.TexteAsync(lecture.Db, ct)), "text/csv; charset=utf-8", "deliberations.csv"))
            .WithTags("Données ouvertes").WithSummary("Registre des délibérations au format SCDL Délibérations 2.1.5");

    static async Task<Results<Ok<PageDeliberations>, ValidationProblem>> Rechercher(AppDbContext db, CancellationToken ct, string? collectivite = null,
        int? annee = null, string? q = null, string? matiere = null, string? organe = null, int page = 1, int taille = 25)
    {
        var c = new CriteresDeliberations { Collectivite = collectivite, Annee = annee, Q = q, Matiere = matiere, Organe = organe, Page = page, Taille = taille };
        var erreurs = RechercheDeliberations.Verifier(c);
        if (erreurs.Count > 0) return TypedResults.ValidationProblem(erreurs, title: "Critères de recherche invalides");
        return TypedResults.Ok(await RechercheDeliberations.ExecuterAsync(db, c, ct));
    }

    public static async Task<DeliberationDto?> DtoAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var d = await db.Deliberations.AsNoTracking().Include(x => x.Montants).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var versions = await db.VersionsDeliberations.AsNoTracking().Where(v => v.DeliberationId == id).OrderByDescending(v => v.Version)
            .Select(v => new VersionDto(v.Version, v.EnregistreeLe, v.EnregistreePar, v.Motif, v.FichierNom, v.FichierSha256)).ToListAsync(ct);
        var fichier = d.FichierNom is null ? null : new FichierDto(d.FichierNom, d.FichierType ?? "application/octet-stream", d.FichierTaille ?? 0, d.FichierSha256 ?? "");
        return new DeliberationDto(d.Id, d.Version, d.MatiereNom, d.TotalCentimes / 100m, d.ModifieLe, d.ModifiePar, DeliberationSaisie.De(d), versions,
            fichier, await NomsCollectivite.AvertissementsAsync(db, d, ct));
    }

    static async Task<Results<Ok<DeliberationDto>, ProblemHttpResult>> Lire(int id, AppDbContext db, CancellationToken ct) =>
        await DtoAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: 404, title: "Délibération introuvable");

    static async Task<Created<DeliberationDto>> Creer(DeliberationSaisie saisie, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var d = await EnregistrerDeliberation.CreerAsync(db, saisie, Auteur(http), horloge, ct);
        return TypedResults.Created($"/api/v1/deliberations/{d.Id}", (await DtoAsync(db, d.Id, ct))!);
    }

    static async Task<Results<Ok<DeliberationDto>, ProblemHttpResult>> Corriger(int id, DeliberationSaisie saisie, HttpContext http, AppDbContext db,
        TimeProvider horloge, CancellationToken ct)
    {
        var d = await EnregistrerDeliberation.CorrigerAsync(db, id, saisie, Auteur(http), horloge, ct);
        return d is null ? TypedResults.Problem(statusCode: 404, title: "Délibération introuvable") : TypedResults.Ok((await DtoAsync(db, id, ct))!);
    }

    public static string Auteur(HttpContext http) => http.User.Identity?.Name ?? "inconnu";

    /// <summary>The content of one version, as saved.</summary>
    public static DeliberationSaisie? ContenuVersion(VersionDeliberation v) =>
        JsonSerializer.Deserialize<DeliberationSaisie>(v.Contenu, new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
