using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Equiper.Dons.Admin;

[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class IndexModel(AppDbContext db, IEnumerable<ICompteEtats> etats) : PageModel
{
    public sealed record Ligne(int Id, string Organisation, string Origine, int Quantite, DateTime CreeLe, string Statut);
    public List<Ligne> Offres { get; private set; } = [];
    public List<(string Libelle, int N)> ParEtat { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Offres = (await db.Set<OffreDon>().AsNoTracking().OrderByDescending(o => o.Id).Take(200)
            .Select(o => new { o.Id, o.Organisation, o.Origine, Q = o.Lignes.Sum(l => l.Quantite), o.CreeLe, o.Statut }).ToListAsync(ct))
            .Select(o => new Ligne(o.Id, o.Organisation, Origines.Libelle(o.Origine), o.Q, o.CreeLe, o.Statut)).ToList();
        foreach (var e in etats) ParEtat.AddRange(await e.CompterAsync(db, ct));
    }
}

/// <summary>Implemented by the devices feature: the count of devices per state for the team's overview.</summary>
public interface ICompteEtats
{
    Task<List<(string Libelle, int N)>> CompterAsync(AppDbContext db, CancellationToken ct);
}
