using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Equiper.Appareils.Admin;

/// <summary><c>/admin/equipement/scan?code=</c>: a tag (EQ-000123) or a device's serial number opens its page (indexed lookups).</summary>
[Authorize(Policy = Roles.PolitiqueAtelier)]
public sealed class ScanModel(AppDbContext db) : PageModel
{
    public string? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return Page();
        code = code.Trim();
        if (code.Length > 100) code = code[..100];
        var id = Appareil.IdDeEtiquette(code) is { } i && await db.Set<Appareil>().AnyAsync(a => a.Id == i, ct) ? i
            : await db.Set<Appareil>().Where(a => a.NumeroSerie == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (id is not null) return Redirect($"/admin/equipement/appareils/{id}");
        Code = code;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
