using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>PUT /api/v1/parcours/inscriptions/{id}/plan/objectifs/{ligne}</c>: <c>{ "statut": "en_cours"|"atteint"|"abandonne",
/// "accordLe": "2025-03-12" | null }</c> (null: the learner's agreement is still to be sought).</summary>
public sealed record ObjectifModification(string? Statut, DateOnly? AccordLe);
/// <summary><c>PUT /api/v1/parcours/inscriptions/{id}/plan/actions/{ligne}</c>: <c>{ "statut", "debut", "echeance" }</c> (dates optional;
/// the due date not before the start).</summary>
public sealed record ActionModification(string? Statut, DateOnly? Debut, DateOnly? Echeance);

/// <summary>Changes the status and dates of an objective or an action of the learner's plan (issue 14 §3: « actions with status and dates »).
/// The caller checks access (<see cref="AccesParcours.VerifierInscriptionAsync"/>: the school's staff and the support team, as for adding).
/// Errors: an objective or action of another plan → <see cref="KeyNotFoundException"/> (404); a wrong status, an agreement dated in the future or before the application,
/// a due date before the start → <see cref="System.ComponentModel.DataAnnotations.ValidationException"/> with the field (400).</summary>
public static class ModifierPlan
{
    public static async Task<ObjectifPlan> ObjectifAsync(AppDbContext db, int inscriptionId, int objectifId, ObjectifModification s, TimeProvider horloge, CancellationToken ct)
    {
        var o = await db.Set<ObjectifPlan>().FirstOrDefaultAsync(x => x.Id == objectifId && x.InscriptionId == inscriptionId, ct)
            ?? throw new KeyNotFoundException("Cet objectif n'appartient pas à ce plan.");
        var e = new Dictionary<string, string[]>();
        if (!Vocabulaire.Existe(Vocabulaire.StatutsObjectif, s.Statut)) e["Statut"] = [$"Choisissez un statut : {Vocabulaire.Choix(Vocabulaire.StatutsObjectif)}."];
        var candidature = DateOnly.FromDateTime(Territoire.HeureLocale(await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => i.CandidatureLe).FirstAsync(ct)));
        if (s.AccordLe > Territoire.AujourdHui(horloge)) e["AccordLe"] = ["L'accord de l'apprenant·e est daté d'aujourd'hui au plus tard."];
        else if (s.AccordLe < candidature) e["AccordLe"] = [$"L'accord de l'apprenant·e suit sa candidature du {candidature:dd/MM/yyyy} : il ne peut pas la précéder."];
        if (e.Count > 0) throw Valider.Invalide(e, "Objectif non modifié");
        (o.Statut, o.AccordLe) = (s.Statut!, s.AccordLe);
        await db.SaveChangesAsync(ct);
        return o;
    }

    public static async Task<ActionPlan> ActionAsync(AppDbContext db, int inscriptionId, int actionId, ActionModification s, CancellationToken ct)
    {
        var a = await db.Set<ActionPlan>().FirstOrDefaultAsync(x => x.Id == actionId && db.Set<ObjectifPlan>().Any(o => o.Id == x.ObjectifPlanId && o.InscriptionId == inscriptionId), ct)
            ?? throw new KeyNotFoundException("Cette action n'appartient pas à ce plan.");
        var e = new Dictionary<string, string[]>();
        if (!Vocabulaire.Existe(Vocabulaire.StatutsAction, s.Statut)) e["Statut"] = [$"Choisissez un statut : {Vocabulaire.Choix(Vocabulaire.StatutsAction)}."];
        await GererPlan.VerifierDatesActionAsync(db, inscriptionId, s.Debut, s.Echeance, e, ct);
        if (e.Count > 0) throw Valider.Invalide(e, "Action non modifiée");
        (a.Statut, a.Debut, a.Echeance) = (s.Statut!, s.Debut, s.Echeance);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>API handlers: the school's staff and the support team (others 403); 200 with the plan as it now is.</summary>
    public static async Task<Ok<PlanDto>> ObjectifApi(int id, int ligne, ObjectifModification s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        await ObjectifAsync(db, id, ligne, s, horloge, ct);
        return TypedResults.Ok(await GererPlan.LireAsync(db, id, ct));
    }

    public static async Task<Ok<PlanDto>> ActionApi(int id, int ligne, ActionModification s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        await ActionAsync(db, id, ligne, s, ct);
        return TypedResults.Ok(await GererPlan.LireAsync(db, id, ct));
    }
}
