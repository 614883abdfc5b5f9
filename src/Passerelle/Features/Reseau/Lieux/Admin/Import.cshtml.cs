using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Reseau.Lieux.Admin;

[Authorize(Policy = Roles.PolitiqueAdmin)]
[RequestSizeLimit(FichierLieux.TailleMax)]
[RequestFormLimits(MultipartBodyLengthLimit = FichierLieux.TailleMax)]
public sealed class ImportModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public IFormFile? Fichier { get; set; }
    [BindProperty] public bool LignesValides { get; set; }
    [BindProperty] public string? Source { get; set; }
    public RapportImport? Rapport { get; private set; }
    public string? Erreur { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Fichier is null || Fichier.Length == 0) { Erreur = "Choisissez un fichier CSV ou JSON à importer."; return Page(); }
        string format;
        try { format = FichierLieux.FormatDepuisNom(Fichier.FileName, null); }
        catch (System.ComponentModel.DataAnnotations.ValidationException e) { Erreur = e.Message; return Page(); }
        await using var flux = Fichier.OpenReadStream();
        var source = string.IsNullOrWhiteSpace(Source) ? Path.GetFileNameWithoutExtension(Fichier.FileName) : Source.Trim();
        Rapport = await ImporterLieux.ExecuterAsync(db, flux, format, source, LignesValides, horloge, null, ct);
        return Page();
    }
}
