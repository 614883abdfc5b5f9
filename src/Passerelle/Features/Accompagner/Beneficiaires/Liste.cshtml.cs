using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed class ListeModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<BeneficiaireResume> Fiches { get; private set; } = [];
    public int Doublons { get; private set; }
    /// <summary>The account works for no structure (an administrator managing none, a mediator without a current job): the page
    /// explains why there is nothing to show instead of answering "access refused" to a link of the menu.</summary>
    public bool SansStructure { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) { SansStructure = true; return Page(); }
        Fiches = await ListerFiches.ExecuterAsync(Db, Structures, Q, 200, ct);
        Doublons = (await DetecterDoublons.ExecuterAsync(Db, Structures, ct)).Count;
        return Page();
    }
}
