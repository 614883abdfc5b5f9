using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;

namespace Passerelle.Features.Equiper.Dons;

/// <summary>The donor's receipt (company) or attestation of donation (public body), opened from its follow-up link.</summary>
public sealed class RecuDonModel(AppDbContext db, IOptions<OrganismeOptions> organisme) : PageModel
{
    public OffreDon Offre { get; private set; } = null!;
    public RecuDon? Recu { get; private set; }
    public OrganismeOptions Organisme => organisme.Value;
    /// <summary>The donor's receipts of the receipt's year: count and total in cents.</summary>
    public (int Nombre, long TotalCentimes)? TotalAnnee { get; private set; }

    public async Task<IActionResult> OnGetAsync(string jeton, CancellationToken ct)
    {
        var o = await db.Set<OffreDon>().AsNoTracking().Include(x => x.Lignes).Include(x => x.Lot).FirstOrDefaultAsync(x => x.Jeton == jeton, ct);
        if (o is null) return NotFound();
        Offre = o;
        Recu = await db.Set<RecuDon>().AsNoTracking().FirstOrDefaultAsync(r => r.OffreDonId == o.Id, ct);
        if (Recu is not null) TotalAnnee = await RecuDon.TotalAnnuelAsync(db, Recu.Siren, Recu.Annee, ct);
        // A company's receipt exists only once issued; a public body's attestation once the lot is received.
        if (Recu is null && (o.Origine != Origines.Public || o.Lot is null)) return NotFound();
        return Page();
    }
}
