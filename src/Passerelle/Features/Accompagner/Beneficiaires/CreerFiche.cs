using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Creates an anonymous or followed file (a followed one needs the person's consent, checked by <see cref="Beneficiaire.Modifier"/>);
/// the creation is journaled in the same transaction.</summary>
public static class CreerFiche
{
    /// <exception cref="RegleMetierException">Structure not chosen or not the account's, unknown neighbourhood, missing consent… (409).</exception>
    public static async Task<Beneficiaire> ExecuterAsync(AppDbContext db, HashSet<int> structures, BeneficiaireSaisie s, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var structure = Fiches.StructureChoisie(structures, s.StructureId, "StructureId", "Choisissez la structure qui suit la personne.");
        await Fiches.VerifierQpvAsync(db, s, ct);
        var maintenant = Fiches.Maintenant(h);
        var b = new Beneficiaire { StructureId = structure, CreeLe = maintenant };
        b.Modifier(s, maintenant.Year, maintenant, user.FindFirstValue(ClaimTypes.NameIdentifier));
        db.Beneficiaires.Add(b);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        AccesBeneficiaires.Journaliser(db, user, maintenant, "Création", Journal.FicheBeneficiaire, b.Id, b.Suivi ? "fiche suivie, consentement noté" : "fiche anonyme");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return b;
    }
}
