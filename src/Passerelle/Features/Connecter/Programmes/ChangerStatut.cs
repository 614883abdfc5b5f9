using System.Security.Claims;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary><c>POST /api/v1/connexion/adhesions/{id}/statut</c>: <c>statut</c> (<see cref="StatutsAdhesion"/>); to end, <c>motifSortie</c> and the
/// <c>offreSortie</c> taken (the person's number kept or not is part of it).</summary>
public sealed record StatutSaisie(string? Statut, string? MotifSortie = null, string? OffreSortie = null);

/// <summary>Moves an enrolment: waiting → active, active ↔ suspended, any open → ended (final). Staff of the managing structure only.</summary>
public static class ChangerStatut
{
    static readonly Dictionary<string, string[]> Graphe = new()
    {
        [StatutsAdhesion.EnAttente] = [StatutsAdhesion.Active, StatutsAdhesion.Terminee],
        [StatutsAdhesion.Active] = [StatutsAdhesion.Suspendue, StatutsAdhesion.Terminee],
        [StatutsAdhesion.Suspendue] = [StatutsAdhesion.Active, StatutsAdhesion.Terminee],
        [StatutsAdhesion.Terminee] = [],
    };

    public static async Task<Adhesion> ExecuterAsync(AppDbContext db, int id, StatutSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (!StatutsAdhesion.Tous.Contains(s.Statut)) e["statut"] = [$"Statut attendu : {string.Join(", ", StatutsAdhesion.Tous)}."];
        if ((s.MotifSortie?.Length ?? 0) > 300) e["motifSortie"] = ["300 caractères au plus."];
        if ((s.OffreSortie?.Length ?? 0) > 300) e["offreSortie"] = ["300 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Statut invalide");
        var (a, _, gere) = await AccesConnexion.AdhesionAsync(db, await AccesConnexion.StructuresAsync(db, qui, horloge, ct), id, ct);
        if (!gere) throw new AccesRefuseException("Seule la structure qui gère le programme change le statut d'une adhésion.");
        if (!Graphe[a.Statut].Contains(s.Statut))
            throw new RegleMetierException($"Une adhésion « {StatutsAdhesion.Libelle(a.Statut)} » ne peut pas passer à « {StatutsAdhesion.Libelle(s.Statut!)} ».", "statut");
        if (s.Statut == StatutsAdhesion.Terminee)
        {
            if (string.IsNullOrWhiteSpace(s.MotifSortie)) throw new RegleMetierException("Indiquez le motif de sortie.", "motifSortie");
            a.MotifSortie = s.MotifSortie.Trim();
            a.OffreSortie = string.IsNullOrWhiteSpace(s.OffreSortie) ? null : s.OffreSortie.Trim();
            a.TermineeLe = Territoire.AujourdHui(horloge);
        }
        a.Statut = s.Statut!;
        await db.SaveChangesAsync(ct);
        return a;
    }
}
