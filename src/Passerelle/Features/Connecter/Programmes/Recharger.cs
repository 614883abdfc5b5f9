using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary><c>POST /api/v1/connexion/adhesions/{id}/recharges</c>: <c>offre</c> id, <c>montant</c> face value in cents, <c>reference</c> of the
/// voucher or operator transaction (optional; a movement without one is flagged).</summary>
public sealed record RechargeSaisie(int? Offre, long? Montant, string? Reference = null);

/// <summary>Records a top-up: the month's consumption row is raised by one conditional UPDATE that the database refuses past the cap
/// (<see cref="ConsommationMensuelle"/>), then the movement is appended, in one transaction.</summary>
public static class Recharger
{
    /// <summary>Month as yyyyMM.</summary>
    public static int Mois(DateOnly jour) => jour.Year * 100 + jour.Month;

    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Missing offer, amount out of range (400).</exception>
    /// <exception cref="RegleMetierException">Enrolment not active or its eligibility proof expired, offer of another programme, month's cap exceeded (409).</exception>
    public static async Task<MouvementRecharge> ExecuterAsync(AppDbContext db, int adhesionId, RechargeSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (s.Offre is null) e["offre"] = ["Indiquez l'offre de recharge."];
        if (s.Montant is not (> 0 and <= 1_000_000)) e["montant"] = ["Montant en centimes, de 1 à 1 000 000."];
        if ((s.Reference?.Length ?? 0) > 100) e["reference"] = ["Référence : 100 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Recharge invalide");
        var structures = await AccesConnexion.StructuresAsync(db, qui, horloge, ct);
        var (a, _, _) = await AccesConnexion.AdhesionAsync(db, structures, adhesionId, ct);
        var offre = await db.Set<OffreConnexion>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == s.Offre && o.ProgrammeId == a.ProgrammeId, ct)
            ?? throw new RegleMetierException("Cette offre n'appartient pas au programme de l'adhésion.", "offre");
        if (!offre.Active || offre.Type is TypesOffres.Box) throw new RegleMetierException("Cette offre ne se recharge pas.", "offre");
        var aujourdhui = Territoire.AujourdHui(horloge);
        if (a.Statut != StatutsAdhesion.Active || aujourdhui < a.Debut || aujourdhui > a.Fin)
            throw new RegleMetierException($"L'adhésion n'est pas active (statut : {StatutsAdhesion.Libelle(a.Statut)}, du {a.Debut:dd/MM/yyyy} au {a.Fin:dd/MM/yyyy}) : pas de recharge.", "adhesion");
        // The proof of eligibility must still hold on the day of the top-up (issue 13: « eligibility expiry »); renewing records a newer one.
        if (aujourdhui > a.EligibleJusquAu)
            throw new RegleMetierException($"Le justificatif d'éligibilité a expiré le {a.EligibleJusquAu:dd/MM/yyyy} : pas de recharge avant d'en noter un plus récent (renouvellement).", "adhesion");

        var montant = s.Montant!.Value;
        var mois = Mois(aujourdhui);
        await ConsommationsSql.CreerSiAbsenteAsync(db, a.Id, mois, a.PlafondMensuelCentimes, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The cap is held by this statement, not by the C# above: of parallel top-ups, those that would pass it change no row.
        var n = await db.Set<ConsommationMensuelle>().Where(c => c.AdhesionId == a.Id && c.Mois == mois && c.ConsommeCentimes + montant <= c.PlafondCentimes)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsommeCentimes, c => c.ConsommeCentimes + montant), ct);
        if (n == 0)
        {
            var c = await db.Set<ConsommationMensuelle>().AsNoTracking().FirstAsync(x => x.AdhesionId == a.Id && x.Mois == mois, ct);
            throw new RegleMetierException($"Plafond mensuel dépassé : {Euros(c.ConsommeCentimes)} déjà rechargés ce mois-ci sur {Euros(c.PlafondCentimes)}, il reste {Euros(c.PlafondCentimes - c.ConsommeCentimes)}.", "montant");
        }
        var m = new MouvementRecharge
        {
            AdhesionId = a.Id, OffreId = offre.Id, Type = TypesMouvements.Recharge, Le = horloge.GetUtcNow().UtcDateTime, Mois = mois, MontantCentimes = montant,
            PrixPayeCentimes = Prorata(offre.PrixPayeCentimes, montant, offre.ValeurFacialeCentimes), SubventionCentimes = Prorata(offre.SubventionCentimes, montant, offre.ValeurFacialeCentimes),
            SourceSubvention = offre.SubventionPayeePar, VolumeMo = offre.VolumeMo is { } v ? (int)Prorata(v, montant, offre.ValeurFacialeCentimes) : null,
            Reference = string.IsNullOrWhiteSpace(s.Reference) ? null : s.Reference.Trim(), Auteur = qui.Identity?.Name ?? "",
        };
        db.Add(m);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return m;
    }

    /// <summary>The offer's price, subsidy or volume for an amount other than its face value, in proportion (the face value itself gives the offer's figures).</summary>
    internal static long Prorata(long valeurOffre, long montant, long valeurFaciale) =>
        valeurFaciale <= 0 || montant == valeurFaciale ? valeurOffre : (long)Math.Round((decimal)valeurOffre * montant / valeurFaciale);

    internal static string Euros(long centimes) => FormatsConnexion.Euros(centimes);
}
