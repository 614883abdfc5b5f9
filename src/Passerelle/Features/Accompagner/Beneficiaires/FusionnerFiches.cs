using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed record FusionSaisie(int? AbsorberId);

/// <summary>Merges a duplicate file into the one kept.</summary>
public static class FusionnerFiches
{
    /// <summary>Merges <paramref name="absorberId"/> into <paramref name="garderId"/>: its records, workshop participations, referrals and
    /// diagnostics move over, empty fields are completed, and the absorbed file is deleted — in one transaction.</summary>
    public static async Task ExecuterAsync(AppDbContext db, HashSet<int> structures, int garderId, int absorberId, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        if (garderId == absorberId) throw new RegleMetierException("Choisissez deux fiches différentes.", "AbsorberId");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var garder = await Fiches.ChargerAsync(db, structures, garderId, ct);
        var absorber = await Fiches.ChargerAsync(db, structures, absorberId, ct);
        if (garder.StructureId != absorber.StructureId) throw new RegleMetierException("Les deux fiches doivent appartenir à la même structure.");
        if (garder.AnonymiseLe is not null || absorber.AnonymiseLe is not null) throw new RegleMetierException("Une fiche anonymisée ne se fusionne pas.");
        await AccompagnementsDesFiches.De(db).FusionnerAsync(db, garderId, absorberId, ct);
        // Moved as tracked entities, not by bulk statements: the save then marks both people for the statistics' people facts.
        foreach (var o in await db.Orientations.Where(o => o.BeneficiaireId == absorberId).ToListAsync(ct)) o.BeneficiaireId = garderId;
        foreach (var d in await db.Diagnostics.Where(d => d.BeneficiaireId == absorberId).ToListAsync(ct)) d.BeneficiaireId = garderId;
        garder.Telephone ??= absorber.Telephone;
        garder.Courriel ??= absorber.Courriel;
        garder.AnneeNaissance ??= absorber.AnneeNaissance;
        if (garder.Genre == VocabulaireCoop.NonCommunique) garder.Genre = absorber.Genre;
        if (garder.Statut == VocabulaireCoop.StatutNonCommunique) garder.Statut = absorber.Statut;
        if (garder.Commune is null) { garder.Commune = absorber.Commune; garder.CodePostal = absorber.CodePostal; garder.CodeQpv = absorber.CodeQpv; }
        if (absorber.Notes is not null) garder.Notes = garder.Notes is null ? absorber.Notes : $"{garder.Notes}\n{absorber.Notes}"[..Math.Min(2000, garder.Notes.Length + 1 + absorber.Notes.Length)];
        if (absorber.CreeLe < garder.CreeLe) garder.CreeLe = absorber.CreeLe;
        if (absorber.DerniereActiviteLe > garder.DerniereActiviteLe) garder.DerniereActiviteLe = absorber.DerniereActiviteLe;
        garder.ModifieLe = Fiches.Maintenant(h);
        db.Beneficiaires.Remove(absorber);
        AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Fusion", Journal.FicheBeneficiaire, garderId, $"fiche n° {absorberId} fusionnée dans celle-ci");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
