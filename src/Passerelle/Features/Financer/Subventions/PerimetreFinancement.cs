using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>What a signed-in account sees of the funding chain (issue 11 §9): everything for an administrator; for a
/// <c>Financeur</c> account, the grants, envelopes and co-financing shares of its own funder (by id,
/// <see cref="ProfilCompte.FinanceurId"/>, decision 0026); for a <c>Gestionnaire</c>, the grants of the structures
/// it manages; for anyone else, nothing. Funders see aggregates and statuses only (never who recorded what).</summary>
/// <param name="Tout">Administrator.</param>
/// <param name="FinanceurId">The funder of a Financeur account (null when its account is tied to none).</param>
/// <param name="Structures">The structures of a Gestionnaire.</param>
public sealed record PerimetreFinancement(bool Tout, int? FinanceurId, IReadOnlyCollection<int> Structures)
{
    /// <summary>The policy of every funding page and read endpoint: administrators, managers and funders (mediators see nothing).</summary>
    public const string Politique = "financement";

    public static readonly PerimetreFinancement Rien = new(false, null, []);

    public bool EstFinanceur => !Tout && FinanceurId is not null;

    public static async Task<PerimetreFinancement> DeAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Administrateur)) return new(true, null, []);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return Rien;
        int? financeur = null;
        if (user.IsInRole(Roles.Financeur))
        {
            financeur = await db.Set<ProfilCompte>().Where(p => p.UtilisateurId == id).Select(p => p.FinanceurId).FirstOrDefaultAsync(ct);
        }
        var structures = user.IsInRole(Roles.Gestionnaire) ? await Perimetre.StructuresGereesAsync(db, user, ct) ?? [] : [];
        return new(false, financeur, structures);
    }

    /// <summary>The grants this account may see.</summary>
    public IQueryable<Subvention> Filtrer(IQueryable<Subvention> q)
    {
        if (Tout) return q;
        var f = FinanceurId ?? -1;
        var s = Structures.ToList();
        return q.Where(x => x.FinanceurId == f || s.Contains(x.BeneficiaireId));
    }

    /// <summary>The envelopes this account may see: all for an administrator, its funder's for a funder, none for a manager.</summary>
    public IQueryable<Enveloppe> Filtrer(IQueryable<Enveloppe> q)
    {
        if (Tout) return q;
        var f = FinanceurId ?? -1;
        return q.Where(x => x.FinanceurId == f);
    }

    public bool VoitStructure(int structureId) => Tout || Structures.Contains(structureId);
}
