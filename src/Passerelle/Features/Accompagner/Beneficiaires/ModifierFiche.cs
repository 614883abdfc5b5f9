using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Changes a file; the journal names the fields that changed, never their values.</summary>
public static class ModifierFiche
{
    public static async Task ExecuterAsync(AppDbContext db, HashSet<int> structures, int id, BeneficiaireSaisie s, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var b = await Fiches.ChargerAsync(db, structures, id, ct);
        await Fiches.VerifierQpvAsync(db, s, ct);
        var avant = Champs(b);
        var maintenant = Fiches.Maintenant(h);
        b.Modifier(s, maintenant.Year, maintenant, user.FindFirstValue(ClaimTypes.NameIdentifier));
        var apres = Champs(b);
        AccesBeneficiaires.Journaliser(db, user, maintenant, "Modification", Journal.FicheBeneficiaire, id,
            string.Join(", ", apres.Where(kv => avant[kv.Key] != kv.Value).Select(kv => kv.Key)) is { Length: > 0 } c ? "champs modifiés : " + c : "aucun changement");
        await db.SaveChangesAsync(ct);
    }

    static Dictionary<string, string?> Champs(Beneficiaire b) => new()
    {
        ["suivi"] = b.Suivi.ToString(), ["prénom"] = b.Prenom, ["nom"] = b.Nom, ["téléphone"] = b.Telephone, ["courriel"] = b.Courriel,
        ["année de naissance"] = b.AnneeNaissance?.ToString(CultureInfo.InvariantCulture), ["genre"] = b.Genre, ["statut"] = b.Statut, ["commune"] = b.Commune,
        ["code postal"] = b.CodePostal, ["QPV"] = b.CodeQpv, ["notes"] = b.Notes,
    };
}
