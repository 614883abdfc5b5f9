using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

public sealed record ActionPlanDto(int Id, string Intitule, string Statut, DateOnly? Debut, DateOnly? Echeance, string? Structure);
public sealed record ObjectifPlanDto(int Id, string Axe, string Intitule, string Statut, DateOnly? AccordLe, IReadOnlyList<ActionPlanDto> Actions);
public sealed record ImmersionDto(int Id, string Entreprise, DateOnly Debut, DateOnly Fin, string? Tuteur, string? Bilan);
/// <summary>The learner's plan (objectives by axis, with their actions) and immersion periods: no private field, so the learner's own
/// page shows it as the team's page does.</summary>
public sealed record PlanDto(IReadOnlyList<ObjectifPlanDto> Objectifs, IReadOnlyList<ImmersionDto> Immersions);

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/plan/objectifs</c>: <c>{ "axe", "intitule", "accord": true|false }</c>.</summary>
public sealed record ObjectifSaisie(string? Axe, string? Intitule, bool Accord);
/// <summary><c>POST …/plan/actions</c>: <c>{ "objectifId", "intitule", "statut", "debut", "echeance", "structure" }</c>.</summary>
public sealed record ActionSaisie(int ObjectifId, string? Intitule, string? Statut, DateOnly? Debut, DateOnly? Echeance, string? Structure);
/// <summary><c>POST …/immersions</c>: <c>{ "entreprise", "debut", "fin", "tuteur", "bilan" }</c>.</summary>
public sealed record ImmersionSaisie(string? Entreprise, DateOnly? Debut, DateOnly? Fin, string? Tuteur, string? Bilan);

/// <summary>The plan (axes → objectives with the learner's agreement → actions with status and dates) and immersions (issue 14 §3).
/// The caller checks access (<see cref="AccesParcours.VerifierInscriptionAsync"/>: the school's staff and the support team).
/// Bad input: <see cref="System.ComponentModel.DataAnnotations.ValidationException"/> with every wrong field at once, keyed by the JSON
/// field's name in PascalCase (<c>Intitule</c>, <c>Statut</c>, <c>Structure</c>… as elsewhere in the API; the page maps them to its fields) (400).</summary>
public static class GererPlan
{
    /// <summary>API handlers (<c>/api/v1/parcours/inscriptions/{id}/plan…</c>): the school's staff and the support team.</summary>
    public static async Task<Ok<PlanDto>> PlanApi(int id, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        return TypedResults.Ok(await LireAsync(db, id, ct));
    }

    public static async Task<Created<CreeDto>> ObjectifApi(int id, ObjectifSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        return TypedResults.Created($"/parcours/inscriptions/{id}#plan", new CreeDto((await AjouterObjectifAsync(db, id, s, horloge, ct)).Id));
    }

    public static async Task<Created<CreeDto>> ActionApi(int id, ActionSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        return TypedResults.Created($"/parcours/inscriptions/{id}#plan", new CreeDto((await AjouterActionAsync(db, id, s, ct)).Id));
    }

    public static async Task<Created<CreeDto>> ImmersionApi(int id, ImmersionSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        return TypedResults.Created($"/parcours/inscriptions/{id}#immersions", new CreeDto((await AjouterImmersionAsync(db, id, s, ct)).Id));
    }

    public static async Task<PlanDto> LireAsync(AppDbContext db, int inscriptionId, CancellationToken ct)
    {
        var objectifs = await db.Set<ObjectifPlan>().AsNoTracking().Where(o => o.InscriptionId == inscriptionId).OrderBy(o => o.Id)
            .Select(o => new ObjectifPlanDto(o.Id, o.Axe, o.Intitule, o.Statut, o.AccordLe,
                o.Actions.OrderBy(a => a.Echeance == null).ThenBy(a => a.Echeance).ThenBy(a => a.Id)
                    .Select(a => new ActionPlanDto(a.Id, a.Intitule, a.Statut, a.Debut, a.Echeance, a.Structure)).ToList())).ToListAsync(ct);
        var immersions = await db.Set<Immersion>().AsNoTracking().Where(i => i.InscriptionId == inscriptionId).OrderBy(i => i.Debut)
            .Select(i => new ImmersionDto(i.Id, i.Entreprise, i.Debut, i.Fin, i.Tuteur, i.Bilan)).ToListAsync(ct);
        return new PlanDto(objectifs, immersions);
    }

    static string? Texte(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Bounds of an action's dates around the application, in years: an action may have begun before it (a driving course
    /// already started), up to <see cref="AnneesAvantCandidature"/> year; beyond <see cref="AnneesApresCandidature"/> years after it,
    /// a date is taken for a typing error (1900, 2099).</summary>
    public const int AnneesAvantCandidature = 1, AnneesApresCandidature = 5;

    /// <summary>An action's start and due dates (Paris calendar days) fall within the bounds above around the learner's application,
    /// the due date on or after the start; errors are added to <paramref name="e"/>, keyed by field.</summary>
    internal static async Task VerifierDatesActionAsync(AppDbContext db, int inscriptionId, DateOnly? debut, DateOnly? echeance, Dictionary<string, string[]> e, CancellationToken ct)
    {
        var le = await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => (DateTime?)i.CandidatureLe).FirstOrDefaultAsync(ct);
        if (le is null) return;
        var candidature = DateOnly.FromDateTime(Territoire.HeureLocale(le.Value));
        var (min, max) = (candidature.AddYears(-AnneesAvantCandidature), candidature.AddYears(AnneesApresCandidature));
        string Hors(string quoi) => $"{quoi} tombe entre le {min:dd/MM/yyyy} et le {max:dd/MM/yyyy} (candidature du {candidature:dd/MM/yyyy}).";
        if (debut is { } d && (d < min || d > max)) e["Debut"] = [Hors("Le début de l'action")];
        if (echeance is { } f && (f < min || f > max)) e["Echeance"] = [Hors("L'échéance de l'action")];
        else if (debut is { } d2 && echeance is { } f2 && f2 < d2) e["Echeance"] = ["L'échéance suit le début de l'action."];
    }

    public static async Task<ObjectifPlan> AjouterObjectifAsync(AppDbContext db, int inscriptionId, ObjectifSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (!Vocabulaire.Existe(Vocabulaire.Axes, s.Axe)) e["Axe"] = [$"Choisissez un axe : {Vocabulaire.Choix(Vocabulaire.Axes)}."];
        if (string.IsNullOrWhiteSpace(s.Intitule) || s.Intitule.Trim().Length > 300) e["Intitule"] = ["Écrivez l'objectif (300 caractères au plus)."];
        if (e.Count > 0) throw Valider.Invalide(e, "Objectif incomplet");
        var o = new ObjectifPlan
        {
            InscriptionId = inscriptionId, Axe = s.Axe!, Intitule = s.Intitule!.Trim(), AccordLe = s.Accord ? Territoire.AujourdHui(horloge) : null,
            CreeLe = horloge.GetUtcNow().UtcDateTime,
        };
        db.Add(o);
        await db.SaveChangesAsync(ct);
        return o;
    }

    public static async Task<ActionPlan> AjouterActionAsync(AppDbContext db, int inscriptionId, ActionSaisie s, CancellationToken ct)
    {
        var objectifId = s.ObjectifId;
        var e = new Dictionary<string, string[]>();
        if (!await db.Set<ObjectifPlan>().AnyAsync(o => o.Id == objectifId && o.InscriptionId == inscriptionId, ct)) e["ObjectifId"] = ["Choisissez un objectif de ce plan."];
        if (string.IsNullOrWhiteSpace(s.Intitule) || s.Intitule.Trim().Length > 300) e["Intitule"] = ["Écrivez l'action (300 caractères au plus)."];
        if (!Vocabulaire.Existe(Vocabulaire.StatutsAction, s.Statut)) e["Statut"] = [$"Choisissez un statut : {Vocabulaire.Choix(Vocabulaire.StatutsAction)}."];
        await VerifierDatesActionAsync(db, inscriptionId, s.Debut, s.Echeance, e, ct);
        if (s.Structure is { Length: > 200 }) e["Structure"] = ["200 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Action incomplète");
        var a = new ActionPlan { ObjectifPlanId = objectifId, Intitule = s.Intitule!.Trim(), Statut = s.Statut!, Debut = s.Debut, Echeance = s.Echeance, Structure = Texte(s.Structure) };
        db.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    public static async Task<Immersion> AjouterImmersionAsync(AppDbContext db, int inscriptionId, ImmersionSaisie s, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(s.Entreprise) || s.Entreprise.Trim().Length > 200) e["Entreprise"] = ["Indiquez l'entreprise d'accueil (200 caractères au plus)."];
        if (s.Debut is null) e["DebutImmersion"] = ["Indiquez le premier jour."];
        if (s.Fin is null) e["FinImmersion"] = ["Indiquez le dernier jour."];
        else if (s.Debut is { } d && s.Fin < d) e["FinImmersion"] = ["Le dernier jour suit le premier."];
        if (s.Tuteur is { Length: > 200 }) e["Tuteur"] = ["200 caractères au plus."];
        if (s.Bilan is { Length: > 2000 }) e["Bilan"] = ["2 000 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Immersion incomplète");
        var i = new Immersion { InscriptionId = inscriptionId, Entreprise = s.Entreprise!.Trim(), Debut = s.Debut!.Value, Fin = s.Fin!.Value, Tuteur = Texte(s.Tuteur), Bilan = Texte(s.Bilan) };
        db.Add(i);
        await db.SaveChangesAsync(ct);
        return i;
    }
}
