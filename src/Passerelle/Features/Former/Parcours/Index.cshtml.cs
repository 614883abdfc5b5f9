using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Former.Parcours;

public sealed record LigneProgramme(int Id, string Nom, string? LabelGen, int Cohortes);
public sealed record LigneCohorte(int Id, string Nom, string Programme, DateOnly Debut, DateOnly Fin, string Statut);

/// <summary><c>/parcours</c> (team): the cohorts the account may see (<see cref="AccesParcours.CohortesVisiblesAsync"/>).</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class IndexModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public List<LigneCohorte> Cohortes { get; private set; } = [];
    public bool Referent { get; private set; }
    /// <summary>Programmes of the schools the account manages (created and edited here); empty for everyone else.</summary>
    public List<LigneProgramme> Programmes { get; private set; } = [];
    public bool Gestionnaire { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cohortes = await (await AccesParcours.CohortesVisiblesAsync(db, User, horloge, ct)).AsNoTracking().OrderByDescending(c => c.Debut)
            .Select(c => new LigneCohorte(c.Id, c.Nom, c.Programme!.Nom, c.Debut, c.Fin, c.Statut)).ToListAsync(ct);
        Referent = (await AccesParcours.MediateursAsync(db, User, ct)).Count > 0;
        var gerees = await AccesParcours.GereesAsync(db, User, ct);
        Gestionnaire = gerees.Count > 0;
        if (Gestionnaire)
            Programmes = await db.Set<Programme>().AsNoTracking().Where(p => gerees.Contains(p.StructureId)).OrderBy(p => p.Nom)
                .Select(p => new LigneProgramme(p.Id, p.Nom, p.LabelGen, p.Cohortes.Count)).ToListAsync(ct);
    }
}
