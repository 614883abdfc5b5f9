using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The text layer of a PDF act, read with PdfPig (Apache-2.0). Words are laid out as a printed page: one line per
/// baseline, words placed at their column (so tables and two-column headers keep their alignment, as the reader expects),
/// a blank line where the page leaves a gap, pages separated by a form feed.</summary>
public sealed class ExtracteurTextePdf : IExtracteurTextePdf
{
    /// <summary>Beyond this many pages, the file is not one act.</summary>
    public const int PagesMax = 300;

    public string Extraire(Stream pdf, CancellationToken ct)
    {
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > PagesMax)
                throw new ActeIllisibleException($"Ce PDF compte {document.NumberOfPages} pages : joignez seulement l'acte (au plus {PagesMax} pages).");
            var pages = new List<string>();
            for (var n = 1; n <= document.NumberOfPages; n++)
            {
                ct.ThrowIfCancellationRequested();
                pages.Add(MettreEnPage(document.GetPage(n)));
            }
            if (!pages.Any(p => p.Any(char.IsLetterOrDigit)))
                throw new ActeIllisibleException("Ce PDF ne contient pas de texte : collez le texte de l'acte.");
            return string.Join("\f", pages);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ActeIllisibleException("Ce PDF est protégé par un mot de passe : joignez une version non protégée, ou collez le texte de l'acte.");
        }
        catch (Exception e) when (e is not ActeIllisibleException and not OperationCanceledException)
        {
            // PdfPig signals damaged files with several exception types (format, stack depth, invalid operations…).
            throw new ActeIllisibleException("Ce PDF est endommagé ou n'est pas un PDF lisible : joignez le PDF de l'acte tel que publié, ou collez son texte.");
        }
    }

    static string MettreEnPage(Page page)
    {
        var mots = page.GetWords().Where(m => !string.IsNullOrWhiteSpace(m.Text)).ToList();
        if (mots.Count == 0) return "";
        // Advance widths (not glyph boxes, narrower): one column per character of the page's usual size.
        var lettres = mots.SelectMany(m => m.Letters).Where(l => l.Width > 0 && !char.IsWhiteSpace(l.Value, 0)).Select(l => l.Width).OrderBy(x => x).ToList();
        var largeur = lettres.Count > 0 ? Math.Max(1, lettres[lettres.Count / 2]) : 5;
        var hauteurs = mots.Select(m => m.BoundingBox.Height).Where(h => h > 0).OrderBy(x => x).ToList();
        var hauteur = hauteurs.Count > 0 ? Math.Max(1, hauteurs[hauteurs.Count / 2]) : 10;
        // Lines: words whose baselines are within half a line height of each other, top of the page first.
        var lignes = new List<List<Word>>();
        foreach (var mot in mots.OrderByDescending(m => m.BoundingBox.Bottom))
        {
            var ligne = lignes.LastOrDefault();
            if (ligne is not null && Math.Abs(ligne[0].BoundingBox.Bottom - mot.BoundingBox.Bottom) < hauteur / 2) ligne.Add(mot);
            else lignes.Add([mot]);
        }
        var gauche = mots.Min(m => m.BoundingBox.Left);
        var sb = new StringBuilder();
        double? precedente = null;
        foreach (var ligne in lignes)
        {
            var y = ligne[0].BoundingBox.Bottom;
            if (precedente is { } p && p - y > hauteur * 2.2) sb.Append('\n');
            precedente = y;
            var texte = new StringBuilder();
            foreach (var mot in ligne.OrderBy(m => m.BoundingBox.Left))
            {
                var colonne = (int)Math.Round((mot.BoundingBox.Left - gauche) / largeur);
                if (texte.Length > 0 && colonne <= texte.Length) texte.Append(' ');
                else if (colonne > texte.Length) texte.Append(' ', colonne - texte.Length);
                texte.Append(mot.Text);
            }
            sb.Append(texte.ToString().TrimEnd()).Append('\n');
        }
        return sb.ToString();
    }
}
