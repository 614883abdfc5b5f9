using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

public sealed record PartenaireSaisie(string? Role, string? Nom, int? StructureId = null, int? ConventionId = null);
/// <summary>Amounts in cents. On an edit, <c>id</c> names an existing offer of the programme (changed in place) and <c>active</c> false
/// withdraws it (an offer with movements is never deleted).</summary>
public sealed record OffreSaisie(string? Type, string? Libelle, long? ValeurFaciale, long? PrixPaye, long? Subvention, string? SubventionPayeePar = null,
    int? VolumeMo = null, string? ReferenceProduit = null, int? Id = null, bool? Active = null);
/// <summary><c>POST /api/v1/connexion/programmes</c>: <c>budget</c> and <c>plafondMensuel</c> in cents, <c>regles</c> eligibility codes.</summary>
public sealed record ProgrammeSaisie(string? Nom, int? StructureGestionnaireId, DateOnly? Debut, DateOnly? Fin, long? Budget, long? PlafondMensuel, int? DureeMois,
    int? RenouvellementsMax, string[]? Regles, string? OffresSortie = null, int? RetentionMois = null, int? RevueJoursAvantFin = null,
    PartenaireSaisie[]? Partenaires = null, OffreSaisie[]? Offres = null);

/// <summary>Creates a programme with its partners and offers. Administrators for any structure, managers for the structures they manage.</summary>
public static class CreerProgramme
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Fields missing or out of range (400).</exception>
    /// <exception cref="AccesRefuseException">A manager naming a structure it does not manage (403).</exception>
    /// <exception cref="RegleMetierException">Name already used (409).</exception>
    public static async Task<ProgrammeConnexion> ExecuterAsync(AppDbContext db, ProgrammeSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = await VerifierAsync(db, s, ct);
        if (e.Count > 0) throw Valider.Invalide(e, "Programme invalide");
        var regles = Regles(s);
        var partenaires = s.Partenaires ?? [];
        var offres = s.Offres ?? [];
        if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, qui, ct), s.StructureGestionnaireId))
            throw new AccesRefuseException("Vous ne gérez pas cette structure : vous ne pouvez pas lui confier un programme.");
        var nom = s.Nom!.Trim();
        if (await db.Set<ProgrammeConnexion>().AnyAsync(p => p.Nom == nom, ct)) throw new RegleMetierException("Un programme porte déjà ce nom.", "nom");
        var programme = new ProgrammeConnexion
        {
            Nom = nom, StructureGestionnaireId = s.StructureGestionnaireId!.Value, Debut = s.Debut!.Value, Fin = s.Fin, BudgetCentimes = s.Budget ?? 0,
            PlafondMensuelCentimes = s.PlafondMensuel!.Value, DureeAdhesionMois = s.DureeMois!.Value, RenouvellementsMax = s.RenouvellementsMax ?? 0,
            RevueJoursAvantFin = s.RevueJoursAvantFin ?? 30, Regles = string.Join(',', regles), OffresSortie = s.OffresSortie?.Trim(), RetentionMois = s.RetentionMois ?? 12,
            CreeLe = horloge.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(programme);
        await db.SaveChangesAsync(ct);
        db.AddRange(partenaires.Select(p => new PartenaireProgramme { ProgrammeId = programme.Id, Role = p.Role!, Nom = p.Nom!.Trim(), StructureId = p.StructureId, ConventionId = p.ConventionId }));
        db.AddRange(offres.Select(o => new OffreConnexion
        {
            ProgrammeId = programme.Id, Type = o.Type!, Libelle = o.Libelle!.Trim(), ReferenceProduit = o.ReferenceProduit?.Trim(), ValeurFacialeCentimes = o.ValeurFaciale!.Value,
            PrixPayeCentimes = o.PrixPaye!.Value, SubventionCentimes = o.Subvention!.Value, SubventionPayeePar = o.SubventionPayeePar?.Trim(), VolumeMo = o.VolumeMo,
        }));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Deux partenaires ou deux offres portent le même nom dans ce programme.", "offres"); }
        await tx.CommitAsync(ct);
        return programme;
    }

    /// <summary>The eligibility codes of the input, trimmed, without duplicates.</summary>
    internal static List<string> Regles(ProgrammeSaisie s) => (s.Regles ?? []).Select(r => r?.Trim() ?? "").Distinct().ToList();

    /// <summary>Field errors of a creation or an edit (empty: valid), keyed as the JSON names them (<c>offres[1].libelle</c>).</summary>
    internal static async Task<Dictionary<string, string[]>> VerifierAsync(AppDbContext db, ProgrammeSaisie s, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(s.Nom) || s.Nom.Length > 200) e["nom"] = ["Indiquez le nom du programme (200 caractères au plus)."];
        if (s.StructureGestionnaireId is not { } sg || !await db.Structures.AnyAsync(x => x.Id == sg, ct)) e["structureGestionnaireId"] = ["Indiquez la structure qui gère le programme (structure du réseau)."];
        if (s.Debut is null) e["debut"] = ["Indiquez la date de début."];
        if (s.Fin is { } f && s.Debut is { } d && f < d) e["fin"] = ["La fin doit suivre le début."];
        if (s.Budget is < 0 or > 100_000_000_000) e["budget"] = ["Budget en centimes, positif."];
        if (s.PlafondMensuel is not (> 0 and <= 1_000_000)) e["plafondMensuel"] = ["Plafond mensuel par personne en centimes, de 1 à 1 000 000 (10 000 €)."];
        if (s.DureeMois is not (>= 1 and <= 60)) e["dureeMois"] = ["Durée d'une adhésion de 1 à 60 mois."];
        if (s.RenouvellementsMax is < 0 or > 20) e["renouvellementsMax"] = ["De 0 à 20 renouvellements."];
        if (s.RevueJoursAvantFin is < 0 or > 365) e["revueJoursAvantFin"] = ["Revue de 0 à 365 jours avant la fin."];
        if (s.RetentionMois is < 0 or > 120) e["retentionMois"] = ["Délai de conservation de 0 à 120 mois."];
        if ((s.OffresSortie?.Length ?? 0) > 2000) e["offresSortie"] = ["2 000 caractères au plus."];
        var regles = Regles(s);
        if (regles.Count == 0 || regles.Any(r => !EligibiliteConnexion.Existe(r)))
            e["regles"] = [$"Indiquez les motifs d'éligibilité acceptés parmi : {string.Join(", ", EligibiliteConnexion.Regles.Select(r => r.Code))}."];
        var partenaires = s.Partenaires ?? [];
        for (var i = 0; i < partenaires.Length; i++)
        {
            var p = partenaires[i];
            if (p is null || RolesPartenaires.Tous.All(r => r.Code != p.Role)) e[$"partenaires[{i}].role"] = [$"Rôle attendu : {string.Join(", ", RolesPartenaires.Tous.Select(r => r.Code))}."];
            if (string.IsNullOrWhiteSpace(p?.Nom) || p.Nom.Length > 200) e[$"partenaires[{i}].nom"] = ["Nom du partenaire (200 caractères au plus)."];
            if (p?.StructureId is { } ps && !await db.Structures.AnyAsync(x => x.Id == ps, ct)) e[$"partenaires[{i}].structureId"] = ["Structure inconnue."];
            if (p?.ConventionId is { } pc && !await db.Conventions.AnyAsync(x => x.Id == pc, ct)) e[$"partenaires[{i}].conventionId"] = ["Convention inconnue."];
        }
        var offres = s.Offres ?? [];
        for (var i = 0; i < offres.Length; i++)
        {
            var o = offres[i];
            if (o is null || TypesOffres.Tous.All(t => t.Code != o.Type)) e[$"offres[{i}].type"] = [$"Type attendu : {string.Join(", ", TypesOffres.Tous.Select(t => t.Code))}."];
            if (string.IsNullOrWhiteSpace(o?.Libelle) || o.Libelle.Length > 200) e[$"offres[{i}].libelle"] = ["Libellé de l'offre (200 caractères au plus)."];
            if (o?.ValeurFaciale is not (>= 0 and <= 1_000_000) || o.PrixPaye is not (>= 0 and <= 1_000_000) || o.Subvention is not (>= 0 and <= 1_000_000))
                e[$"offres[{i}].montants"] = ["Valeur faciale, prix payé et subvention en centimes, de 0 à 1 000 000."];
            if (o?.VolumeMo is < 0) e[$"offres[{i}].volumeMo"] = ["Volume en mégaoctets, positif."];
        }
        return e;
    }
}
