using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary><c>POST /api/v1/connexion/adhesions/{id}/lignes/{ligne}/desactivation</c>: the deactivation date (default today, Paris).</summary>
public sealed record DesactivationSaisie(DateOnly? Le);

/// <summary>Deactivates a mobile line (standard §4: lines are deactivated or handed over at the end): the managing structure only; the
/// date is neither before the activation nor in the future; a line is deactivated once.</summary>
public static class DesactiverLigne
{
    /// <exception cref="KeyNotFoundException">Unknown enrolment or line (404).</exception>
    /// <exception cref="AccesRefuseException">Not the managing structure (403).</exception>
    /// <exception cref="RegleMetierException">Already deactivated, or a date out of range (409).</exception>
    public static async Task<LigneMobile> ExecuterAsync(AppDbContext db, int adhesionId, int ligneId, DesactivationSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var (a, _, gere) = await AccesConnexion.AdhesionAsync(db, await AccesConnexion.StructuresAsync(db, qui, horloge, ct), adhesionId, ct);
        if (!gere) throw new AccesRefuseException("Les lignes sont tenues par la structure qui gère le programme.");
        var l = await db.Set<LigneMobile>().FirstOrDefaultAsync(x => x.Id == ligneId && x.AdhesionId == a.Id, ct) ?? throw new KeyNotFoundException("Ligne introuvable.");
        var aujourdhui = Territoire.AujourdHui(horloge);
        var le = s.Le ?? aujourdhui;
        if (l.DesactiveeLe is { } d) throw new RegleMetierException($"Cette ligne est déjà désactivée depuis le {d:dd/MM/yyyy}.", "ligne");
        if (le < l.ActiveeLe || le > aujourdhui)
            throw new RegleMetierException($"Date de désactivation entre le {l.ActiveeLe:dd/MM/yyyy} (activation) et aujourd'hui.", "desactiveeLe");
        // Conditional: of two simultaneous deactivations, one changes the row.
        var n = await db.Set<LigneMobile>().Where(x => x.Id == l.Id && x.DesactiveeLe == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.DesactiveeLe, le), ct);
        if (n == 0) throw new RegleMetierException("Cette ligne vient d'être désactivée.", "ligne");
        l.DesactiveeLe = le;
        return l;
    }
}
