using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Equiper.Dons;

/// <summary>The donor's page, opened by its secret link: the offer's status, its lot and, per device, the erasure proof of each medium.</summary>
public sealed class SuiviModel(AppDbContext db, IEnumerable<ISuiviAppareilsDon> suivis) : PageModel
{
    public OffreDon Offre { get; private set; } = null!;
    public bool Nouveau { get; private set; }
    public List<AppareilDuDon> Appareils { get; private set; } = [];
    public RecuDon? Recu { get; private set; }

    public async Task<IActionResult> OnGetAsync(string jeton, bool nouveau, CancellationToken ct)
    {
        var o = await db.Set<OffreDon>().AsNoTracking().Include(x => x.Lignes).Include(x => x.Lot).FirstOrDefaultAsync(x => x.Jeton == jeton, ct);
        if (o is null) return NotFound();
        Offre = o;
        Nouveau = nouveau;
        Recu = await db.Set<RecuDon>().AsNoTracking().FirstOrDefaultAsync(r => r.OffreDonId == o.Id, ct);
        if (o.Lot is not null) foreach (var s in suivis) Appareils.AddRange(await s.ListerAsync(db, o.Lot.Id, ct));
        return Page();
    }
}

/// <summary>One device of a donor's lot as the donor sees it.</summary>
public sealed record AppareilDuDon(string Etiquette, string Description, string Etat, string Preuve);

/// <summary>Implemented by the devices feature (which depends on this one): what became of a lot's devices.</summary>
public interface ISuiviAppareilsDon
{
    Task<List<AppareilDuDon>> ListerAsync(AppDbContext db, int lotId, CancellationToken ct);
}
