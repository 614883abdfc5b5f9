using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed record ResultatSaisie(string? Resultat, DateOnly? Le);

/// <summary>Notes whether a referral led somewhere (<see cref="ResultatsOrientation"/>).</summary>
public static class NoterResultatOrientation
{
    public static async Task ExecuterAsync(AppDbContext db, HashSet<int> structures, int orientationId, ResultatSaisie s, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var o = await db.Orientations.FirstOrDefaultAsync(x => x.Id == orientationId, ct) ?? throw new KeyNotFoundException("Orientation introuvable.");
        await Fiches.ChargerAsync(db, structures, o.BeneficiaireId, ct);
        o.NoterResultat(s.Resultat ?? "", s.Le, DateOnly.FromDateTime(Fiches.Maintenant(h)));
        AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Résultat d'orientation", Journal.FicheBeneficiaire, o.BeneficiaireId, o.Resultat);
        await db.SaveChangesAsync(ct);
    }
}
