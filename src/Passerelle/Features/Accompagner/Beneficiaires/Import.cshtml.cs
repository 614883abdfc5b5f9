using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed class ImportModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    public RapportImportBeneficiaires? Rapport { get; private set; }
    public List<(int Id, string Nom)> NomsStructures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        NomsStructures = await NomsStructuresAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? fichier, int? structure, CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        NomsStructures = await NomsStructuresAsync(ct);
        if (fichier is null || fichier.Length == 0) { Erreurs["fichier"] = ["Choisissez un fichier CSV."]; return Page(); }
        await using var flux = fichier.OpenReadStream();
        Rapport = await ImporterFiches.ExecuterAsync(Db, Structures, structure, flux, User, Horloge, ct);
        return Page();
    }
}
