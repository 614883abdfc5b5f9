using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>What a programme's indicators show: to operators and landlords aggregates only; to funders, administrators and the
/// managing structure the same plus cost per person by source and people by eligibility route and QPV (standard §5).</summary>
public enum VueIndicateurs { Partenaire, Complete }

/// <summary>Who may do what in Connecter (decision 0020). Enrolments, top-ups and lines: the staff (mediators, managers) of the
/// programme's managing structure; enrolments and top-ups also the staff of the structure that holds the person's file. Lines and
/// boxes: the managing structure only. Indicators: see <see cref="VueAsync"/>.</summary>
public static class AccesConnexion
{
    /// <summary>Structures the account works for (employed mediator or manager), as for people's files.</summary>
    public static Task<HashSet<int>> StructuresAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct) =>
        AccesBeneficiaires.StructuresAsync(db, user, horloge, ct);

    public static async Task<ProgrammeConnexion> ProgrammeAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Set<ProgrammeConnexion>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new KeyNotFoundException("Programme de connexion introuvable.");

    /// <summary>The enrolment if the account may act on it (managing or enrolling structure): 404 unknown, 403 otherwise.</summary>
    public static async Task<(Adhesion Adhesion, ProgrammeConnexion Programme, bool Gestionnaire)> AdhesionAsync(AppDbContext db, HashSet<int> structures, int id, CancellationToken ct)
    {
        var a = await db.Set<Adhesion>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException("Adhésion introuvable.");
        var p = await ProgrammeAsync(db, a.ProgrammeId, ct);
        var gere = structures.Contains(p.StructureGestionnaireId);
        if (!gere && !structures.Contains(a.StructureId)) throw new AccesRefuseException("Cette adhésion relève d'une autre structure.");
        return (a, p, gere);
    }

    /// <summary>The view of a programme's indicators the account may have, or null (refused): administrators and funders the complete
    /// view; staff of the managing structure the complete view; an operator or landlord account, manager of a partner structure of
    /// the programme, the partners' view.</summary>
    public static async Task<VueIndicateurs?> VueAsync(AppDbContext db, ClaimsPrincipal user, ProgrammeConnexion p, TimeProvider horloge, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Administrateur) || user.IsInRole(Roles.Financeur)) return VueIndicateurs.Complete;
        if (user.IsInRole(Roles.Operateur))
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var siennes = await db.GestionsStructures.Where(g => g.UtilisateurId == id).Select(g => g.StructureId).ToListAsync(ct);
            return await db.Set<PartenaireProgramme>().AnyAsync(x => x.ProgrammeId == p.Id && x.StructureId != null && siennes.Contains(x.StructureId.Value), ct)
                ? VueIndicateurs.Partenaire : null;
        }
        return (await StructuresAsync(db, user, horloge, ct)).Contains(p.StructureGestionnaireId) ? VueIndicateurs.Complete : null;
    }

    /// <summary>The programmes whose indicators the account may see.</summary>
    public static async Task<List<ProgrammeConnexion>> ProgrammesVisiblesAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct)
    {
        var tous = await db.Set<ProgrammeConnexion>().AsNoTracking().OrderBy(p => p.Nom).ToListAsync(ct);
        var visibles = new List<ProgrammeConnexion>();
        foreach (var p in tous) if (await VueAsync(db, user, p, horloge, ct) is not null) visibles.Add(p);
        return visibles;
    }
}
