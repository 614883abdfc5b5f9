using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Passerelle.Tests.Features.Financer.Deliberations.Lecture;

/// <summary>PDFs written for the tests (PDFsharp for text, PdfPig's builder for a page without text): one text line per
/// printed line, in a monospaced font (DejaVu Sans Mono, kept in tests/polices with its licence), as a council's word processor
/// would print an act.</summary>
public static class PdfActes
{
    static readonly string Police = System.IO.Path.Combine(AppContext.BaseDirectory, "polices", "DejaVuSansMono.ttf");
    static readonly Lock Verrou = new();

    /// <summary>PDFsharp finds no system font on Linux by itself: this resolver hands it the monospaced font file.</summary>
    sealed class Polices : PdfSharp.Fonts.IFontResolver
    {
        public PdfSharp.Fonts.FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new("mono");
        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Police);
    }

    public static byte[] Ecrire(string texte, int lignesParPage = 60)
    {
        lock (Verrou)
            if (PdfSharp.Fonts.GlobalFontSettings.FontResolver is null) PdfSharp.Fonts.GlobalFontSettings.FontResolver = new Polices();
        var document = new PdfSharp.Pdf.PdfDocument();
        var police = new PdfSharp.Drawing.XFont("mono", 8);
        foreach (var page in texte.Split('\f'))
        {
            var lignes = page.Split('\n');
            for (var debut = 0; debut < Math.Max(1, lignes.Length); debut += lignesParPage)
            {
                var p = document.AddPage();
                using var g = PdfSharp.Drawing.XGraphics.FromPdfPage(p);
                var y = 40.0;
                foreach (var ligne in lignes.Skip(debut).Take(lignesParPage))
                {
                    // Runs of spaces become x offsets, as a word processor places columns.
                    var x = 30.0;
                    foreach (var morceau in System.Text.RegularExpressions.Regex.Split(ligne, "(?<=\\S)(?=\\s{2,})|(?<=\\s{2,})(?=\\S)|^(?=\\S)"))
                    {
                        if (morceau.Trim().Length > 0) g.DrawString(morceau, police, PdfSharp.Drawing.XBrushes.Black, x, y);
                        x += morceau.Length * 4.8;
                    }
                    y += 12.5;
                }
            }
        }
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    /// <summary>A PDF whose page holds no text at all (as a scan without OCR).</summary>
    public static byte[] SansTexte()
    {
        using var builder = new PdfDocumentBuilder();
        var p = builder.AddPage(PageSize.A4);
        p.DrawRectangle(new PdfPoint(50, 50), 300, 400);
        return builder.Build();
    }

}
