using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Ateliers;

public sealed record SessionDto(int Id, string Titre, DateTime Debut, DateTime Fin, int Capacite, int PlacesRestantes, int LieuId, string Lieu, string Commune, string Fuseau);
public sealed record SessionsDto(int Total, IReadOnlyList<SessionDto> Items);
public sealed record InscriptionCreeeDto(int Id, string Jeton, string Statut);

public static class AteliersApi
{
    public static void MapAteliersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Ateliers");
        g.MapGet("/ateliers/sessions", Sessions).RequireRateLimiting(Authentification.LimiteLecture).WithSummary("Sessions d'ateliers à venir");
        g.MapPost("/ateliers/sessions/{id:int}/inscriptions", InscrireRoute).RequireRateLimiting(Authentification.LimitePublique)
            .WithSummary("S'inscrire (ou se mettre en liste d'attente si c'est complet)");
        var gestion = api.MapGroup("/ateliers/sessions/{id:int}").WithTags("Ateliers").RequireAuthorization(Roles.PolitiqueGestion).RequireRateLimiting(Authentification.LimiteEcriture);
        gestion.MapGet("/participants", Participants).WithSummary("Inscrits et liste d'attente d'une session (gestionnaires des lieux de la session)");
        gestion.MapPut("/capacite", ChangerCapacite).WithSummary("Changer la capacité (jamais sous le nombre d'inscrits ; une hausse fait entrer la liste d'attente)");
        gestion.MapPost("/annulation", AnnulerSession).WithSummary("Annuler une session : chaque inscrit et chaque personne en attente est prévenu(e)");
        api.MapPost("/ateliers/sessions/{id:int}/presents", AjouterPresent).WithTags("Ateliers").RequireAuthorization(Roles.PolitiqueTerrain)
            .RequireRateLimiting(Authentification.LimiteEcriture).WithSummary("Ajouter à la feuille d'émargement une personne venue sans inscription");
        g.MapDelete("/inscriptions/{jeton}", Annuler).RequireRateLimiting(Authentification.LimitePublique).WithSummary("Annuler son inscription");
    }

    static async Task<Results<Ok<SessionsDto>, ValidationProblem>> Sessions(AppDbContext db, TimeProvider horloge, CancellationToken ct, string? commune, DateOnly? du, DateOnly? au, int? taille)
    {
        if (taille is < 1 or > 500 || (commune?.Length ?? 0) > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["criteres"] = ["Critères invalides."] }, title: "Critères de recherche invalides");
        return TypedResults.Ok(await ChercherSessions.ExecuterAsync(db, commune, du, au, taille ?? 50, horloge, ct));
    }

    static async Task<Results<Created<InscriptionCreeeDto>, ValidationProblem, ProblemHttpResult>> InscrireRoute(int id, InscriptionSaisie saisie,
        AppDbContext db, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = Inscrire.Verifier(saisie);
        if (erreurs.Count > 0) return TypedResults.ValidationProblem(erreurs, title: "Inscription incomplète");
        if (!await db.SessionsAteliers.AnyAsync(s => s.Id == id, ct))
            return TypedResults.Problem(statusCode: 404, title: "Session introuvable", detail: "Aucune session d'atelier ne porte cet identifiant.");
        var i = await Inscrire.ExecuterAsync(db, id, saisie, options, horloge, ct);
        return TypedResults.Created($"/api/v1/inscriptions/{i.Jeton}",
            new InscriptionCreeeDto(i.Id, i.Jeton, i.Statut == StatutInscription.Inscrit ? "inscrit" : "liste_attente"));
    }

    static ProblemHttpResult SessionIntrouvable() =>
        TypedResults.Problem(statusCode: 404, title: "Session introuvable", detail: "Aucune session d'atelier de vos lieux ne porte cet identifiant.");

    static async Task<Results<Ok<ParticipantsSessionDto>, ProblemHttpResult>> Participants(int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        await GererSession.TrouverAsync(db, id, http.User, ct) is { } s ? TypedResults.Ok(await GererSession.ParticipantsAsync(db, s, ct)) : SessionIntrouvable();

    static async Task<Results<Ok<ParticipantsSessionDto>, ValidationProblem, ProblemHttpResult>> ChangerCapacite(int id, CapaciteSaisie saisie, HttpContext http, AppDbContext db,
        NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        if (Valider.Objet(saisie) is { } erreurs) return TypedResults.ValidationProblem(erreurs, title: "Capacité invalide");
        if (await GererSession.TrouverAsync(db, id, http.User, ct) is not { } s) return SessionIntrouvable();
        await GererSession.ChangerCapaciteAsync(db, s, saisie.Capacite, options, horloge, ct);
        return TypedResults.Ok(await GererSession.ParticipantsAsync(db, (await GererSession.TrouverAsync(db, id, http.User, ct))!, ct));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AnnulerSession(int id, AnnulationSessionSaisie saisie, HttpContext http, AppDbContext db,
        NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        if (Valider.Objet(saisie) is { } erreurs) return TypedResults.ValidationProblem(erreurs, title: "Annulation invalide");
        if (await GererSession.TrouverAsync(db, id, http.User, ct) is not { } s) return SessionIntrouvable();
        await GererSession.AnnulerAsync(db, s, saisie.Motif, options, horloge, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Created<ParticipantSessionDto>, ValidationProblem, ProblemHttpResult>> AjouterPresent(int id, PresentSaisie saisie, AppDbContext db,
        System.Security.Claims.ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct)
    {
        if (Valider.Objet(saisie) is { } erreurs) return TypedResults.ValidationProblem(erreurs, title: "Personne incomplète");
        if (!await db.SessionsAteliers.AnyAsync(s => s.Id == id, ct)) return SessionIntrouvable();
        // The attendance sheet's perimeter: the mediators of the session's place and the managers of its structure.
        if (!await Ateliers.AutorisationsAteliers.SessionAsync(db, user, id, ct))
            return TypedResults.Problem(statusCode: 403, title: "Accès refusé", detail: "Cette séance n'est pas dans votre périmètre.");
        var i = await GererSession.AjouterPresentAsync(db, id, saisie, horloge, ct);
        return TypedResults.Created($"/api/v1/ateliers/sessions/{id}/participants", new ParticipantSessionDto(i.Id, i.Prenom, i.Nom, GererSession.Libelle(i.Statut), i.CreeLe));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Annuler(string jeton, AppDbContext db, NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
        await Inscrire.AnnulerAsync(db, jeton, options, horloge, ct) ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Inscription introuvable", detail: "Ce lien ne correspond à aucune inscription.");
}
