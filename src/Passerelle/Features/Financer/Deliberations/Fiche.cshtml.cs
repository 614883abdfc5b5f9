using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Financer.Deliberations;

[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class FicheModel(AppDbContext db, IEnumerable<IActesAutorises> actes) : PageModel
{
    public Deliberation Deliberation { get; private set; } = null!;
    public List<VersionDeliberation> Versions { get; private set; } = [];
    public List<ActeAutorise> Autorises { get; private set; } = [];
    /// <summary>Warnings that did not prevent saving (the same SIRET under another name).</summary>
    public List<string> Avertissements { get; private set; } = [];

    /// <summary>A stored UTC instant as the territory's local time (Europe/Paris), for display.</summary>
    public static DateTime Locale(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Referentiels.Territoire.Zone(null));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var d = await db.Deliberations.AsNoTracking().Include(x => x.Montants).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return NotFound();
        Deliberation = d;
        Versions = await db.VersionsDeliberations.AsNoTracking().Where(v => v.DeliberationId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        foreach (var a in actes) Autorises.AddRange(await a.ListerAsync(db, id, ct));
        Avertissements = await NomsCollectivite.AvertissementsAsync(db, d, ct);
        return Page();
    }

    /// <summary>The attached act, when one was uploaded (staff only, as the page: <see cref="Roles.PolitiqueEquipe"/>).</summary>
    public async Task<IActionResult> OnGetFichierAsync(int id, CancellationToken ct)
    {
        var f = await db.Deliberations.AsNoTracking().Where(x => x.Id == id && x.Fichier != null)
            .Select(x => new { x.Fichier!.Contenu, x.FichierNom, x.FichierType }).FirstOrDefaultAsync(ct);
        return f is null ? NotFound() : File(f.Contenu, f.FichierType ?? "application/octet-stream", f.FichierNom ?? "acte");
    }
}
