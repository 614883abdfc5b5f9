using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary><c>POST /api/v1/connexion/adhesions/{id}/remboursements</c>: the top-up reversed (<c>mouvement</c>), the amount in cents (default:
/// what is left of it), <c>type</c> <c>remboursement</c> or <c>bon_annule</c>, and the reference.</summary>
public sealed record RemboursementSaisie(long? Mouvement, long? Montant = null, string? Type = null, string? Reference = null);

/// <summary>A refund or a cancelled voucher: a negative movement counted in the refunded top-up's month, never an edit.</summary>
public static class Rembourser
{
    public static async Task<MouvementRecharge> ExecuterAsync(AppDbContext db, int adhesionId, RemboursementSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var type = s.Type ?? TypesMouvements.Remboursement;
        var e = new Dictionary<string, string[]>();
        if (s.Mouvement is null) e["mouvement"] = ["Indiquez la recharge remboursée ou annulée."];
        if (type is not (TypesMouvements.Remboursement or TypesMouvements.BonAnnule)) e["type"] = ["Type attendu : remboursement ou bon_annule."];
        if (s.Montant is <= 0 or > 1_000_000) e["montant"] = ["Montant remboursé en centimes, positif."];
        if ((s.Reference?.Length ?? 0) > 100) e["reference"] = ["Référence : 100 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Remboursement invalide");
        var structures = await AccesConnexion.StructuresAsync(db, qui, horloge, ct);
        var (a, _, _) = await AccesConnexion.AdhesionAsync(db, structures, adhesionId, ct);
        var origine = await db.Set<MouvementRecharge>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == s.Mouvement && m.AdhesionId == a.Id && m.Type == TypesMouvements.Recharge, ct)
            ?? throw new RegleMetierException("Recharge inconnue pour cette adhésion.", "mouvement");
        var dejaRendu = -await db.Set<MouvementRecharge>().Where(m => m.MouvementOrigineId == origine.Id).SumAsync(m => (long?)m.MontantCentimes, ct) ?? 0;
        var reste = origine.MontantCentimes - dejaRendu;
        var montant = s.Montant ?? reste;
        if (montant <= 0 || montant > reste) throw new RegleMetierException($"Il reste {Recharger.Euros(reste)} à rembourser sur cette recharge.", "montant");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var n = await db.Set<ConsommationMensuelle>().Where(c => c.AdhesionId == a.Id && c.Mois == origine.Mois && c.ConsommeCentimes - montant >= 0)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsommeCentimes, c => c.ConsommeCentimes - montant), ct);
        if (n == 0) throw new RegleMetierException("Cette recharge a déjà été remboursée.", "mouvement");
        var m = new MouvementRecharge
        {
            AdhesionId = a.Id, OffreId = origine.OffreId, Type = type, Le = horloge.GetUtcNow().UtcDateTime, Mois = origine.Mois, MontantCentimes = -montant,
            PrixPayeCentimes = -Recharger.Prorata(origine.PrixPayeCentimes, montant, origine.MontantCentimes),
            SubventionCentimes = -Recharger.Prorata(origine.SubventionCentimes, montant, origine.MontantCentimes), SourceSubvention = origine.SourceSubvention,
            VolumeMo = origine.VolumeMo is { } v ? -(int)Recharger.Prorata(v, montant, origine.MontantCentimes) : null,
            Reference = string.IsNullOrWhiteSpace(s.Reference) ? null : s.Reference.Trim(), MouvementOrigineId = origine.Id, Auteur = qui.Identity?.Name ?? "",
        };
        db.Add(m);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return m;
    }
}
