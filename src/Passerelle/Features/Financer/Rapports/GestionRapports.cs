using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>One budget line as posted: account key (<see cref="PlanComptable"/>), planned and actual in cents, explanation.</summary>
public sealed record SaisieLigne(string Compte, long Prevu, long Realise, string? Explication);

/// <summary>What the association writes: the two texts, the budget lines, the values it states for non-measured indicators and a
/// comment per indicator (by rank).</summary>
public sealed record SaisieRapport(string? BilanQualitatif, string? Annexe, IReadOnlyList<SaisieLigne> Lignes,
    IReadOnlyDictionary<int, decimal?>? Declares = null, IReadOnlyDictionary<int, string?>? Commentaires = null);

/// <summary>Opening, filling, submitting and deciding funder reports; every change journaled (object « Rapport »).</summary>
public static class GestionRapports
{
    public const string Objet = "Rapport";

    /// <summary>Opens the report of a grant for an exercise (idempotent: the existing one when it is there): due date, the budget lines
    /// of the chart with zeros, and the indicators of the grant's convention with their values measured from the records.</summary>
    /// <returns>Null when the grant does not exist.</returns>
    public static async Task<RapportFinancier?> OuvrirAsync(AppDbContext db, int subventionId, int exercice, CatalogueIndicateurs catalogue, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var existant = await db.Set<RapportFinancier>().FirstOrDefaultAsync(r => r.SubventionId == subventionId && r.Exercice == exercice, ct);
        if (existant is not null) return existant;
        if (!await db.Set<Subvention>().AnyAsync(s => s.Id == subventionId, ct)) return null;
        if (exercice is < 2000 or > 2100) throw new RegleMetierException("L'exercice est une année entre 2000 et 2100.", "exercice");
        var convention = await db.Conventions.AsNoTracking().FirstOrDefaultAsync(c => c.SubventionId == subventionId, ct);
        var r = new RapportFinancier
        {
            SubventionId = subventionId, ConventionId = convention?.Id, Exercice = exercice, Echeance = RapportFinancier.EcheancePour(exercice),
            CreeLe = horloge.GetUtcNow().UtcDateTime, Lignes = PlanComptable.Lignes.Select(l => new LigneRapport { Compte = l.Compte }).ToList(),
        };
        db.Add(r);
        await ActualiserIndicateursAsync(db, r, catalogue, horloge, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Opened at the same moment by someone else (unique index): that one is the report.
            foreach (var l in r.Lignes) db.Entry(l).State = EntityState.Detached;
            foreach (var i in r.Indicateurs) db.Entry(i).State = EntityState.Detached;
            db.Entry(r).State = EntityState.Detached;
            var autre = await db.Set<RapportFinancier>().FirstOrDefaultAsync(x => x.SubventionId == subventionId && x.Exercice == exercice, ct);
            if (autre is null) throw;
            return autre;
        }
        Journal.Ajouter(db, horloge, auteur, Objet, r.Id, "création", null, $"exercice {exercice}, à rendre le {DatesEnLettres.Jour(r.Echeance)}");
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Rewrites the report's indicators from its convention's active objectives, measured over the exercise (clipped to the
    /// convention's period); a value the association stated is kept. Not saved.</summary>
    public static async Task ActualiserIndicateursAsync(AppDbContext db, RapportFinancier r, CatalogueIndicateurs catalogue, TimeProvider horloge, CancellationToken ct)
    {
        if (r.ConventionId is not { } cid) return;
        var c = await db.Conventions.AsNoTracking().FirstAsync(x => x.Id == cid, ct);
        var du = new DateOnly(r.Exercice, 1, 1); var au = new DateOnly(r.Exercice + 1, 1, 1);
        if (c.DateDebut > du) du = c.DateDebut;
        if (c.DateFin < au) au = c.DateFin;
        if (au <= du) au = du.AddDays(1);
        // Computed unmasked and stored: the report is the association's own account; a funder reads only these aggregates.
        var p = await GestionObjectifs.PerimetreAsync(db, c, false, ct, du, au);
        var realises = await GestionObjectifs.RealisesAsync(db, cid, p, catalogue, horloge, ct);
        var anciens = r.Indicateurs.ToDictionary(i => i.Rang);
        r.Indicateurs.Clear();
        foreach (var o in realises)
        {
            anciens.TryGetValue(o.Objectif.Rang, out var a);
            r.Indicateurs.Add(new IndicateurRapport
            {
                Rang = o.Objectif.Rang, Intitule = o.Objectif.Intitule, Indicateur = o.Objectif.Indicateur, Unite = o.Unite, Cible = o.Objectif.Cible,
                Mesure = o.Realise, Declare = o.Mesure ? null : a?.Declare, Commentaire = a?.Commentaire,
            });
        }
    }

    public static Dictionary<string, string[]> Verifier(SaisieRapport s)
    {
        var e = new Dictionary<string, string[]>();
        if (s.BilanQualitatif is { Length: > 8000 }) e["bilan"] = ["Le bilan qualitatif tient en 8 000 caractères."];
        if (s.Annexe is { Length: > 4000 }) e["annexe"] = ["L'annexe tient en 4 000 caractères."];
        foreach (var l in s.Lignes)
        {
            if (PlanComptable.Ligne(l.Compte) is null) e["ligne-" + l.Compte] = ["Ligne de compte inconnue."];
            else if (l.Prevu is < 0 or > Mouvements.MontantMax || l.Realise is < 0 or > Mouvements.MontantMax) e["ligne-" + l.Compte] = ["Les montants sont positifs ou nuls."];
            else if (l.Explication is { Length: > 1000 }) e["ligne-" + l.Compte] = ["L'explication tient en 1 000 caractères."];
        }
        return e;
    }

    /// <summary>What blocks a submission: the qualitative part empty, a significant gap not explained, a stated indicator missing.</summary>
    public static Dictionary<string, string[]> VerifierSoumission(RapportFinancier r)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.BilanQualitatif)) e["bilan"] = ["Le bilan qualitatif est à remplir avant l'envoi."];
        foreach (var l in r.Lignes.Where(l => PlanComptable.EcartSignificatif(l.PrevuCentimes, l.RealiseCentimes) && string.IsNullOrWhiteSpace(l.Explication)))
            e["ligne-" + l.Compte] = [$"{PlanComptable.Ligne(l.Compte)?.Libelle} : l'écart entre prévu et réalisé dépasse {PlanComptable.SeuilEcartPourcent} %, expliquez-le."];
        foreach (var i in r.Indicateurs.Where(i => i.Indicateur is null && i.Declare is null))
            e["declare-" + i.Rang] = [$"Indicateur « {i.Intitule} » : indiquez la valeur atteinte."];
        if (r.Lignes.All(l => l.PrevuCentimes == 0 && l.RealiseCentimes == 0)) e["budget"] = ["Le tableau budgétaire est vide."];
        return e;
    }
}
