using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils.Certificats;

namespace Passerelle.Features.Equiper.Appareils.Admin;

/// <summary><c>/admin/equipement/certificats</c>: import the nwipe reports of a session (PDF certificates per drive, logs), all or
/// nothing; each drive goes to the medium with its serial number. The workshop (Atelier role) and administrators.</summary>
[Authorize(Policy = Roles.PolitiqueAtelier)]
[RequestSizeLimit(AppareilsApi.TailleImport)]
[RequestFormLimits(MultipartBodyLengthLimit = AppareilsApi.TailleImport)]
public sealed class CertificatsModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public RapportCertificats? Rapport { get; private set; }
    [BindProperty] public List<IFormFile> Fichiers { get; set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var fichiers = new List<FichierCertificat>();
        foreach (var f in Fichiers)
        {
            if (f.Length > ImporterCertificats.TailleMax) { fichiers.Add(new(f.FileName, new byte[ImporterCertificats.TailleMax + 1])); continue; }
            using var m = new MemoryStream();
            await f.CopyToAsync(m, ct);
            fichiers.Add(new(f.FileName, m.ToArray()));
        }
        Rapport = await ImporterCertificats.ExecuterAsync(db, fichiers, null, ChangerEtat.Auteur(User), horloge, ct);
        if (!Rapport.Ecrit) Erreurs["Fichiers"] = Rapport.Erreurs.ToArray();
        return Page();
    }
}
