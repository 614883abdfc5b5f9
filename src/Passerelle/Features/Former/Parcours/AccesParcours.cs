using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary>Who may do what on pathways (standards, section 6). Learner data: the school's structure (its mediators employed today
/// and its managers, <see cref="AccesBeneficiaires.StructuresAsync"/>) and the active members of the learner's support team.
/// Decisions, admissions and referent changes: the school's managers. Aggregates: the staff above and the funder accounts named by
/// the programme. A missing object is refused like a forbidden one (no probing of ids).</summary>
public static class AccesParcours
{
    public static string? UtilisateurId(ClaimsPrincipal u) => u.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The signed-in account's mediator cards.</summary>
    public static async Task<List<int>> MediateursAsync(AppDbContext db, ClaimsPrincipal u, CancellationToken ct)
    {
        var id = UtilisateurId(u);
        return id is null ? [] : await db.Mediateurs.Where(m => m.UtilisateurId == id && !m.Archive).Select(m => m.Id).ToListAsync(ct);
    }

    /// <summary>Structures whose managers may decide (a Gestionnaire or Administrateur with a <c>GestionStructure</c> row).</summary>
    public static async Task<List<int>> GereesAsync(AppDbContext db, ClaimsPrincipal u, CancellationToken ct)
    {
        var id = UtilisateurId(u);
        if (id is null || !(u.IsInRole(Roles.Gestionnaire) || u.IsInRole(Roles.Administrateur))) return [];
        return await db.GestionsStructures.Where(g => g.UtilisateurId == id).Select(g => g.StructureId).ToListAsync(ct);
    }

    /// <summary>Ids of the enrolments the account may open: its structures' ones and those where it is an active team member.</summary>
    public static async Task<IQueryable<Inscription>> InscriptionsVisiblesAsync(AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var structures = (await AccesBeneficiaires.StructuresAsync(db, u, horloge, ct)).ToList();
        var mediateurs = await MediateursAsync(db, u, ct);
        return db.Set<Inscription>().Where(i => structures.Contains(i.Cohorte!.Programme!.StructureId)
            || db.Set<MembreEquipe>().Any(m => m.InscriptionId == i.Id && m.Fin == null && mediateurs.Contains(m.MediateurId)));
    }

    /// <exception cref="AccesRefuseException">The enrolment does not exist or lies outside the account's reach.</exception>
    public static async Task VerifierInscriptionAsync(AppDbContext db, ClaimsPrincipal u, int inscriptionId, TimeProvider horloge, CancellationToken ct)
    {
        if (!await (await InscriptionsVisiblesAsync(db, u, horloge, ct)).AnyAsync(i => i.Id == inscriptionId, ct))
            throw new AccesRefuseException("Ce parcours n'est pas accessible avec votre compte.");
    }

    /// <summary>The school's structure of an enrolment, when the account manages it.</summary>
    /// <exception cref="AccesRefuseException">Not a manager of the school (or no such enrolment).</exception>
    public static async Task<int> VerifierGestionInscriptionAsync(AppDbContext db, ClaimsPrincipal u, int inscriptionId, CancellationToken ct)
    {
        var structure = await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => (int?)i.Cohorte!.Programme!.StructureId).FirstOrDefaultAsync(ct);
        if (structure is null || !(await GereesAsync(db, u, ct)).Contains(structure.Value))
            throw new AccesRefuseException("Seuls les responsables de l'école gèrent les candidatures et les référents.");
        return structure.Value;
    }

    /// <exception cref="AccesRefuseException">Not a manager of the programme's school.</exception>
    public static async Task VerifierGestionProgrammeAsync(AppDbContext db, ClaimsPrincipal u, int programmeId, CancellationToken ct)
    {
        var structure = await db.Set<Programme>().Where(p => p.Id == programmeId).Select(p => (int?)p.StructureId).FirstOrDefaultAsync(ct);
        if (structure is null || !(await GereesAsync(db, u, ct)).Contains(structure.Value))
            throw new AccesRefuseException("Seuls les responsables de l'école gèrent ce programme.");
    }

    /// <summary>How the account sees a cohort: <c>Complet</c> (school staff), <c>Agrege</c> (a funder of the programme: aggregates with
    /// small cells masked), or refused.</summary>
    /// <exception cref="AccesRefuseException">Neither staff of the school nor a funder of the programme.</exception>
    public static async Task<bool> VoitCohorteEnCompletAsync(AppDbContext db, ClaimsPrincipal u, int cohorteId, TimeProvider horloge, CancellationToken ct)
    {
        var c = await db.Set<Cohorte>().Where(x => x.Id == cohorteId).Select(x => new { x.Programme!.StructureId, x.Programme.Financeurs }).FirstOrDefaultAsync(ct)
            ?? throw new AccesRefuseException("Cette cohorte n'est pas accessible avec votre compte.");
        if ((await AccesBeneficiaires.StructuresAsync(db, u, horloge, ct)).Contains(c.StructureId)) return true;
        if (await FinanceurAsync(db, u, ct) is { } f && c.Financeurs.Split('|').Contains(f)) return false;
        throw new AccesRefuseException("Cette cohorte n'est pas accessible avec votre compte.");
    }

    /// <summary>The funding body of a funder account (<c>ProfilCompte.Financeur</c>), else null.</summary>
    public static async Task<string?> FinanceurAsync(AppDbContext db, ClaimsPrincipal u, CancellationToken ct)
    {
        var id = UtilisateurId(u);
        if (id is null || !u.IsInRole(Roles.Financeur)) return null;
        return await db.Set<ProfilCompte>().Where(p => p.UtilisateurId == id).Select(p => p.Financeur).FirstOrDefaultAsync(ct);
    }

    /// <summary>Cohorts the account may list: its schools' ones, those of its support-team learners, those its funding body funds.</summary>
    public static async Task<IQueryable<Cohorte>> CohortesVisiblesAsync(AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var structures = (await AccesBeneficiaires.StructuresAsync(db, u, horloge, ct)).ToList();
        var mediateurs = await MediateursAsync(db, u, ct);
        var financeur = await FinanceurAsync(db, u, ct);
        var motif = financeur is null ? null : "|" + financeur + "|";
        return db.Set<Cohorte>().Where(c => structures.Contains(c.Programme!.StructureId)
            || (motif != null && ("|" + c.Programme.Financeurs + "|").Contains(motif))
            || db.Set<MembreEquipe>().Any(m => m.Fin == null && mediateurs.Contains(m.MediateurId)
                && db.Set<Inscription>().Any(i => i.Id == m.InscriptionId && i.CohorteId == c.Id)));
    }
}
