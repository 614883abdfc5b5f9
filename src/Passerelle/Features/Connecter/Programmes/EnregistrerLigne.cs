using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary><c>POST /api/v1/connexion/adhesions/{id}/lignes</c>: ICCID (19–20 digits), number, operator, activation date.</summary>
public sealed record LigneSaisie(string? Iccid, string? Numero, string? Operateur, DateOnly? ActiveeLe);

/// <summary>Records a mobile line of an enrolment; the managing structure only (lines are visible there only).</summary>
public static class EnregistrerLigne
{
    public static async Task<LigneMobile> ExecuterAsync(AppDbContext db, int id, LigneSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var iccid = s.Iccid?.Replace(" ", "");
        if (iccid is null || iccid.Length is < 19 or > 20 || !iccid.All(char.IsAsciiDigit) || !iccid.StartsWith("89")) e["iccid"] = ["ICCID de 19 ou 20 chiffres commençant par 89."];
        var numero = string.IsNullOrWhiteSpace(s.Numero) ? null : Identifiants.TelephoneInternational(s.Numero);
        if (numero is null) e["numero"] = ["Numéro de téléphone invalide."];
        if (string.IsNullOrWhiteSpace(s.Operateur) || s.Operateur.Length > 100) e["operateur"] = ["Indiquez l'opérateur (100 caractères au plus)."];
        if (s.ActiveeLe is null) e["activeeLe"] = ["Indiquez la date d'activation."];
        if (e.Count > 0) throw Valider.Invalide(e, "Ligne invalide");
        var (a, _, gere) = await AccesConnexion.AdhesionAsync(db, await AccesConnexion.StructuresAsync(db, qui, horloge, ct), id, ct);
        if (!gere) throw new AccesRefuseException("Les lignes sont tenues par la structure qui gère le programme.");
        if (a.Statut == StatutsAdhesion.Terminee) throw new RegleMetierException("L'adhésion est terminée.", "statut");
        if (await db.Set<LigneMobile>().AnyAsync(l => l.Iccid == iccid, ct)) throw new RegleMetierException("Cette carte SIM (ICCID) est déjà enregistrée.", "iccid");
        var l = new LigneMobile { AdhesionId = a.Id, Iccid = iccid, Numero = numero, Operateur = s.Operateur!.Trim(), ActiveeLe = s.ActiveeLe!.Value };
        db.Add(l);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Cette carte SIM (ICCID) est déjà enregistrée.", "iccid"); }
        return l;
    }
}
