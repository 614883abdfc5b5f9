using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Passerelle.Features.Equiper.Dons;

/// <summary>A plain A4 document written with PDFsharp 6.2 (MIT): a title, paragraphs, label/value rows and tables, wrapped to the
/// page width, new pages as needed, numbered « page n / N ». Fonts: DejaVu Sans and DejaVu Sans Mono, embedded in the assembly
/// (<c>Polices/</c>), so that the server needs no system font. Used for the donors' receipts and attestations, their lot's erasure
/// certificate and the buyers' receipts.</summary>
public sealed class DocumentPdf
{
    const double Marge = 50, Largeur = 595 - 2 * Marge, Bas = 842 - 60;
    readonly PdfDocument document = new();
    readonly List<PdfPage> pages = [];
    XGraphics g = null!;
    double y;
    readonly XFont normale, grasse, titre, petite;

    public DocumentPdf(string titreDocument, string sujet)
    {
        Polices.Installer();
        document.Info.Title = titreDocument;
        document.Info.Subject = sujet;
        document.Info.Creator = "Passerelle";
        normale = new XFont(Polices.Famille, 10);
        grasse = new XFont(Polices.Famille, 10, XFontStyleEx.Bold);
        titre = new XFont(Polices.Famille, 15, XFontStyleEx.Bold);
        petite = new XFont(Polices.Famille, 8);
        NouvellePage();
    }

    void NouvellePage()
    {
        g?.Dispose();
        var p = document.AddPage();
        pages.Add(p);
        g = XGraphics.FromPdfPage(p);
        y = Marge;
    }

    void Place(double hauteur)
    {
        if (y + hauteur > Bas) NouvellePage();
    }

    /// <summary>The lines of <paramref name="texte"/> cut at spaces to fit <paramref name="largeur"/> points.</summary>
    List<string> Couper(string texte, XFont police, double largeur)
    {
        var lignes = new List<string>();
        foreach (var paragraphe in texte.Split('\n'))
        {
            var ligne = "";
            foreach (var entier in paragraphe.Split(' '))
            {
                // A word wider than the column (a file name, a hash) is cut where it must.
                var mot = entier;
                while (mot.Length > 1 && g.MeasureString(mot, police).Width > largeur)
                {
                    var n = mot.Length - 1;
                    while (n > 1 && g.MeasureString(mot[..n], police).Width > largeur) n--;
                    if (ligne.Length > 0) { lignes.Add(ligne); ligne = ""; }
                    lignes.Add(mot[..n]);
                    mot = mot[n..];
                }
                var essai = ligne.Length == 0 ? mot : ligne + " " + mot;
                if (ligne.Length > 0 && g.MeasureString(essai, police).Width > largeur) { lignes.Add(ligne); ligne = mot; }
                else ligne = essai;
            }
            lignes.Add(ligne);
        }
        return lignes;
    }

    public DocumentPdf Titre(string texte)
    {
        foreach (var l in Couper(texte, titre, Largeur)) { Place(20); g.DrawString(l, titre, XBrushes.Black, Marge, y + 15); y += 20; }
        y += 6;
        return this;
    }

    public DocumentPdf Intertitre(string texte)
    {
        y += 6;
        Place(18);
        g.DrawString(texte, grasse, XBrushes.Black, Marge, y + 11);
        y += 18;
        return this;
    }

    public DocumentPdf Paragraphe(string texte, bool gras = false)
    {
        var police = gras ? grasse : normale;
        foreach (var l in Couper(texte, police, Largeur)) { Place(13); g.DrawString(l, police, XBrushes.Black, Marge, y + 10); y += 13; }
        y += 5;
        return this;
    }

    /// <summary>A label in bold on the left third, its value wrapped on the right.</summary>
    public DocumentPdf Champ(string libelle, string valeur)
    {
        var lv = Couper(valeur, normale, Largeur * 0.66);
        var ll = Couper(libelle, grasse, Largeur * 0.32);
        for (var i = 0; i < Math.Max(lv.Count, ll.Count); i++)
        {
            Place(13);
            if (i < ll.Count) g.DrawString(ll[i], grasse, XBrushes.Black, Marge, y + 10);
            if (i < lv.Count) g.DrawString(lv[i], normale, XBrushes.Black, Marge + Largeur * 0.34, y + 10);
            y += 13;
        }
        y += 3;
        return this;
    }

    /// <summary>A table: relative column widths, a header row repeated on each new page, cells wrapped, 8-point text.</summary>
    public DocumentPdf Tableau(double[] largeurs, string[] entetes, IEnumerable<string[]> lignes)
    {
        var total = largeurs.Sum();
        var l = largeurs.Select(x => x / total * Largeur).ToArray();
        void Ligne(string[] cellules, XFont police)
        {
            var coupees = cellules.Select((c, i) => Couper(c, police, l[i] - 4)).ToList();
            var hauteur = coupees.Max(c => c.Count) * 10 + 4;
            if (y + hauteur > Bas) { NouvellePage(); if (police != petitGras) Ligne(entetes, petitGras); }
            var x = Marge;
            for (var i = 0; i < coupees.Count; i++)
            {
                for (var k = 0; k < coupees[i].Count; k++) g.DrawString(coupees[i][k], police, XBrushes.Black, x + 2, y + 9 + k * 10);
                x += l[i];
            }
            y += hauteur;
            g.DrawLine(XPens.LightGray, Marge, y, Marge + Largeur, y);
        }
        Place(30);
        Ligne(entetes, petitGras);
        foreach (var c in lignes) Ligne(c, petite);
        y += 8;
        return this;
    }

    XFont petitGras => field ??= new XFont(Polices.Famille, 8, XFontStyleEx.Bold);

    /// <summary>The document's bytes, pages numbered.</summary>
    public byte[] Enregistrer()
    {
        g.Dispose();
        for (var i = 0; i < pages.Count; i++)
        {
            using var pied = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
            pied.DrawString($"{document.Info.Title} — page {i + 1} / {pages.Count}", petite, XBrushes.Gray, Marge, 842 - 30);
        }
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }
}

/// <summary>The fonts PDFsharp is given (it finds no system font on Linux): DejaVu Sans for every family, DejaVu Sans Mono for a
/// family whose name says « mono »; bold is simulated. Installed once per process, unless a resolver is already there.</summary>
public sealed class Polices : IFontResolver
{
    public const string Famille = "DejaVu Sans";
    static readonly Lock Verrou = new();

    public static void Installer()
    {
        lock (Verrou)
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new Polices();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(familyName.Contains("mono", StringComparison.OrdinalIgnoreCase) ? "DejaVuSansMono" : "DejaVuSans", isBold, isItalic);

    public byte[]? GetFont(string faceName)
    {
        using var flux = typeof(Polices).Assembly.GetManifestResourceStream($"Polices.{faceName}.ttf") ?? throw new InvalidOperationException($"Police {faceName} absente.");
        using var m = new MemoryStream();
        flux.CopyTo(m);
        return m.ToArray();
    }
}
