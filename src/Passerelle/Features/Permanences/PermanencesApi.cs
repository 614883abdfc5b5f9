using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Permanences;

public sealed record PermanenceSaisie(int LieuId, int MotifId, TypeRecurrence Type, DayOfWeek[]? Jours, int? IntervalleSemaines, int? Rang,
    DayOfWeek? JourDuMois, TimeOnly HeureDebut, TimeOnly HeureFin, DateOnly DateDebut, DateOnly? DateFin, int[] MediateurIds);
public sealed record PermanenceDto(int Id, int LieuId, int MotifId, string Description, TimeOnly HeureDebut, TimeOnly HeureFin, DateOnly DateDebut, DateOnly? DateFin, int[] MediateurIds, int CreneauxGeneres);
public sealed record AbsenceSaisie(int MediateurId, DateOnly DateDebut, DateOnly DateFin, DayOfWeek[]? Jours, TimeOnly? HeureDebut, TimeOnly? HeureFin, string? Raison);
public sealed record FermetureSaisie(int LieuId, DateOnly DateDebut, DateOnly DateFin, string? Raison);

/// <summary>Permanences, absences and closures: each change regenerates the affected slots at once.</summary>
public static class PermanencesApi
{
    public static void MapPermanencesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Permanences").RequireAuthorization(Roles.PolitiqueGestion).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapPost("/permanences", Creer).WithSummary("Créer une permanence (et ses créneaux sur l'horizon)");
        g.MapDelete("/permanences/{id:int}", Archiver).WithSummary("Arrêter une permanence (les créneaux réservés sont gardés)");
        g.MapPost("/absences", Absence).WithSummary("Déclarer l'absence d'un médiateur");
        g.MapPost("/fermetures", Fermeture).WithSummary("Déclarer la fermeture d'un lieu");
    }

    static int Masque(DayOfWeek[]? jours) => jours is null ? 0 : Recurrence.Masque(jours);

    static async Task<Results<Created<PermanenceDto>, ValidationProblem, ForbidHttpResult>> Creer(PermanenceSaisie s, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var (p, n, erreurs, interdit) = await CreerAsync(db, s, http.User, horloge, ct);
        if (interdit) return TypedResults.Forbid();
        if (p is null) return TypedResults.ValidationProblem(erreurs, title: "Permanence invalide");
        return TypedResults.Created($"/api/v1/permanences/{p.Id}", new PermanenceDto(p.Id, p.LieuId, p.MotifId, p.Recurrence.Description(), p.HeureDebut, p.HeureFin,
            p.DateDebut, p.DateFin, p.Mediateurs.Select(m => m.Id).ToArray(), n));
    }

    /// <summary>The one way to create a permanence (API and admin page): checks, saves, generates its slots.</summary>
    public static async Task<(Permanence? Permanence, int Creneaux, Dictionary<string, string[]> Erreurs, bool Interdit)> CreerAsync(AppDbContext db, PermanenceSaisie s,
        System.Security.Claims.ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = new Dictionary<string, string[]>();
        var lieu = await db.Lieux.Where(l => l.Id == s.LieuId && !l.Archive).Select(l => new { l.StructureId }).FirstOrDefaultAsync(ct);
        if (lieu is null) erreurs["LieuId"] = ["Lieu inconnu."];
        else if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, user, ct), lieu.StructureId)) return (null, 0, erreurs, true);
        if (!await db.Motifs.AnyAsync(m => m.Id == s.MotifId, ct)) erreurs["MotifId"] = ["Motif inconnu."];
        var ids = (s.MediateurIds ?? []).Distinct().ToArray();
        if (ids.Length is 0 or > 50) erreurs["MediateurIds"] = ["Indiquez de 1 à 50 médiateurs : chacun donne une place par créneau."];
        var mediateurs = await db.Mediateurs.Where(m => ids.Contains(m.Id) && !m.Archive).ToListAsync(ct);
        if (mediateurs.Count != ids.Length) erreurs["MediateurIds"] = ["Médiateur inconnu ou archivé."];
        var p = new Permanence
        {
            LieuId = s.LieuId, MotifId = s.MotifId, Type = s.Type, JoursSemaine = Masque(s.Jours), IntervalleSemaines = s.IntervalleSemaines ?? 1, Rang = s.Rang ?? 1,
            JourDuMois = s.JourDuMois ?? DayOfWeek.Monday, HeureDebut = s.HeureDebut, HeureFin = s.HeureFin, DateDebut = s.DateDebut, DateFin = s.DateFin, Mediateurs = mediateurs,
        };
        try { p.Verifier(); } catch (RegleMetierException e) { erreurs[e.Champ ?? ""] = [e.Message]; }
        if (erreurs.Count > 0) return (null, 0, erreurs, false);
        db.Permanences.Add(p);
        await db.SaveChangesAsync(ct);
        var n = await GenererCreneaux.ExecuterAsync(db, horloge, p.Id, ct);
        return (p, n, erreurs, false);
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

    static async Task<Results<Created, ValidationProblem, ForbidHttpResult>> Absence(AbsenceSaisie s, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, http.User, ct);
        if (perimetre is not null && !await db.Emplois.AnyAsync(e => e.MediateurId == s.MediateurId && perimetre.Contains(e.StructureId), ct)) return TypedResults.Forbid();
        var (id, erreurs) = await DeclarerAbsenceAsync(db, s, horloge, ct);
        return id is null ? TypedResults.ValidationProblem(erreurs, title: "Absence invalide") : TypedResults.Created($"/api/v1/absences/{id}");
    }

    static async Task<Results<Created, ValidationProblem, ForbidHttpResult>> Fermeture(FermetureSaisie s, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, http.User, ct);
        if (perimetre is not null && !await db.Lieux.AnyAsync(l => l.Id == s.LieuId && l.StructureId != null && perimetre.Contains(l.StructureId.Value), ct)) return TypedResults.Forbid();
        var (id, erreurs) = await DeclarerFermetureAsync(db, s, horloge, ct);
        return id is null ? TypedResults.ValidationProblem(erreurs, title: "Fermeture invalide") : TypedResults.Created($"/api/v1/fermetures/{id}");
    }

    /// <summary>Records an absence and removes the mediator's seat from the affected slots.</summary>
    public static async Task<(int? Id, Dictionary<string, string[]> Erreurs)> DeclarerAbsenceAsync(AppDbContext db, AbsenceSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = new Dictionary<string, string[]>();
        if (!await db.Mediateurs.AnyAsync(m => m.Id == s.MediateurId, ct)) erreurs["MediateurId"] = ["Médiateur inconnu."];
        if (s.DateFin < s.DateDebut) erreurs["DateFin"] = ["La fin précède le début."];
        if ((s.HeureDebut is null) != (s.HeureFin is null) || s.HeureFin <= s.HeureDebut) erreurs["HeureFin"] = ["Indiquez une heure de début et une heure de fin, dans l'ordre."];
        if ((s.Raison?.Length ?? 0) > 300) erreurs["Raison"] = ["300 caractères au plus."];
        if (erreurs.Count > 0) return (null, erreurs);
        var a = new Absence { MediateurId = s.MediateurId, DateDebut = s.DateDebut, DateFin = s.DateFin, JoursSemaine = s.Jours is { Length: > 0 } ? Masque(s.Jours) : 0x7F,
            HeureDebut = s.HeureDebut, HeureFin = s.HeureFin, Raison = s.Raison };
        db.Absences.Add(a);
        await db.SaveChangesAsync(ct);
        foreach (var id in await db.Permanences.Where(p => !p.Archivee && p.Mediateurs.Any(m => m.Id == s.MediateurId)).Select(p => p.Id).ToListAsync(ct))
            await GenererCreneaux.ExecuterAsync(db, horloge, id, ct);
        return (a.Id, erreurs);
    }

    /// <summary>Records a closure and removes the place's free slots on those days.</summary>
    public static async Task<(int? Id, Dictionary<string, string[]> Erreurs)> DeclarerFermetureAsync(AppDbContext db, FermetureSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        if (!await db.Lieux.AnyAsync(l => l.Id == s.LieuId, ct) || s.DateFin < s.DateDebut || (s.Raison?.Length ?? 0) > 300)
            return (null, new() { ["Fermeture"] = ["Lieu inconnu, dates dans le désordre ou raison trop longue."] });
        var f = new Fermeture { LieuId = s.LieuId, DateDebut = s.DateDebut, DateFin = s.DateFin, Raison = s.Raison };
        db.Fermetures.Add(f);
        await db.SaveChangesAsync(ct);
        foreach (var id in await db.Permanences.Where(p => !p.Archivee && p.LieuId == s.LieuId).Select(p => p.Id).ToListAsync(ct))
            await GenererCreneaux.ExecuterAsync(db, horloge, id, ct);
        return (f.Id, []);
    }
}
