using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>Typing a deliberation by hand, with an optional attached act (PDF or text, 10 Mo at most).</summary>
[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class NouvelleModel(AppDbContext db, TimeProvider horloge) : FormulaireDeliberationModel
{
    public const int TaillePieceMax = 10 * 1024 * 1024;
    [BindProperty] public IFormFile? Piece { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ErreursLiaison();
        if (Piece is { } p && (p.Length == 0 || p.Length > TaillePieceMax || !(p.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || p.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))))
            Erreurs["Piece"] = ["La pièce jointe est un fichier PDF ou texte (.txt) non vide, de 10 Mo au plus."];
        if (Erreurs.Count > 0) return Page();
        try
        {
            var d = await EnregistrerDeliberation.CreerAsync(db, Saisie, DeliberationsApi.Auteur(HttpContext), horloge, ct);
            if (Piece is { } piece)
            {
                using var m = new MemoryStream();
                await piece.CopyToAsync(m, ct);
                d.Fichier = new FichierDeliberation { Contenu = m.ToArray() };
                d.FichierSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(d.Fichier.Contenu));
                d.FichierTaille = d.Fichier.Contenu.LongLength;
                d.FichierNom = Path.GetFileName(piece.FileName) is { Length: <= 200 } n ? n : "acte" + Path.GetExtension(piece.FileName);
                d.FichierType = piece.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "text/plain; charset=utf-8";
                await db.SaveChangesAsync(ct);
            }
            return Redirect($"/admin/deliberations/{d.Id}");
        }
        catch (System.ComponentModel.DataAnnotations.ValidationException e)
        {
            Erreurs = Valider.Erreurs(e);
            return Page();
        }
    }
}
