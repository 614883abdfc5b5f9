using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary><c>PUT /api/v1/connexion/programmes/{id}</c> and the edit page: the same input as a creation. Partners are replaced by the
/// list given; offers named by <c>id</c> are changed in place, the others added; an offer is withdrawn (<c>active</c> false), never deleted,
/// since the ledger names it. A new monthly cap applies to enrolments made after the change (each enrolment keeps the cap it was given).
/// Administrators, or managers of the programme's managing structure (and of the new one if it changes).</summary>
public static class ModifierProgramme
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Fields missing or out of range (400).</exception>
    /// <exception cref="KeyNotFoundException">Unknown programme (404).</exception>
    /// <exception cref="AccesRefuseException">A manager of neither structure (403).</exception>
    /// <exception cref="RegleMetierException">Name already used, an offer of another programme, two offers or partners with one name (409).</exception>
    public static async Task<ProgrammeConnexion> ExecuterAsync(AppDbContext db, int id, ProgrammeSaisie s, ClaimsPrincipal qui, CancellationToken ct)
    {
        var programme = await AccesConnexion.ProgrammeAsync(db, id, ct);
        var e = await CreerProgramme.VerifierAsync(db, s, ct);
        if (e.Count > 0) throw Valider.Invalide(e, "Programme invalide");
        var gerees = await Perimetre.StructuresGereesAsync(db, qui, ct);
        if (!Perimetre.Autorise(gerees, programme.StructureGestionnaireId) || !Perimetre.Autorise(gerees, s.StructureGestionnaireId))
            throw new AccesRefuseException("Vous ne gérez pas la structure de ce programme.");
        var nom = s.Nom!.Trim();
        if (await db.Set<ProgrammeConnexion>().AnyAsync(p => p.Nom == nom && p.Id != id, ct)) throw new RegleMetierException("Un programme porte déjà ce nom.", "nom");
        var existantes = await db.Set<OffreConnexion>().Where(o => o.ProgrammeId == id).ToDictionaryAsync(o => o.Id, ct);
        var offres = s.Offres ?? [];
        for (var i = 0; i < offres.Length; i++)
            if (offres[i].Id is { } oid && !existantes.ContainsKey(oid)) throw new RegleMetierException("Cette offre n'appartient pas au programme.", $"offres[{i}].libelle");

        programme.Nom = nom;
        programme.StructureGestionnaireId = s.StructureGestionnaireId!.Value;
        programme.Debut = s.Debut!.Value;
        programme.Fin = s.Fin;
        programme.BudgetCentimes = s.Budget ?? 0;
        programme.PlafondMensuelCentimes = s.PlafondMensuel!.Value;
        programme.DureeAdhesionMois = s.DureeMois!.Value;
        programme.RenouvellementsMax = s.RenouvellementsMax ?? 0;
        programme.RevueJoursAvantFin = s.RevueJoursAvantFin ?? programme.RevueJoursAvantFin;
        programme.Regles = string.Join(',', CreerProgramme.Regles(s));
        programme.OffresSortie = string.IsNullOrWhiteSpace(s.OffresSortie) ? null : s.OffresSortie.Trim();
        programme.RetentionMois = s.RetentionMois ?? programme.RetentionMois;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<PartenaireProgramme>().Where(p => p.ProgrammeId == id).ExecuteDeleteAsync(ct);
        db.AddRange((s.Partenaires ?? []).Select(p => new PartenaireProgramme { ProgrammeId = id, Role = p.Role!, Nom = p.Nom!.Trim(), StructureId = p.StructureId, ConventionId = p.ConventionId }));
        foreach (var o in offres)
        {
            var offre = o.Id is { } oid ? existantes[oid] : db.Add(new OffreConnexion { ProgrammeId = id }).Entity;
            offre.Type = o.Type!;
            offre.Libelle = o.Libelle!.Trim();
            offre.ReferenceProduit = string.IsNullOrWhiteSpace(o.ReferenceProduit) ? null : o.ReferenceProduit.Trim();
            offre.ValeurFacialeCentimes = o.ValeurFaciale!.Value;
            offre.PrixPayeCentimes = o.PrixPaye!.Value;
            offre.SubventionCentimes = o.Subvention!.Value;
            offre.SubventionPayeePar = string.IsNullOrWhiteSpace(o.SubventionPayeePar) ? null : o.SubventionPayeePar.Trim();
            offre.VolumeMo = o.VolumeMo;
            offre.Active = o.Active ?? true;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Deux partenaires ou deux offres portent le même nom dans ce programme.", "offres"); }
        await tx.CommitAsync(ct);
        return programme;
    }
}
