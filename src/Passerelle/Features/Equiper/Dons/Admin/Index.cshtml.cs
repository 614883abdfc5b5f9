using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Equiper.Dons.Admin;

/// <summary><c>/admin/equipement</c>: the workshop's entry (scan, counts, certificates' import) and, for managers, the offers.</summary>
[Authorize(Policy = Roles.PolitiqueAtelier)]
public sealed class IndexModel(AppDbContext db, IEnumerable<ICompteEtats> etats) : PageModel
{
    public sealed record Ligne(int Id, string Organisation, string Origine, int Quantite, DateTime CreeLe, string Statut);
    public List<Ligne> Offres { get; private set; } = [];
    public List<(string Libelle, int N)> ParEtat { get; private set; } = [];
    /// <summary>The 30 most recent lots (received date, donor's name, counted devices): the workshop opens a lot here to scan its devices in.</summary>
    public List<Lot> Lots { get; private set; } = [];

    /// <summary>Managers and administrators see the offers (donors' contacts); the workshop staff see the devices only.</summary>
    public bool Gestion => User.IsInRole(Roles.Gestionnaire) || User.IsInRole(Roles.Administrateur);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Gestion) Offres = (await db.Set<OffreDon>().AsNoTracking().OrderByDescending(o => o.Id).Take(200)
            .Select(o => new { o.Id, o.Organisation, o.Origine, Q = o.Lignes.Sum(l => l.Quantite), o.CreeLe, o.Statut }).ToListAsync(ct))
            .Select(o => new Ligne(o.Id, o.Organisation, Origines.Libelle(o.Origine), o.Q, o.CreeLe, o.Statut)).ToList();
        Lots = await db.Set<Lot>().AsNoTracking().Include(l => l.Offre).OrderByDescending(l => l.Id).Take(30).ToListAsync(ct);
        foreach (var e in etats) ParEtat.AddRange(await e.CompterAsync(db, ct));
    }
}

/// <summary>Implemented by the devices feature: the count of devices per state for the team's overview.</summary>
public interface ICompteEtats
{
    Task<List<(string Libelle, int N)>> CompterAsync(AppDbContext db, CancellationToken ct);
}
