using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>Creates a convention and, when asked, its schedule, all in one transaction (API and admin form).</summary>
public static class CreerConvention
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Field errors, the schedule's included (400).</exception>
    public static async Task<Convention> ExecuterAsync(AppDbContext db, ConventionSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var c = new Convention
        {
            Intitule = s.Intitule?.Trim() ?? "", CoordinateurId = s.CoordinateurId, PartenaireId = s.PartenaireId, LieuId = s.LieuId, DateDebut = s.DateDebut,
            DateFin = s.DateFin, CreneauxParSemaine = s.CreneauxParSemaine, AteliersParMois = s.AteliersParMois, DateSignature = s.DateSignature,
            ReferenceDeliberation = string.IsNullOrWhiteSpace(s.ReferenceDeliberation) ? null : s.ReferenceDeliberation.Trim(), DeliberationId = s.DeliberationId,
        };
        var erreurs = new Dictionary<string, string[]>();
        try { c.Verifier(); } catch (RegleMetierException e) { erreurs[e.Champ ?? ""] = [e.Message]; }
        if (c.Intitule.Length > 300) erreurs["Intitule"] = ["300 caractères au plus."];
        if ((c.ReferenceDeliberation?.Length ?? 0) > 200) erreurs["ReferenceDeliberation"] = ["200 caractères au plus."];
        if (!await db.Structures.AnyAsync(x => x.Id == s.CoordinateurId, ct)) erreurs["CoordinateurId"] = ["Structure inconnue."];
        if (!await db.Structures.AnyAsync(x => x.Id == s.PartenaireId, ct)) erreurs["PartenaireId"] = ["Structure inconnue."];
        if (!await db.Lieux.AnyAsync(x => x.Id == s.LieuId, ct)) erreurs["LieuId"] = ["Lieu inconnu."];
        if (s.DeliberationId is { } delib && !await db.Deliberations.AnyAsync(x => x.Id == delib && x.Adoptee, ct))
            erreurs["DeliberationId"] = ["Délibération inconnue au registre, ou rejetée : elle ne peut pas autoriser la convention."];
        if (s.Planning is { } p)
        {
            if (!await db.Motifs.AnyAsync(m => m.Id == p.MotifId, ct)) erreurs["Planning.MotifId"] = ["Motif inconnu."];
            if (p.MediateurIds is null || p.MediateurIds.Length == 0 || p.MediateurIds.Length > 50 || await db.Mediateurs.CountAsync(m => p.MediateurIds.Contains(m.Id), ct) != p.MediateurIds.Distinct().Count())
                erreurs["Planning.MediateurIds"] = ["Indiquez un ou plusieurs médiateurs existants."];
            if (p.AtelierId is { } a && !await db.Ateliers.AnyAsync(x => x.Id == a, ct)) erreurs["Planning.AtelierId"] = ["Atelier inconnu."];
            if (p.CapaciteAtelier is < 1 or > 200 || p.RangAtelier is not (1 or 2 or 3 or 4 or -1)) erreurs["Planning"] = ["Capacité (1 à 200) ou rang (1 à 4, -1) invalide."];
        }
        if (erreurs.Count > 0) throw Valider.Invalide(erreurs, "Convention invalide");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Conventions.Add(c);
        await db.SaveChangesAsync(ct);
        if (s.Planning is { } planning)
        {
            try { await Planning.GenererAsync(db, c, planning, horloge, ct); }
            catch (RegleMetierException e) { throw Valider.Invalide(new() { ["Planning"] = [e.Message] }, "Convention invalide"); }
        }
        await transaction.CommitAsync(ct);
        return c;
    }
}
