using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary><c>POST /api/v1/connexion/adhesions/{id}/box</c>: landlord, residence, dwelling reference, box offer, activation date.</summary>
public sealed record BoxSaisie(string? Bailleur, string? Residence, string? ReferenceLogement, int? Offre, DateOnly? ActiveeLe);

/// <summary>Records a home box in a landlord's dwelling; the managing structure only.</summary>
public static class EnregistrerBox
{
    public static async Task<ActivationBox> ExecuterAsync(AppDbContext db, int id, BoxSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(s.Bailleur) || s.Bailleur.Length > 200) e["bailleur"] = ["Indiquez le bailleur (200 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(s.Residence) || s.Residence.Length > 200) e["residence"] = ["Indiquez la résidence (200 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(s.ReferenceLogement) || s.ReferenceLogement.Length > 100) e["referenceLogement"] = ["Indiquez la référence du logement (100 caractères au plus)."];
        if (s.ActiveeLe is null) e["activeeLe"] = ["Indiquez la date d'activation."];
        if (e.Count > 0) throw Valider.Invalide(e, "Box invalide");
        var (a, _, gere) = await AccesConnexion.AdhesionAsync(db, await AccesConnexion.StructuresAsync(db, qui, horloge, ct), id, ct);
        if (!gere) throw new AccesRefuseException("Les box sont suivies par la structure qui gère le programme.");
        if (a.Statut == StatutsAdhesion.Terminee) throw new RegleMetierException("L'adhésion est terminée.", "statut");
        if (s.Offre is { } o && !await db.Set<OffreConnexion>().AnyAsync(x => x.Id == o && x.ProgrammeId == a.ProgrammeId && x.Type == TypesOffres.Box, ct))
            throw new RegleMetierException("Cette offre n'est pas une box de ce programme.", "offre");
        var b = new ActivationBox { AdhesionId = a.Id, Bailleur = s.Bailleur!.Trim(), Residence = s.Residence!.Trim(), ReferenceLogement = s.ReferenceLogement!.Trim(), OffreId = s.Offre, ActiveeLe = s.ActiveeLe!.Value };
        db.Add(b);
        await db.SaveChangesAsync(ct);
        return b;
    }
}
