using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Erases the person on request (RGPD): identity, contacts and notes are gone for good, free text of their records and
/// referrals too; the anonymous figures stay for the statistics.</summary>
public static class EffacerFiche
{
    public static async Task ExecuterAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal? user, TimeProvider h, CancellationToken ct)
    {
        var b = await Fiches.ChargerAsync(db, structures, id, ct);
        await AnonymiserFiches.AppliquerAsync(db, [b], Fiches.Maintenant(h), ct);
        AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Effacement", Journal.FicheBeneficiaire, id, "à la demande de la personne");
        await db.SaveChangesAsync(ct);
    }
}
