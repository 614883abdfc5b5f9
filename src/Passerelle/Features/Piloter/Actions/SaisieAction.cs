using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Piloter.Actions;

/// <summary>What the action form shows: the entry, its errors per field, where it posts and what its button says.</summary>
public sealed record FormulaireAction(ActionSaisie Saisie, IReadOnlyDictionary<string, string[]> Erreurs, string Action, string Bouton);

/// <summary>Checks an action entry (add and edit pages): field rules, a known type and status, the end not before the start, every
/// zone a known commune INSEE code or QPV code (at most 400 characters joined). Returns French errors per field and the zone codes.</summary>
public static class SaisieAction
{
    public static async Task<(Dictionary<string, string[]> Erreurs, List<string> Zones)> ValiderAsync(AppDbContext db, ActionSaisie saisie,
        ModelStateDictionary etat, CancellationToken ct)
    {
        var erreurs = Formulaire.Erreurs(etat, "Saisie.").ToDictionary(e => e.Key, e => e.Value);
        var zones = (saisie.Zones ?? "").Split([',', ' ', '|', ';'], StringSplitOptions.RemoveEmptyEntries).Select(z => z.ToUpperInvariant()).Distinct().ToList();
        if (!ActionTerritoriale.Types.Any(t => t.Code == saisie.Type)) erreurs.TryAdd("Type", ["Choisissez le type d'action."]);
        if (saisie.Statut is { } s && !ActionTerritoriale.Statuts.Any(x => x.Code == s)) erreurs.TryAdd("Statut", ["Statut inconnu."]);
        if (saisie.Fin is { } fin && saisie.Debut is { } debut && fin < debut) erreurs.TryAdd("Fin", ["La fin ne précède pas le début."]);
        if (zones.Count > 0)
        {
            var connues = await db.Set<Referentiels.Territoires.Commune>().Where(c => zones.Contains(c.CodeInsee)).Select(c => c.CodeInsee)
                .Concat(db.Qpv.Where(q => zones.Contains(q.Code)).Select(q => q.Code)).ToListAsync(ct);
            var inconnues = zones.Except(connues).ToList();
            if (inconnues.Count > 0) erreurs.TryAdd("Zones", [$"Zone(s) inconnue(s) : {string.Join(", ", inconnues)} (code INSEE de commune ou code QPV)."]);
            if (string.Join('|', zones).Length > 400) erreurs.TryAdd("Zones", ["Trop de zones pour une action."]);
        }
        return (erreurs, zones);
    }

    /// <summary>Copies a checked entry onto the action (cost in cents).</summary>
    public static void Appliquer(ActionTerritoriale a, ActionSaisie s, IReadOnlyList<string> zones)
    {
        a.Titre = s.Titre!.Trim();
        a.Type = s.Type!;
        a.Zones = string.Join('|', zones);
        a.Porteur = s.Porteur!.Trim();
        a.Debut = s.Debut!.Value;
        a.Fin = s.Fin;
        a.CoutCentimes = (long)Math.Round((s.CoutEuros ?? 0) * 100);
        a.Cofinancement = string.IsNullOrWhiteSpace(s.Cofinancement) ? null : s.Cofinancement.Trim();
        a.Statut = s.Statut ?? "prevue";
    }

    /// <summary>The entry an existing action fills the edit form with.</summary>
    public static ActionSaisie De(ActionTerritoriale a) => new()
    {
        Titre = a.Titre, Type = a.Type, Zones = string.Join(", ", a.CodesZones), Porteur = a.Porteur, Debut = a.Debut, Fin = a.Fin,
        CoutEuros = a.CoutCentimes / 100m, Cofinancement = a.Cofinancement, Statut = a.Statut,
    };
}
