using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Connecter.Programmes.Admin;

/// <summary><c>/admin/connexion/programmes/{id}</c>: partners, offers and enrolments of a programme, for the staff of its managing structure.</summary>
[Authorize(Policy = Roles.PolitiqueTerrain)]
public sealed class ProgrammeModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public ProgrammeConnexion Programme { get; private set; } = null!;
    public List<PartenaireProgramme> Partenaires { get; private set; } = [];
    public List<OffreConnexion> Offres { get; private set; } = [];
    public ListeAdhesions Adhesions { get; private set; } = new([], 0);
    [BindProperty(SupportsGet = true)] public string? Statut { get; set; }
    /// <summary>A manager of the managing structure or an administrator: the edit link.</summary>
    public bool PeutModifier { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var p = await db.Set<ProgrammeConnexion>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound();
        if (!(await AccesConnexion.StructuresAsync(db, User, horloge, ct)).Contains(p.StructureGestionnaireId)) return Forbid();
        Programme = p;
        PeutModifier = (User.IsInRole(Roles.Gestionnaire) || User.IsInRole(Roles.Administrateur))
            && Reseau.Structures.Perimetre.Autorise(await Reseau.Structures.Perimetre.StructuresGereesAsync(db, User, ct), p.StructureGestionnaireId);
        Message = TempData["Message"] as string;
        Partenaires = await db.Set<PartenaireProgramme>().AsNoTracking().Where(x => x.ProgrammeId == id).OrderBy(x => x.Role).ThenBy(x => x.Nom).ToListAsync(ct);
        Offres = await db.Set<OffreConnexion>().AsNoTracking().Where(x => x.ProgrammeId == id).OrderBy(x => x.Id).ToListAsync(ct);
        if (!StatutsAdhesion.Tous.Contains(Statut)) Statut = null;
        Adhesions = await ListerAdhesions.ExecuterAsync(db, id, Statut, User, horloge, ct);
        return Page();
    }
}
