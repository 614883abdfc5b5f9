using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Web;
using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Features.Accompagner.Rendezvous;

public sealed record CreneauDto(int Id, DateTime Debut, DateTime Fin, int LieuId, string Lieu, string Motif, int MotifId, int PlacesRestantes);
public sealed record CreneauxDto(int Total, IReadOnlyList<CreneauDto> Items);
public sealed record ReservationCreeeDto(int Id, string Jeton, string LienGestion);
public sealed record ReservationDto(int Id, string Statut, DateTime Debut, DateTime Fin, string Lieu, string Adresse, string Motif,
    string? DocumentsAApporter, string Prenom, string Nom);

public static class RendezvousApi
{
    public static void MapRendezvousApi(this RouteGroupBuilder api)
    {
        api.MapGet("/creneaux", Chercher).RequireRateLimiting(Authentification.LimiteLecture).WithTags("Rendez-vous").WithSummary("Créneaux libres, les plus proches d'abord");
        var r = api.MapGroup("/reservations").WithTags("Rendez-vous");
        r.MapPost("/", Reserver).RequireRateLimiting(Authentification.LimitePublique).WithSummary("Réserver un créneau, sans compte");
        r.MapPost("/guichet", ReserverAuGuichetRoute).RequireAuthorization(Roles.PolitiqueTerrain)
            .WithSummary("Réserver au guichet pour une personne (équipe) : nom seul, téléphone facultatif, pas de courriel");
        r.MapGet("/{jeton}", Lire).WithSummary("Lire sa réservation avec le jeton reçu");
        r.MapDelete("/{jeton}", Annuler).RequireRateLimiting(Authentification.LimitePublique).WithSummary("Annuler sa réservation");
    }

    static async Task<Results<Ok<CreneauxDto>, ValidationProblem>> Chercher(AppDbContext db, CompterRecherche compter, HttpContext http, TimeProvider horloge, CancellationToken ct,
        int? lieu, int? motif, string? commune, DateOnly? du, DateOnly? au, int? taille)
    {
        if (taille is < 1 or > 500 || (commune?.Length ?? 0) > 200 || (du is not null && au is not null && au < du))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["criteres"] = ["Critères invalides (taille de 1 à 500, « au » après « du »)."] }, title: "Critères de recherche invalides");
        var lue = await CommuneCherchee.LireAsync(db, commune, ct);
        var (total, items) = await RechercheCreneaux.ExecuterAsync(db, lieu, motif, lue, du, au, taille ?? 50, horloge, ct);
        // A citizen's search from today by commune or postcode is counted for territorial steering (no personal data).
        if (lieu is null && du is null && au is null) await compter.ExecuterAsync(http, lue?.Designee, motif, items, ct);
        return TypedResults.Ok(new CreneauxDto(total, items.Select(c => new CreneauDto(c.Id, c.Debut, c.Fin, c.LieuId, c.Lieu, c.Motif, c.MotifId, c.PlacesRestantes)).ToList()));
    }

    static async Task<Results<Created<ReservationCreeeDto>, ValidationProblem, ProblemHttpResult>> Reserver(ReservationSaisie saisie, HttpContext http,
        AppDbContext db, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = Rendezvous.Reserver.Verifier(saisie);
        if (erreurs.Count > 0) return TypedResults.ValidationProblem(erreurs, title: "Réservation incomplète");
        if (!await db.Creneaux.AnyAsync(c => c.Id == saisie.CreneauId, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["CreneauId"] = ["Ce créneau n'existe pas."] }, title: "Réservation incomplète");
        var equipe = http.User.IsInRole(Roles.Mediateur) || http.User.IsInRole(Roles.Gestionnaire) || http.User.IsInRole(Roles.Administrateur)
            ? http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value : null;
        var r = await Rendezvous.Reserver.ExecuterAsync(db, saisie, equipe, options, horloge, ct);
        var lien = $"{options.UrlPublique.TrimEnd('/')}/mon-rendez-vous/{r.Jeton}";
        return TypedResults.Created($"/api/v1/reservations/{r.Jeton}", new ReservationCreeeDto(r.Id, r.Jeton, lien));
    }

    static async Task<Results<Created<ReservationCreeeDto>, ValidationProblem>> ReserverAuGuichetRoute(ReservationGuichetSaisie saisie, HttpContext http,
        AppDbContext db, NotificationsOptions options, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = Rendezvous.ReserverAuGuichet.Verifier(saisie);
        if (erreurs.Count > 0) return TypedResults.ValidationProblem(erreurs, title: "Réservation incomplète");
        if (!await db.Creneaux.AnyAsync(c => c.Id == saisie.CreneauId, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["CreneauId"] = ["Ce créneau n'existe pas."] }, title: "Réservation incomplète");
        var r = await Rendezvous.ReserverAuGuichet.ExecuterAsync(db, saisie, http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, options, horloge, ct);
        return TypedResults.Created($"/api/v1/reservations/{r.Jeton}", new ReservationCreeeDto(r.Id, r.Jeton, $"{options.UrlPublique.TrimEnd('/')}/mon-rendez-vous/{r.Jeton}"));
    }

    static async Task<Results<Ok<ReservationDto>, ProblemHttpResult>> Lire(string jeton, AppDbContext db, CancellationToken ct)
    {
        var r = await db.Reservations.AsNoTracking().Where(x => x.Jeton == jeton && x.AnonymiseeLe == null)
            .Select(x => new ReservationDto(x.Id, x.Statut.ToString(), x.Creneau!.Debut, x.Creneau.Fin, x.Creneau.Lieu!.Nom,
                x.Creneau.Lieu.Adresse + ", " + x.Creneau.Lieu.CodePostal + " " + x.Creneau.Lieu.Commune, x.Creneau.Motif!.Nom, x.Creneau.Motif.DocumentsAApporter, x.Prenom, x.Nom))
            .FirstOrDefaultAsync(ct);
        return r is null ? Introuvable() : TypedResults.Ok(r);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Annuler(string jeton, AppDbContext db, NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
        await Rendezvous.Reserver.AnnulerAsync(db, jeton, options, horloge, ct) ? TypedResults.NoContent() : Introuvable();

    static ProblemHttpResult Introuvable() =>
        TypedResults.Problem(statusCode: 404, title: "Réservation introuvable", detail: "Ce lien ne correspond à aucune réservation. Vérifiez le lien reçu par courriel ou SMS.");
}
