using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Former.Parcours;
using Passerelle.Web;

namespace Passerelle.Features.Former.Aidants;

/// <summary>Records a helper's assessment against the framework (issue 14 §7): one dated level per competency assessed, by the helper
/// (<see cref="ReferentielAidants.Auto"/>) or the trainer (<see cref="ReferentielAidants.Formateur"/>). Competencies left empty are not
/// assessed this time. Errors are keyed <c>Niveaux[{competenceId}]</c> and <c>Le</c>.</summary>
public static class EvaluerAidant
{
    /// <returns>The number of competencies assessed.</returns>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">A level outside 1–4, a withdrawn or unknown competency,
    /// a date in the future or before the cohort's start, or nothing assessed.</exception>
    public static async Task<int> ExecuterAsync(AppDbContext db, int inscriptionId, string par, ClaimsPrincipal? formateur, DateOnly? le,
        IReadOnlyDictionary<int, int?> niveaux, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var aujourdHui = Territoire.AujourdHui(horloge);
        var debut = await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => i.Cohorte!.Debut).FirstAsync(ct);
        var jour = le ?? aujourdHui;
        if (jour > aujourdHui) e["Le"] = ["La date de l'évaluation ne peut pas être dans le futur."];
        else if (jour < debut) e["Le"] = [$"La date de l'évaluation suit le début de la formation, le {debut:dd/MM/yyyy}."];
        var actives = await db.Set<CompetenceAidant>().Where(c => c.Active).Select(c => c.Id).ToListAsync(ct);
        var saisis = niveaux.Where(n => n.Value is not null).ToList();
        foreach (var (id, niveau) in saisis)
        {
            if (!actives.Contains(id)) e[$"Niveaux[{id}]"] = ["Cette compétence ne fait plus partie du référentiel."];
            else if (niveau is < 1 or > 4) e[$"Niveaux[{id}]"] = ["Choisissez un niveau de 1 à 4."];
        }
        if (saisis.Count == 0 && e.Count == 0) e["Niveaux"] = ["Choisissez un niveau pour au moins une compétence."];
        if (e.Count > 0) throw Valider.Invalide(e, "Évaluation incomplète");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        foreach (var (id, niveau) in saisis)
            db.Add(new EvaluationAidant
            {
                InscriptionId = inscriptionId, CompetenceId = id, Le = jour, Niveau = niveau!.Value, Par = par,
                AuteurId = formateur is null ? null : AccesParcours.UtilisateurId(formateur), Auteur = formateur?.Identity?.Name, SaisieLe = maintenant,
            });
        await db.SaveChangesAsync(ct);
        return saisis.Count;
    }

    /// <summary>Sets the association a helper helps in (progress per association).</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Unknown structure.</exception>
    public static async Task AssocierAsync(AppDbContext db, int inscriptionId, int? associationId, CancellationToken ct)
    {
        if (associationId is { } a && !await db.Structures.AnyAsync(s => s.Id == a, ct))
            throw Valider.Invalide(new() { ["AssociationId"] = ["Choisissez une association de la liste."] });
        var apprenant = await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => i.ApprenantId).FirstAsync(ct);
        await db.Set<Apprenant>().Where(x => x.Id == apprenant).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssociationId, associationId), ct);
    }
}
