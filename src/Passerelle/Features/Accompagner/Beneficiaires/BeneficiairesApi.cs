using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed record CreeDto(int Id);

public static class BeneficiairesApi
{
    public static void MapBeneficiairesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/beneficiaires").WithTags("Bénéficiaires").RequireAuthorization(Roles.PolitiqueTerrain);
        g.MapGet("/", Lister).WithSummary("Fiches de mes structures (médiateurs et gestionnaires de la structure seulement)");
        g.MapGet("/{id:int}", Lire).WithSummary("Une fiche (consultation journalisée) ; 403 pour une autre structure");
        g.MapGet("/doublons", Doublons).WithSummary("Fiches probablement en double (noms proches et même téléphone, courriel ou année de naissance)");
        g.MapGet("/modele.csv", (TimeProvider h) => Fichier(ModeleFichesCsv.Executer(), "modele-beneficiaires.csv")).WithSummary("Modèle CSV d'import");
        g.MapGet("/export.csv", ExporterCsv).WithSummary("Toutes les fiches de mes structures en CSV (export journalisé)");
        g.MapGet("/export-coop.xlsx", ExporterCoop).WithSummary("Les personnes suivies (consentement noté, non anonymisées, nom et prénom connus) au modèle "
            + "« Importer des bénéficiaires » de La Coop : La Coop n'importe pas le statut et ne repère pas les doublons (importer deux fois crée des doublons)");
        g.MapGet("/{id:int}/export", ExporterPersonne).WithSummary("Tout ce que Passerelle détient sur la personne (droit d'accès RGPD)");
        var e = g.MapGroup("").RequireRateLimiting(Authentification.LimiteEcriture);
        e.MapPost("/", Creer).WithSummary("Créer une fiche anonyme ou suivie (consentement requis)");
        e.MapPut("/{id:int}", Modifier).WithSummary("Modifier une fiche (journalisé)");
        e.MapDelete("/{id:int}", Effacer).WithSummary("Effacer la personne (RGPD) : identité supprimée, chiffres anonymes conservés");
        e.MapPost("/{id:int}/fusion", Fusionner).WithSummary("Fusionner une fiche en double dans celle-ci");
        e.MapPost("/{id:int}/non-doublon", NePasFusionner).WithSummary("Noter que deux fiches sont deux personnes différentes : la paire n'est plus proposée comme doublon");
        e.MapPost("/{id:int}/orientations", Orienter).WithSummary("Orienter la personne vers une structure");
        e.MapPut("/orientations/{id:int}/resultat", NoterResultat).WithSummary("Noter si l'orientation a abouti");
        e.MapPost("/{id:int}/diagnostics", Diagnostiquer).WithSummary("Diagnostic de compétences numériques (16 compétences, niveaux 0 à 3)");
        e.MapPost("/import", ImporterCsv).WithSummary("Importer des fiches depuis le modèle CSV (tout ou rien)");

        var qpv = api.MapGroup("/qpv").WithTags("Bénéficiaires");
        qpv.MapGet("/", async (AppDbContext db, string? commune, CancellationToken ct) =>
            TypedResults.Ok(await db.Qpv.AsNoTracking().Where(q => commune == null || q.CodesInsee.Contains(commune)).OrderBy(q => q.Code).ToListAsync(ct)))
            .WithSummary("Liste des quartiers prioritaires (filtre : code INSEE de commune)");
        qpv.MapPost("/import", ImporterQpv).RequireAuthorization(Roles.PolitiqueAdmin).RequireRateLimiting(Authentification.LimiteEcriture)
            .WithSummary("Importer la liste QPV (colonnes code_qp, lib_qp, insee_dep, insee_com)");
    }

    static FileContentHttpResult Fichier(string csv, string nom) => Csv.Telechargement(csv, nom);

    static ProblemHttpResult AucuneStructure() => TypedResults.Problem(statusCode: 403, title: "Accès refusé",
        detail: "Les fiches des personnes ne sont ouvertes qu'aux médiateurs et gestionnaires de la structure qui les suit.");

    static async Task<HashSet<int>?> Structures(HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        var s = await AccesBeneficiaires.StructuresAsync(db, http.User, h, ct);
        return s.Count == 0 ? null : s;
    }

    static async Task<Results<Ok<List<BeneficiaireResume>>, ProblemHttpResult>> Lister(HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct, string? q, int? max)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        return TypedResults.Ok(await ListerFiches.ExecuterAsync(db, s, q, Math.Clamp(max ?? 100, 1, 1000), ct));
    }

    static async Task<Results<Ok<BeneficiaireDto>, ProblemHttpResult>> Lire(int id, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        return TypedResults.Ok(await LireFiche.ExecuterAsync(db, s, id, http.User, h, ct));
    }

    static async Task<Results<Ok<List<Doublon>>, ProblemHttpResult>> Doublons(HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        return TypedResults.Ok(await DetecterDoublons.ExecuterAsync(db, s, ct));
    }

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExporterCsv(HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        return Fichier(await ExporterFichesCsv.ExecuterAsync(db, s, http.User, h, ct), $"beneficiaires-{h.GetUtcNow():yyyy-MM-dd}.csv");
    }

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExporterCoop(HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        return TypedResults.File(await ExporterFichesCoop.ExecuterAsync(db, s, http.User, h, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"coop-numerique_import-beneficiaires_{h.GetUtcNow():yyyy-MM-dd}.xlsx");
    }

    static async Task<Results<Ok<object>, ProblemHttpResult>> ExporterPersonne(int id, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"personne-{id}.json\"";
        return TypedResults.Ok(await ExporterFiche.ExecuterAsync(db, s, id, http.User, h, ct));
    }

    static async Task<Results<Created<CreeDto>, ValidationProblem, ProblemHttpResult>> Creer(BeneficiaireSaisie saisie, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        if (Valider.Objet(saisie) is { Count: > 0 } e) return TypedResults.ValidationProblem(e, title: "Fiche invalide");
        var b = await CreerFiche.ExecuterAsync(db, s, saisie, http.User, h, ct);
        return TypedResults.Created($"/api/v1/beneficiaires/{b.Id}", new CreeDto(b.Id));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Modifier(int id, BeneficiaireSaisie saisie, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        if (Valider.Objet(saisie) is { Count: > 0 } e) return TypedResults.ValidationProblem(e, title: "Fiche invalide");
        await ModifierFiche.ExecuterAsync(db, s, id, saisie, http.User, h, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Effacer(int id, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        await EffacerFiche.ExecuterAsync(db, s, id, http.User, h, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Fusionner(int id, FusionSaisie saisie, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        if (saisie.AbsorberId is not { } autre) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["absorberId"] = ["Indiquez la fiche à fusionner dans celle-ci."] });
        await FusionnerFiches.ExecuterAsync(db, s, id, autre, http.User, h, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> NePasFusionner(int id, NonDoublonSaisie saisie, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        if (saisie.AutreId is not { } autre) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["autreId"] = ["Indiquez l'autre fiche."] });
        await MarquerNonDoublon.ExecuterAsync(db, s, id, autre, http.User, h, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Created<CreeDto>, ValidationProblem, ProblemHttpResult>> Orienter(int id, OrientationSaisie saisie, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        var o = await Beneficiaires.Orienter.ExecuterAsync(db, s, id, saisie, http.User, h, ct);
        return TypedResults.Created($"/api/v1/beneficiaires/{id}", new CreeDto(o.Id));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> NoterResultat(int id, ResultatSaisie saisie, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        // An unknown outcome is bad input (400 listing the accepted codes), not a conflict with the referral's state.
        if (!ResultatsOrientation.Tous.Contains(saisie.Resultat ?? ""))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["resultat"] =
                [$"Résultat d'orientation inconnu. Codes acceptés : {string.Join(", ", ResultatsOrientation.Tous.Select(r => $"« {r} »"))}."] },
                title: "Résultat d'orientation invalide");
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        await NoterResultatOrientation.ExecuterAsync(db, s, id, saisie, http.User, h, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Created<CreeDto>, ValidationProblem, ProblemHttpResult>> Diagnostiquer(int id, DiagnosticSaisie saisie, HttpContext http, AppDbContext db, TimeProvider h, CancellationToken ct)
    {
        if (await Structures(http, db, h, ct) is not { } s) return AucuneStructure();
        var d = await Beneficiaires.Diagnostiquer.ExecuterAsync(db, s, id, saisie, await Reseau.Mediateurs.AutorisationsMediateurs.FicheAsync(db, http.User, ct), http.User, h, ct);
        return TypedResults.Created($"/api/v1/beneficiaires/{id}", new CreeDto(d.Id));
    }

    static async Task<IFormFile?> LireFichier(HttpRequest requete, CancellationToken ct)
    {
        if (!requete.HasFormContentType) return null;
        var f = (await requete.ReadFormAsync(ct)).Files.GetFile("fichier");
        return f is null || f.Length == 0 ? null : f;
    }

    static readonly Dictionary<string, string[]> SansFichier = new() { ["fichier"] = ["Envoyez le fichier CSV en multipart/form-data, champ « fichier »."] };

    static async Task<Results<Ok<RapportImportBeneficiaires>, UnprocessableEntity<RapportImportBeneficiaires>, ValidationProblem, ProblemHttpResult>> ImporterCsv(HttpRequest requete,
        AppDbContext db, TimeProvider h, CancellationToken ct, int? structure)
    {
        if (await Structures(requete.HttpContext, db, h, ct) is not { } s) return AucuneStructure();
        if (await LireFichier(requete, ct) is not { } f) return TypedResults.ValidationProblem(SansFichier);
        await using var flux = f.OpenReadStream();
        var r = await ImporterFiches.ExecuterAsync(db, s, structure, flux, requete.HttpContext.User, h, ct);
        return r.Erreurs.Count == 0 ? TypedResults.Ok(r) : TypedResults.UnprocessableEntity(r);
    }

    static async Task<Results<Ok<RapportQpv>, UnprocessableEntity<RapportQpv>, ValidationProblem>> ImporterQpv(HttpRequest requete, AppDbContext db, CancellationToken ct)
    {
        if (await LireFichier(requete, ct) is not { } f) return TypedResults.ValidationProblem(SansFichier);
        await using var flux = f.OpenReadStream();
        var r = await Quartiers.ImporterAsync(db, flux, ct);
        return r.Erreurs.Count == 0 ? TypedResults.Ok(r) : TypedResults.UnprocessableEntity(r);
    }
}
