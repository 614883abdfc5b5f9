using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Reseau.Lieux.Admin;

public sealed class ListeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public sealed record Ligne(int Id, string Nom, string Commune, string CodePostal, string? Structure, bool Archive, string? Horaires, DateTime ModifieLe);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archives { get; set; }
    [BindProperty(SupportsGet = true)] public bool HorairesIllisibles { get; set; }
    /// <summary>Read by hand: "page" is also the route value Razor Pages uses for the page's own path.</summary>
    public int NumeroPage => int.TryParse(Request.Query["page"], out var p) ? Math.Clamp(p, 1, 100_000) : 1;
    public int Total { get; private set; }
    public List<Ligne> Lignes { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        var requete = db.Lieux.AsNoTracking().Where(l => l.Archive == Archives);
        if (perimetre is not null) requete = requete.Where(l => l.StructureId != null && perimetre.Contains(l.StructureId.Value));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            requete = requete.Where(l => l.Nom.ToLower().Contains(q) || l.Commune.ToLower().Contains(q) || l.CodePostal.StartsWith(q) || l.IdLocal == Q.Trim());
        }
        IQueryable<Ligne> Projeter(IQueryable<Lieu> q) =>
            q.Select(l => new Ligne(l.Id, l.Nom, l.Commune, l.CodePostal, l.Structure != null ? l.Structure.Nom : null, l.Archive, l.Horaires, l.ModifieLe));
        var ordonnee = requete.OrderBy(l => l.Nom).ThenBy(l => l.Id);
        if (HorairesIllisibles)
        {
            // Reported so that someone fixes them; the public page shows them as text meanwhile.
            var tous = await Projeter(ordonnee.Where(l => l.Horaires != null && l.Horaires != "")).ToListAsync(ct);
            var illisibles = tous.Where(l => CacheHoraires.Lire(l.Horaires) is null).ToList();
            Total = illisibles.Count;
            Lignes = illisibles.Skip((NumeroPage - 1) * 50).Take(50).ToList();
            return;
        }
        Total = await requete.CountAsync(ct);
        Lignes = await Projeter(ordonnee.Skip((NumeroPage - 1) * 50).Take(50)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostArchiverAsync(int id, bool archive, CancellationToken ct)
    {
        var lieu = await db.Lieux.Where(l => l.Id == id).Select(l => new { l.StructureId, l.Nom }).FirstOrDefaultAsync(ct);
        if (lieu is null) return NotFound();
        if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, User, ct), lieu.StructureId)) return Forbid();
        await EnregistrerLieu.ArchiverAsync(db, id, archive, horloge, ct);
        TempData["Message"] = archive ? $"« {lieu.Nom} » est archivé : il n'apparaît plus dans l'annuaire." : $"« {lieu.Nom} » est de nouveau visible dans l'annuaire.";
        return RedirectToPage(new { archives = !archive ? (bool?)true : null });
    }
}
