using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed class DoublonsModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    public List<Doublon> Paires { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        Paires = await DetecterDoublons.ExecuterAsync(Db, Structures, ct);
        return Page();
    }
}
