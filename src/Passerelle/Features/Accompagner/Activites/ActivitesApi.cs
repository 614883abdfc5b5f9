using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Activites;

public sealed record ActiviteCreeeDto(int Id);

public static class ActivitesApi
{
    public static void MapActivitesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/activites").WithTags("Activités").RequireAuthorization(Roles.PolitiqueTerrain).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapPost("/", Creer).WithSummary("Enregistrer un compte rendu d'activité (valeurs des listes nationales)");
        g.MapPut("/{id:int}", Modifier).WithSummary("Modifier un de mes comptes rendus (modification journalisée)");
        g.MapDelete("/{id:int}", Supprimer).WithSummary("Supprimer un de mes comptes rendus (suppression journalisée)");
        g.MapGet("/export-coop.xlsx", ExportCoop.ExporterXlsxAsync).WithSummary("Rapport au format de l'export d'activités de La Coop (version du 26 juin 2026), "
            + "pour vérifier ou ressaisir ; La Coop ne sait pas importer d'activités. Une ligne par participant ; equipe=true : variante coordinateur (gestionnaires)");
        g.MapGet("/export-coop.csv", ExportCoop.ExporterCsvAsync).WithSummary("Le même rapport en CSV (le tableau seul) : un tableur présenté comme l'export d'activités "
            + "de La Coop, pour vérifier ou ressaisir ; La Coop ne sait pas importer d'activités");
    }

    static async Task<Results<Created<ActiviteCreeeDto>, ValidationProblem, ProblemHttpResult>> Creer(ActiviteSaisie saisie, HttpContext http, AppDbContext db,
        TimeProvider horloge, CancellationToken ct)
    {
        if (await AutorisationsMediateurs.FicheAsync(db, http.User, ct) is not { } mediateur) return SansFiche();
        var a = await EnregistrerActivite.ExecuterAsync(db, mediateur, saisie, http.User, horloge, ct);
        return TypedResults.Created($"/api/v1/activites/{a.Id}", new ActiviteCreeeDto(a.Id));
    }

    /// <summary>The answer to an account without a mediator card.</summary>
    public static ProblemHttpResult SansFiche() =>
        TypedResults.Problem(statusCode: 403, title: "Accès refusé", detail: "Votre compte n'est relié à aucune fiche de médiateur : demandez à votre gestionnaire de la relier.");

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Modifier(int id, ActiviteSaisie saisie, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        if (await AutorisationsMediateurs.FicheAsync(db, http.User, ct) is not { } mediateur) return SansFiche();
        await EnregistrerActivite.ExecuterAsync(db, mediateur, saisie, http.User, horloge, ct, id);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Supprimer(int id, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        if (await AutorisationsMediateurs.FicheAsync(db, http.User, ct) is not { } mediateur) return SansFiche();
        await SupprimerActivite.ExecuterAsync(db, mediateur, id, http.User, horloge, ct);
        return TypedResults.NoContent();
    }
}
