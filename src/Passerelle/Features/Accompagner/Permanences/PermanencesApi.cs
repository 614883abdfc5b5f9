using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Notifications;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Permanences;

public sealed record PermanenceSaisie(int LieuId, int MotifId, TypeRecurrence Type, DayOfWeek[]? Jours, int? IntervalleSemaines, int? Rang,
    DayOfWeek? JourDuMois, TimeOnly HeureDebut, TimeOnly HeureFin, DateOnly DateDebut, DateOnly? DateFin, int[] MediateurIds);
public sealed record PermanenceDto(int Id, int LieuId, int MotifId, string Description, TimeOnly HeureDebut, TimeOnly HeureFin, DateOnly DateDebut, DateOnly? DateFin, int[] MediateurIds, int CreneauxGeneres);
public sealed record AbsenceSaisie(int MediateurId, DateOnly DateDebut, DateOnly DateFin, DayOfWeek[]? Jours, TimeOnly? HeureDebut, TimeOnly? HeureFin, string? Raison);
public sealed record FermetureSaisie(int LieuId, DateOnly DateDebut, DateOnly DateFin, string? Raison);
public sealed record ResultatFermetureDto(int Id, int RendezvousAnnules, int SessionsAnnulees);

/// <summary>Permanences, absences and closures: each change regenerates the affected slots at once.</summary>
public static class PermanencesApi
{
    public static void MapPermanencesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Permanences").RequireAuthorization(Roles.PolitiqueGestion).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapPost("/permanences", Creer).WithSummary("Créer une permanence (et ses créneaux sur l'horizon)");
        g.MapDelete("/permanences/{id:int}", Archiver).WithSummary("Arrêter une permanence (les créneaux réservés sont gardés)");
        g.MapPost("/absences", Absence).WithSummary("Déclarer l'absence d'un médiateur (les rendez-vous sans personne pour les recevoir sont annulés, les personnes prévenues)");
        g.MapPut("/absences/{id:int}", ModifierAbsence).WithSummary("Modifier une absence");
        g.MapDelete("/absences/{id:int}", SupprimerAbsence).WithSummary("Supprimer une absence (les places reviennent)");
        g.MapPost("/fermetures", Fermeture).WithSummary("Déclarer la fermeture d'un lieu (rendez-vous et ateliers de ces jours annulés, personnes prévenues)");
        g.MapPut("/fermetures/{id:int}", ModifierFermeture).WithSummary("Modifier une fermeture");
        g.MapDelete("/fermetures/{id:int}", SupprimerFermeture).WithSummary("Supprimer une fermeture (les créneaux reviennent)");
    }

    static async Task<Results<Created<PermanenceDto>, ValidationProblem, ForbidHttpResult>> Creer(PermanenceSaisie s, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var (p, n) = await CreerPermanence.ExecuterAsync(db, s, http.User, horloge, ct);
        return TypedResults.Created($"/api/v1/permanences/{p.Id}", new PermanenceDto(p.Id, p.LieuId, p.MotifId, p.Recurrence.Description(), p.HeureDebut, p.HeureFin,
            p.DateDebut, p.DateFin, p.Mediateurs.Select(m => m.Id).ToArray(), n));
    }

    static async Task<Results<NoContent, ProblemHttpResult, ForbidHttpResult>> Archiver(int id, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var p = await db.Permanences.Include(x => x.Lieu).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return TypedResults.Problem(statusCode: 404, title: "Permanence introuvable");
        if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, http.User, ct), p.Lieu!.StructureId)) return TypedResults.Forbid();
        p.Archivee = true;
        await db.SaveChangesAsync(ct);
        await GenererCreneaux.ExecuterAsync(db, horloge, id, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Created<ResultatFermetureDto>, ValidationProblem, ForbidHttpResult, NotFound>> Absence(AbsenceSaisie s, HttpContext http, AppDbContext db,
        NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
        Repondre(await DeclarerAbsence.EnregistrerAsync(db, null, s, await Perimetre.StructuresGereesAsync(db, http.User, ct), options, horloge, ct), "absences", "Absence invalide");

    static async Task<Results<Created<ResultatFermetureDto>, ValidationProblem, ForbidHttpResult, NotFound>> ModifierAbsence(int id, AbsenceSaisie s, HttpContext http, AppDbContext db,
        NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
        Repondre(await DeclarerAbsence.EnregistrerAsync(db, id, s, await Perimetre.StructuresGereesAsync(db, http.User, ct), options, horloge, ct), "absences", "Absence invalide");

    static async Task<Results<NoContent, ForbidHttpResult, NotFound>> SupprimerAbsence(int id, HttpContext http, AppDbContext db, NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
        Supprime(await DeclarerAbsence.SupprimerAsync(db, id, await Perimetre.StructuresGereesAsync(db, http.User, ct), options, horloge, ct));

    static async Task<Results<Created<ResultatFermetureDto>, ValidationProblem, ForbidHttpResult, NotFound>> Fermeture(FermetureSaisie s, HttpContext http, AppDbContext db,
        NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
        Repondre(await DeclarerFermeture.EnregistrerAsync(db, null, s, await Perimetre.StructuresGereesAsync(db, http.User, ct), options, horloge, ct), "fermetures", "Fermeture invalide");

    static async Task<Results<Created<ResultatFermetureDto>, ValidationProblem, ForbidHttpResult, NotFound>> ModifierFermeture(int id, FermetureSaisie s, HttpContext http, AppDbContext db,
        NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
        Repondre(await DeclarerFermeture.EnregistrerAsync(db, id, s, await Perimetre.StructuresGereesAsync(db, http.User, ct), options, horloge, ct), "fermetures", "Fermeture invalide");

    static async Task<Results<NoContent, ForbidHttpResult, NotFound>> SupprimerFermeture(int id, HttpContext http, AppDbContext db, NotificationsOptions options, TimeProvider horloge, CancellationToken ct) =>
        Supprime(await DeclarerFermeture.SupprimerAsync(db, id, await Perimetre.StructuresGereesAsync(db, http.User, ct), options, horloge, ct));

    static Results<Created<ResultatFermetureDto>, ValidationProblem, ForbidHttpResult, NotFound> Repondre(ResultatFermeture r, string chemin, string titre) =>
        r.Introuvable ? TypedResults.NotFound() : r.Interdit ? TypedResults.Forbid() : r.Id is not { } id ? TypedResults.ValidationProblem(r.Erreurs, title: titre)
        : TypedResults.Created($"/api/v1/{chemin}/{id}", new ResultatFermetureDto(id, r.RendezvousAnnules, r.SessionsAnnulees));

    static Results<NoContent, ForbidHttpResult, NotFound> Supprime(ResultatFermeture r) =>
        r.Introuvable ? TypedResults.NotFound() : r.Interdit ? TypedResults.Forbid() : TypedResults.NoContent();
}
