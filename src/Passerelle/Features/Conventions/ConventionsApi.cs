using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Conventions;

public sealed record ConventionSaisie(string Intitule, int CoordinateurId, int PartenaireId, int LieuId, DateOnly DateDebut, DateOnly DateFin,
    int CreneauxParSemaine, int AteliersParMois, DateOnly? DateSignature, string? ReferenceDeliberation, PlanningSaisie? Planning);

public sealed record ConventionDto(int Id, string Intitule, int CoordinateurId, int PartenaireId, int LieuId, DateOnly DateDebut, DateOnly DateFin,
    int CreneauxParSemaine, int AteliersParMois, DateOnly? DateSignature, string? ReferenceDeliberation, IReadOnlyList<MoisLivraison> Livraison);

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
        c.DateDebut, c.DateFin, c.CreneauxParSemaine, c.AteliersParMois, c.DateSignature, c.ReferenceDeliberation, l);

    static async Task<Results<Created<ConventionDto>, ValidationProblem>> Creer(ConventionSaisie s, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var (c, erreurs) = await CreerAsync(db, s, horloge, ct);
        if (c is null) return TypedResults.ValidationProblem(erreurs, title: "Convention invalide");
        return TypedResults.Created($"/api/v1/conventions/{c.Id}", Dto(c, await Planning.LivraisonAsync(db, c, horloge, ct)));
    }

    /// <summary>Creates a convention and, when asked, its schedule, all in one transaction (API and admin form).</summary>
    public static async Task<(Convention? Convention, Dictionary<string, string[]> Erreurs)> CreerAsync(AppDbContext db, ConventionSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var c = new Convention
        {
            Intitule = s.Intitule?.Trim() ?? "", CoordinateurId = s.CoordinateurId, PartenaireId = s.PartenaireId, LieuId = s.LieuId, DateDebut = s.DateDebut,
            DateFin = s.DateFin, CreneauxParSemaine = s.CreneauxParSemaine, AteliersParMois = s.AteliersParMois, DateSignature = s.DateSignature,
            ReferenceDeliberation = s.ReferenceDeliberation?.Trim(),
        };
        var erreurs = new Dictionary<string, string[]>();
        try { c.Verifier(); } catch (RegleMetierException e) { erreurs[e.Champ ?? ""] = [e.Message]; }
        if (c.Intitule.Length > 300) erreurs["Intitule"] = ["300 caractères au plus."];
        if ((c.ReferenceDeliberation?.Length ?? 0) > 200) erreurs["ReferenceDeliberation"] = ["200 caractères au plus."];
        if (!await db.Structures.AnyAsync(x => x.Id == s.CoordinateurId, ct)) erreurs["CoordinateurId"] = ["Structure inconnue."];
        if (!await db.Structures.AnyAsync(x => x.Id == s.PartenaireId, ct)) erreurs["PartenaireId"] = ["Structure inconnue."];
        if (!await db.Lieux.AnyAsync(x => x.Id == s.LieuId, ct)) erreurs["LieuId"] = ["Lieu inconnu."];
        if (s.Planning is { } p)
        {
            if (!await db.Motifs.AnyAsync(m => m.Id == p.MotifId, ct)) erreurs["Planning.MotifId"] = ["Motif inconnu."];
            if (p.MediateurIds is null || p.MediateurIds.Length == 0 || p.MediateurIds.Length > 50 || await db.Mediateurs.CountAsync(m => p.MediateurIds.Contains(m.Id), ct) != p.MediateurIds.Distinct().Count())
                erreurs["Planning.MediateurIds"] = ["Indiquez un ou plusieurs médiateurs existants."];
            if (p.AtelierId is { } a && !await db.Ateliers.AnyAsync(x => x.Id == a, ct)) erreurs["Planning.AtelierId"] = ["Atelier inconnu."];
            if (p.CapaciteAtelier is < 1 or > 200 || p.RangAtelier is not (1 or 2 or 3 or 4 or -1)) erreurs["Planning"] = ["Capacité (1 à 200) ou rang (1 à 4, -1) invalide."];
        }
        if (erreurs.Count > 0) return (null, erreurs);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Conventions.Add(c);
        await db.SaveChangesAsync(ct);
        if (s.Planning is { } planning)
        {
            try { await Planning.GenererAsync(db, c, planning, horloge, ct); }
            catch (RegleMetierException e) { return (null, new() { ["Planning"] = [e.Message] }); }
        }
        await transaction.CommitAsync(ct);
        return (c, erreurs);
    }
}
