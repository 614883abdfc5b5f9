using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Features.Former.Parcours;
using Passerelle.Web;

namespace Passerelle.Features.Former.Aidants;

/// <summary>Who sees helpers' training (issue 14 §7): the staff of the training's structure (its mediators employed today and its
/// managers, <see cref="AccesBeneficiaires.StructuresAsync"/>), the active members of a helper's support team (the trainer), and the
/// territory's administrators. Funders of the programme see nothing here. The helper sees their own assessments through their link
/// (<c>/parcours/moi/{jeton}/competences</c>). A missing object is refused like a forbidden one.</summary>
public static class AccesAidants
{
    /// <summary>Helpers' training cohorts the account may follow.</summary>
    public static async Task<IQueryable<Cohorte>> CohortesAsync(AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var aidants = db.Set<Cohorte>().Where(c => c.Programme!.Nature == Programme.NatureAidants);
        if (u.IsInRole(Roles.Administrateur)) return aidants;
        var structures = (await AccesBeneficiaires.StructuresAsync(db, u, horloge, ct)).ToList();
        var mediateurs = await AccesParcours.MediateursAsync(db, u, ct);
        return aidants.Where(c => structures.Contains(c.Programme!.StructureId)
            || db.Set<MembreEquipe>().Any(m => m.Fin == null && mediateurs.Contains(m.MediateurId)
                && db.Set<Inscription>().Any(i => i.Id == m.InscriptionId && i.CohorteId == c.Id)));
    }

    /// <summary>Checks that the enrolment is a helper's (programme of nature <c>aidants</c>) within the account's reach.</summary>
    /// <exception cref="AccesRefuseException">Not a helper's pathway, or outside the account's reach.</exception>
    public static async Task VerifierAsync(AppDbContext db, ClaimsPrincipal u, int inscriptionId, TimeProvider horloge, CancellationToken ct)
    {
        var nature = await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => i.Cohorte!.Programme!.Nature).FirstOrDefaultAsync(ct);
        if (nature != Programme.NatureAidants) throw new AccesRefuseException("Ce parcours d'aidant·e n'est pas accessible avec votre compte.");
        if (u.IsInRole(Roles.Administrateur)) return;
        await AccesParcours.VerifierInscriptionAsync(db, u, inscriptionId, horloge, ct);
    }
}
