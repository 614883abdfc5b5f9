using System.Security.Claims;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>After the renewal review, extends an open enrolment by the programme's length, with a new eligibility proof date when the
/// old one has expired; refused past the programme's renewal count.</summary>
public static class Renouveler
{
    public static async Task<Adhesion> ExecuterAsync(AppDbContext db, int id, DateOnly? nouveauJustificatif, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var (a, p, gere) = await AccesConnexion.AdhesionAsync(db, await AccesConnexion.StructuresAsync(db, qui, horloge, ct), id, ct);
        if (!gere) throw new AccesRefuseException("Seule la structure qui gère le programme renouvelle une adhésion.");
        var aujourdhui = Territoire.AujourdHui(horloge);
        if (a.Statut == StatutsAdhesion.Terminee) throw new RegleMetierException("Une adhésion terminée ne se renouvelle pas.", "statut");
        if (a.Renouvellements >= p.RenouvellementsMax) throw new RegleMetierException($"Ce programme permet {p.RenouvellementsMax} renouvellement(s) : déjà atteint.", "renouvellement");
        if (aujourdhui < a.RevueLe) throw new RegleMetierException($"La revue de renouvellement est prévue à partir du {a.RevueLe:dd/MM/yyyy}.", "renouvellement");
        if (nouveauJustificatif is { } d)
        {
            if (d > aujourdhui) throw new RegleMetierException("La date du justificatif ne peut pas être dans le futur.", "dateJustificatif");
            a.DateJustificatif = d;
            a.EligibleJusquAu = EligibiliteConnexion.Expiration(a.Regle, d);
        }
        if (a.EligibleJusquAu < aujourdhui) throw new RegleMetierException($"Le justificatif d'éligibilité a expiré le {a.EligibleJusquAu:dd/MM/yyyy} : notez-en un plus récent.", "dateJustificatif");
        var fin = a.Fin.AddMonths(p.DureeAdhesionMois);
        if (p.Fin is { } fp && fp < fin) fin = fp;
        a.Fin = fin;
        a.RevueLe = fin.AddDays(-p.RevueJoursAvantFin);
        a.Renouvellements++;
        await db.SaveChangesAsync(ct);
        return a;
    }
}
