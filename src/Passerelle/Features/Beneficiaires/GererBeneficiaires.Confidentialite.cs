using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Activites;
using Passerelle.Features.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Beneficiaires;

/// <summary>People files — privacy: export, erasure, anonymisation (RGPD).</summary>
public static partial class GererBeneficiaires
{
    /// <summary>Everything Passerelle holds on the person (RGPD right of access), as JSON; the export is journaled.</summary>
    public static async Task<object> ExporterPersonneAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var fiche = await LireAsync(db, structures, id, user, h, ct);
        var activites = await db.Activites.AsNoTracking().Where(a => a.BeneficiaireId == id || a.Participants.Any(p => p.BeneficiaireId == id)).OrderBy(a => a.Date)
            .Select(a => new { a.Date, a.Type, a.DureeMinutes, a.TypeLieu, Lieu = a.Lieu != null ? a.Lieu.Nom : a.Commune, a.Themes, a.ThemesDemarches, a.NomDemarche, a.Autonomie, a.Orientation, a.Notes })
            .ToListAsync(ct);
        var journal = await db.Journal.AsNoTracking().Where(j => j.Objet == Journal.FicheBeneficiaire && j.ObjetId == id).OrderBy(j => j.Le).Select(j => new { j.Le, j.Action, j.Utilisateur }).ToListAsync(ct);
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Export RGPD", Journal.FicheBeneficiaire, id);
        await db.SaveChangesAsync(ct);
        return new { fiche, activites, journal, exporteLe = Maintenant(h) };
    }

    /// <summary>Erases the person on request (RGPD): identity, contacts and notes are gone for good, free text of their records and
    /// referrals too; the anonymous figures stay for the statistics.</summary>
    public static async Task EffacerAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal? user, TimeProvider h, CancellationToken ct)
    {
        var b = await ChargerAsync(db, structures, id, ct);
        await AnonymiserAsync(db, [b], Maintenant(h), ct);
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Effacement", Journal.FicheBeneficiaire, id, "à la demande de la personne");
        await db.SaveChangesAsync(ct);
    }

    static async Task AnonymiserAsync(AppDbContext db, List<Beneficiaire> fiches, DateTime maintenant, CancellationToken ct)
    {
        var ids = fiches.Select(f => f.Id).ToList();
        foreach (var f in fiches) f.Anonymiser(maintenant);
        await db.Activites.Where(a => a.BeneficiaireId != null && ids.Contains(a.BeneficiaireId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Notes, (string?)null).SetProperty(a => a.NomDemarche, (string?)null), ct);
        await db.Orientations.Where(o => ids.Contains(o.BeneficiaireId)).ExecuteUpdateAsync(u => u.SetProperty(o => o.Motif, ""), ct);
        await db.Diagnostics.Where(d => ids.Contains(d.BeneficiaireId)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Notes, (string?)null), ct);
        // The journal keeps who did what and when, not the values: a record's old → new values (procedure name,
        // address, commune) and a referral's details would otherwise outlive the erasure.
        var activites = db.Activites.Where(a => a.BeneficiaireId != null && ids.Contains(a.BeneficiaireId.Value)).Select(a => a.Id);
        await db.Journal.Where(j => (j.Objet == Journal.CompteRendu && activites.Contains(j.ObjetId)) || (j.Objet == Journal.FicheBeneficiaire && ids.Contains(j.ObjetId)))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Details, "détails effacés avec les données de la personne"), ct);
    }

    /// <summary>The inactivity job: followed files without accompaniment or change for <paramref name="mois"/> months are anonymised.</summary>
    public static async Task<int> AnonymiserInactifsAsync(AppDbContext db, TimeProvider h, int mois, CancellationToken ct)
    {
        var maintenant = Maintenant(h);
        var limite = maintenant.AddMonths(-mois);
        var total = 0;
        while (true)
        {
            var lot = await db.Beneficiaires.Where(b => b.Suivi && b.AnonymiseLe == null && b.DerniereActiviteLe < limite).OrderBy(b => b.Id).Take(500).ToListAsync(ct);
            if (lot.Count == 0) return total;
            await AnonymiserAsync(db, lot, maintenant, ct);
            foreach (var b in lot) AccesBeneficiaires.Journaliser(db, null, maintenant, "Anonymisation", Journal.FicheBeneficiaire, b.Id, $"sans activité depuis {mois} mois");
            await db.SaveChangesAsync(ct);
            total += lot.Count;
        }
    }
}
