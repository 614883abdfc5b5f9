using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Deliberations;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>The conventions a deliberation authorised, and what became of them, for the act's page.</summary>
public sealed class ConventionsAutorisees(TimeProvider horloge) : IActesAutorises
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<IReadOnlyList<ActeAutorise>> ListerAsync(AppDbContext db, int deliberationId, CancellationToken ct)
    {
        var aujourdhui = Passerelle.Features.Referentiels.Territoire.AujourdHui(horloge);
        var conventions = await db.Conventions.AsNoTracking().Where(c => c.DeliberationId == deliberationId).OrderBy(c => c.DateDebut).ToListAsync(ct);
        return conventions.Select(c => new ActeAutorise("Convention de service", c.Intitule, $"/admin/conventions/{c.Id}",
            c.DateSignature is null && c.DateDebut > aujourdhui ? "pas encore signée"
            : c.DateFin <= aujourdhui ? $"terminée le {Passerelle.Web.DatesEnLettres.Format(c.DateFin, "d MMMM yyyy")}"
            : c.DateDebut > aujourdhui ? $"signée, commence le {Passerelle.Web.DatesEnLettres.Format(c.DateDebut, "d MMMM yyyy")}"
            : $"en cours jusqu'au {Passerelle.Web.DatesEnLettres.Format(c.DateFin, "d MMMM yyyy")}")).ToList();
    }
}

/// <summary>After the migrations: a convention whose free-text reference names an act now in the register (its number, as
/// printed, appears in the text) is linked to it and the text dropped; when no act matches, the text stays as it was.</summary>
public sealed class LierConventionsDeliberations : IPreparationDonnees
{
    public async Task PreparerAsync(AppDbContext db, CancellationToken ct)
    {
        var sansLien = await db.Conventions.Where(c => c.DeliberationId == null && c.ReferenceDeliberation != null).ToListAsync(ct);
        if (sansLien.Count == 0) return;
        var actes = await db.Deliberations.AsNoTracking().Select(d => new { d.Id, d.Numero }).ToListAsync(ct);
        foreach (var c in sansLien)
        {
            // The longest number first: « 2024-87 » must not take the place of « 2024-871 ».
            var acte = actes.Where(a => a.Numero.Length >= 4 && c.ReferenceDeliberation!.Contains(a.Numero, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(a => a.Numero.Length).FirstOrDefault();
            if (acte is null) continue;
            c.DeliberationId = acte.Id;
            c.ReferenceDeliberation = null;
        }
        await db.SaveChangesAsync(ct);
    }
}
