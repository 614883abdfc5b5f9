using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>The report's loop: the association saves and submits (à remplir / à corriger → soumis), the territory accepts
/// (soumis → accepté) or sends it back with a comment (soumis → à corriger). Each change of status is one conditional UPDATE on the
/// current status, so two people acting at once cannot both win; each is journaled old → new.</summary>
public static class DeciderRapports
{
    /// <summary>Saves what the association wrote, while the report is still its to write, and refreshes the measured indicators.</summary>
    /// <returns>Null when the report does not exist.</returns>
    /// <exception cref="RegleMetierException">The report is submitted or accepted.</exception>
    public static async Task<RapportFinancier?> EnregistrerAsync(AppDbContext db, int id, SaisieRapport s, CatalogueIndicateurs catalogue, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var r = await db.Set<RapportFinancier>().Include(x => x.Lignes).Include(x => x.Indicateurs).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        if (!StatutsRapport.Modifiables.Contains(r.Statut))
            throw new RegleMetierException($"Ce compte rendu est « {StatutsRapport.Libelle(r.Statut).ToLowerInvariant()} » : il ne se modifie plus.");
        var changes = new List<string>();
        if ((r.BilanQualitatif ?? "") != (s.BilanQualitatif?.Trim() ?? "")) { r.BilanQualitatif = Vide(s.BilanQualitatif); changes.Add("bilan qualitatif"); }
        if ((r.Annexe ?? "") != (s.Annexe?.Trim() ?? "")) { r.Annexe = Vide(s.Annexe); changes.Add("annexe"); }
        foreach (var l in s.Lignes)
        {
            var ligne = r.Lignes.FirstOrDefault(x => x.Compte == l.Compte);
            if (ligne is null) r.Lignes.Add(ligne = new LigneRapport { Compte = l.Compte });
            if (ligne.PrevuCentimes != l.Prevu || ligne.RealiseCentimes != l.Realise || (ligne.Explication ?? "") != (l.Explication?.Trim() ?? ""))
            {
                changes.Add($"ligne {l.Compte} : {Montants.Euros(ligne.PrevuCentimes)} / {Montants.Euros(ligne.RealiseCentimes)} → {Montants.Euros(l.Prevu)} / {Montants.Euros(l.Realise)}");
                (ligne.PrevuCentimes, ligne.RealiseCentimes, ligne.Explication) = (l.Prevu, l.Realise, Vide(l.Explication));
            }
        }
        await GestionRapports.ActualiserIndicateursAsync(db, r, catalogue, horloge, ct);
        foreach (var i in r.Indicateurs)
        {
            if (i.Indicateur is null && s.Declares?.TryGetValue(i.Rang, out var v) == true && v != i.Declare) { changes.Add($"indicateur {i.Rang} : {i.Declare} → {v}"); i.Declare = v; }
            if (s.Commentaires?.TryGetValue(i.Rang, out var c) == true && Vide(c) != i.Commentaire) { i.Commentaire = Vide(c); changes.Add($"commentaire de l'indicateur {i.Rang}"); }
        }
        if (changes.Count > 0) Journal.Ajouter(db, horloge, auteur, GestionRapports.Objet, id, "saisie", null, string.Join(" ; ", changes));
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Submits the report (à remplir or à corriger → soumis).</summary>
    /// <exception cref="RegleMetierException">Something blocks it (<see cref="GestionRapports.VerifierSoumission"/>; the first reason,
    /// the field in <see cref="RegleMetierException.Champ"/>), or it is not the association's to submit any more.</exception>
    public static async Task<bool> SoumettreAsync(AppDbContext db, int id, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var r = await db.Set<RapportFinancier>().AsNoTracking().Include(x => x.Lignes).Include(x => x.Indicateurs).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return false;
        var e = GestionRapports.VerifierSoumission(r);
        if (e.Count > 0) throw new RegleMetierException(e.First().Value[0], e.First().Key);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await ChangerAsync(db, id, StatutsRapport.Modifiables, StatutsRapport.Soumis, auteur, horloge,
            u => u.SetProperty(x => x.Statut, StatutsRapport.Soumis).SetProperty(x => x.SoumisLe, maintenant).SetProperty(x => x.SoumisPar, auteur), null, ct);
        return true;
    }

    /// <summary>The territory accepts the submitted report; a grant « versée » moves to « compte rendu reçu ».</summary>
    public static async Task<bool> AccepterAsync(AppDbContext db, int id, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var sub = await db.Set<RapportFinancier>().Where(x => x.Id == id).Select(x => (int?)x.SubventionId).FirstOrDefaultAsync(ct);
        if (sub is null) return false;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await ChangerAsync(db, id, [StatutsRapport.Soumis], StatutsRapport.Accepte, auteur, horloge,
            u => u.SetProperty(x => x.Statut, StatutsRapport.Accepte).SetProperty(x => x.DecideLe, maintenant).SetProperty(x => x.DecidePar, auteur), null, ct);
        if (await db.Set<Subvention>().AnyAsync(s => s.Id == sub && s.Statut == StatutsSubvention.Versee, ct))
            try { await GestionSubventions.ChangerStatutAsync(db, sub.Value, StatutsSubvention.Justifiee, auteur, horloge, ct); }
            catch (RegleMetierException) { } // changed meanwhile: the grant's status is the administrator's to move
        return true;
    }

    /// <summary>The territory sends the submitted report back with a comment (required, ≤ 2 000 characters).</summary>
    public static async Task<bool> DemanderCorrectionAsync(AppDbContext db, int id, string? commentaire, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(commentaire)) throw new RegleMetierException("Dites à l'association ce qu'il faut corriger.", "commentaire");
        if (commentaire.Length > 2000) throw new RegleMetierException("Le commentaire tient en 2 000 caractères.", "commentaire");
        if (!await db.Set<RapportFinancier>().AnyAsync(x => x.Id == id, ct)) return false;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var texte = commentaire.Trim();
        await ChangerAsync(db, id, [StatutsRapport.Soumis], StatutsRapport.ACorriger, auteur, horloge,
            u => u.SetProperty(x => x.Statut, StatutsRapport.ACorriger).SetProperty(x => x.Commentaire, texte).SetProperty(x => x.DecideLe, maintenant).SetProperty(x => x.DecidePar, auteur),
            texte, ct);
        return true;
    }

    static async Task ChangerAsync(AppDbContext db, int id, string[] depuis, string vers, string auteur, TimeProvider horloge,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<RapportFinancier>> maj,
        string? commentaire, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var actuel = await db.Set<RapportFinancier>().Where(x => x.Id == id).Select(x => x.Statut).FirstAsync(ct);
        var n = depuis.Contains(actuel) ? await db.Set<RapportFinancier>().Where(x => x.Id == id && x.Statut == actuel).ExecuteUpdateAsync(maj, ct) : 0;
        if (n != 1)
            throw new RegleMetierException($"Ce compte rendu est « {StatutsRapport.Libelle(actuel).ToLowerInvariant()} » : il ne peut pas passer à « {StatutsRapport.Libelle(vers).ToLowerInvariant()} ». Rechargez la page.", "statut");
        Journal.Ajouter(db, horloge, auteur, GestionRapports.Objet, id, "statut", StatutsRapport.Libelle(actuel),
            StatutsRapport.Libelle(vers) + (commentaire is null ? "" : " : " + commentaire));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
