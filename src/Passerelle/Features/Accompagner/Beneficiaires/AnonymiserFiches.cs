using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Anonymisation of files: the retention job's entry point, and the erasure shared with <see cref="EffacerFiche"/>.</summary>
public static class AnonymiserFiches
{
    /// <summary>What an erased journal line says instead of its details.</summary>
    public const string DetailsEffaces = "détails effacés avec les données de la personne";

    /// <summary>The inactivity job: followed files without accompaniment or change for <paramref name="mois"/> months are anonymised,
    /// by batches of 500; returns how many.</summary>
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider h, int mois, CancellationToken ct)
    {
        var maintenant = Fiches.Maintenant(h);
        var limite = maintenant.AddMonths(-mois);
        var total = 0;
        while (true)
        {
            var lot = await db.Beneficiaires.Where(b => b.Suivi && b.AnonymiseLe == null && b.DerniereActiviteLe < limite).OrderBy(b => b.Id).Take(500).ToListAsync(ct);
            if (lot.Count == 0) return total;
            await AppliquerAsync(db, lot, maintenant, ct);
            foreach (var b in lot) AccesBeneficiaires.Journaliser(db, null, maintenant, "Anonymisation", Journal.FicheBeneficiaire, b.Id, $"sans activité depuis {mois} mois");
            await db.SaveChangesAsync(ct);
            total += lot.Count;
        }
    }

    /// <summary>Identity gone from the files; free text of their records, referrals, diagnostics and journal lines erased.</summary>
    internal static async Task AppliquerAsync(AppDbContext db, List<Beneficiaire> fiches, DateTime maintenant, CancellationToken ct)
    {
        var ids = fiches.Select(f => f.Id).ToList();
        foreach (var f in fiches) f.Anonymiser(maintenant);
        await AccompagnementsDesFiches.De(db).AnonymiserAsync(db, ids, ct);
        await db.Orientations.Where(o => ids.Contains(o.BeneficiaireId)).ExecuteUpdateAsync(u => u.SetProperty(o => o.Motif, ""), ct);
        await db.Diagnostics.Where(d => ids.Contains(d.BeneficiaireId)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Notes, (string?)null), ct);
        // The journal keeps who did what and when, not the values: a referral's details would otherwise outlive the erasure
        // (the records' journal lines are erased with the records, above).
        await db.Journal.Where(j => j.Objet == Journal.FicheBeneficiaire && ids.Contains(j.ObjetId))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Details, DetailsEffaces), ct);
    }
}
